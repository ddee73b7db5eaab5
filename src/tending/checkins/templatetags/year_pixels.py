"""``{% pixel_rows pixels %}``: the body of the year-in-pixels table.

372 cells with a square or two each are written here in one pass rather than by nested
template loops, which took several times as long to render. The cells hold plain text
(tones and words), escaped with the standard library's ``html.escape``, which is what
Django's own escaping calls, without its cost per value.
"""

import html

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _cell(cell) -> str:
    if cell is None:
        return "<td></td>"
    squares = "".join(f'<span class="px {html.escape(tone)}"></span>' for tone in cell.tones)
    text = f'<span class="visually-hidden">{html.escape(cell.text)}</span>' if cell.text else ""
    return f"<td>{squares}{text}</td>"


@register.simple_tag
def pixel_rows(pixels) -> SafeString:
    written: dict[object, str] = {}  # many days share a look: each is written once

    def cell_html(cell) -> str:
        found = written.get(cell)
        if found is None:
            found = written[cell] = _cell(cell)
        return found

    rows = (
        f'<tr><th scope="row">{day}</th>{"".join(cell_html(cell) for cell in cells)}</tr>'
        for day, cells in pixels.rows
    )
    return mark_safe("\n".join(rows))
