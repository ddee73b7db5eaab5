from urllib.parse import parse_qs, quote, urlsplit

import pytest

from tending.checkins.models import CheckIn, Response
from tending.safety.models import SafetyPlan
from tests.support.builders import checkin_post, make_checkin
from tests.support.people import client_for

CRISIS_NOTE = "I keep thinking everyone would be better off without me"


def opened(response, path: str, next_url: str) -> bool:
    """True when ``response`` sends the person to ``path`` with a way back to ``next_url``."""
    location = urlsplit(response["Location"] if response.has_header("Location") else "")
    if response.has_header("HX-Redirect"):
        location = urlsplit(response["HX-Redirect"])
    query = parse_qs(location.query)
    return location.path == path and query.get("next") == [next_url] and "noticed" in query


def test_shows_lines_for_their_country_and_the_emergency_number(as_alice):
    page = as_alice.get("/help/safe/").content.decode()
    assert "You are not alone" in page
    assert "Samaritans" in page
    assert "116 123" in page
    assert "999" in page
    assert "988 Suicide" not in page


def test_shows_their_safety_plan(alice, as_alice):
    SafetyPlan.objects.create(user=alice, people_to_ask="My sister Jo, 07700 900123")
    page = as_alice.get("/help/safe/").content.decode()
    assert "My sister Jo, 07700 900123" in page
    assert "People I can ask for help" in page


def test_returns_to_a_safe_next(as_alice):
    page = as_alice.get("/help/safe/?next=/assessments/").content.decode()
    assert 'href="/assessments/"' in page


def test_refuses_an_external_next(as_alice):
    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        page = as_alice.get(f"/help/safe/?next={quote(target)}").content.decode()
        assert "evil.example" not in page and "javascript:" not in page
        assert '<a class="button button--secondary" href="/">Go back to where I was</a>' in page


def test_crisis_language_in_a_check_in_note_saves_then_opens_the_screen(alice, as_alice):
    response = as_alice.post("/check-in/", checkin_post(note=CRISIS_NOTE))
    assert response.status_code == 302
    assert opened(response, "/help/safe/", "/")
    assert CheckIn.objects.get(user=alice).note == CRISIS_NOTE


def test_an_ordinary_note_goes_home(as_alice):
    response = as_alice.post("/check-in/", checkin_post(note="This traffic is killing me"))
    assert response["Location"] == "/"


def test_crisis_language_in_a_response_message_saves_then_opens_the_screen(alice, as_bob):
    checkin = make_checkin(alice, share_needs=True)
    message = "Honestly I want to die too some days"
    response = as_bob.post(
        f"/check-in/{checkin.pk}/respond/", {"kind": "message", "message": message}
    )
    assert response.status_code == 302
    assert opened(response, "/help/safe/", "/")
    assert Response.objects.get(checkin=checkin).message == message


def test_the_same_from_htmx_redirects_the_page(alice, as_bob):
    checkin = make_checkin(alice, share_needs=True)
    response = as_bob.post(
        f"/check-in/{checkin.pk}/respond/",
        {"kind": "message", "message": "I want to kill myself"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert opened(response, "/help/safe/", "/")
    assert Response.objects.filter(checkin=checkin).exists()


def test_needs_a_log_in(db):
    response = client_for(None).get("/help/safe/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_screen_says_which_words_it_noticed(as_alice):
    response = as_alice.post("/check-in/", checkin_post(note="honestly i just want to die"))
    page = as_alice.get(response["Location"]).content.decode()
    assert "Why this page opened" in page
    assert "“want to die” — thoughts of suicide" in page


def test_words_that_can_also_mean_something_everyday_open_the_screen_with_a_perhaps(as_alice):
    response = as_alice.post("/check-in/", checkin_post(note="i have the pills and i know when"))
    assert opened(response, "/help/safe/", "/")
    page = as_alice.get(response["Location"]).content.decode()
    assert "“have the pills” — perhaps means or preparation" in page
    assert "“i know when” — perhaps a plan or a time" in page


def test_the_same_words_with_an_everyday_reason_go_home(as_alice):
    note = "i'll be gone by morning, early flight to rome"
    response = as_alice.post("/check-in/", checkin_post(note=note))
    assert response["Location"] == "/"


def test_the_words_are_not_shown_on_a_later_visit_without_the_link(as_alice):
    as_alice.post("/check-in/", checkin_post(note="honestly i just want to die"))
    page = as_alice.get("/help/safe/?next=/").content.decode()
    assert "Why this page opened" not in page
    assert "want to die" not in page


def test_the_noticed_words_are_kept_encrypted_in_the_session(alice, as_alice):
    as_alice.post("/check-in/", checkin_post(note="honestly i just want to die"))
    stored = as_alice.session["safety_noticed"]
    assert "want to die" not in str(stored)


def test_a_partner_report_in_a_note_opens_worried_about_someone(alice, as_alice):
    note = "sam said last night he wants to die"
    response = as_alice.post("/check-in/", checkin_post(note=note))
    assert opened(response, "/help/worried/", "/")
    assert CheckIn.objects.get(user=alice).note == note
    page = as_alice.get(response["Location"]).content.decode()
    assert "Worried about someone?" in page
    assert "Samaritans" in page
    assert "“wants to die” — thoughts of suicide, about someone else" in page


def test_a_note_about_both_opens_the_screen_with_a_way_to_the_worried_page(as_alice):
    note = "i want to die. and my husband says he wants to kill himself"
    response = as_alice.post("/check-in/", checkin_post(note=note))
    assert opened(response, "/help/safe/", "/")
    page = as_alice.get(response["Location"]).content.decode()
    assert "Worried about someone too?" in page
    assert 'href="/help/worried/?next=%2F"' in page


@pytest.mark.parametrize(
    "note",
    ["this traffic is killing me", "I'm not suicidal, just sad", "dying to see you tonight"],
)
def test_idioms_and_denials_go_home(as_alice, note):
    response = as_alice.post("/check-in/", checkin_post(note=note))
    assert response["Location"] == "/"
