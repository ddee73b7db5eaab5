import pytest
from django.urls import reverse

from conftest import client_for
from practices.builders import answer
from tending.practices import services
from tending.practices.content import all_questions

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
