"""/api/v1 insights series, the export, and who the caller is."""

import io
import zipfile

import pytest

from tending.security.models import EventKind, SecurityEvent
from tests.support.api import send, token_client
from tests.support.builders import make_checkin
from tests.support.people import client_for

pytestmark = pytest.mark.frozen("2027-03-10T12:00:00+00:00")


def test_the_series_has_one_entry_a_day_and_only_shared_numbers(alice, bob):
    make_checkin(alice, mood=4)
    make_checkin(bob, mood=2, share_numbers=False)
    body = send(token_client(alice), "get", "/api/v1/insights/series?days=7").json()
    assert (body["start"], body["end"], len(body["days"])) == ("2027-03-04", "2027-03-10", 7)
    today = body["days"][-1]
    assert today["mine"]["mood"] == 4 and today["partner"] is None
    assert body["days"][0] == {"date": "2027-03-04", "mine": None, "partner": None}


@pytest.mark.parametrize("query", ["days=0", "days=367", "end=0", "end=2027-02-30", "end=tomorrow"])
def test_a_range_that_is_not_one_is_refused(alice, query):
    response = send(token_client(alice), "get", f"/api/v1/insights/series?{query}")
    assert response.status_code == 422 and response.json()["detail"]


def test_the_export_is_the_same_zip_as_the_web_download_and_is_logged(alice):
    make_checkin(alice, note="Mine alone")
    answer = send(token_client(alice, ["export"]), "get", "/api/v1/export")
    assert answer.status_code == 200 and answer["Content-Type"] == "application/zip"
    web = client_for(alice).get("/your-data/export.zip")
    with (
        zipfile.ZipFile(io.BytesIO(answer.content)) as api_zip,
        zipfile.ZipFile(io.BytesIO(web.content)) as web_zip,
    ):
        assert api_zip.namelist() == web_zip.namelist()
        assert api_zip.read("checkins.csv") == web_zip.read("checkins.csv")
    assert SecurityEvent.objects.filter(user=alice, kind=EventKind.EXPORT).count() == 2
    assert send(token_client(alice, ["read", "write"]), "get", "/api/v1/export").status_code == 403


def test_me_names_the_person_their_partner_and_the_token(alice):
    body = send(token_client(alice, ["read"]), "get", "/api/v1/me").json()
    assert body["display_name"] == "Alice" and body["partner_name"] == "Bob"
    assert body["token"]["scopes"] == ["read"]
