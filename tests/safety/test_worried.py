"""The "Worried about someone?" page: for anyone, with the country's lines and no message sent."""

import pytest

from tending.safety.models import HardTimeNotice, SafetyPlan
from tests.support.people import client_for

URL = "/help/worried/"


@pytest.mark.django_db
def test_anyone_can_open_it_even_logged_out():
    page = client_for(None).get(URL, headers={"accept-language": "en-AU"}).content.decode()
    assert "Worried about someone?" in page
    assert "Ask directly." in page
    assert "Make the place safer." in page
    assert "Who to call in Australia" in page
    assert "Lifeline" in page
    assert "the emergency number in Australia" in page


def test_it_shows_the_persons_country_its_emergency_number_and_how_to_talk(as_alice):
    page = as_alice.get(URL).content.decode()
    assert "Who to call in United Kingdom" in page
    assert "Samaritans" in page
    assert 'href="tel:999"' in page
    assert "How to talk about it" in page
    assert "Promising to keep it secret" in page
    assert "Look after yourself too" in page
    assert "Nothing on this page is sent to your partner or to anyone else." in page


def test_it_shows_the_partners_safety_plan_only_when_shared(alice, bob, as_bob):
    SafetyPlan.objects.create(user=alice, people_to_ask="My sister Jo", shared_with_partner=False)
    assert "My sister Jo" not in as_bob.get(URL).content.decode()
    SafetyPlan.objects.filter(user=alice).update(shared_with_partner=True)
    page = as_bob.get(URL).content.decode()
    assert "Alice's safety plan" in page
    assert "My sister Jo" in page


def test_a_stranger_never_sees_anyones_plan(alice, charlie):
    SafetyPlan.objects.create(user=alice, people_to_ask="My sister Jo", shared_with_partner=True)
    assert "My sister Jo" not in client_for(charlie).get(URL).content.decode()


def test_opening_it_tells_the_partner_nothing(alice, bob, as_bob):
    as_bob.get(URL)
    assert not HardTimeNotice.objects.exists()
    home = client_for(alice).get("/").content.decode()
    assert "Worried" not in home
    assert "is having a hard time" not in home


def test_a_country_without_lines_shows_its_emergency_numbers_and_the_directories(db):
    page = client_for(None).get(URL, {"country": "KE"}).content.decode()
    assert 'Call <a class="button button--call" href="tel:112">112, 999 or 114</a>' in page
    assert "emergency numbers in Kenya" in page
    assert "Tending does not list a crisis line for Kenya yet" in page
    assert 'href="https://findahelpline.com"' in page
    assert "libphonenumber" in page


def test_get_help_leads_to_it(db):
    page = client_for(None).get("/help/", {"country": "NZ"}).content.decode()
    assert '<a class="button button--secondary" href="/help/worried/?country=NZ">' in page


def test_a_way_back_only_to_this_site(as_alice):
    page = as_alice.get(URL, {"next": "https://evil.example/"}).content.decode()
    assert "evil.example" not in page
    assert 'href="/">Go back to where I was' in page
