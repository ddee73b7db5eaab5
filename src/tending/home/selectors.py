from functools import cache

from django.contrib.auth import get_user_model
from django.db.models import DateTimeField, IntegerField
from django.utils import timezone

from tending.core.registry import contributions, merged_context
from tending.core.statements import Bound, Statement
from tending.couples.selectors import couple_and_partner, live_version_for
from tending.home.live import token_for


def home_context(user) -> dict:
    """Everything the home page shows: the couple, the answers to every app's facts (one
    query), then every app's cards for today."""
    couple, partner = couple_and_partner(user)
    people = {"viewer": user, "couple": couple, "partner": partner}
    facts = facts_about(**people, now=timezone.now())
    cards = merged_context("home_cards", **people, facts=facts)
    return {
        "couple": couple,
        "partner": partner,
        "live_version": live_version_for(couple),
        "live_token": token_for(user),
        **cards,
    }


def facts_about(*, viewer, couple, partner, now) -> dict:
    """The answers to every app's ``home_facts`` for these people at ``now``, in one query
    compiled once per process for each shape of couple; none asked, no query."""
    statement = _facts_statement(
        tuple(contributions("home_facts")), couple is not None, partner is not None
    )
    if statement is None:
        return {}
    run = {"viewer": viewer, "couple": couple, "partner": partner, "now": now}
    return statement.dicts(run)[0]


def _id_of(name: str) -> Bound:
    return Bound(lambda run: run[name].pk, IntegerField())


@cache
def _facts_statement(hooks: tuple, has_couple: bool, has_partner: bool) -> Statement | None:
    """The facts of every app as one statement about the viewer's row, with the viewer,
    couple, partner and time as values bound at each run."""
    viewer = _id_of("viewer")
    people = {
        "viewer": viewer,
        "couple": _id_of("couple") if has_couple else None,
        "partner": _id_of("partner") if has_partner else None,
        "now": Bound(lambda run: run["now"], DateTimeField()),
    }
    questions: dict = {}
    for ask in hooks:
        questions.update(ask(**people))
    if not questions:
        return None
    viewer_row = get_user_model().objects.filter(pk=viewer)
    return Statement(viewer_row.values(**questions))
