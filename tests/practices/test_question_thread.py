import pytest
from django.urls import reverse

from conftest import client_for
from practices.builders import answer
from tending.practices import services
from tending.practices.content import all_questions

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

QUESTION = all_questions()[12].id
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_an_answer_can_change_until_both_are_revealed(alice, bob):
    answer(alice, QUESTION, "first")
    answer(alice, QUESTION, "second")
    answer(bob, QUESTION, "bob")
    with pytest.raises(services.PracticeError):
        answer(alice, QUESTION, "third")


def test_an_empty_answer_is_refused_with_a_message(alice):
    response = client_for(alice).post(reverse("practices:answer", args=[QUESTION]), {"text": " "})
    assert response.status_code == 400
    assert "Please write your answer first." in response.content.decode()


def test_an_overlong_answer_keeps_what_was_typed(alice):
    text = "x" * 2001
    response = client_for(alice).post(reverse("practices:answer", args=[QUESTION]), {"text": text})
    assert response.status_code == 400
    assert text in response.content.decode()


def test_the_thread_opens_under_revealed_answers(alice, bob):
    answer(alice, QUESTION, "alice")
    answer(bob, QUESTION, "bob")
    url = reverse("practices:question_message", args=[QUESTION])
    response = client_for(bob).post(url, {"text": "THREAD-HELLO"}, **HTMX)
    assert "THREAD-HELLO" in response.content.decode()
    page = client_for(alice).get(reverse("practices:question", args=[QUESTION])).content.decode()
    assert "THREAD-HELLO" in page


def test_the_thread_is_closed_until_both_answered(alice):
    answer(alice, QUESTION, "alice")
    with pytest.raises(services.PracticeError):
        services.post_question_message(user=alice, question_id=QUESTION, text="too soon")


def test_earlier_questions_list_shows_status_not_words(alice, bob):
    answer(alice, QUESTION, "ALICE-EARLIER")
    page = client_for(bob).get(reverse("practices:question_today")).content.decode()
    assert "Alice answered" in page
    assert "ALICE-EARLIER" not in page


def test_new_messages_reach_the_open_page_of_the_other_partner(alice, bob):
    poll = reverse("practices:question_thread", args=[QUESTION])
    as_alice = client_for(alice)
    answer(alice, QUESTION, "alice")
    assert as_alice.get(poll, {"after": "0"}, **HTMX).status_code == 204
    answer(bob, QUESTION, "bob")
    page = as_alice.get(reverse("practices:question", args=[QUESTION])).content.decode()
    assert f"{poll}?after=0" in page
    assert as_alice.get(poll, {"after": "0"}, **HTMX).status_code == 204

    message = services.post_question_message(user=bob, question_id=QUESTION, text="BOB-NEW")
    fresh = as_alice.get(poll, {"after": "0"}, **HTMX)
    assert fresh.status_code == 200
    body = fresh.content.decode()
    assert "BOB-NEW" in body
    assert f"{poll}?after={message.pk}" in body
    assert as_alice.get(poll, {"after": str(message.pk)}, **HTMX).status_code == 204


def test_the_thread_poll_is_for_the_couple_only(alice, bob, charlie):
    answer(alice, QUESTION, "alice")
    answer(bob, QUESTION, "bob")
    services.post_question_message(user=bob, question_id=QUESTION, text="BOB-PRIVATE")
    poll = reverse("practices:question_thread", args=[QUESTION])
    response = client_for(charlie).get(poll, {"after": "0"}, **HTMX)
    assert response.status_code == 404
    assert "BOB-PRIVATE" not in response.content.decode()
