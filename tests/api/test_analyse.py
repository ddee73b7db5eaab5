"""POST /api/coach/analyse: who may call it, what it answers, how often, and that it
stores nothing."""

import json

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tending.accounts.backends import BACKEND
from tending.api.models import PersonalAccessToken
from tending.api.services import create_token, revoke_token
from tests.support.people import client_for

URL = "/api/coach/analyse"
HARSH = {"text": "You never listen, you're so selfish."}


def post(client: Client, body: dict, **headers):
    return client.post(URL, json.dumps(body), content_type="application/json", headers=headers)


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_anonymous_requests_are_refused(db):
    response = post(Client(), HARSH)
    assert response.status_code == 401


def test_a_token_works_and_the_answer_lists_each_finding(alice):
    _, plain = create_token(user=alice, name="notes app")
    response = post(Client(), HARSH, **bearer(plain))
    assert response.status_code == 200
    body = response.json()
    assert body["tone"] == "harsh"
    assert body["emotions"] == [] and body["needs"] == []
    first = body["findings"][0]
    assert set(first) == {"kind", "start", "end", "text", "explanation", "suggestion"}
    assert (first["kind"], first["start"], first["end"], first["text"]) == (
        "absolutes",
        0,
        9,
        "You never",
    )
    assert {finding["kind"] for finding in body["findings"]} >= {"absolutes", "criticism"}
    assert PersonalAccessToken.objects.get().last_used_at is not None


def test_a_revoked_or_unknown_token_is_refused(alice):
    token, plain = create_token(user=alice, name="old laptop")
    revoke_token(user=alice, token_id=token.pk)
    assert post(Client(), HARSH, **bearer(plain)).status_code == 401
    assert post(Client(), HARSH, **bearer("tending_not-a-real-token")).status_code == 401
    assert post(Client(), HARSH, **bearer("")).status_code == 401


def test_a_deactivated_persons_token_is_refused(alice):
    _, plain = create_token(user=alice, name="phone")
    alice.is_active = False
    alice.save(update_fields=["is_active"])
    assert post(Client(), HARSH, **bearer(plain)).status_code == 401


def test_the_browser_session_works_with_its_csrf_token(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice, backend=BACKEND)
    assert post(client, HARSH).status_code == 403
    client.get("/coach/")
    csrf = client.cookies["csrftoken"].value
    response = post(client, HARSH, **{"X-CSRFToken": csrf})
    assert response.status_code == 200
    assert response.json()["tone"] == "harsh"


def test_text_that_is_not_a_string_or_too_long_is_refused(alice):
    client = client_for(alice)
    missing = post(client, {})
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["field"] == "text"
    too_long = post(client, {"text": "x" * 2001})
    assert too_long.status_code == 422
    assert "text: String should have at most 2000 characters" in too_long.json()["detail"]
    assert post(client, {"text": "you never listen " * 117}).status_code == 200


def test_a_megabyte_of_text_is_refused_before_it_is_read(alice, monkeypatch):
    def must_not_run(text):
        raise AssertionError("a refused text was analysed")

    monkeypatch.setattr("tending.api.v1.account.analyse", must_not_run)
    response = post(client_for(alice), {"text": "you never listen " * 60_000})
    assert response.status_code in (413, 422)
    assert response.json()["detail"]


def test_markup_comes_back_as_plain_data(alice):
    text = "<script>alert(1)</script> you always forget"
    body = post(client_for(alice), {"text": text}).json()
    assert body["findings"][0]["text"] == "you always"
    assert body["findings"][0]["start"] == text.index("you always")


def test_requests_beyond_the_rate_are_throttled_per_token(alice, bob, settings):
    settings.TENDING_API_RATE = "3/m"
    _, plain = create_token(user=alice, name="script")
    _, other = create_token(user=alice, name="dashboard")
    statuses = [post(Client(), HARSH, **bearer(plain)).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    refused = post(Client(), HARSH, **bearer(plain))
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert refused.json()["detail"]
    assert post(Client(), HARSH, **bearer(other)).status_code == 200
    assert post(client_for(alice), HARSH).status_code == 200
    assert post(client_for(bob), HARSH).status_code == 200


def test_the_version_1_route_answers_the_same(alice):
    _, plain = create_token(user=alice, name="notes app")
    old = post(Client(), HARSH, **bearer(plain)).json()
    new = Client().post(
        "/api/v1/coach/analyse",
        json.dumps(HARSH),
        content_type="application/json",
        headers=bearer(plain),
    )
    assert new.status_code == 200 and new.json() == old


def test_analysing_stores_nothing_but_the_rate_count(alice):
    client = client_for(alice)
    with CaptureQueriesContext(connection) as queries:
        assert post(client, HARSH).status_code == 200
    written = {
        query["sql"].split('"')[1]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    }
    assert written <= {"tending_cache"}
