"""Reads for appreciations: what each partner gave and received."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, Q
from django.utils import timezone

from tending.appreciations.models import Appreciation
from tending.core.calendar import week_start
from tending.core.timezones import local_now

HOME_APPRECIATIONS = 3
HOME_APPRECIATION_DAYS = 14


@dataclass(frozen=True)
class AppreciationCounts:
    given: int
    received: int


def _local_week_start(viewer, now: dt.datetime | None = None) -> dt.datetime:
    local = local_now(viewer, now)
    monday = week_start(local.date())
    return local.replace(
        year=monday.year,
        month=monday.month,
        day=monday.day,
        hour=0,
        minute=0,
        second=0,
        microsecond=0,
    )


def weekly_appreciation_counts(viewer, couple, *, now=None) -> AppreciationCounts:
    """This week's appreciations given and received: for the viewer's eyes only."""
    if couple is None:
        return AppreciationCounts(0, 0)
    counts = Appreciation.objects.filter(
        couple=couple, created_at__gte=_local_week_start(viewer, now)
    ).aggregate(
        given=Count("pk", filter=Q(author=viewer)),
        received=Count("pk", filter=Q(recipient=viewer)),
    )
    return AppreciationCounts(counts["given"], counts["received"])


def appreciations_for_home(viewer, couple, *, now=None) -> list[Appreciation]:
    """The partner's latest appreciations of the viewer from the last two weeks."""
    if couple is None:
        return []
    return list(
        _recent_for_home(viewer, couple, now=now)
        .select_related("author")
        .order_by("-created_at")[:HOME_APPRECIATIONS]
    )


def appreciations_received(viewer, couple, *, limit: int = 50) -> list[Appreciation]:
    if couple is None:
        return []
    return list(
        Appreciation.objects.filter(couple=couple, recipient=viewer)
        .select_related("author")
        .order_by("-created_at")[:limit]
    )


def appreciations_given(viewer, couple, *, limit: int = 50) -> list[Appreciation]:
    if couple is None:
        return []
    return list(
        Appreciation.objects.filter(couple=couple, author=viewer)
        .select_related("recipient")
        .order_by("-created_at")[:limit]
    )


def _recent_for_home(viewer, couple, *, now=None):
    since = (now or timezone.now()) - dt.timedelta(days=HOME_APPRECIATION_DAYS)
    return Appreciation.objects.filter(couple=couple, recipient=viewer, created_at__gte=since)


def home_facts(*, viewer, couple, partner, now=None) -> dict:
    if couple is None:
        return {}
    return {"has_recent_appreciations": Exists(_recent_for_home(viewer, couple, now=now))}


def home_cards(*, viewer, couple, partner, facts, now=None) -> dict:
    """The partner's latest appreciations of the viewer, with the reactions to pick from;
    no query while there are none."""
    has_recent = facts.get("has_recent_appreciations")
    return {
        "partner_appreciations": appreciations_for_home(viewer, couple, now=now)
        if has_recent
        else [],
        "appreciation_reactions": Appreciation.Reaction.choices,
    }


def practice_cards(*, viewer, couple, partner) -> dict:
    return {"counts": weekly_appreciation_counts(viewer, couple)}


def appreciations_in_couple(viewer, couple, *, received: bool):
    """Appreciations the viewer received from, or gave to, their partner, newest first."""
    if couple is None:
        return Appreciation.objects.none()
    mine = {"recipient": viewer} if received else {"author": viewer}
    return (
        Appreciation.objects.filter(couple=couple, **mine)
        .select_related("author")
        .order_by("-created_at", "-pk")
    )
