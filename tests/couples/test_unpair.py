import pytest
from django.urls import reverse

from conftest import client_for
from factories import backdate_couple, make_checkin, make_response
from tending.checkins.models import CheckIn, Response
from tending.couples.selectors import partner_of

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

URL = reverse("couples:unpair")
HOME = reverse("core:home")
HISTORY = reverse("checkins:history")


def test_unpairing_asks_for_confirmation_first(alice, bob):
    response = client_for(alice).get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Unpair from Bob?" in page
    assert "Yes, unpair" in page
    assert partner_of(alice) == bob


def test_confirming_unpairs_both(alice, bob):
    response = client_for(alice).post(URL, follow=True)
    assert "You are no longer paired." in response.content.decode()
    assert partner_of(alice) is None
    assert partner_of(bob) is None


def test_someone_not_paired_is_sent_back_to_the_partner_page(charlie):
    response = client_for(charlie).post(URL, follow=True)
    assert response.redirect_chain[-1][0] == reverse("couples:partner")
    assert "You are not paired with anyone." in response.content.decode()


def test_after_unpairing_nothing_of_the_other_stays_visible(alice, bob):
    backdate_couple(alice, days=5)
    alice_today = make_checkin(
        alice, needs=["hug"], emotions=["anxious"], note="ALICE-NOTE", share_note=True
    )
    make_checkin(alice, days_ago=2, emotions=["hopeful"], note="ALICE-OLDER", share_note=True)
    bob_today = make_checkin(
        bob, needs=["talk"], emotions=["grateful"], note="BOB-NOTE", share_note=True
    )
    make_response(alice_today, bob, kind=Response.Kind.MESSAGE, message="BOB-MESSAGE")
    make_response(bob_today, alice, kind=Response.Kind.MESSAGE, message="ALICE-MESSAGE")
    as_alice, as_bob = client_for(alice), client_for(bob)
    assert "ALICE-NOTE" in as_bob.get(HOME).content.decode()
    assert "ALICE-OLDER" in as_bob.get(HISTORY).content.decode()

    as_alice.post(URL)

    for page_url in (HOME, HISTORY):
        bob_sees = as_bob.get(page_url).content.decode()
        alice_sees = as_alice.get(page_url).content.decode()
        for alices in ("ALICE-NOTE", "ALICE-OLDER", "anxious", "hopeful", "ALICE-MESSAGE"):
            assert alices not in bob_sees
        for bobs in ("BOB-NOTE", "grateful", "BOB-MESSAGE"):
            assert bobs not in alice_sees
    assert "ALICE-NOTE" in as_alice.get(HOME).content.decode()
    assert "ALICE-OLDER" in as_alice.get(HISTORY).content.decode()
    assert "BOB-NOTE" in as_bob.get(HOME).content.decode()
    assert CheckIn.objects.filter(user=alice).count() == 2
    assert CheckIn.objects.filter(user=bob).count() == 1


def test_unpairing_needs_a_log_in(db):
    response = client_for(None).post(URL)
    assert response.url.startswith(reverse("accounts:login"))
