"""What the insights pages show. Every read is one aggregate-friendly query, so the cost
of a page does not grow with the length of a person's history beyond the chosen range."""

import datetime as dt
from dataclasses import dataclass

from tending.checkins.feelings import NEED_LABELS
from tending.core.calendar import week_start
from tending.core.timezones import local_today, zone_for
from tending.couples.selectors import couple_and_partner
from tending.insights import series, summary
from tending.insights.display import (
    MEASURES,
    TOP_WORDS,
    Chart,
    WordsPeriod,
    measure_chart,
    patterns_for,
    turned_toward_by_week,
    turned_toward_chart,
    week_numbers,
    weekly_measure_charts,
    word_chart,
    words_over_time,
)
from tending.insights.models import InsightPreferences
from tending.insights.patterns import Pattern
from tending.insights.readings import (
    DayReading,
    assessment_rows,
    first_visible_day,
    visible_readings,
)

RANGES = (7, 30, 90, 365)

DEFAULT_RANGE = 30

PATTERN_MIN_DAYS = 90

# Longer ranges are charted one point a week: a year of days is more points than a chart
# a phone wide has pixels for.
WEEKLY_CHARTS_FROM_DAYS = 180


@dataclass(frozen=True)
class Insights:
    days: int
    ranges: tuple[int, ...]
    start: dt.date
    end: dt.date
    partner_name: str | None
    checkin_days: int
    weekly_charts: bool
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
    readings = visible_readings(
        user, couple, partner=partner, start=pattern_start, end=end, with_answers=True
    )
    # The readings split once: all of them for patterns, those since ``start`` for the rest.
    all_mine: list[DayReading] = []
    all_theirs: list[DayReading] = []
    mine: list[DayReading] = []
    theirs: list[DayReading] = []
    for reading in readings:
        if reading.is_mine:
            all_mine.append(reading)
            if reading.local_date >= start:
                mine.append(reading)
        else:
            all_theirs.append(reading)
            if reading.local_date >= start:
                theirs.append(reading)
    in_range = (
        readings if pattern_start == start else [r for r in readings if r.local_date >= start]
    )
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
            series.top_words((r.needs for r in mine), TOP_WORDS, NEED_LABELS),
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
        their_needs = series.top_words((r.needs for r in theirs), TOP_WORDS, NEED_LABELS)
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
        monday = week_start(start)
        weeks = [monday + dt.timedelta(days=n) for n in range(0, (end - monday).days + 1, 7)]
        turned_toward = turned_toward_chart(
            turned_toward_by_week(in_range, weeks, mine_since_couple)
        )

    weekly = days >= WEEKLY_CHARTS_FROM_DAYS
    return Insights(
        days=days,
        ranges=RANGES,
        start=start,
        end=end,
        partner_name=partner_name,
        checkin_days=len(mine),
        weekly_charts=weekly,
        measure_charts=weekly_measure_charts(day_list, mine, theirs, partner_name)
        if weekly
        else [measure_chart(measure, day_list, mine, theirs, partner_name) for measure in MEASURES],
        emotion_charts=emotion_charts,
        need_charts=need_charts,
        words_over_time=words_over_time(day_list, mine),
        turned_toward=turned_toward,
        patterns=patterns_for(all_mine, all_theirs, partner_name, mine_since_couple),
        pattern_days=pattern_days,
        assessments=assessment_rows(
            user,
            couple,
            partner=partner,
            since=dt.datetime.combine(start, dt.time.min, tzinfo=zone_for(user)),
        ),
    )


def preferences_for(user) -> InsightPreferences:
    """The person's saved choices, or the defaults (nothing is stored until they choose)."""
    return InsightPreferences.objects.filter(user=user).first() or InsightPreferences(user=user)


@dataclass(frozen=True)
class WeeklySummary:
    week_start: dt.date
    week_end: dt.date
    previous_week: dt.date | None
    next_week: dt.date | None
    is_current_week: bool
    partner_name: str | None
    my_sentences: list[str]
    partner_sentences: list[str]
    together_sentence: str
    charts: list[Chart]


def chosen_week(user, value, *, now: dt.datetime | None = None) -> dt.date | None:
    """The Monday of the week asked for, or None for this week (also for a future one)."""
    this_week = week_start(local_today(user, now))
    try:
        asked = week_start(dt.date.fromisoformat(value))
    except (TypeError, ValueError):
        return None
    return min(asked, this_week)


def weekly_summary(user, *, week: dt.date | None = None, now=None) -> WeeklySummary:
    """The week from Monday to Sunday in sentences and two small charts. Weeks go back to
    the one holding the first check-in the viewer may see, and no further."""
    this_week = week_start(local_today(user, now))
    couple, partner = couple_and_partner(user)
    first_day = first_visible_day(user, couple, partner=partner)
    first_week = week_start(first_day) if first_day else this_week
    start = min(max(week_start(week), first_week), this_week) if week else this_week
    end = start + dt.timedelta(days=6)
    previous = start - dt.timedelta(days=7)
    readings = visible_readings(
        user, couple, partner=partner, start=previous, end=end, with_answers=True
    )
    current = [r for r in readings if r.local_date >= start]
    before = [r for r in readings if r.local_date < start]
    mine = [r for r in current if r.is_mine]
    theirs = [r for r in current if not r.is_mine]
    partner_name = str(partner) if partner is not None else None

    together = ""
    if couple is not None and partner is not None:
        (week_counts,) = turned_toward_by_week(current, [start], couple.first_day_for(user))
        together = summary.turned_toward_sentence(
            week_counts.requests, week_counts.answered_in_a_day
        )
    days = series.days_between(start, end)
    shared_days = [r for r in theirs if r.numbers or r.emotions or r.needs]
    return WeeklySummary(
        week_start=start,
        week_end=end,
        previous_week=previous if previous >= first_week else None,
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
