"""``{% chart_figure %}``: a chart, its caption and its table, every text escaped."""

from django.template import Context, Template

from tending.insights.display import Chart

PARTIAL = Template('{% include "insights/_chart.html" %}')


def test_a_chart_with_numbers_has_its_table_and_escapes_every_text():
    chart = Chart(
        "chart-mood",
        'Mood of "Sam" & <Robin>',
        "<svg></svg>",
        ("Day", "Sam & co"),
        (("2027-03-10", "<4>"),),
        True,
    )
    page = PARTIAL.render(Context({"chart": chart}))
    assert page.startswith('<figure class="chart">\n')
    assert page.endswith("</figure>\n")
    title = "Mood of &quot;Sam&quot; &amp; &lt;Robin&gt;"
    assert f'<figcaption class="chart__title">{title}</figcaption>' in page
    assert f'aria-label="{title}, as a table"' in page
    assert f'<caption class="visually-hidden">{title}</caption>' in page
    assert '<th scope="col">Sam &amp; co</th>' in page
    assert "<td>&lt;4&gt;</td>" in page
    assert "<svg></svg>" in page


def test_a_chart_without_numbers_says_so_and_has_no_table():
    chart = Chart("needs-me", "What would have helped you", "<svg></svg>", (), (), False)
    page = PARTIAL.render(Context({"chart": chart}))
    assert '<p class="muted">Nothing recorded in this time yet.</p>' in page
    assert "<svg" not in page and "<table" not in page
