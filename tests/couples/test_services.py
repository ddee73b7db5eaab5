import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from conftest import make_user, pair
from tending.couples.models import Couple, Invite, Membership
from tending.couples.selectors import active_couple_for, partner_of
from tending.couples.services import (
    PairingError,
    accept_invite,
    create_invite,
    revoke_invite,
    unpair,
)

pytestmark = pytest.mark.on_edge_days


def test_an_invite_pairs_two_people(charlie):
    erin = make_user("Erin")
    invite = create_invite(inviter=charlie)
    couple = accept_invite(token=invite.token, user=erin)
    assert partner_of(charlie) == erin
    assert partner_of(erin) == charlie
    assert active_couple_for(charlie) == couple
    invite.refresh_from_db()
    assert invite.accepted_by == erin


def test_an_invite_works_once(charlie):
    erin, finn = make_user("Erin"), make_user("Finn")
    invite = create_invite(inviter=charlie)
    accept_invite(token=invite.token, user=erin)
    unpair(user=charlie)
    with pytest.raises(PairingError, match="already been used"):
        accept_invite(token=invite.token, user=finn)


def test_an_invite_expires_after_seven_days(charlie):
    erin = make_user("Erin")
    sent = timezone.now()
    invite = create_invite(inviter=charlie, now=sent)
    assert invite.expires_at == sent + dt.timedelta(days=7)
    with pytest.raises(PairingError, match="has expired"):
        accept_invite(token=invite.token, user=erin, now=sent + dt.timedelta(days=7, seconds=1))
    accept_invite(token=invite.token, user=erin, now=sent + dt.timedelta(days=6, hours=23))
    assert partner_of(erin) == charlie


def test_a_withdrawn_invite_cannot_be_used(charlie):
    invite = create_invite(inviter=charlie)
    revoke_invite(invite=invite, by=charlie)
    with pytest.raises(PairingError, match="withdrawn"):
        accept_invite(token=invite.token, user=make_user("Erin"))


def test_a_new_invite_withdraws_the_earlier_one(charlie):
    first = create_invite(inviter=charlie)
    create_invite(inviter=charlie)
    with pytest.raises(PairingError, match="withdrawn"):
        accept_invite(token=first.token, user=make_user("Erin"))


def test_only_the_inviter_can_withdraw(charlie, dana):
    invite = create_invite(inviter=charlie)
    with pytest.raises(PairingError, match="Only the person who sent"):
        revoke_invite(invite=invite, by=dana)
    invite.refresh_from_db()
    assert invite.revoked_at is None


def test_nobody_can_accept_their_own_invite(charlie):
    invite = create_invite(inviter=charlie)
    with pytest.raises(PairingError, match="your own invitation"):
        accept_invite(token=invite.token, user=charlie)


def test_a_paired_person_cannot_invite(alice):
    with pytest.raises(PairingError, match="already paired"):
        create_invite(inviter=alice)


def test_a_paired_person_cannot_accept(alice, charlie):
    invite = create_invite(inviter=charlie)
    with pytest.raises(PairingError, match="You are already paired"):
        accept_invite(token=invite.token, user=alice)
    assert partner_of(alice).display_name == "Bob"


def test_an_invite_from_someone_paired_since_cannot_be_accepted(charlie):
    erin, finn = make_user("Erin"), make_user("Finn")
    invite = create_invite(inviter=charlie)
    couple = Couple.objects.create()
    Membership.objects.create(couple=couple, user=charlie)
    Membership.objects.create(couple=couple, user=finn)
    with pytest.raises(PairingError, match="already paired with someone else"):
        accept_invite(token=invite.token, user=erin)


def test_accepting_an_invite_withdraws_ones_own_open_invite(charlie):
    erin, finn = make_user("Erin"), make_user("Finn")
    erins_invite = create_invite(inviter=erin)
    accept_invite(token=create_invite(inviter=charlie).token, user=erin)
    erins_invite.refresh_from_db()
    assert erins_invite.revoked_at is not None
    with pytest.raises(PairingError):
        accept_invite(token=erins_invite.token, user=finn)


def test_the_database_allows_one_active_couple_per_person(alice, charlie):
    other = Couple.objects.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(couple=other, user=alice)
    Membership.objects.create(couple=other, user=charlie)
    assert Membership.objects.filter(user=alice, active=True).count() == 1


def test_unpairing_ends_the_couple_for_both(alice, bob):
    couple = active_couple_for(alice)
    unpair(user=bob)
    couple.refresh_from_db()
    assert couple.ended_at is not None
    assert partner_of(alice) is None
    assert partner_of(bob) is None
    assert not Membership.objects.filter(couple=couple, active=True).exists()


def test_unpairing_when_not_paired_is_refused(charlie):
    with pytest.raises(PairingError, match="not paired"):
        unpair(user=charlie)


def test_former_partners_can_pair_again(alice, bob):
    unpair(user=alice)
    pair(bob, alice)
    assert partner_of(alice) == bob
    assert Invite.objects.filter(inviter=bob, accepted_by=alice).count() == 1
