"""What the insights pages show. Every read is one aggregate-friendly query, so the cost
of a page does not grow with the length of a person's history beyond the chosen range."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Min, Q

from tending.assessments.models import Result, Sharing
from tending.assessments.selectors import band_of, instrument_for, shared_view
from tending.checkins.feelings import NEED_LABELS, requests_help
from tending.checkins.models import CheckIn, Response
from tending.checkins.selectors import TURNED_TOWARD_WINDOW
from tending.core.timezones import local_today, week_start, zone_for
from tending.couples.selectors import couple_and_partner
from tending.insights import charts, series, summary
from tending.insights.models import InsightPreferences
from tending.insights.patterns import Pattern, find_pattern

RANGES = (7, 30, 90, 365)
DEFAULT_RANGE = 30
PATTERN_MIN_DAYS = 90
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
class DayReading:
    """What one viewer may use of one check-in; hidden parts are empty."""

    is_mine: bool
    checkin_id: int
    local_date: dt.date
    created_at: dt.datetime
    numbers: dict = field(default_factory=dict)
    emotions: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    is_request: bool = False


@dataclass(frozen=True)
class Chart:
    """An SVG chart with the same numbers as a table for screen readers."""

    chart_id: str
    title: str
    svg: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    has_data: bool


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def format_number(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.1f}".rstrip("0").rstrip(".")


def visible_readings(user, couple, partner, start: dt.date, end: dt.date) -> list[DayReading]:
    """My check-ins and my partner's shared ones (since we became a couple), in one query."""
    rows = (
        CheckIn.objects.visible_to(user, couple=couple, partner=partner)
        .filter(local_date__gte=start, local_date__lte=end)
        .order_by("local_date")
        .values_list(
            "id",
            "user_id",
            "local_date",
            "created_at",
            "mood",
            "stress",
            "energy",
            "connection",
            "sleep_hours",
            "emotions",
            "needs",
            "share_numbers",
            "share_emotions",
            "share_needs",
        )
    )
    readings = []
    for (
        checkin_id,
        owner_id,
        local_date,
        created_at,
        mood,
        stress,
        energy,
        connection,
        sleep_hours,
        emotions,
        needs,
        share_numbers,
        share_emotions,
        share_needs,
    ) in rows:
        mine = owner_id == user.pk
        numbers = {}
        if mine or share_numbers:
            numbers = {"mood": mood, "stress": stress, "energy": energy, "connection": connection}
            if sleep_hours is not None:
                numbers["sleep_hours"] = float(sleep_hours)
        shown_needs = tuple(needs) if mine or share_needs else ()
        readings.append(
            DayReading(
                is_mine=mine,
                checkin_id=checkin_id,
                local_date=local_date,
                created_at=created_at,
                numbers=numbers,
                emotions=tuple(emotions) if mine or share_emotions else (),
                needs=shown_needs,
                is_request=share_needs and requests_help(list(needs)),
            )
        )
    return readings


def first_responses(couple, since: dt.date) -> dict[int, tuple[dt.datetime, int]]:
    """For each answered check-in in the couple: the first answer's time and the count."""
    if couple is None:
        return {}
    return {
        row["checkin_id"]: (row["first"], row["count"])
        for row in Response.objects.filter(couple=couple, checkin__local_date__gte=since)
        .values("checkin_id")
        .annotate(first=Min("created_at"), count=Count("id"))
    }


def measure_chart(
    measure: Measure,
    days: list[dt.date],
    mine: list[DayReading],
    theirs: list[DayReading],
    partner_name: str | None,
    chart_prefix: str = "chart",
) -> Chart:
    """One measure over the days, for me and (where shared) my partner."""
    people = [("You", "me", mine)]
    if partner_name and any(measure.key in r.numbers for r in theirs):
        people.append((partner_name, "partner", theirs))
    lines = []
    for label, role, readings in people:
        by_day = {
            r.local_date: r.numbers[measure.key] for r in readings if measure.key in r.numbers
        }
        values = series.daily_values(by_day, days)
        lines.append(charts.LineSeries(label, role, values, series.rolling_mean(values)))
    title = f"{measure.title}, {long_date(days[0])} to {long_date(days[-1])}"
    svg = charts.line_chart(
        chart_id=f"{chart_prefix}-{measure.key}",
        title=title,
        days=days,
        series=lines,
        y_min=measure.y_min,
        y_max=measure.y_max,
        y_ticks=measure.y_ticks,
    )
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
    has_data = any(value is not None for line in lines for value in line.values)
    return Chart(f"{chart_prefix}-{measure.key}", title, svg, headers, rows, has_data)


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
        {r.local_date: [NEED_LABELS.get(n, n) for n in r.needs] for r in mine}, periods, 3
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
    answers: dict[int, tuple[dt.datetime, int]],
    weeks: list[dt.date],
    mine_since: dt.date,
) -> list[TurnedTowardWeek]:
    """Requests in the couple per week, and how many were answered within 24 hours."""
    requests = {week: 0 for week in weeks}
    answered = {week: 0 for week in weeks}
    for reading in readings:
        if not reading.is_request or (reading.is_mine and reading.local_date < mine_since):
            continue
        week = series.week_start(reading.local_date)
        if week not in requests:
            continue
        requests[week] += 1
        answer = answers.get(reading.checkin_id)
        if answer and answer[0] - reading.created_at <= TURNED_TOWARD_WINDOW:
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
    answers: dict[int, tuple[dt.datetime, int]],
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
        received = [
            (answers.get(r.checkin_id, (None, 0))[1], by_day[r.local_date + dt.timedelta(days=1)])
            for r in mine
            if r.local_date >= mine_since_couple and r.local_date + dt.timedelta(days=1) in by_day
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


@dataclass(frozen=True)
class Insights:
    days: int
    ranges: tuple[int, ...]
    start: dt.date
    end: dt.date
    partner_name: str | None
    checkin_days: int
    measure_charts: list[Chart]
    emotion_charts: list[Chart]
    need_charts: list[Chart]
    words_over_time: list[WordsPeriod]
    turned_toward: Chart | None
    patterns: list[Pattern]
    pattern_days: int
    assessments: tuple = ()


def chosen_range(value) -> int:
    try:
        days = int(value)
    except (TypeError, ValueError):
        return DEFAULT_RANGE
    return days if days in RANGES else DEFAULT_RANGE


def insights_for(user, *, days: int | str | None = DEFAULT_RANGE, now=None) -> Insights:
    """Everything on the insights page for ``user`` over the last ``days`` local days."""
    days = chosen_range(days)
    couple, partner = couple_and_partner(user)
    end = local_today(user, now)
    start = end - dt.timedelta(days=days - 1)
    pattern_days = max(days, PATTERN_MIN_DAYS)
    pattern_start = end - dt.timedelta(days=pattern_days - 1)
    readings = visible_readings(user, couple, partner, pattern_start, end)
    answers = first_responses(couple, pattern_start)
    in_range = [r for r in readings if r.local_date >= start]
    mine = [r for r in in_range if r.is_mine]
    theirs = [r for r in in_range if not r.is_mine]
    partner_name = str(partner) if partner is not None else None
    day_list = series.days_between(start, end)

    emotion_charts = [
        word_chart(
            "feelings-me",
            "Feelings you named most",
            series.top_words((r.emotions for r in mine), TOP_WORDS),
            "me",
        )
    ]
    need_charts = [
        word_chart(
            "needs-me",
            "What would have helped you",
            series.top_words(([NEED_LABELS.get(n, n) for n in r.needs] for r in mine), TOP_WORDS),
            "me",
        )
    ]
    if partner_name:
        their_feelings = series.top_words((r.emotions for r in theirs), TOP_WORDS)
        if their_feelings:
            emotion_charts.append(
                word_chart(
                    "feelings-partner",
                    f"Feelings {partner_name} shared most",
                    their_feelings,
                    "partner",
                )
            )
        their_needs = series.top_words(
            ([NEED_LABELS.get(n, n) for n in r.needs] for r in theirs), TOP_WORDS
        )
        if their_needs:
            need_charts.append(
                word_chart(
                    "needs-partner",
                    f"What {partner_name} said would help",
                    their_needs,
                    "partner",
                )
            )

    turned_toward = None
    mine_since_couple = None
    if couple is not None and partner is not None:
        mine_since_couple = couple.first_day_for(user)
        weeks = sorted({series.week_start(day) for day in day_list})
        turned_toward = turned_toward_chart(
            turned_toward_by_week(in_range, answers, weeks, mine_since_couple)
        )

    all_mine = [r for r in readings if r.is_mine]
    all_theirs = [r for r in readings if not r.is_mine]
    return Insights(
        days=days,
        ranges=RANGES,
        start=start,
        end=end,
        partner_name=partner_name,
        checkin_days=len(mine),
        measure_charts=[
            measure_chart(measure, day_list, mine, theirs, partner_name) for measure in MEASURES
        ],
        emotion_charts=emotion_charts,
        need_charts=need_charts,
        words_over_time=words_over_time(day_list, mine),
        turned_toward=turned_toward,
        patterns=patterns_for(all_mine, all_theirs, answers, partner_name, mine_since_couple),
        pattern_days=pattern_days,
        assessments=assessment_rows(
            user,
            couple,
            partner,
            dt.datetime.combine(start, dt.time.min, tzinfo=zone_for(user)),
        ),
    )


def preferences_for(user) -> InsightPreferences:
    """The person's saved choices, or the defaults (nothing is stored until they choose)."""
    return InsightPreferences.objects.filter(user=user).first() or InsightPreferences(user=user)


@dataclass(frozen=True)
class WeeklySummary:
    week_start: dt.date
    week_end: dt.date
    previous_week: dt.date
    next_week: dt.date | None
    is_current_week: bool
    partner_name: str | None
    my_sentences: list[str]
    partner_sentences: list[str]
    together_sentence: str
    charts: list[Chart]


def week_numbers(readings: list[DayReading]) -> summary.WeekNumbers:
    return summary.WeekNumbers(
        days=len(readings),
        means={m.key: series.mean(r.numbers.get(m.key) for r in readings) for m in MEASURES},
        top_feelings=tuple(word for word, _ in series.top_words((r.emotions for r in readings), 3)),
    )


def chosen_week(user, value, now: dt.datetime | None = None) -> dt.date:
    """The Monday of the week asked for, or of this week when none (or a future one) is asked."""
    this_week = week_start(local_today(user, now))
    try:
        asked = week_start(dt.date.fromisoformat(value))
    except (TypeError, ValueError):
        return this_week
    return min(asked, this_week)


def weekly_summary(user, *, week: dt.date | None = None, now=None) -> WeeklySummary:
    """The week from Monday to Sunday in sentences and two small charts."""
    this_week = week_start(local_today(user, now))
    start = min(week_start(week), this_week) if week else this_week
    end = start + dt.timedelta(days=6)
    previous = start - dt.timedelta(days=7)
    couple, partner = couple_and_partner(user)
    readings = visible_readings(user, couple, partner, previous, end)
    current = [r for r in readings if r.local_date >= start]
    before = [r for r in readings if r.local_date < start]
    mine = [r for r in current if r.is_mine]
    theirs = [r for r in current if not r.is_mine]
    partner_name = str(partner) if partner is not None else None

    together = ""
    if couple is not None and partner is not None:
        answers = first_responses(couple, start)
        (week_counts,) = turned_toward_by_week(
            current, answers, [start], couple.first_day_for(user)
        )
        together = summary.turned_toward_sentence(
            week_counts.requests, week_counts.answered_in_a_day
        )
    days = series.days_between(start, end)
    shared_days = [r for r in theirs if r.numbers or r.emotions or r.needs]
    return WeeklySummary(
        week_start=start,
        week_end=end,
        previous_week=previous,
        next_week=start + dt.timedelta(days=7) if start < this_week else None,
        is_current_week=start == this_week,
        partner_name=partner_name,
        my_sentences=summary.my_sentences(
            week_numbers(mine), week_numbers([r for r in before if r.is_mine])
        ),
        partner_sentences=summary.partner_sentences(partner_name, week_numbers(shared_days))
        if partner_name
        else [],
        together_sentence=together,
        charts=[
            measure_chart(m, days, mine, theirs, partner_name, chart_prefix="week")
            for m in MEASURES
            if m.key in ("mood", "connection")
        ],
    )


@dataclass(frozen=True)
class AssessmentRow:
    """One questionnaire result as a viewer may see it: their own, or a partner's as shared."""

    date: str
    name: str
    score: str
    band: str
    is_mine: bool
    owner_name: str


ASSESSMENTS_SHOWN = 60


def assessment_rows(
    user, couple, partner, since: dt.datetime, until: dt.datetime | None = None
) -> tuple[AssessmentRow, ...]:
    """My results since ``since``, and my partner's shared ones since the couple began."""
    visible = Q(user=user, taken_at__gte=since)
    if couple is not None and partner is not None:
        visible |= Q(user=partner, taken_at__gte=max(since, couple.started_at)) & ~Q(
            sharing=Sharing.NOTHING
        )
    results = Result.objects.filter(visible)
    if until is not None:
        results = results.filter(taken_at__lt=until)
    rows = []
    for result in results.order_by("-taken_at", "-pk")[:ASSESSMENTS_SHOWN]:
        instrument = instrument_for(result.instrument_key)
        if instrument is None:
            continue
        day = result.taken_at.astimezone(zone_for(user)).date().isoformat()
        if result.user_id == user.pk:
            band = band_of(instrument, result)
            rows.append(
                AssessmentRow(
                    day,
                    instrument.short_name,
                    f"{result.total * instrument.display_multiplier} {instrument.display_unit}",
                    band.label if band else "–",
                    True,
                    str(user),
                )
            )
            continue
        shared = shared_view(result)
        if shared is None:
            continue
        rows.append(
            AssessmentRow(
                day,
                shared.short_name,
                f"{shared.score} {shared.unit}" if shared.score is not None else "Not shared",
                shared.band_label or "–",
                False,
                str(partner),
            )
        )
    return tuple(rows)
