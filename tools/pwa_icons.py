"""Draw the app icons of the web app manifest and the Apple touch icon from the same shape
as ``src/tending/core/static/tending/icon.svg``: a heart on Tending's green.

Run once after changing the design: ``.venv/bin/python tools/pwa_icons.py``. The PNG files
it writes are committed; Tending never draws them at run time.
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw

GREEN = (47, 111, 98, 255)
CREAM = (250, 247, 242, 255)
OUT = Path(__file__).resolve().parents[1] / "src/tending/core/static/tending/icons"
SUPERSAMPLE = 4


def heart(size: float, centre: tuple[float, float]) -> list[tuple[float, float]]:
    """A heart (the classic parametric curve) about ``size`` wide around ``centre``."""
    points = []
    for step in range(720):
        t = 2 * math.pi * step / 720
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        points.append((centre[0] + x * size / 34, centre[1] - y * size / 34))
    return points


def icon(pixels: int, *, full_bleed: bool, heart_share: float) -> Image.Image:
    big = pixels * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if full_bleed:
        draw.rectangle((0, 0, big, big), fill=GREEN)
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 14 // 64, fill=GREEN)
    draw.polygon(heart(big * heart_share, (big / 2, big * 0.52)), fill=CREAM)
    return image.resize((pixels, pixels), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for pixels in (192, 512):
        icon(pixels, full_bleed=False, heart_share=0.62).save(OUT / f"icon-{pixels}.png")
        # Maskable: the platform cuts its own shape; keep the heart in the central 80 %.
        icon(pixels, full_bleed=True, heart_share=0.48).save(OUT / f"maskable-{pixels}.png")
    icon(180, full_bleed=True, heart_share=0.56).save(OUT / "apple-touch-icon.png")


if __name__ == "__main__":
    main()
