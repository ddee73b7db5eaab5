"""Reads for breathing together: invitations sent and received."""

from __future__ import annotations

from django.db.models import DateTimeField, Exists

from tending.breathing.models import BreathingInvite, fresh_since
from tending.core.statements import Bound


def breathing_invite_for(viewer, couple, *, now=None) -> BreathingInvite | None:
    """The partner's open invitation to breathe together, if it is still fresh."""
    if couple is None:
        return None
    return (
        BreathingInvite.objects.fresh(now)
        .filter(couple=couple)
        .exclude(sender=viewer)
        .select_related("sender")
        .first()
    )


def home_facts(*, viewer, couple, partner, now) -> dict:
    if couple is None:
        return {}
    since = Bound(lambda run: fresh_since(run["now"]), DateTimeField())
    fresh = BreathingInvite.objects.open_since(since).filter(couple=couple).exclude(sender=viewer)
    return {"has_breathing_invite": Exists(fresh)}


def home_cards(*, viewer, couple, partner, facts, now=None) -> dict:
    """The partner's fresh invitation to breathe together; no query while there is none."""
    has_invite = facts.get("has_breathing_invite")
    return {
        "breathing_invite": breathing_invite_for(viewer, couple, now=now) if has_invite else None
    }
