"""Nothing a person types can keep the coach busy: every box that reaches the analysis has
the length of the field it helps with, checked before a word is read."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.support.people import client_for

ONE_MEGABYTE_OF_HARSH_WORDS = "you never listen, you're so selfish " * 30_000
HINT = reverse("coach:hint")


@pytest.fixture
def analysis_must_not_run(monkeypatch):
    def refuse(text):
        raise AssertionError(f"{len(text)} characters reached the analysis")

    monkeypatch.setattr("tending.coach.views.analyse", refuse)
    monkeypatch.setattr("tending.safety.screening.read_crisis_language", refuse)


def test_a_one_megabyte_hint_request_is_refused_before_the_body_is_read(
    alice, analysis_must_not_run
):
    body = urlencode({"note": ONE_MEGABYTE_OF_HARSH_WORDS})
    response = client_for(alice).post(HINT, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400


@pytest.mark.parametrize(("field", "limit"), [("note", 2000), ("message", 500)])
def test_a_hint_for_more_than_the_box_takes_says_so_without_reading_it(
    alice, analysis_must_not_run, field, limit
):
    response = client_for(alice).post(HINT, {field: "you never listen " * (limit // 17 + 1)})
    assert response.status_code == 200
    page = response.content.decode()
    assert f"longer than the box takes ({limit} characters at most)" in page


def test_a_hint_up_to_the_box_length_is_read(alice):
    text = ("you're so selfish " * 112)[:2000]
    response = client_for(alice).post(HINT, {"note": text})
    assert "This may land harder than you mean." in response.content.decode()


def test_before_you_say_it_refuses_a_long_message_and_keeps_it(alice, analysis_must_not_run):
    text = "you never listen " * 118
    response = client_for(alice).post(reverse("coach:index"), {"message": text})
    assert response.status_code == 400
    page = response.content.decode()
    assert "at most 2000 characters" in page
    assert text.strip() in page, "what the person typed stays in the box"


def test_the_live_reading_refuses_a_long_message_too(alice, analysis_must_not_run):
    response = client_for(alice).post(
        reverse("coach:index"), {"message": "x" * 2001}, headers={"HX-Request": "true"}
    )
    assert "at most 2000 characters" in response.content.decode()


def test_an_emptied_box_while_typing_gets_no_scolding(alice):
    response = client_for(alice).post(
        reverse("coach:index"), {"message": ""}, headers={"HX-Request": "true"}
    )
    assert "Type or paste" not in response.content.decode()


def test_the_i_statement_situation_is_limited_to_its_box(alice, analysis_must_not_run):
    response = client_for(alice).post(
        reverse("coach:i_statement"), {"feeling": "lonely", "situation": "you never " * 40}
    )
    assert response.status_code == 400
    assert "at most 300 characters" in response.content.decode()
