"""``{% pixel_rows pixels %}``: the body of the year-in-pixels table.

372 cells with a square or two each are written here in one pass rather than by nested
template loops, which took several times as long to render.
"""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _cell(cell) -> str:
    if cell is None:
        return "<td></td>"
    squares = "".join(f'<span class="px {conditional_escape(tone)}"></span>' for tone in cell.tones)
    text = format_html('<span class="visually-hidden">{}</span>', cell.text) if cell.text else ""
    return f"<td>{squares}{text}</td>"


@register.simple_tag
def pixel_rows(pixels) -> SafeString:
    rows = (
        f'<tr><th scope="row">{day}</th>{"".join(_cell(cell) for cell in cells)}</tr>'
        for day, cells in pixels.rows
    )
    return mark_safe("\n".join(rows))
