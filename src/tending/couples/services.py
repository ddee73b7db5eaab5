import datetime as dt

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from tending.couples.models import Couple, Invite, Membership
from tending.couples.selectors import active_couple_for, partner_of

INVITE_LIFETIME = dt.timedelta(days=7)


class PairingError(Exception):
    """A pairing step that cannot go ahead; the message is shown to the person."""


def invite_problem(invite: Invite | None, *, user=None, now: dt.datetime | None = None) -> str:
    """Why ``invite`` cannot be accepted (by ``user``), or an empty string if it can.

    Being paired already is said first: it is what the person needs to know, whatever
    else happened to the link since.
    """
    now = now or timezone.now()
    if invite is None:
        return "This invitation link is not valid. Please ask your partner for a new one."
    if user is not None and user.is_authenticated:
        if invite.inviter_id == user.pk:
            return "This is your own invitation. Send the link to your partner instead."
        if partner_of(user) == invite.inviter:
            return f"You and {invite.inviter.display_name} are already paired."
        if active_couple_for(user) is not None:
            return "You are already paired. Unpair first if you want to pair with someone else."
    if invite.revoked_at is not None:
        return "This invitation was withdrawn. Please ask your partner for a new one."
    if invite.accepted_at is not None:
        return "This invitation has already been used. Each link works only once."
    if invite.expires_at <= now:
        return "This invitation has expired. Links work for 7 days; ask for a new one."
    if active_couple_for(invite.inviter) is not None:
        return "The person who invited you is already paired with someone else."
    return ""


@transaction.atomic
def create_invite(*, inviter, now: dt.datetime | None = None) -> Invite:
    """A fresh invitation link; any earlier open one of the inviter's is withdrawn."""
    now = now or timezone.now()
    if active_couple_for(inviter) is not None:
        raise PairingError("You are already paired, so you cannot invite anyone else.")
    Invite.objects.filter(
        inviter=inviter, revoked_at__isnull=True, accepted_at__isnull=True
    ).update(revoked_at=now)
    return Invite.objects.create(inviter=inviter, expires_at=now + INVITE_LIFETIME)


def revoke_invite(*, invite: Invite, by) -> None:
    if invite.inviter_id != by.pk:
        raise PairingError("Only the person who sent an invitation can withdraw it.")
    if invite.accepted_at is None and invite.revoked_at is None:
        invite.revoked_at = timezone.now()
        invite.save(update_fields=["revoked_at"])


def accept_invite(*, token: str, user, now: dt.datetime | None = None) -> Couple:
    """Pair ``user`` with the person who sent the invitation.

    Two people accepting each other's invitations at the same moment are taken one after
    the other: the second is told, like anyone else, that someone is already paired.
    """
    try:
        return _accept_invite(token=token, user=user, now=now or timezone.now())
    except IntegrityError as error:
        invite = Invite.objects.filter(token=token).select_related("inviter").first()
        problem = invite_problem(invite, user=user, now=now)
        raise PairingError(
            problem or "The person who invited you is already paired with someone else."
        ) from error


@transaction.atomic
def _accept_invite(*, token: str, user, now: dt.datetime) -> Couple:
    invite = Invite.objects.filter(token=token).first()
    if invite is not None and user.pk is not None:
        # Lock both people first, always in the same order, and only then the invitation:
        # a pairing that involves either of them waits until this one is done, then sees it.
        people = sorted({invite.inviter_id, user.pk})
        list(get_user_model().objects.select_for_update().filter(pk__in=people).order_by("pk"))
        invite = Invite.objects.select_for_update().filter(token=token).first()
    problem = invite_problem(invite, user=user, now=now)
    if problem:
        raise PairingError(problem)
    couple = Couple.objects.create()
    Membership.objects.create(couple=couple, user=invite.inviter)
    Membership.objects.create(couple=couple, user=user)
    invite.accepted_at = now
    invite.accepted_by = user
    invite.save(update_fields=["accepted_at", "accepted_by"])
    Invite.objects.filter(inviter=user, revoked_at__isnull=True, accepted_at__isnull=True).update(
        revoked_at=now
    )
    return couple


@transaction.atomic
def unpair(*, user, now: dt.datetime | None = None) -> None:
    """End the couple at once for both people; each keeps their own entries."""
    couple = active_couple_for(user)
    if couple is None:
        raise PairingError("You are not paired with anyone.")
    couple.ended_at = now or timezone.now()
    couple.save(update_fields=["ended_at"])
    couple.memberships.update(active=False)
