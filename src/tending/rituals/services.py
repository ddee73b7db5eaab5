"""Changes to rituals of connection: add, mark done, take back, set aside."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from tending.core.calendar import week_start
from tending.core.timezones import local_today
from tending.couples.models import Couple
from tending.practices.services import (
    PracticeError,
    clean_text,
    couple_or_error,
)
from tending.rituals.models import RITUAL_TITLE_MAX_LENGTH, Ritual, RitualDone
from tending.rituals.suggestions import load_ritual_suggestions

MAX_TIMES_PER_PERIOD = 14


def _check_rhythm(rhythm: str, times_per_period: int) -> None:
    if rhythm not in Ritual.Rhythm.values:
        raise PracticeError("Please choose daily or weekly.")
    if not 1 <= times_per_period <= MAX_TIMES_PER_PERIOD:
        raise PracticeError(f"Choose from 1 to {MAX_TIMES_PER_PERIOD} times.")


def add_ritual(
    *, user, title: str, rhythm: str, times_per_period: int, why: str = "", suggestion_key=""
) -> Ritual:
    couple, _ = couple_or_error(user, "Rituals are shared. Invite your partner first.")
    title = clean_text(title, limit=RITUAL_TITLE_MAX_LENGTH, what="a name for the ritual")
    _check_rhythm(rhythm, times_per_period)
    if Ritual.objects.live().filter(couple=couple, title__iexact=title).exists():
        raise PracticeError("You already have a ritual with that name.")
    return Ritual.objects.create(
        couple=couple,
        title=title,
        why=why.strip(),
        rhythm=rhythm,
        times_per_period=times_per_period,
        suggestion_key=suggestion_key,
        created_by=user,
    )


def add_suggested_ritual(*, user, key: str) -> Ritual:
    suggestion = next((s for s in load_ritual_suggestions() if s.key == key), None)
    if suggestion is None:
        raise PracticeError("Please pick one of the suggestions.")
    return add_ritual(
        user=user,
        title=suggestion.title,
        why=suggestion.why,
        rhythm=suggestion.rhythm,
        times_per_period=suggestion.times_per_period,
        suggestion_key=suggestion.key,
    )


def _active_ritual(user, ritual_id: int) -> Ritual:
    couple, _ = couple_or_error(user)
    ritual = (
        Ritual.objects.live()
        .select_related("created_by")
        .select_for_update(of=("self",))
        .filter(pk=ritual_id, couple=couple)
        .first()
    )
    if ritual is None:
        raise PracticeError("That ritual is not one of yours.")
    return ritual


def ritual_today(ritual: Ritual, user, now: dt.datetime | None = None) -> dt.date:
    """A couple's ritual keeps one calendar: that of the partner who added it.

    Partners may live in different time zones; counting each mark on its marker's own
    day would let the same evening count twice, or not at all.
    """
    return local_today(ritual.created_by or user, now)


@transaction.atomic
def mark_ritual_done(*, user, ritual_id: int, now: dt.datetime | None = None) -> RitualDone:
    ritual = _active_ritual(user, ritual_id)
    today = ritual_today(ritual, user, now)
    since = today if ritual.rhythm == Ritual.Rhythm.DAILY else week_start(today)
    done = RitualDone.objects.filter(ritual=ritual, local_date__gte=since).count()
    if done >= ritual.times_per_period:
        period = "today" if ritual.rhythm == Ritual.Rhythm.DAILY else "this week"
        raise PracticeError(f"“{ritual.title}” is already done {period}, as planned.")
    return RitualDone.objects.create(ritual=ritual, user=user, local_date=today)


@transaction.atomic
def undo_ritual_done(*, user, ritual_id: int, now: dt.datetime | None = None) -> None:
    """Take back my most recent mark of today, made by mistake."""
    ritual = _active_ritual(user, ritual_id)
    mark = (
        RitualDone.objects.filter(
            ritual=ritual, user=user, local_date=ritual_today(ritual, user, now)
        )
        .order_by("-created_at")
        .first()
    )
    if mark is None:
        raise PracticeError("There is nothing of yours to take back today.")
    mark.delete()


@transaction.atomic
def stop_ritual(*, user, ritual_id: int) -> Ritual:
    """Set a ritual aside; its past marks stay."""
    ritual = _active_ritual(user, ritual_id)
    ritual.stopped_at = timezone.now()
    ritual.save(update_fields=["stopped_at"])
    return ritual


def forget_account(user) -> None:
    """Remove the rituals of every couple the person was in: ended couples share nothing."""
    Ritual.objects.filter(couple__in=Couple.objects.filter(memberships__user=user)).delete()
