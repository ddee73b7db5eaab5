"""Reads for breathing together: invitations sent and received."""

from __future__ import annotations

from tending.breathing.models import BreathingInvite


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


def home_cards(*, viewer, couple, partner, now=None) -> dict:
    """The partner's fresh invitation to breathe together."""
    return {"breathing_invite": breathing_invite_for(viewer, couple, now=now)}
