import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import client_for, make_user
from tending.couples.models import Couple, Invite, Membership
from tending.couples.selectors import partner_of
from tending.couples.services import PairingError, accept_invite, create_invite, revoke_invite

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")


def join_url(invite):
    return reverse("couples:join", args=[invite.token])


def test_an_invited_person_with_an_account_pairs_after_a_click(charlie):
    erin = make_user("Erin")
    invite = create_invite(inviter=charlie)
    client = client_for(erin)
    page = client.get(join_url(invite)).content.decode()
    assert "Charlie invited you to Tending" in page
    assert "Pair with Charlie" in page

    response = client.post(join_url(invite))
    assert response.url == reverse("core:home")
    assert partner_of(erin) == charlie
    assert "Charlie's day" in client.get(reverse("core:home")).content.decode()


def test_an_anonymous_visitor_is_offered_sign_up_or_log_in(charlie):
    invite = create_invite(inviter=charlie)
    page = client_for(None).get(join_url(invite)).content.decode()
    assert f"{reverse('accounts:signup')}?invite={invite.token}" in page
    assert f"{reverse('accounts:login')}?next={join_url(invite)}" in page


def test_posting_anonymously_asks_to_log_in_first(charlie):
    invite = create_invite(inviter=charlie)
    response = client_for(None).post(join_url(invite))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert partner_of(charlie) is None


def test_a_link_works_only_once(charlie):
    erin, finn = make_user("Erin"), make_user("Finn")
    invite = create_invite(inviter=charlie)
    client_for(erin).post(join_url(invite))

    page = client_for(finn).get(join_url(invite)).content.decode()
    assert "This invitation cannot be used" in page
    assert "This invitation has already been used. Each link works only once." in page
    response = client_for(finn).post(join_url(invite), follow=True)
    assert "already been used" in response.content.decode()
    assert partner_of(finn) is None
    assert partner_of(charlie) == erin


def test_an_expired_link_says_so(charlie):
    invite = create_invite(inviter=charlie)
    Invite.objects.filter(pk=invite.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    page = client_for(make_user("Erin")).get(join_url(invite)).content.decode()
    assert "This invitation has expired. Links work for 7 days; ask for a new one." in page
    assert "Pair with Charlie" not in page


def test_a_withdrawn_link_says_so(charlie):
    invite = create_invite(inviter=charlie)
    revoke_invite(invite=invite, by=charlie)
    page = client_for(None).get(join_url(invite)).content.decode()
    assert "This invitation was withdrawn. Please ask your partner for a new one." in page
    assert "?invite=" not in page


def test_ones_own_link_says_so(charlie):
    invite = create_invite(inviter=charlie)
    page = client_for(charlie).get(join_url(invite)).content.decode()
    assert "This is your own invitation. Send the link to your partner instead." in page
    client_for(charlie).post(join_url(invite))
    assert partner_of(charlie) is None


def test_accepting_while_paired_is_refused(alice, charlie):
    invite = create_invite(inviter=charlie)
    client = client_for(alice)
    page = client.get(join_url(invite)).content.decode()
    assert "You are already paired." in page
    client.post(join_url(invite))
    assert partner_of(alice).display_name == "Bob"
    assert partner_of(charlie) is None


def test_a_link_from_someone_since_paired_says_so(charlie):
    invite = create_invite(inviter=charlie)
    couple = Couple.objects.create()
    Membership.objects.create(couple=couple, user=charlie)
    Membership.objects.create(couple=couple, user=make_user("Finn"))
    page = client_for(make_user("Erin")).get(join_url(invite)).content.decode()
    assert "The person who invited you is already paired with someone else." in page


def test_an_unknown_link_is_not_found(db):
    response = client_for(None).get(reverse("couples:join", args=["no-such-token"]))
    assert response.status_code == 404
    assert "This invitation link is not valid." in response.content.decode()


def test_a_crossed_invitation_accepted_after_pairing_says_who_you_are_paired_with(charlie):
    erin = make_user("Erin")
    charlies_invite, erins_invite = create_invite(inviter=charlie), create_invite(inviter=erin)
    accept_invite(token=erins_invite.token, user=charlie)
    with pytest.raises(PairingError, match="You and Charlie are already paired."):
        accept_invite(token=charlies_invite.token, user=erin)
