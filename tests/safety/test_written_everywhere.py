"""Everywhere a person writes to themselves or their partner, a warning sign opens help."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tending.appreciations.models import Appreciation
from tending.learn.articles import load_articles
from tending.learn.models import Reflection
from tending.questions.decks import all_questions

SELF = "i keep thinking everyone would be better off without me"
PARTNER = "my husband said he wants to kill himself"
IDIOM = "this week is killing me but we made it"


def landed(response) -> tuple[str, str]:
    location = response.get("HX-Redirect") or response.get("Location") or ""
    parts = urlsplit(location)
    return parts.path, parse_qs(parts.query).get("next", [""])[0]


@pytest.fixture
def question():
    return all_questions()[0].id


@pytest.mark.parametrize(
    "text, page", [(SELF, "/help/safe/"), (PARTNER, "/help/worried/"), (IDIOM, "")]
)
def test_a_question_answer(as_alice, question, text, page):
    response = as_alice.post(f"/practices/questions/{question}/answer/", {"text": text})
    path, back = landed(response)
    if page:
        assert (path, back) == (page, f"/practices/questions/{question}/")
    else:
        assert path == f"/practices/questions/{question}/"


def test_a_question_thread_message_from_htmx(alice, bob, as_alice, as_bob, question):
    for client in (as_alice, as_bob):
        client.post(f"/practices/questions/{question}/answer/", {"text": "A walk"})
    response = as_bob.post(
        f"/practices/questions/{question}/thread/", {"text": SELF}, headers={"HX-Request": "true"}
    )
    assert landed(response) == ("/help/safe/", f"/practices/questions/{question}/")


@pytest.mark.parametrize("text, page", [(SELF, "/help/safe/"), (PARTNER, "/help/worried/")])
def test_an_appreciation(alice, as_alice, text, page):
    response = as_alice.post("/practices/appreciations/", {"text": text})
    assert landed(response) == (page, "/practices/appreciations/")
    assert Appreciation.objects.filter(author=alice).exists()


def test_an_ordinary_appreciation_goes_back(as_alice):
    response = as_alice.post("/practices/appreciations/", {"text": "the tea this morning"})
    assert response["Location"] == "/practices/appreciations/"


@pytest.mark.parametrize("htmx", [False, True])
def test_a_learn_reflection(alice, as_alice, htmx):
    slug = load_articles()[0].slug
    headers = {"HX-Request": "true"} if htmx else {}
    response = as_alice.post(f"/learn/{slug}/reflections/", {"text": PARTNER}, headers=headers)
    assert landed(response) == ("/help/worried/", f"/learn/{slug}/#reflections")
    assert Reflection.objects.filter(author=alice).exists()


def test_a_gentle_message_sent_from_the_builder(as_alice):
    response = as_alice.post("/coach/i-statement/send/", {"statement": SELF})
    assert landed(response) == ("/help/safe/", "/coach/messages/")


def test_the_coach_shows_a_calm_note_while_typing(as_alice):
    page = as_alice.post("/coach/", {"message": PARTNER}, headers={"HX-Request": "true"})
    text = page.content.decode()
    assert "worried about someone's safety" in text
    assert 'href="/help/worried/"' in text
    page = as_alice.post("/coach/", {"message": SELF}, headers={"HX-Request": "true"})
    assert 'href="/help/"' in page.content.decode()


def test_the_i_statement_preview_shows_the_note_too(as_alice):
    page = as_alice.post(
        "/coach/i-statement/",
        {"feeling": "hopeless", "situation": "i want to die", "need": "", "request": ""},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "things may be very hard right now" in page


def test_the_safety_plan_itself_never_opens_the_screen(as_alice):
    response = as_alice.post("/help/plan/", {"warning_signs": "when i want to die"})
    assert response["Location"] == "/help/plan/"
