"""Changes to breathing: a session logged, and breathing together."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from tending.breathing.models import BREATHING_INVITE_LIFETIME, BreathingInvite
from tending.breathing.patterns import MAX_MINUTES, MIN_MINUTES, PATTERNS
from tending.couples import events
from tending.couples.selectors import couple_and_partner
from tending.practices.models import PracticeLog
from tending.practices.services import (
    PracticeError,
    check_feeling,
    couple_or_error,
    log_practice,
)


def _check_breathing(pattern: str, minutes: int) -> None:
    if pattern not in PATTERNS:
        raise PracticeError("Please pick one of the breathing patterns.")
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise PracticeError(f"A session lasts from {MIN_MINUTES} to {MAX_MINUTES} minutes.")


def log_breathing(
    *, user, pattern: str, minutes: int, feeling: int | None, now: dt.datetime | None = None
) -> PracticeLog:
    _check_breathing(pattern, minutes)
    check_feeling(feeling)
    couple, _ = couple_and_partner(user)
    return log_practice(
        user=user,
        couple=couple,
        kind=PracticeLog.Kind.BREATHING,
        detail=f"{PATTERNS[pattern].title}, {minutes} min",
        feeling=feeling,
        now=now,
    )


@transaction.atomic
def invite_to_breathe(*, user, pattern: str, minutes: int) -> BreathingInvite:
    """Ask the partner to start the same session now; an earlier open invite is replaced."""
    couple, _ = couple_or_error(user, "Breathing together needs a partner. Invite them first.")
    _check_breathing(pattern, minutes)
    BreathingInvite.objects.filter(couple=couple, sender=user, joined_at__isnull=True).delete()
    invite = BreathingInvite.objects.create(
        couple=couple, sender=user, pattern=pattern, minutes=minutes
    )
    events.announce(
        kind="invitation",
        actor=user,
        couple=couple,
        occasion=f"breathe-{invite.pk}",
        detail={"practice": "breathe"},
    )
    return invite


@transaction.atomic
def join_breathing_invite(
    *, user, invite_id: int, now: dt.datetime | None = None
) -> BreathingInvite:
    now = now or timezone.now()
    couple, _ = couple_or_error(user)
    invite = (
        BreathingInvite.objects.select_for_update()
        .filter(pk=invite_id, couple=couple)
        .exclude(sender=user)
        .first()
    )
    if invite is None:
        raise PracticeError("That invitation is not one of yours.")
    if invite.created_at < now - BREATHING_INVITE_LIFETIME:
        raise PracticeError("That invitation has ended. You can start a session of your own.")
    if invite.joined_at is None:
        invite.joined_at = now
        invite.save(update_fields=["joined_at"])
        events.changed(couple)
    return invite
