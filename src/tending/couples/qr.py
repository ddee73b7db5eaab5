"""The invitation link as a QR code, so two phones in one room can pair without typing.

Drawn on the server as SVG by segno: presentation attributes only (no style attribute,
which the Content-Security-Policy forbids), dark squares on a white quiet zone in light
and dark mode alike, so any camera reads it.
"""

import segno
from django.utils.safestring import SafeString, mark_safe

QUIET_ZONE = 4


def qr_svg(url: str) -> SafeString:
    """An SVG of ``url`` that scales to its container; the text is only ever path data."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(
        scale=1,
        border=QUIET_ZONE,
        dark="#000",
        light="#fff",
        omitsize=True,
        svgclass="qr__svg",
        lineclass=None,
    )
    return mark_safe(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))
