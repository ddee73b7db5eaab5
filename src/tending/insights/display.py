"""Charts, tables and words for insights and reports, built from readings already
filtered for the viewer."""

import datetime as dt
from dataclasses import dataclass

from tending.checkins.feelings import NEED_LABELS
from tending.core.calendar import plain_number, week_start
from tending.insights import charts, series, summary
from tending.insights.patterns import Pattern, find_pattern
from tending.insights.readings import DayReading

DAILY_TABLE_MAX_DAYS = 31

TOP_WORDS = 8


@dataclass(frozen=True)
class Measure:
    key: str
    title: str
    y_min: float
    y_max: float
    y_ticks: tuple[float, ...]


SCALE_TICKS = (1, 2, 3, 4, 5)

MEASURES = (
    Measure("mood", "Mood", 1, 5, SCALE_TICKS),
    Measure("stress", "Stress", 1, 5, SCALE_TICKS),
    Measure("energy", "Energy", 1, 5, SCALE_TICKS),
    Measure("connection", "Feeling connected", 1, 5, SCALE_TICKS),
    Measure("sleep_hours", "Sleep (hours)", 0, 12, (0, 4, 8, 12)),
)


@dataclass(frozen=True)
class Chart:
    """An SVG chart with the same numbers as a table for screen readers."""

    chart_id: str
    title: str
    svg: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    has_data: bool

    @property
    def table_body(self) -> str:
        """The rows as table markup, built here rather than cell by cell in the template."""
        return charts.table_body(self.rows)


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def format_number(value: float | None) -> str:
    """A number for a table: one decimal at most, a dash where there is none."""
    return "–" if value is None else plain_number(value)


def measure_chart(
    measure: Measure,
    days: list[dt.date],
    mine: list[DayReading],
    theirs: list[DayReading],
    partner_name: str | None,
    chart_prefix: str = "chart",
) -> Chart:
    """One measure over the days, for me and (where shared) my partner."""
    key = measure.key
    people = [("You", "me", mine)]
    if partner_name and any(key in r.numbers for r in theirs):
        people.append((partner_name, "partner", theirs))
    lines = []
    for label, role, readings in people:
        by_day = {r.local_date: r.numbers[key] for r in readings if key in r.numbers}
        values = series.daily_values(by_day, days)
        lines.append(charts.LineSeries(label, role, values, series.rolling_mean(values)))
    title = f"{measure.title}, {long_date(days[0])} to {long_date(days[-1])}"
    names = tuple(label for label, _, _ in people)
    if len(days) <= DAILY_TABLE_MAX_DAYS:
        headers = ("Day", *names)
        rows = tuple(
            (day.isoformat(), *(format_number(line.values[i]) for line in lines))
            for i, day in enumerate(days)
        )
    else:
        periods = series.periods_for(days, 7)
        headers = ("Week", *(f"{name} (average)" for name in names))
        means = [series.period_means(days, line.values, periods) for line in lines]
        rows = tuple(
            (period.label, *(format_number(values[i]) for values in means))
            for i, period in enumerate(periods)
        )
    return _lines_chart(measure, f"{chart_prefix}-{key}", title, days, lines, headers, rows)


def _lines_chart(
    measure: Measure,
    chart_id: str,
    title: str,
    days: list[dt.date],
    lines: list[charts.LineSeries],
    headers: tuple[str, ...],
    rows: tuple[tuple[str, ...], ...],
) -> Chart:
    """A measure's lines drawn on its scale, with the table that says the same."""
    svg = charts.line_chart(
        chart_id=chart_id,
        title=title,
        days=days,
        series=lines,
        y_min=measure.y_min,
        y_max=measure.y_max,
        y_ticks=measure.y_ticks,
    )
    has_data = any(value is not None for line in lines for value in line.values)
    return Chart(chart_id, title, svg, headers, rows, has_data)


def weekly_measure_charts(
    days: list[dt.date],
    mine: list[DayReading],
    theirs: list[DayReading],
    partner_name: str | None,
    chart_prefix: str = "chart",
) -> list[Chart]:
    """Every measure over the days, one point a week (the week's average, as the table
    lists them): a year of single days is more points than a small chart has room for.
    Each person's readings are gone through once for all measures."""
    periods = series.periods_for(days, 7)
    people = [("You", "me", mine)]
    if partner_name:
        people.append((partner_name, "partner", theirs))
    means = [
        series.period_means_by_key(
            ((r.local_date, r.numbers) for r in readings), days[0], 7, len(periods)
        )
        for _, _, readings in people
    ]
    dates = f"{long_date(days[0])} to {long_date(days[-1])}"
    labels = [period.label for period in periods]
    charts_out = []
    for measure in MEASURES:
        key = measure.key
        lines = [
            charts.LineSeries(label, role, person_means.get(key) or [None] * len(periods), None)
            for (label, role, _), person_means in zip(people, means, strict=True)
            if role == "me" or key in person_means
        ]
        title = f"{measure.title}, weekly averages, {dates}"
        headers = ("Week", *(f"{line.label} (average)" for line in lines))
        rows = tuple(
            (label, *(format_number(line.values[i]) for line in lines))
            for i, label in enumerate(labels)
        )
        charts_out.append(
            _lines_chart(measure, f"{chart_prefix}-{key}", title, days, lines, headers, rows)
        )
    return charts_out


def word_chart(chart_id: str, title: str, counted: list[tuple[str, int]], role: str) -> Chart:
    return Chart(
        chart_id,
        title,
        charts.bar_chart(chart_id=chart_id, title=title, bars=counted, role=role),
        ("Word", "Days"),
        tuple((word, str(count)) for word, count in counted),
        bool(counted),
    )


@dataclass(frozen=True)
class WordsPeriod:
    label: str
    emotions: tuple[tuple[str, int], ...]
    needs: tuple[tuple[str, int], ...]


def words_over_time(days: list[dt.date], mine: list[DayReading]) -> list[WordsPeriod]:
    periods = series.periods_for(days, 7 if len(days) <= DAILY_TABLE_MAX_DAYS else 30)
    emotions = series.top_words_by_period({r.local_date: r.emotions for r in mine}, periods, 3)
    needs = series.top_words_by_period(
        {r.local_date: r.needs for r in mine}, periods, 3, NEED_LABELS
    )
    return [
        WordsPeriod(period.label, tuple(emotions[i]), tuple(needs[i]))
        for i, period in enumerate(periods)
    ]


@dataclass(frozen=True)
class TurnedTowardWeek:
    week_start: dt.date
    requests: int
    answered_in_a_day: int


def turned_toward_by_week(
    readings: list[DayReading],
    weeks: list[dt.date],
    mine_since: dt.date,
) -> list[TurnedTowardWeek]:
    """Requests in the couple per week, and how many were answered within 24 hours."""
    requests = {week: 0 for week in weeks}
    answered = {week: 0 for week in weeks}
    for reading in readings:
        if not reading.is_request or (reading.is_mine and reading.local_date < mine_since):
            continue
        week = week_start(reading.local_date)
        if week not in requests:
            continue
        requests[week] += 1
        if reading.answered_in_a_day:
            answered[week] += 1
    return [TurnedTowardWeek(week, requests[week], answered[week]) for week in weeks]


def turned_toward_chart(weeks: list[TurnedTowardWeek], chart_id: str = "turned-toward") -> Chart:
    title = "Requests and those answered within a day, per week"
    labels = [f"{w.week_start.day} {w.week_start:%b}" for w in weeks]
    svg = charts.paired_column_chart(
        chart_id=chart_id,
        title=title,
        labels=labels,
        totals=[w.requests for w in weeks],
        highlighted=[w.answered_in_a_day for w in weeks],
        total_name="Requests",
        highlighted_name="Answered within a day",
    )
    rows = tuple(
        (f"Week of {w.week_start.isoformat()}", str(w.requests), str(w.answered_in_a_day))
        for w in weeks
    )
    return Chart(
        chart_id,
        title,
        svg,
        ("Week", "Requests", "Answered within a day"),
        rows,
        any(w.requests for w in weeks),
    )


def patterns_for(
    mine: list[DayReading],
    theirs: list[DayReading],
    partner_name: str | None,
    mine_since_couple: dt.date | None,
) -> list[Pattern]:
    by_day = {r.local_date: r.numbers for r in mine}
    found = [
        find_pattern(
            key="sleep-mood",
            title="Your sleep and your mood",
            first="your sleep",
            second="your mood",
            pairs=[(n["sleep_hours"], n["mood"]) for n in by_day.values() if "sleep_hours" in n],
        ),
        find_pattern(
            key="stress-connection",
            title="Your stress and how connected you felt",
            first="your stress",
            second="how connected you felt",
            pairs=[(n["stress"], n["connection"]) for n in by_day.values()],
        ),
    ]
    if partner_name is not None and mine_since_couple is not None:
        one_day = dt.timedelta(days=1)
        received = [
            (r.answer_count, next_day)
            for r in mine
            if r.local_date >= mine_since_couple
            and (next_day := by_day.get(r.local_date + one_day)) is not None
        ]
        found.append(
            find_pattern(
                key="responses-next-day-mood",
                title=f"Responses from {partner_name} and your mood the next day",
                first="the responses you received",
                second="your mood the next day",
                pairs=[(count, numbers["mood"]) for count, numbers in received],
            )
        )
        their_mood = {r.local_date: r.numbers["mood"] for r in theirs if "mood" in r.numbers}
        found.append(
            find_pattern(
                key="mood-together",
                title=f"Your mood and {partner_name}'s mood",
                first="your mood",
                second=f"{partner_name}'s mood",
                pairs=[
                    (numbers["mood"], their_mood[day])
                    for day, numbers in by_day.items()
                    if day in their_mood
                ],
            )
        )
    return found


def week_numbers(readings: list[DayReading]) -> summary.WeekNumbers:
    return summary.WeekNumbers(
        days=len(readings),
        means={m.key: series.mean(r.numbers.get(m.key) for r in readings) for m in MEASURES},
        top_feelings=tuple(word for word, _ in series.top_words((r.emotions for r in readings), 3)),
    )
