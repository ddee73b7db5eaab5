"""Small SVG charts drawn on the server, for pages and PDF reports alike.

Colours are SVG presentation attributes (allowed by the Content-Security-Policy and read
by the PDF renderer); the stylesheet may override them through the class names, for
example in dark mode. Every text is escaped. No Django import.
"""

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from tending.core.calendar import plain_number as _number

# Text is 14 units in a 360-unit-wide drawing, so a chart in a card on a 390-px phone
# (about 324 px wide) shows it at 12.6 px or more.
WIDTH = 360
LINE_HEIGHT = 180
MARGIN_LEFT = 30
MARGIN_RIGHT = 10
MARGIN_TOP = 28
MARGIN_BOTTOM = 26
TEXT_SIZE = 14
TEXT_COLOUR = "#5f5a52"
GRID_COLOUR = "#ddd5c8"
PALETTE = {"me": "#2f6f62", "partner": "#b3541e"}


@dataclass(frozen=True)
class LineSeries:
    """One person's values and their rolling average, aligned with the chart's days; with
    no rolling average, the values are points of their own (a week's average each), evenly
    spaced across the chart and drawn as the one thick line."""

    label: str
    role: str
    values: Sequence[float | None]
    rolling: Sequence[float | None] | None

    @property
    def colour(self) -> str:
        return PALETTE.get(self.role, PALETTE["me"])


def short_date(day: dt.date) -> str:
    return f"{day.day} {day:%b}"


def _open_svg(title: str, height: int, chart_id: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" class="chart__svg" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
    ]


def _text(x: float, y: float, content: str, *, anchor: str = "start", size: int = TEXT_SIZE) -> str:
    return (
        f'<text x="{_number(x)}" y="{_number(y)}" font-size="{size}" fill="{TEXT_COLOUR}" '
        f'font-family="Helvetica, Arial, sans-serif" text-anchor="{anchor}" '
        f'class="chart__text">{escape(content)}</text>'
    )


def _line(
    xs: Sequence[str], values: Sequence[float | None], y_text: Callable[[float], str]
) -> tuple[str, list[tuple[str, str]]]:
    """In one pass: the path data joining consecutive points, a missing point starting a
    new stretch, and the points with no neighbour, which a path alone would not show."""
    parts: list[str] = []
    isolated: list[tuple[str, str]] = []
    stretch = 0
    point = ("", "")
    for x, value in zip(xs, values, strict=True):
        if value is None:
            if stretch == 1:
                isolated.append(point)
            stretch = 0
            continue
        y = y_text(value)
        parts.append(f"L{x} {y}" if stretch else f"M{x} {y}")
        stretch += 1
        point = (x, y)
    if stretch == 1:
        isolated.append(point)
    return " ".join(parts), isolated


@functools.lru_cache(maxsize=16)
def _x_texts(count: int) -> tuple[str, ...]:
    """Where each of ``count`` days sits across a line chart, as text; the same for every
    chart of that many days, so worked out once."""
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    if count == 1:
        return (_number(MARGIN_LEFT + plot_width / 2),)
    return tuple(_number(MARGIN_LEFT + plot_width * index / (count - 1)) for index in range(count))


def line_chart(
    *,
    chart_id: str,
    title: str,
    days: Sequence[dt.date],
    series: Sequence[LineSeries],
    y_min: float,
    y_max: float,
    y_ticks: Sequence[float],
) -> str:
    """Daily values as a thin line, the rolling average as a thick one, per person; or,
    for series without a rolling average, their values as the thick line."""
    height = LINE_HEIGHT
    plot_height = height - MARGIN_TOP - MARGIN_BOTTOM

    def y_at(value: float) -> float:
        return MARGIN_TOP + plot_height * (1 - (value - y_min) / (y_max - y_min))

    xs = _x_texts(len(days))
    y_texts: dict[float, str] = {}

    def y_text(value: float) -> str:
        """The value's y as text, each distinct value formatted once."""
        text = y_texts.get(value)
        if text is None:
            text = y_texts[value] = _number(y_at(value))
        return text

    out = _open_svg(title, height, chart_id)
    for tick in y_ticks:
        y = y_at(tick)
        out.append(
            f'<line x1="{MARGIN_LEFT}" y1="{_number(y)}" x2="{WIDTH - MARGIN_RIGHT}" '
            f'y2="{_number(y)}" stroke="{GRID_COLOUR}" stroke-width="1" class="chart__grid"/>'
        )
        out.append(_text(MARGIN_LEFT - 5, y + 5, _number(tick), anchor="end"))
    if days:
        out.append(_text(MARGIN_LEFT, height - 6, short_date(days[0])))
        out.append(_text(WIDTH - MARGIN_RIGHT, height - 6, short_date(days[-1]), anchor="end"))
    legend_x = float(MARGIN_LEFT)
    for line in series:
        out.append(
            f'<line x1="{_number(legend_x)}" y1="11" x2="{_number(legend_x + 16)}" y2="11" '
            f'stroke="{line.colour}" stroke-width="3" class="chart__line--{line.role}"/>'
        )
        out.append(_text(legend_x + 20, 16, line.label))
        legend_x += 30 + 8 * len(line.label)
    for line in series:
        if line.rolling is None:
            points, isolated = _line(_x_texts(len(line.values)), line.values, y_text)
            daily, rolling = "", points
        else:
            daily, isolated = _line(xs, line.values, y_text)
            rolling, _ = _line(xs, line.rolling, y_text)
        if daily:
            out.append(
                f'<path d="{daily}" fill="none" stroke="{line.colour}" '
                f'stroke-width="1" stroke-opacity="0.45" class="chart__line--{line.role}"/>'
            )
        for point_x, point_y in isolated:
            out.append(
                f'<circle cx="{point_x}" cy="{point_y}" r="1.8" fill="{line.colour}" '
                f'class="chart__dot--{line.role}"/>'
            )
        if rolling:
            out.append(
                f'<path d="{rolling}" fill="none" stroke="{line.colour}" '
                f'stroke-width="2.5" stroke-linejoin="round" class="chart__line--{line.role}"/>'
            )
    out.append("</svg>")
    return "".join(out)


def bar_chart(
    *, chart_id: str, title: str, bars: Sequence[tuple[str, float]], role: str = "me"
) -> str:
    """Horizontal bars, one labelled row each, longest for the largest value."""
    row = 24
    label_width = 124
    height = max(row * len(bars), row) + 8
    top = max((value for _, value in bars), default=0) or 1
    colour = PALETTE.get(role, PALETTE["me"])
    out = _open_svg(title, height, chart_id)
    for index, (label, value) in enumerate(bars):
        y = 4 + index * row
        length = (WIDTH - label_width - 40) * value / top
        out.append(_text(label_width - 6, y + 16, label, anchor="end"))
        out.append(
            f'<rect x="{label_width}" y="{y + 4}" width="{_number(max(length, 1))}" '
            f'height="{row - 8}" rx="3" fill="{colour}" class="chart__bar--{role}"/>'
        )
        out.append(_text(label_width + length + 5, y + 16, _number(value)))
    out.append("</svg>")
    return "".join(out)


def paired_column_chart(
    *,
    chart_id: str,
    title: str,
    labels: Sequence[str],
    totals: Sequence[int],
    highlighted: Sequence[int],
    total_name: str,
    highlighted_name: str,
) -> str:
    """Columns per period: a pale one for the total, a solid one for the part highlighted."""
    height = LINE_HEIGHT
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_height = height - MARGIN_TOP - MARGIN_BOTTOM
    top = max(max(totals, default=0), 1)
    slot = plot_width / max(len(labels), 1)
    bar = max(min(slot * 0.4, 18), 1)
    colour = PALETTE["me"]
    out = _open_svg(title, height, chart_id)
    for tick in sorted({0, top}):
        y = MARGIN_TOP + plot_height * (1 - tick / top)
        out.append(
            f'<line x1="{MARGIN_LEFT}" y1="{_number(y)}" x2="{WIDTH - MARGIN_RIGHT}" '
            f'y2="{_number(y)}" stroke="{GRID_COLOUR}" stroke-width="1" class="chart__grid"/>'
        )
        out.append(_text(MARGIN_LEFT - 5, y + 5, str(tick), anchor="end"))
    out.append(
        f'<rect x="{MARGIN_LEFT}" y="6" width="10" height="10" fill="{colour}" '
        f'fill-opacity="0.3" class="chart__bar--total"/>'
    )
    out.append(_text(MARGIN_LEFT + 14, 16, total_name))
    second_x = MARGIN_LEFT + 26 + 7.6 * len(total_name)
    out.append(
        f'<rect x="{_number(second_x)}" y="6" width="10" height="10" fill="{colour}" '
        f'class="chart__bar--me"/>'
    )
    out.append(_text(second_x + 14, 16, highlighted_name))
    for index, (total, part) in enumerate(zip(totals, highlighted, strict=True)):
        x = MARGIN_LEFT + slot * index + (slot - 2 * bar) / 2
        for offset, value, opacity, css in ((0, total, "0.3", "total"), (bar, part, "1", "me")):
            bar_height = plot_height * value / top
            bar_top = MARGIN_TOP + plot_height - bar_height
            out.append(
                f'<rect x="{_number(x + offset)}" y="{_number(bar_top)}" '
                f'width="{_number(bar)}" height="{_number(bar_height)}" fill="{colour}" '
                f'fill-opacity="{opacity}" class="chart__bar--{css}"/>'
            )
    if labels:
        out.append(_text(MARGIN_LEFT, height - 6, labels[0]))
        if len(labels) > 1:
            out.append(_text(WIDTH - MARGIN_RIGHT, height - 6, labels[-1], anchor="end"))
    out.append("</svg>")
    return "".join(out)


def table_body(rows: Sequence[Sequence[str]]) -> str:
    """The rows of a chart's table: the first cell of each heads its row. Text is escaped."""
    out = []
    # A table repeats few values (numbers, dashes): each distinct one is escaped once.
    escaped: dict[str, str] = {}
    for row in rows:
        out.append(f'<tr><th scope="row">{escape(row[0])}</th>' if row else "<tr>")
        for cell in row[1:]:
            text = escaped.get(cell)
            if text is None:
                text = escaped[cell] = escape(cell)
            out.append(f"<td>{text}</td>")
        out.append("</tr>")
    return "".join(out)
