"""Reads for rituals of connection: this week's progress, in neutral words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tending.core.calendar import week_start
from tending.core.timezones import local_today
from tending.rituals.models import Ritual, RitualDone
from tending.rituals.suggestions import Suggestion, load_ritual_suggestions

STREAK_WEEKS = 12


def ritual_progress_text(
    *, rhythm: str, times_per_period: int, done_this_week: int, done_today: int, days_so_far: int
) -> str:
    """Neutral words for this week's progress: counts, never a failure."""
    if rhythm == Ritual.Rhythm.WEEKLY:
        return f"{done_this_week} of {times_per_period} this week"
    if times_per_period == 1:
        day_word = "day" if days_so_far == 1 else "days"
        return f"{done_this_week} of {days_so_far} {day_word} so far this week"
    return f"{done_today} of {times_per_period} today"


def streak_text(weeks: int) -> str:
    """Only ever something to celebrate; nothing at all otherwise."""
    return f"{weeks} weeks in a row as planned" if weeks >= 2 else ""


@dataclass(frozen=True)
class RitualView:
    ritual: Ritual
    progress: str
    streak: str
    done_for_now: bool
    i_marked_today: bool
    last_marked_by: str


def _planned_per_week(ritual: Ritual) -> int:
    return ritual.times_per_period * (7 if ritual.rhythm == Ritual.Rhythm.DAILY else 1)


def _weeks_in_a_row(ritual: Ritual, per_week: dict[dt.date, int], this_week: dt.date) -> int:
    planned = _planned_per_week(ritual)
    weeks = 1 if per_week.get(this_week, 0) >= planned else 0
    monday = this_week - dt.timedelta(days=7)
    while per_week.get(monday, 0) >= planned:
        weeks += 1
        monday -= dt.timedelta(days=7)
    return weeks


def ritual_views(viewer, couple, *, now=None) -> list[RitualView]:
    """The couple's rituals with this week's progress, in two queries."""
    if couple is None:
        return []
    today = local_today(viewer, now)
    this_week = week_start(today)
    rituals = list(Ritual.objects.live().filter(couple=couple))
    since = this_week - dt.timedelta(weeks=STREAK_WEEKS)
    marks = list(
        RitualDone.objects.filter(ritual__in=rituals, local_date__gte=since)
        .select_related("user")
        .order_by("-created_at")
    )
    views = []
    for ritual in rituals:
        own = [mark for mark in marks if mark.ritual_id == ritual.pk]
        per_week: dict[dt.date, int] = {}
        for mark in own:
            monday = week_start(mark.local_date)
            per_week[monday] = per_week.get(monday, 0) + 1
        today_marks = [mark for mark in own if mark.local_date == today]
        if ritual.rhythm == Ritual.Rhythm.DAILY and ritual.times_per_period == 1:
            this_week_count = len({mark.local_date for mark in own if mark.local_date >= this_week})
        else:
            this_week_count = per_week.get(this_week, 0)
        done_for_now = (
            len(today_marks) >= ritual.times_per_period
            if ritual.rhythm == Ritual.Rhythm.DAILY
            else this_week_count >= ritual.times_per_period
        )
        views.append(
            RitualView(
                ritual=ritual,
                progress=ritual_progress_text(
                    rhythm=ritual.rhythm,
                    times_per_period=ritual.times_per_period,
                    done_this_week=this_week_count,
                    done_today=len(today_marks),
                    days_so_far=today.weekday() + 1,
                ),
                streak=streak_text(_weeks_in_a_row(ritual, per_week, this_week)),
                done_for_now=done_for_now,
                i_marked_today=any(mark.user_id == viewer.pk for mark in today_marks),
                last_marked_by=str(own[0].user) if own else "",
            )
        )
    return views


def unused_ritual_suggestions(couple) -> list[Suggestion]:
    if couple is None:
        return list(load_ritual_suggestions())
    used = set(Ritual.objects.live().filter(couple=couple).values_list("suggestion_key", flat=True))
    return [ritual for ritual in load_ritual_suggestions() if ritual.key not in used]
