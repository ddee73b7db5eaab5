"""The "Your data" page and the export: everything of mine, nothing of anyone else's."""

import csv
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from conftest import client_for
from tending.couples.models import Couple
from tending.yourdata.services import export_archive
from yourdata.records import checkin_for, response_to

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

PAGE = reverse("yourdata:index")
DOWNLOAD = reverse("yourdata:download")


def archive_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def all_text(data: bytes) -> str:
    return "\n".join(content.decode() for content in archive_members(data).values())


@pytest.fixture
def everyone_wrote(people):
    """Each person writes something that is theirs alone."""
    alice, bob, dana = people["alice"], people["bob"], people["dana"]
    old_couple = Couple.objects.filter(ended_at__isnull=False).get()
    alice_old = checkin_for(alice, days_ago=30, note="alice remembers the harbour")
    response_to(alice_old, dana, message="dana wrote this long ago", couple=old_couple)
    alice_today = checkin_for(alice, note="alice feels the tide turning", share_note=False)
    response_to(alice_today, bob, message="bob says hold on, love")
    bob_today = checkin_for(bob, note="bob keeps this to himself", share_note=False)
    checkin_for(bob, days_ago=1, note="bob shared this one", share_note=True)
    response_to(bob_today, alice, message="alice answers bob gently")
    checkin_for(people["charlie"], note="charlie is a stranger here")
    checkin_for(dana, note="dana moved on")
    return people


def test_the_page_is_for_logged_in_people(alice):
    assert client_for(None).get(PAGE).status_code == 302
    page = client_for(alice).get(PAGE)
    assert page.status_code == 200
    assert DOWNLOAD in page.content.decode()


def test_the_profile_links_to_your_data(alice):
    assert PAGE in client_for(alice).get(reverse("accounts:profile")).content.decode()


def test_the_download_is_a_zip_of_json_csv_and_a_readme(everyone_wrote):
    response = client_for(everyone_wrote["alice"]).get(DOWNLOAD)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="tending-export-')
    assert response["Cache-Control"] == "no-store"
    members = archive_members(response.content)
    manifest = json.loads(members["manifest.json"])
    readme = members["README.txt"].decode()
    for name in ("profile", "checkins", "responses_sent", "responses_received", "invites"):
        assert name in manifest["tables"]
        assert f"{name}.json and {name}.csv" in readme
        rows = json.loads(members[f"{name}.json"])
        csv_rows = list(csv.DictReader(io.StringIO(members[f"{name}.csv"].decode())))
        assert len(rows) == len(csv_rows)


def test_my_export_holds_all_my_own_words(everyone_wrote):
    members = archive_members(export_archive(user=everyone_wrote["alice"]))
    checkins = json.loads(members["checkins.json"])
    assert {row["note"] for row in checkins} == {
        "alice remembers the harbour",
        "alice feels the tide turning",
    }
    assert all(row["share_note"] is False for row in checkins)
    sent = json.loads(members["responses_sent.json"])
    assert [row["text"] for row in sent] == ["alice answers bob gently"]
    received = json.loads(members["responses_received.json"])
    assert [row["text"] for row in received] == ["bob says hold on, love"]
    assert json.loads(members["profile.json"])[0]["email"] == "alice@example.org"


@pytest.mark.parametrize(
    "who, not_theirs",
    [
        (
            "alice",
            [
                "bob keeps this to himself",
                "bob shared this one",
                "charlie is a stranger here",
                "dana moved on",
                "dana wrote this long ago",
                "bob@example.org",
                "charlie@example.org",
                "dana@example.org",
            ],
        ),
        (
            "bob",
            [
                "alice feels the tide turning",
                "alice remembers the harbour",
                "dana wrote this long ago",
                "alice@example.org",
                "dana@example.org",
            ],
        ),
        (
            "charlie",
            ["alice@example.org", "bob@example.org", "alice feels", "bob keeps", "dana moved"],
        ),
        (
            "dana",
            [
                "alice remembers the harbour",
                "alice feels the tide turning",
                "bob says hold on, love",
                "alice@example.org",
                "bob@example.org",
            ],
        ),
    ],
)
def test_an_export_never_holds_anyone_elses_data(everyone_wrote, who, not_theirs):
    text = all_text(export_archive(user=everyone_wrote[who])).lower()
    for words in not_theirs:
        assert words.lower() not in text


def test_no_password_hash_is_exported(everyone_wrote):
    members = archive_members(export_archive(user=everyone_wrote["alice"]))
    profile = json.loads(members["profile.json"])[0]
    assert "password" not in profile
    assert "argon2" not in all_text(export_archive(user=everyone_wrote["alice"]))


def test_the_export_command_writes_the_same_archive(everyone_wrote, tmp_path):
    output = tmp_path / "alice.zip"
    call_command("export", email="ALICE@example.org", output=output, stdout=io.StringIO())
    members = archive_members(output.read_bytes())
    assert "alice feels the tide turning" in members["checkins.json"].decode()
