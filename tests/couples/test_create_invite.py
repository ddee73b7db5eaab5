from django.urls import reverse

from tending.couples.models import Invite
from tests.support.people import client_for

URL = reverse("couples:create_invite")


def test_creating_an_invite_shows_the_link(charlie):
    client = client_for(charlie)
    response = client.post(URL, follow=True)
    page = response.content.decode()
    invite = Invite.objects.get(inviter=charlie)
    join_url = "http://testserver" + reverse("couples:join", args=[invite.token])
    assert f'value="{join_url}"' in page
    assert "Your invitation link is ready. It works once, for 7 days." in page
    assert reverse("couples:revoke_invite", args=[invite.pk]) in page


def test_inviting_while_paired_is_refused(alice):
    response = client_for(alice).post(URL, follow=True)
    assert "You are already paired, so you cannot invite anyone else." in response.content.decode()
    assert not Invite.objects.filter(inviter=alice, accepted_at__isnull=True).exists()


def test_creating_an_invite_takes_a_post(charlie):
    assert client_for(charlie).get(URL).status_code == 405
    assert not Invite.objects.filter(inviter=charlie).exists()


def test_home_reminds_of_a_waiting_invitation(charlie):
    client = client_for(charlie)
    client.post(URL)
    page = client.get(reverse("home:index")).content.decode()
    assert "Your invitation is waiting to be opened." in page
