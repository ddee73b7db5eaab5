from django.urls import reverse

from tending.couples.services import create_invite
from tests.support.people import client_for


def revoke_url(invite):
    return reverse("couples:revoke_invite", args=[invite.pk])


def test_the_inviter_can_withdraw_a_link(charlie):
    invite = create_invite(inviter=charlie)
    client = client_for(charlie)
    response = client.post(revoke_url(invite), follow=True)
    page = response.content.decode()
    assert "The invitation link no longer works." in page
    assert "Create an invitation link" in page
    invite.refresh_from_db()
    assert invite.revoked_at is not None
    join = client_for(None).get(reverse("couples:join", args=[invite.token])).content.decode()
    assert "This invitation was withdrawn." in join


def test_nobody_else_can_withdraw_it(charlie, alice, dana):
    invite = create_invite(inviter=charlie)
    for someone in (alice, dana):
        assert client_for(someone).post(revoke_url(invite)).status_code == 404
    invite.refresh_from_db()
    assert invite.revoked_at is None


def test_withdrawing_takes_a_post(charlie):
    invite = create_invite(inviter=charlie)
    assert client_for(charlie).get(revoke_url(invite)).status_code == 405
    invite.refresh_from_db()
    assert invite.revoked_at is None
