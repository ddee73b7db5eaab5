"""/api/v1 questionnaires: published wording and licence, submitting, results, sharing."""

import pytest

from tending.assessments.models import Result
from tests.support.api import send, token_client

pytestmark = pytest.mark.frozen("2027-03-10T12:00:00+00:00")


def phq9(*answers):
    return {"questionnaire": "phq9", "answers": {str(n): v for n, v in enumerate(answers, 1)}}


def test_every_questionnaire_comes_with_its_wording_options_and_licence(alice):
    body = send(token_client(alice), "get", "/api/v1/questionnaires").json()
    by_key = {item["key"]: item for item in body}
    assert {"phq9", "gad7", "who5", "csi4", "pss4"} <= set(by_key)
    gad7 = by_key["gad7"]
    assert gad7["items"][0]["text"] == "Feeling nervous, anxious, or on edge"
    assert [option["label"] for option in gad7["items"][0]["options"]][:2] == [
        "Not at all",
        "Several days",
    ]
    assert gad7["licence"]["text"].startswith("GAD-7 © Pfizer")
    assert gad7["citation"].startswith("Spitzer RL")
    assert by_key["who5"]["display_range"] == [0, 100]


def test_submitting_scores_as_published_and_stays_private(alice, bob):
    client = token_client(alice)
    created = send(client, "post", "/api/v1/results", phq9(2, 2, 2, 2, 1, 1, 1, 1, 0))
    assert created.status_code == 201
    body = created.json()
    assert (body["total"], body["band"]["key"], body["sharing"]) == (12, "moderate", "nothing")
    assert body["safety_url"] is None
    assert send(token_client(bob), "get", "/api/v1/partner/results").json() == []
    listed = send(client, "get", "/api/v1/results?questionnaire=phq9").json()
    assert [item["id"] for item in listed["items"]] == [body["id"]]
    assert send(client, "get", "/api/v1/results?questionnaire=gad7").json()["items"] == []


def test_item_9_above_zero_points_to_the_safety_page(alice):
    body = send(token_client(alice), "post", "/api/v1/results", phq9(0, 0, 0, 0, 0, 0, 0, 0, 1))
    assert body.json()["safety_url"].endswith("/help/safe/")


@pytest.mark.parametrize(
    "submission",
    [
        phq9(0, 0, 0, 0, 0, 0, 0, 0),
        phq9(0, 0, 0, 0, 0, 0, 0, 0, 4),
        {"questionnaire": "nope", "answers": {}},
        {"questionnaire": "phq9"},
    ],
)
def test_incomplete_or_unknown_answers_are_refused(alice, submission):
    response = send(token_client(alice), "post", "/api/v1/results", submission)
    assert response.status_code == 422 and response.json()["errors"]
    assert not Result.objects.exists()


def test_sharing_shows_the_partner_only_what_was_chosen(alice, bob):
    client = token_client(alice)
    result = send(client, "post", "/api/v1/results", phq9(1, 1, 1, 1, 1, 1, 1, 1, 0)).json()
    shared = send(client, "put", f"/api/v1/results/{result['id']}/sharing", {"sharing": "band"})
    assert shared.json()["sharing"] == "band"
    seen = send(token_client(bob), "get", "/api/v1/partner/results").json()
    assert seen[0]["band_label"] == "Mild" and seen[0]["score"] is None
    assert "answers" not in seen[0]
    assert send(token_client(bob), "get", f"/api/v1/results/{result['id']}").status_code == 404
