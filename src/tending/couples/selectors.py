from typing import Any

from django.contrib.auth import get_user_model

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
    """The active couple and the partner in one query. It reads both active memberships of
    the person's couple and keeps the other one: simpler to build than leaving the person's
    own out in SQL, and this runs on nearly every page."""
    memberships = Membership.objects.select_related("couple", "user").filter(
        active=True, couple__memberships__user=user, couple__memberships__active=True
    )
    theirs = next((m for m in memberships if m.user_id != user.pk), None)
    if theirs is None:
        return None, None
    return theirs.couple, theirs.user


def pending_invite_for(user) -> Invite | None:
    return Invite.objects.open().filter(inviter=user).order_by("-created_at").first()


def invite_by_token(token: str) -> Invite | None:
    return Invite.objects.select_related("inviter").filter(token=token).first()


def home_cards(*, viewer, couple, partner, facts) -> dict:
    """The invitation waiting to be opened, for someone not paired yet."""
    return {"pending_invite": None if couple else pending_invite_for(viewer)}


def answers_about(user, questions: dict[str, Any]) -> dict[str, Any]:
    """The answers to ``questions`` (query expressions) in one query, under the same keys;
    none asked, none answered and no query."""
    if not questions:
        return {}
    return dict(get_user_model().objects.filter(pk=user.pk).values(**questions).get())


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
