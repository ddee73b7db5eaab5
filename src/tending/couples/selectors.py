from functools import cache
from typing import Any

from django.db.models import IntegerField

from tending.core.statements import Bound, Statement
from tending.couples.models import Couple, Invite, Membership


def active_couple_for(user) -> Couple | None:
    membership = Membership.objects.select_related("couple").filter(user=user, active=True).first()
    return membership.couple if membership else None


def partner_of(user):
    """The person ``user`` is paired with now, or None."""
    membership = (
        Membership.objects.select_related("user")
        .filter(active=True, couple__memberships__user=user, couple__memberships__active=True)
        .exclude(user=user)
        .first()
    )
    return membership.user if membership else None


def couple_and_partner(user) -> tuple[Couple | None, Any]:
    """The active couple and the partner in one query, compiled once per process: this
    runs on nearly every page."""
    statement = _couple_and_partner_statement()
    rows = statement.rows({"person": user})
    if not rows:
        return None, None
    couple_fields, partner_fields = _fields_of(Couple), _fields_of(_person_model())
    row = rows[0]
    couple = Couple.from_db(statement.alias, couple_fields, row[: len(couple_fields)])
    partner = _person_model().from_db(statement.alias, partner_fields, row[len(couple_fields) :])
    return couple, partner


def _person_model():
    return Membership._meta.get_field("user").related_model


def _fields_of(model) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


@cache
def _couple_and_partner_statement() -> Statement:
    """The other active membership of the person's active couple: its couple and person."""
    person = Bound(lambda run: run["person"].pk, IntegerField())
    theirs = Membership.objects.filter(
        active=True, couple__memberships__user=person, couple__memberships__active=True
    ).exclude(user=person)
    columns = [f"couple__{name}" for name in _fields_of(Couple)]
    columns += [f"user__{name}" for name in _fields_of(_person_model())]
    return Statement(theirs.values_list(*columns))


def pending_invite_for(user) -> Invite | None:
    return Invite.objects.open().filter(inviter=user).order_by("-created_at").first()


def invite_by_token(token: str) -> Invite | None:
    return Invite.objects.select_related("inviter").filter(token=token).first()


def home_cards(*, viewer, couple, partner, facts) -> dict:
    """The invitation waiting to be opened, for someone not paired yet."""
    return {"pending_invite": None if couple else pending_invite_for(viewer)}


def live_version_of(user) -> str:
    """What the person's open pages compare with: their couple and its version, or "none"."""
    return live_version_of_id(user.pk)


def live_version_of_id(user_id: int) -> str:
    """The same for a person known only by id, in one query."""
    row = (
        Membership.objects.filter(user_id=user_id, active=True)
        .values_list("couple_id", "couple__live_version")
        .first()
    )
    return "none" if row is None else f"{row[0]}.{row[1]}"


def live_version_for(couple: Couple | None) -> str:
    """The same for a couple already loaded."""
    return "none" if couple is None else f"{couple.pk}.{couple.live_version}"
