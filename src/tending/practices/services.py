"""What every practice shares: its error, the couple it needs, text limits, and the
practice log each completed practice is written to."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tending.core.timezones import local_today
from tending.couples.selectors import couple_and_partner
from tending.practices.models import PracticeLog

FEELING_RANGE = range(1, 6)


class PracticeError(Exception):
    """A practice step that cannot go ahead; the message is shown to the person."""


def couple_or_error(user, message: str = "This practice is for two. Invite your partner first."):
    """The person's couple and partner; a PracticeError with ``message`` when unpaired."""
    couple, partner = couple_and_partner(user)
    if couple is None:
        raise PracticeError(message)
    return couple, partner


def clean_text(text: str, *, limit: int, what: str) -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        raise PracticeError(f"Please write {what} first.")
    if len(cleaned) > limit:
        raise PracticeError(f"That is a little long: please keep it under {limit:,} characters.")
    return cleaned


def check_feeling(feeling: int | None) -> None:
    if feeling is not None and feeling not in FEELING_RANGE:
        raise PracticeError("How it felt is a number from 1 to 5.")


def log_practice(
    *,
    user,
    kind: str,
    couple=None,
    conversation=None,
    detail: str = "",
    feeling: int | None = None,
    now: dt.datetime | None = None,
) -> PracticeLog:
    """Write one completed practice to the person's history, on their own local day."""
    return PracticeLog.objects.create(
        user=user,
        couple=couple,
        conversation=conversation,
        kind=kind,
        local_date=local_today(user, now or timezone.now()),
        detail=detail,
        feeling=feeling,
    )


def rate_practice(*, user, log_id: int, feeling: int | None) -> PracticeLog:
    """Record, change or clear how a completed practice felt, from 1 to 5."""
    log = PracticeLog.objects.filter(pk=log_id, user=user).first()
    if log is None:
        raise PracticeError("That practice is not in your history.")
    check_feeling(feeling)
    log.feeling = feeling
    log.save(update_fields=["feeling"])
    return log
