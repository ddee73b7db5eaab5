"""The I-statement builder: four steps, a preview, and the blame check on the situation."""

from django.urls import reverse

from tending.coach.models import GentleMessage
from tending.coach.statements import IStatementParts, compose
from tests.support.people import client_for

BUILDER = reverse("coach:i_statement")
STEPS = {
    "feeling": "lonely",
    "situation": "About the evenings we spent on our phones this week.",
    "need": "I need some time together",
    "request": "Would you walk with me after dinner?",
}
STATEMENT = (
    "I feel lonely about the evenings we spent on our phones this week. "
    "I need some time together. Would you walk with me after dinner?"
)


def test_the_parts_make_one_sentence():
    assert compose(IStatementParts(**STEPS)) == STATEMENT


def test_missing_steps_show_as_gaps():
    assert compose(IStatementParts(feeling="tired")) == (
        "I feel tired about …. I need …. Would you …?"
    )


def test_a_capital_i_and_acronyms_keep_their_capitals():
    parts = IStatementParts("anxious", "I forgot the NHS letter", "Help", "Call them")
    assert compose(parts) == (
        "I feel anxious about I forgot the NHS letter. I need help. Would you call them?"
    )


def test_the_builder_offers_the_feelings_wheel(alice):
    page = client_for(alice).get(BUILDER).content.decode()
    assert "Step 1 of 4" in page and "Step 4 of 4" in page
    assert '<input type="radio" name="feeling" value="lonely">' in page
    assert "Send to Bob" in page


def test_a_preview_puts_the_steps_together(alice):
    response = client_for(alice).post(BUILDER, STEPS)
    page = response.content.decode()
    assert response.status_code == 200
    assert STATEMENT in page
    assert '<input type="radio" name="feeling" value="lonely" checked>' in page
    assert "it describes what happened without blame" in page
    assert "Send to Bob" in page


def test_blame_in_the_situation_is_pointed_out(alice):
    steps = STEPS | {"situation": "you never put your phone down, it's your fault"}
    page = client_for(alice).post(BUILDER, steps).content.decode()
    assert "parts of it may read as blame" in page
    assert "“you never”" in page
    assert "“your fault”" in page


def test_htmx_gets_the_preview_only(alice):
    response = client_for(alice).post(BUILDER, STEPS, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "<html" not in page
    assert STATEMENT in page


def test_an_unknown_feeling_is_refused_and_the_rest_kept(alice):
    response = client_for(alice).post(BUILDER, STEPS | {"feeling": "zzz"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Please pick a feeling from the list." in page
    assert "walk with me after dinner" in page


def test_someone_alone_can_preview_and_is_told_about_sending(charlie):
    page = client_for(charlie).post(BUILDER, STEPS).content.decode()
    assert STATEMENT in page
    assert "Once you are paired with your partner, you can send it from here." in page


def test_previewing_stores_nothing(alice):
    client_for(alice).post(BUILDER, STEPS)
    client_for(alice).post(BUILDER, STEPS, headers={"HX-Request": "true"})
    assert not GentleMessage.objects.exists()
