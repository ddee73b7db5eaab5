"""The repeated parts of the insights page, each written in one pass: a fraction of the
time the same markup took as included templates with loops.

- ``{% chart_figure chart %}``: one chart with its caption and its numbers as a table
  (insights shows ten on a page, a report five);
- ``{% words_rows periods %}``: the rows of "Your words over time";
- ``{% pattern_item pattern %}``: one pattern with its details.
"""

import html

from django import template
from django.template.defaultfilters import floatformat
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

NOTHING_YET = "Nothing recorded in this time yet."


@register.simple_tag
def chart_figure(chart) -> SafeString:
    """The figure, ending with a line break as the included partial did."""
    title = html.escape(chart.title)
    if not chart.has_data:
        return mark_safe(
            f'<figure class="chart">\n  <figcaption class="chart__title">{title}</figcaption>\n'
            f'  \n    <p class="muted">{NOTHING_YET}</p>\n  \n</figure>\n'
        )
    headers = "".join(f'<th scope="col">{html.escape(header)}</th>' for header in chart.headers)
    return mark_safe(
        f'<figure class="chart">\n  <figcaption class="chart__title">{title}</figcaption>\n'
        f"  \n    {chart.svg}\n"
        '    <details class="chart__data">\n'
        "      <summary>The numbers as a table</summary>\n"
        '      <div class="table-scroll" tabindex="0" role="region" '
        f'aria-label="{title}, as a table">\n'
        "        <table>\n"
        f'          <caption class="visually-hidden">{title}</caption>\n'
        f"          <thead><tr>{headers}</tr></thead>\n"
        "          <tbody>\n"
        f"            {chart.table_body}\n"
        "          </tbody>\n"
        "        </table>\n"
        "      </div>\n"
        "    </details>\n"
        "  \n</figure>\n"
    )


def _counted(words) -> str:
    return ", ".join(f"{html.escape(word)} ({count})" for word, count in words) or "–"


@register.simple_tag
def words_rows(periods) -> SafeString:
    return mark_safe(
        "".join(
            "\n            <tr>\n"
            f'              <th scope="row">{html.escape(period.label)}</th>\n'
            f"              <td>{_counted(period.emotions)}</td>\n"
            f"              <td>{_counted(period.needs)}</td>\n"
            "            </tr>\n          "
            for period in periods
        )
    )


@register.simple_tag
def pattern_item(pattern) -> SafeString:
    """The pattern as a list item, ending with a line break as the included partial did."""
    details = ""
    if pattern.has_enough_days and pattern.spearman is not None:
        pearson = ""
        if pattern.pearson is not None:
            pearson = f"; Pearson's r = {floatformat(pattern.pearson, 2)}"
        details = (
            '\n    <details class="pattern__details">\n'
            "      <summary>Details</summary>\n"
            f'      <p class="muted">Days with both: {pattern.paired_days}. '
            f"Spearman's rank correlation ρ = {floatformat(pattern.spearman, 2)}{pearson}. "
            "Both run from −1 to 1: near 0 the two did not move together; near 1 (or −1) "
            "they rose together (or one fell as the other rose).</p>\n"
            "    </details>\n  "
        )
    return mark_safe(
        '<li class="pattern">\n'
        f'  <h3 class="pattern__title">{html.escape(pattern.title)}</h3>\n'
        '  <p class="pattern__strength"><span class="chip">'
        f"{html.escape(pattern.strength)}</span></p>\n"
        f"  <p>{html.escape(pattern.sentence)}</p>\n"
        f"  {details}\n</li>\n"
    )
