"""/api/v1 check-ins: today's (read, create, edit), history by cursor, the partner's
shared day, responses and the turned-toward count."""

import datetime as dt

import pytest
from django.utils import timezone

from tending.checkins.models import CheckIn, Response
from tending.couples.models import Couple
from tending.couples.selectors import active_couple_for
from tests.support.api import send, token_client
from tests.support.builders import make_checkin, make_response

pytestmark = pytest.mark.frozen("2027-03-10T12:00:00+00:00")

TODAY = "/api/v1/checkins/today"
DAY = {
    "mood": 2,
    "stress": 4,
    "energy": 2,
    "connection": 3,
    "sleep_hours": 6.5,
    "emotions": ["anxious", "tired"],
    "needs": ["hug"],
    "note": "Deadline tomorrow",
}


def test_a_person_checks_in_reads_it_and_edits_it(alice):
    client = token_client(alice)
    assert send(client, "get", TODAY).status_code == 404
    created = send(client, "post", TODAY, DAY)
    assert created.status_code == 201
    body = created.json()
    assert (body["mood"], body["sleep_hours"], body["needs"]) == (2, 6.5, ["hug"])
    assert body["local_date"] == "2027-03-10" and body["mine"] is True
    assert body["sharing"] == {"numbers": True, "emotions": True, "needs": True, "note": False}
    assert body["safety_url"] is None
    assert send(client, "post", TODAY, DAY).status_code == 409
    edited = send(client, "patch", TODAY, {"stress": 3, "sleep_hours": None})
    assert edited.status_code == 200
    assert (edited.json()["stress"], edited.json()["sleep_hours"]) == (3, None)
    assert edited.json()["note"] == "Deadline tomorrow"
    checkin = CheckIn.objects.get()
    assert (checkin.stress, checkin.sleep_hours, checkin.emotions) == (
        3,
        None,
        ["anxious", "tired"],
    )
    assert send(client, "get", TODAY).json()["stress"] == 3


def test_a_repeated_create_with_its_idempotency_key_creates_once(alice):
    client = token_client(alice)
    first = send(client, "post", TODAY, DAY, **{"Idempotency-Key": "day-1"})
    again = send(client, "post", TODAY, DAY, **{"Idempotency-Key": "day-1"})
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    other = send(client, "post", TODAY, {**DAY, "mood": 5}, **{"Idempotency-Key": "day-1"})
    assert other.status_code == 409
    assert CheckIn.objects.count() == 1
    assert send(client, "post", TODAY, DAY, **{"Idempotency-Key": ""}).status_code == 422


def test_a_read_answers_304_while_its_etag_holds(alice):
    client = token_client(alice)
    send(client, "post", TODAY, DAY)
    first = send(client, "get", TODAY)
    etag = first["ETag"]
    unchanged = send(client, "get", TODAY, **{"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    send(client, "patch", TODAY, {"mood": 5})
    changed = send(client, "get", TODAY, **{"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag


@pytest.mark.parametrize(
    "change",
    [
        {"mood": 6},
        {"mood": "3"},
        {"sleep_hours": 6.25},
        {"emotions": ["not-a-feeling"]},
        {"needs": ["nothing", "hug"]},
        {"note": "x" * 2001},
        {"share_note": "yes"},
    ],
)
def test_values_outside_the_vocabulary_are_refused_with_the_field(alice, change):
    response = send(token_client(alice), "post", TODAY, {**DAY, **change})
    assert response.status_code == 422
    assert response.json()["errors"], response.json()
    assert not CheckIn.objects.exists()


def test_a_worrying_note_points_to_the_safety_page(alice):
    body = send(token_client(alice), "post", TODAY, {**DAY, "note": "I want to die"}).json()
    assert body["safety_url"].endswith("/help/safe/")


def test_the_partner_sees_only_what_is_shared(alice, bob):
    make_checkin(alice, note="PRIVATE words", share_note=False, share_numbers=False)
    partner_day = send(token_client(bob), "get", "/api/v1/partner/today").json()
    assert partner_day["mine"] is False and partner_day["owner_name"] == "Alice"
    assert partner_day["mood"] is None and partner_day["note"] is None
    assert partner_day["emotions"] == ["calm"] and partner_day["sharing"] is None
    assert "PRIVATE" not in send(token_client(bob), "get", "/api/v1/checkins").content.decode()
    assert send(token_client(alice), "get", "/api/v1/partner/today").status_code == 404


def test_history_pages_by_cursor_without_gaps_or_repeats(alice, bob):
    Couple.objects.filter(pk=active_couple_for(alice).pk).update(
        started_at=timezone.now() - dt.timedelta(days=30)
    )
    for days_ago in range(7):
        make_checkin(alice, days_ago=days_ago)
        make_checkin(bob, days_ago=days_ago, share_numbers=True)
    client = token_client(alice)
    seen, cursor = [], None
    while True:
        url = "/api/v1/checkins?limit=3" + (f"&cursor={cursor}" if cursor else "")
        page = send(client, "get", url).json()
        seen += [(item["local_date"], item["mine"]) for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 14
    assert seen == sorted(seen, key=lambda item: item[0], reverse=True)


def test_a_malformed_cursor_or_limit_is_refused(alice):
    client = token_client(alice)
    for query in ("cursor=abc", "limit=0", "limit=101", "cursor=1.2.3"):
        response = send(client, "get", f"/api/v1/checkins?{query}")
        assert response.status_code == 422, query
        assert response.json()["detail"]


def test_responding_and_listing_responses(alice, bob):
    asks = make_checkin(alice, needs=["hug"])
    quiet = make_checkin(bob, needs=["nothing"])
    as_bob = token_client(bob)
    sent = send(
        as_bob,
        "post",
        f"/api/v1/checkins/{asks.pk}/responses",
        {"kind": "message", "message": "Soon"},
    )
    assert sent.status_code == 201 and sent.json()["text"] == "Soon"
    no_words = send(as_bob, "post", f"/api/v1/checkins/{asks.pk}/responses", {"kind": "message"})
    assert no_words.status_code == 422
    own = send(token_client(bob), "post", f"/api/v1/checkins/{quiet.pk}/responses", {"kind": "hug"})
    assert own.status_code == 404
    received = send(token_client(alice), "get", "/api/v1/responses?direction=received").json()
    assert [item["text"] for item in received["items"]] == ["Soon"]
    assert received["items"][0]["created_at"].endswith(("Z", "+00:00"))
    assert send(as_bob, "get", "/api/v1/responses?direction=sent").json()["items"][0]["sent_by_me"]
    refused = send(
        token_client(alice), "post", f"/api/v1/checkins/{quiet.pk}/responses", {"kind": "hug"}
    )
    assert refused.status_code == 409 and "no request" in refused.json()["detail"]


def test_times_are_in_the_persons_own_zone(alice, bob):
    asks = make_checkin(alice, needs=["hug"])
    make_response(asks, bob, kind=Response.Kind.HUG)
    body = send(token_client(bob), "get", "/api/v1/responses?direction=sent").json()
    assert body["items"][0]["created_at"].endswith("-05:00")


def test_turned_toward_counts_this_weeks_answered_requests(alice, bob):
    asks = make_checkin(alice, needs=["hug"])
    make_response(asks, bob, kind=Response.Kind.HUG)
    body = send(token_client(alice), "get", "/api/v1/turned-toward").json()
    assert body == {"week_start": "2027-03-08", "turned_toward": 1}
