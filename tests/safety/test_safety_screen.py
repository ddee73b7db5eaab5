from urllib.parse import quote

from tending.checkins.models import CheckIn, Response
from tending.safety.models import SafetyPlan
from tests.support.builders import checkin_post, make_checkin
from tests.support.people import client_for

CRISIS_NOTE = "I keep thinking everyone would be better off without me"


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
    assert response["Location"] == "/help/safe/?next=%2F"
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
    assert response["Location"] == "/help/safe/?next=%2F"
    assert Response.objects.get(checkin=checkin).message == message


def test_the_same_from_htmx_redirects_the_page(alice, as_bob):
    checkin = make_checkin(alice, share_needs=True)
    response = as_bob.post(
        f"/check-in/{checkin.pk}/respond/",
        {"kind": "message", "message": "I want to kill myself"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == "/help/safe/?next=%2F"
    assert Response.objects.filter(checkin=checkin).exists()


def test_needs_a_log_in(db):
    response = client_for(None).get("/help/safe/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
