"""Write Tending's icon sprite from the Lucide icon set (ISC licence).

Tending serves its icons from its own static files: one SVG sprite of <symbol>s, each
named for what it means in Tending (``face-good``, ``tab-home``) and drawn by a Lucide
icon. Get the icons from the npm registry and point this script at the unpacked package:

    npm pack lucide-static@1.62.0 && tar xzf lucide-static-1.62.0.tgz
    .venv/bin/python tools/icons.py package/            # rewrite the sprite and licence
    .venv/bin/python tools/icons.py package/ --check    # exit 1 if they are out of date
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "src" / "tending" / "core" / "static" / "tending"
SPRITE = STATIC / "icons.svg"
LICENCE = STATIC / "icons-LICENSE.txt"

# Tending's name for an icon, and the Lucide icon that draws it.
ICONS = {
    "face-very-low": "frown",
    "face-low": "annoyed",
    "face-okay": "meh",
    "face-good": "smile",
    "face-very-good": "laugh",
    "stress-1": "sun",
    "stress-2": "cloud-sun",
    "stress-3": "cloud",
    "stress-4": "cloud-rain",
    "stress-5": "cloud-lightning",
    "battery-1": "battery-warning",
    "battery-2": "battery-low",
    "battery-3": "battery-medium",
    "battery-4": "battery-full",
    "battery-5": "battery-charging",
    "connection-1": "link-2-off",
    "connection-2": "link",
    "connection-3": "heart",
    "connection-4": "heart-handshake",
    "connection-5": "hand-heart",
    "tab-home": "house",
    "tab-checkin": "pencil-line",
    "tab-practices": "sprout",
    "tab-coach": "message-circle-heart",
    "tab-more": "ellipsis",
    "tab-history": "history",
    "tab-insights": "chart-line",
    "tab-learn": "book-open",
    "tab-assessments": "clipboard-list",
    "tab-partner": "users",
    "tab-reports": "file-text",
    "tab-yourdata": "download",
    "tab-profile": "user-round",
    "practice-questions": "message-circle-question",
    "practice-appreciations": "heart",
    "practice-conversations": "messages-square",
    "practice-breathing": "wind",
    "practice-rituals": "calendar-heart",
    "get-help": "life-buoy",
    "share": "share-2",
    "copy": "copy",
    "qr-code": "qr-code",
    "calendar": "calendar-days",
}

# On each symbol, since a <use> inherits from where it is used, not from the sprite.
STROKE = (
    'fill="none" stroke="currentColor" stroke-width="2" '
    'stroke-linecap="round" stroke-linejoin="round"'
)
ELEMENT = re.compile(r"<(path|circle|rect|line|polyline|polygon|ellipse)\b[^>]*/>", re.S)


def symbol(name: str, source: Path) -> str:
    shapes = [" ".join(match.group(0).split()) for match in ELEMENT.finditer(source.read_text())]
    if not shapes:
        raise SystemExit(f"{source} has no shapes")
    return f'<symbol id="{name}" viewBox="0 0 24 24" {STROKE}>{"".join(shapes)}</symbol>'


def sprite(package: Path) -> str:
    version = re.search(r'"version":\s*"([^"]+)"', (package / "package.json").read_text())
    symbols = "\n".join(
        symbol(name, package / "icons" / f"{lucide}.svg") for name, lucide in ICONS.items()
    )
    return (
        f"<!-- Icons from Lucide {version.group(1) if version else ''} (ISC licence, "
        "icons-LICENSE.txt), written by tools/icons.py -->\n"
        '<svg xmlns="http://www.w3.org/2000/svg">\n'
        f"{symbols}\n</svg>\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="the unpacked lucide-static package")
    parser.add_argument("--check", action="store_true", help="exit 1 if the files are stale")
    args = parser.parse_args()
    wanted = {SPRITE: sprite(args.package), LICENCE: (args.package / "LICENSE").read_text()}
    if args.check:
        stale = [str(path) for path, text in wanted.items() if path.read_text() != text]
        if stale:
            print("out of date:", *stale, file=sys.stderr)
            return 1
        return 0
    for path, text in wanted.items():
        path.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
