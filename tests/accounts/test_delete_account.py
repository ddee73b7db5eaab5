from django.urls import reverse

from tending.accounts.models import User
from tending.checkins.models import CheckIn, Response
from tending.couples.models import Membership
from tending.couples.selectors import partner_of
from tests.support.builders import make_checkin, make_response
from tests.support.people import PASSWORD, client_for

URL = reverse("accounts:delete")


def test_the_page_asks_for_the_password_and_a_confirmation(alice):
    page = client_for(alice).get(URL).content.decode()
    assert 'type="password"' in page
    assert 'type="checkbox"' in page
    assert "This cannot be undone." in page


def test_a_wrong_password_deletes_nothing(alice):
    response = client_for(alice).post(URL, {"password": "not it", "confirm": "on"})
    assert response.status_code == 200
    assert "That is not your current password." in response.content.decode()
    assert User.objects.filter(pk=alice.pk).exists()


def test_without_the_tick_nothing_is_deleted(alice):
    response = client_for(alice).post(URL, {"password": PASSWORD})
    assert "Please tick the box to confirm." in response.content.decode()
    assert User.objects.filter(pk=alice.pk).exists()


def test_deleting_removes_the_person_and_their_data_but_not_the_partners(alice, bob):
    alice_checkin = make_checkin(alice, needs=["hug"], note="mine")
    bob_checkin = make_checkin(bob, needs=["talk"], note="bob's own")
    make_response(alice_checkin, bob, kind=Response.Kind.HUG)
    make_response(bob_checkin, alice, kind=Response.Kind.MESSAGE, message="from alice")
    client = client_for(alice)

    response = client.post(URL, {"password": PASSWORD, "confirm": "on"})

    assert response.url == reverse("accounts:login")
    assert not User.objects.filter(pk=alice.pk).exists()
    assert not CheckIn.objects.filter(user_id=alice.pk).exists()
    assert not Response.objects.filter(responder_id=alice.pk).exists()
    assert not Response.objects.filter(checkin_id=alice_checkin.pk).exists()
    assert not Membership.objects.filter(user_id=alice.pk).exists()
    assert CheckIn.objects.get(pk=bob_checkin.pk).note == "bob's own"
    assert partner_of(bob) is None
    assert "Create an account" in client.get(reverse("home:index")).content.decode()

    bob_home = client_for(bob).get(reverse("home:index")).content.decode()
    assert "Invite your partner" in bob_home
    assert "Alice" not in bob_home


def test_a_deleted_person_cannot_log_in(alice):
    client_for(alice).post(URL, {"password": PASSWORD, "confirm": "on"})
    response = client_for(None).post(
        reverse("accounts:login"), {"username": alice.email, "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "That e-mail and password do not match." in response.content.decode()
