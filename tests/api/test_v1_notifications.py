"""/api/v1 notification preferences and devices: only ever the caller's own, changed by the
settings page's own rules, and shown on that page as the API set them."""

import datetime as dt

import pytest
from django.urls import reverse

from tending.conversations.services import start_conversation
from tending.notifications.models import NotificationSettings
from tending.notifications.services import add_device
from tests.support.api import send, token_client
from tests.support.people import client_for
from tests.support.push import BrowserKeys

URL = "/api/v1/notifications/preferences"
KEYS = BrowserKeys()
CHOICES = {
    "push_kinds": ["hard_time", "partner_request"],
    "email_kinds": {"appreciation": "digest", "hard_time": "now"},
    "quiet_hours": {"start": "22:30", "end": "06:30"},
    "hard_time_through_quiet": True,
    "digest_time": "18:15",
    "reminder_time": "19:00",
    "checkin_reminder_days": [4, 0, 2],
    "meeting_reminder_day": None,
    "questionnaire_reminders": True,
}


def add_phone(user, name):
    return add_device(
        user=user,
        endpoint=f"https://fcm.googleapis.com/fcm/send/{name}",
        p256dh=KEYS.p256dh,
        auth=KEYS.auth_secret,
        name=name,
    )


def test_the_defaults_until_anything_is_changed(alice):
    answer = send(token_client(alice, ["read"]), "get", URL)
    assert answer.status_code == 200
    assert answer.json() == {
        "push_kinds": [
            "partner_request",
            "response",
            "question",
            "appreciation",
            "invitation",
            "safety_plan",
            "hard_time",
        ],
        "email_kinds": {},
        "quiet_hours": {"start": "22:00", "end": "07:00"},
        "hard_time_through_quiet": False,
        "digest_time": "18:00",
        "reminder_time": "20:00",
        "checkin_reminder_days": [],
        "meeting_reminder_day": None,
        "questionnaire_reminders": False,
        "snoozed": False,
        "next_reminder_at": None,
        "updated_at": None,
    }


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_what_the_api_sets_the_settings_page_shows(alice):
    answer = send(token_client(alice), "put", URL, CHOICES)
    assert answer.status_code == 200
    saved = answer.json()
    assert saved["push_kinds"] == ["partner_request", "hard_time"]
    assert saved["checkin_reminder_days"] == [0, 2, 4]
    # Alice lives in London: 19:00 on her wall clock, today, in her own offset.
    assert saved["next_reminder_at"] == "2027-03-10T19:00:00Z"
    assert NotificationSettings.objects.get(user=alice).next_reminder_at == dt.datetime(
        2027, 3, 10, 19, 0, tzinfo=dt.UTC
    )
    page = client_for(alice).get(reverse("notifications:settings"))
    form = page.context["form"]
    assert set(form["push_kinds"].value()) == {"partner_request", "hard_time"}
    assert form["email_appreciation"].value() == "digest"
    assert form["email_hard_time"].value() == "now"
    assert form["email_response"].value() == ""
    assert form["quiet_hours"].value() is True
    assert form["hard_time_through_quiet"].value() is True
    assert form["checkin_reminder_days"].value() == [0, 2, 4]
    assert form["questionnaire_reminders"].value() is True
    html = page.content.decode()
    for shown in ('value="22:30"', 'value="06:30"', 'value="18:15"', 'value="19:00"'):
        assert shown in html


def test_a_read_carries_an_etag_that_changes_with_the_choices(alice):
    client = token_client(alice)
    first = send(client, "get", URL)
    assert send(client, "get", URL, **{"If-None-Match": first["ETag"]}).status_code == 304
    send(client, "patch", URL, {"digest_time": "08:00"})
    again = send(client, "get", URL, **{"If-None-Match": first["ETag"]})
    assert again.status_code == 200 and again.json()["digest_time"] == "08:00"


def test_a_patch_changes_only_what_is_sent(alice):
    client = token_client(alice)
    send(client, "put", URL, CHOICES)
    answer = send(client, "patch", URL, {"quiet_hours": None, "email_kinds": {}})
    assert answer.status_code == 200
    changed = answer.json()
    assert changed["quiet_hours"] is None and changed["email_kinds"] == {}
    assert changed["digest_time"] == "18:15" and changed["checkin_reminder_days"] == [0, 2, 4]
    saved = NotificationSettings.objects.get(user=alice)
    assert (saved.quiet_start, saved.quiet_end) == (None, None)


def test_turning_every_reminder_off_plans_none(alice):
    client = token_client(alice)
    send(client, "put", URL, CHOICES)
    off = {"checkin_reminder_days": [], "questionnaire_reminders": False}
    assert send(client, "patch", URL, off).json()["next_reminder_at"] is None
    assert NotificationSettings.objects.get(user=alice).next_reminder_at is None


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"reminder_time": "23:00"}, "reminder_time", "inside your quiet hours"),
        ({"quiet_hours": {"start": "07:00", "end": "07:00"}}, "quiet_hours", "different times"),
    ],
)
def test_the_settings_pages_rules_refuse_with_its_words(alice, change, field, words):
    client = token_client(alice)
    send(client, "put", URL, CHOICES)
    before = NotificationSettings.objects.get(user=alice).updated_at
    answer = send(client, "patch", URL, change)
    assert answer.status_code == 422
    problem = answer.json()
    assert [error["field"] for error in problem["errors"]] == [field]
    assert words in problem["errors"][0]["message"] and words in problem["detail"]
    assert NotificationSettings.objects.get(user=alice).updated_at == before


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"push_kinds": ["gossip"]}, "push_kinds.0"),
        ({"push_kinds": ["hard_time"] * 8}, "push_kinds"),
        ({"email_kinds": {"gossip": "now"}}, "email_kinds.gossip.[key]"),
        ({"email_kinds": {"hard_time": "weekly"}}, "email_kinds.hard_time"),
        ({"reminder_time": "24:00"}, "reminder_time"),
        ({"reminder_time": "7:00"}, "reminder_time"),
        ({"reminder_time": "07:00\n"}, "reminder_time"),
        ({"digest_time": 1800}, "digest_time"),
        ({"quiet_hours": {"start": "22:00"}}, "quiet_hours.end"),
        ({"checkin_reminder_days": [7]}, "checkin_reminder_days.0"),
        ({"checkin_reminder_days": [-1]}, "checkin_reminder_days.0"),
        ({"checkin_reminder_days": [0] * 8}, "checkin_reminder_days"),
        ({"meeting_reminder_day": 9}, "meeting_reminder_day"),
        ({"snoozed": "yes"}, "snoozed"),
        ({"questionnaire_reminders": None}, "questionnaire_reminders"),
    ],
)
def test_bad_values_are_refused_in_the_one_error_shape(alice, change, field):
    client = token_client(alice)
    answer = send(client, "patch", URL, change)
    assert answer.status_code == 422, answer.content
    problem = answer.json()
    assert problem["detail"] and field in [error["field"] for error in problem["errors"]]
    assert not NotificationSettings.objects.filter(user=alice).exists()


def test_a_put_needs_every_choice(alice):
    partial = {key: value for key, value in CHOICES.items() if key != "reminder_time"}
    answer = send(token_client(alice), "put", URL, partial)
    assert answer.status_code == 422
    assert [error["field"] for error in answer.json()["errors"]] == ["reminder_time"]


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_snoozing_lasts_the_rest_of_the_persons_own_day(alice, clock):
    client = token_client(alice)
    assert send(client, "patch", URL, {"snoozed": True}).json()["snoozed"] is True
    assert NotificationSettings.objects.get(user=alice).snoozed_on == dt.date(2027, 3, 10)
    assert send(client, "put", URL, CHOICES).json()["snoozed"] is True
    clock.move_to(dt.datetime(2027, 3, 11, 9, 0, tzinfo=dt.UTC))
    assert send(client, "get", URL).json()["snoozed"] is False
    send(client, "patch", URL, {"snoozed": True})
    assert send(client, "patch", URL, {"snoozed": False}).json()["snoozed"] is False
    assert NotificationSettings.objects.get(user=alice).snoozed_on is None


def test_a_meeting_reminder_is_kept_once_the_couple_holds_meetings(alice, bob):
    client = token_client(alice)
    assert (
        send(client, "patch", URL, {"meeting_reminder_day": 6}).json()["meeting_reminder_day"]
        is None
    )
    start_conversation(user=bob, kind="meeting")
    answer = send(client, "patch", URL, {"meeting_reminder_day": 6})
    assert answer.json()["meeting_reminder_day"] == 6


def test_partners_never_see_or_change_each_others_choices(alice, bob):
    send(token_client(alice), "put", URL, CHOICES)
    bobs = token_client(bob)
    assert send(bobs, "get", URL).json()["digest_time"] == "18:00"
    send(bobs, "patch", URL, {"digest_time": "09:00", "push_kinds": []})
    alices = NotificationSettings.objects.get(user=alice)
    assert alices.digest_time == dt.time(18, 15)
    assert alices.push_kinds == ["hard_time", "partner_request"]
    assert NotificationSettings.objects.get(user=bob).digest_time == dt.time(9, 0)


def test_a_reading_token_reads_but_changes_nothing(alice):
    reader = token_client(alice, ["read"])
    assert send(reader, "get", URL).status_code == 200
    for method in ("put", "patch"):
        refused = send(reader, method, URL, CHOICES)
        assert refused.status_code == 403 and "“write” scope" in refused.json()["detail"]
    assert not NotificationSettings.objects.filter(user=alice).exists()


def test_a_writing_token_alone_cannot_read(alice):
    writer = token_client(alice, ["write"])
    assert send(writer, "get", URL).status_code == 403
    assert send(writer, "get", "/api/v1/notifications/devices").status_code == 403
    assert send(writer, "patch", URL, {"digest_time": "07:30"}).status_code == 200


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_devices_lists_only_the_callers_own(alice, bob):
    add_phone(alice, "alice-phone")
    add_phone(bob, "bob-phone")
    devices = send(token_client(alice, ["read"]), "get", "/api/v1/notifications/devices").json()
    assert [(device["name"], device["push_service"]) for device in devices] == [
        ("alice-phone", "fcm.googleapis.com")
    ]
    assert devices[0]["created_at"].startswith("2027-03-10T12:00")
    assert devices[0]["last_sent_at"] is None
