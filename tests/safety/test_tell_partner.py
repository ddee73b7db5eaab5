import datetime as dt

import pytest
from django.utils import timezone

from conftest import client_for
from tending.couples.services import unpair
from tending.safety import services
from tending.safety.models import HardTimeNotice

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

NOTICE = "is having a hard time"


def test_offered_never_sent_without_asking(alice, as_alice, as_bob):
    page = as_alice.get("/help/safe/").content.decode()
    assert "Let my partner know I'm having a hard time" in page
    assert not HardTimeNotice.objects.exists()
    assert NOTICE not in as_bob.get("/").content.decode()


def test_partner_sees_a_gentle_notice_without_content(alice, as_alice, as_bob, record_note):
    response = as_alice.post("/help/safe/tell-partner/", {"next": "/"})
    assert response.status_code == 302 and response["Location"].startswith("/help/safe/")
    page = as_bob.get("/").content.decode()
    assert f"Alice {NOTICE}" in page
    assert record_note not in page


def test_former_partner_and_stranger_see_nothing(people, alice, as_alice):
    as_alice.post("/help/safe/tell-partner/")
    for name in ("charlie", "dana"):
        assert NOTICE not in client_for(people[name]).get("/").content.decode()


def test_withdraw(alice, as_alice, as_bob):
    as_alice.post("/help/safe/tell-partner/")
    assert "Take it back" in as_alice.get("/").content.decode()
    response = as_alice.post("/help/safe/withdraw/", {"next": "/help/safe/"})
    assert response["Location"] == "/help/safe/"
    assert NOTICE not in as_bob.get("/").content.decode()


def test_expires_after_a_few_days(alice, bob):
    services.tell_partner(user=alice, now=timezone.now() - dt.timedelta(days=4))
    assert NOTICE not in client_for(bob).get("/").content.decode()


def test_ends_when_the_couple_ends(alice, bob):
    services.tell_partner(user=alice)
    unpair(user=alice)
    assert NOTICE not in client_for(bob).get("/").content.decode()


def test_not_possible_alone(charlie):
    response = client_for(charlie).post("/help/safe/tell-partner/", follow=True)
    assert "not paired" in response.content.decode()
    assert not HardTimeNotice.objects.exists()
