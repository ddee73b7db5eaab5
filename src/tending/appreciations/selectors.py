"""Reads for appreciations: what each partner gave and received."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import DateTimeField, Exists
from django.utils import timezone

from tending.appreciations.models import Appreciation
from tending.core.calendar import week_start
from tending.core.statements import Bound
from tending.core.timezones import local_now

HOME_APPRECIATIONS = 3
HOME_APPRECIATION_DAYS = 14
APPRECIATIONS_PAGE_SIZE = 20


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
    # A week's rows are few: counting them here costs less than building the aggregate.
    rows = Appreciation.objects.filter(
        couple=couple, created_at__gte=_local_week_start(viewer, now)
    ).values_list("author_id", "recipient_id")
    given = received = 0
    for author_id, recipient_id in rows:
        given += author_id == viewer.pk
        received += recipient_id == viewer.pk
    return AppreciationCounts(given, received)


def appreciations_for_home(viewer, couple, *, now=None) -> list[Appreciation]:
    """The partner's latest appreciations of the viewer from the last two weeks."""
    if couple is None:
        return []
    return list(
        _recent_for_home(viewer, couple, since=_recent_since(now or timezone.now()))
        .select_related("author")
        .order_by("-created_at")[:HOME_APPRECIATIONS]
    )


@dataclass(frozen=True)
class AppreciationPage:
    """One page of what the viewer received and gave, newest first; the lists page
    together, so a page costs the same however long the couple has been appreciating."""

    received: list[Appreciation]
    given: list[Appreciation]
    number: int
    has_older: bool

    @property
    def has_newer(self) -> bool:
        return self.number > 1

    @property
    def newer(self) -> int:
        return self.number - 1

    @property
    def older(self) -> int:
        return self.number + 1


def _page_of(queryset, number: int, size: int) -> list[Appreciation]:
    """One more than a page, to tell whether there is an older one without counting."""
    start = (number - 1) * size
    return list(queryset.order_by("-created_at", "-pk")[start : start + size + 1])


def appreciations_page(
    viewer, couple, *, number: int = 1, size: int = APPRECIATIONS_PAGE_SIZE
) -> AppreciationPage:
    """Page ``number`` of the viewer's appreciations; the first page when it is past the end."""
    if couple is None:
        return AppreciationPage([], [], 1, False)
    in_couple = Appreciation.objects.filter(couple=couple)
    received = _page_of(in_couple.filter(recipient=viewer).select_related("author"), number, size)
    given = _page_of(in_couple.filter(author=viewer).select_related("recipient"), number, size)
    if number > 1 and not received and not given:
        return appreciations_page(viewer, couple, number=1, size=size)
    return AppreciationPage(
        received=received[:size],
        given=given[:size],
        number=number,
        has_older=len(received) > size or len(given) > size,
    )


def _recent_since(now: dt.datetime) -> dt.datetime:
    return now - dt.timedelta(days=HOME_APPRECIATION_DAYS)


def _recent_for_home(viewer, couple, *, since):
    return Appreciation.objects.filter(couple=couple, recipient=viewer, created_at__gte=since)


def home_facts(*, viewer, couple, partner, now) -> dict:
    if couple is None:
        return {}
    since = Bound(lambda run: _recent_since(run["now"]), DateTimeField())
    return {"has_recent_appreciations": Exists(_recent_for_home(viewer, couple, since=since))}


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
