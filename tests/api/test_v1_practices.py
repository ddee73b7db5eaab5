"""/api/v1 practices: today's question and its reveal, appreciations, rituals and the
state of a guided conversation."""

import pytest

from tending.conversations.services import start_conversation
from tending.questions.decks import all_questions
from tests.support.api import send, token_client

pytestmark = pytest.mark.frozen("2027-03-10T12:00:00+00:00")


def test_answers_are_revealed_together_and_then_the_thread_opens(alice, bob):
    question = all_questions()[0].id
    url = f"/api/v1/questions/{question}"
    as_alice, as_bob = token_client(alice), token_client(bob)
    send(as_alice, "put", f"{url}/answer", {"text": "The sea"})
    waiting = send(as_bob, "get", url).json()
    assert waiting["partner_answered"] and waiting["partner_answer"] is None
    assert send(as_bob, "get", f"{url}/thread").json() == {
        "revealed": False,
        "items": [],
        "next_cursor": None,
    }
    assert send(as_bob, "post", f"{url}/thread", {"text": "Hi"}).status_code == 409
    send(as_bob, "put", f"{url}/answer", {"text": "The hills"})
    assert send(as_alice, "get", url).json()["partner_answer"] == "The hills"
    assert send(as_alice, "put", f"{url}/answer", {"text": "changed"}).status_code == 409
    posted = send(as_alice, "post", f"{url}/thread", {"text": "Both, then"})
    assert posted.status_code == 201 and posted.json()["written_by_me"]
    thread = send(as_bob, "get", f"{url}/thread").json()
    assert [item["text"] for item in thread["items"]] == ["Both, then"]
    assert send(as_alice, "put", f"{url}/answer", {"text": "   "}).status_code == 422
    today = send(as_alice, "get", "/api/v1/questions/today").json()
    assert today["is_today"] and today["text"]


def test_appreciations_are_sent_listed_and_reacted_to(alice, bob, charlie):
    sent = send(token_client(bob), "post", "/api/v1/appreciations", {"text": "the tea"})
    assert sent.status_code == 201
    received = send(token_client(alice), "get", "/api/v1/appreciations").json()["items"]
    assert [item["text"] for item in received] == ["the tea"] and received[0]["received"]
    reaction = {"reaction": "heart"}
    url = f"/api/v1/appreciations/{sent.json()['id']}/reaction"
    assert send(token_client(bob), "put", url, reaction).status_code == 404
    assert send(token_client(alice), "put", url, reaction).json()["reaction"] == "heart"
    alone = send(token_client(charlie), "post", "/api/v1/appreciations", {"text": "hello"})
    assert alone.status_code == 409 and "Invite" in alone.json()["detail"]


def test_rituals_are_added_marked_taken_back_and_set_aside(alice, bob):
    client = token_client(alice)
    ritual = send(client, "post", "/api/v1/rituals", {"title": "Walk", "rhythm": "daily"}).json()
    assert ritual["progress"] == "0 of 3 days so far this week"
    url = f"/api/v1/rituals/{ritual['id']}"
    assert send(token_client(bob), "post", f"{url}/done").json()["done_for_now"] is True
    assert send(client, "post", f"{url}/done").status_code == 409
    assert send(client, "delete", f"{url}/done").status_code == 409
    assert send(token_client(bob), "delete", f"{url}/done").json()["done_for_now"] is False
    duplicate = send(client, "post", "/api/v1/rituals", {"title": "walk", "rhythm": "weekly"})
    assert duplicate.status_code == 409
    assert send(client, "delete", url).status_code == 204
    assert send(client, "get", "/api/v1/rituals").json() == []
    assert send(client, "post", f"{url}/done").status_code == 404


def test_the_conversation_under_way_is_shown_to_both(alice, bob, charlie):
    assert send(token_client(alice), "get", "/api/v1/conversations/current").status_code == 404
    start_conversation(user=bob, kind="meeting")
    state = send(token_client(alice), "get", "/api/v1/conversations/current").json()
    assert (state["kind"], state["status"], len(state["agenda"])) == ("meeting", "ready", 4)
    assert send(token_client(charlie), "get", "/api/v1/conversations/current").status_code == 404
