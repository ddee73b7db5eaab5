"""The insights page's tags: charts, words over time and patterns, every text escaped."""

from django.template import Context, Template

from tending.insights.display import Chart, WordsPeriod
from tending.insights.patterns import Pattern, find_pattern

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


def render(source: str, **context) -> str:
    return Template("{% load insight_charts %}" + source).render(Context(context))


def test_words_over_time_lists_each_word_with_its_days_or_a_dash():
    periods = [
        WordsPeriod("2027-03-01 to 2027-03-07", (("calm", 3), ("<odd> & new", 1)), ()),
    ]
    page = render("{% words_rows periods %}", periods=periods)
    assert '<th scope="row">2027-03-01 to 2027-03-07</th>' in page
    assert "<td>calm (3), &lt;odd&gt; &amp; new (1)</td>" in page
    assert "<td>–</td>" in page


def test_a_pattern_with_enough_days_shows_its_coefficients():
    pattern = find_pattern(
        key="sleep-mood",
        title="Sam's sleep & mood",
        first="your sleep",
        second="your mood",
        pairs=[(day % 5, (day * 3) % 7) for day in range(20)],
    )
    page = render("{% pattern_item pattern %}", pattern=pattern)
    assert '<h3 class="pattern__title">Sam&#x27;s sleep &amp; mood</h3>' in page
    assert "Days with both: 20." in page
    assert "Spearman's rank correlation ρ = " in page and "Pearson's r = " in page
    assert page.endswith("</li>\n")


def test_a_pattern_without_a_pearson_r_or_enough_days_says_less():
    no_pearson = Pattern("a", "A", "a", "b", 20, None, -0.456, "These two moved together closely")
    assert "ρ = -0.46. Both run" in render("{% pattern_item pattern %}", pattern=no_pearson)
    too_few = find_pattern(key="b", title="B", first="a", second="b", pairs=[(1, 2), (2, 3)])
    page = render("{% pattern_item pattern %}", pattern=too_few)
    assert "Too few days to say" in page
    assert "<details" not in page
