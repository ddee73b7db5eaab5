"""Security events: what is noted, who sees it, for how long, and that it holds no words
anyone typed."""

import datetime as dt
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tending.accounts.services import delete_account
from tending.reports.services import create_share_link
from tending.security.models import EventKind, SecurityEvent
from tending.security.services import record_event
from tests.support.builders import report_for
from tests.support.people import PASSWORD, client_for

ACTIVITY = reverse("security:activity")


def kinds(user) -> list[str]:
    return list(SecurityEvent.objects.filter(user=user).values_list("kind", flat=True))


def test_sign_ins_and_failed_attempts_are_noted(alice):
    client = client_for(None)
    login = reverse("accounts:login")
    client.post(login, {"username": alice.email, "password": "not it"})
    client.post(login, {"username": alice.email.upper(), "password": PASSWORD})
    assert set(kinds(alice)) == {EventKind.SIGN_IN_FAILED, EventKind.SIGNED_IN}
    page = client.get(ACTIVITY).content.decode()
    assert "A sign-in failed: wrong password" in page and "Signed in" in page


def test_a_token_event_names_its_scopes_but_not_its_name(alice):
    client = client_for(alice)
    client.post(
        reverse("api:tokens"), {"name": "My SECRET diary sync", "scopes": ["read", "write"]}
    )
    event = SecurityEvent.objects.get(user=alice, kind=EventKind.TOKEN_CREATED)
    assert event.details["scopes"] == ["read", "write"]
    assert "SECRET" not in json.dumps(event.details)
    assert "read, write" in client.get(ACTIVITY).content.decode()


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_report_links_created_and_opened_are_noted_for_the_owner(alice):
    link = create_share_link(report=report_for(alice), expires_in_days=7)
    client_for(None).get(
        reverse("reports:shared", args=[link.token]), headers={"User-Agent": "Firefox/1"}
    )
    assert kinds(alice) == [EventKind.SHARE_LINK_OPENED, EventKind.SHARE_LINK_CREATED]


def test_only_the_person_sees_their_events(alice, bob):
    record_event(user=alice, kind=EventKind.PASSWORD_CHANGED)
    assert "Password changed" in client_for(alice).get(ACTIVITY).content.decode()
    assert "Password changed" not in client_for(bob).get(ACTIVITY).content.decode()


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_events_are_kept_for_ninety_days(alice, bob, clock):
    record_event(user=alice, kind=EventKind.EXPORT)
    record_event(user=bob, kind=EventKind.EXPORT)
    clock.shift(dt.timedelta(days=91))
    assert "Your data exported" not in client_for(alice).get(ACTIVITY).content.decode()
    record_event(user=alice, kind=EventKind.PASSWORD_CHANGED)
    assert EventKind.EXPORT not in kinds(alice) and EventKind.PASSWORD_CHANGED in kinds(alice)
    call_command("prune-security-events", stdout=io.StringIO())
    assert not SecurityEvent.objects.filter(user=bob).exists()


def test_events_are_in_the_export_and_go_with_the_account(alice):
    record_event(user=alice, kind=EventKind.TWO_FACTOR_ON)
    data = client_for(alice).get(reverse("yourdata:download"))
    with zipfile.ZipFile(io.BytesIO(data.content)) as archive:
        rows = json.loads(archive.read("security_events.json"))
    assert [row["kind"] for row in rows][:2] == ["two_factor_on", "signed_in"]
    delete_account(user=alice)
    assert not SecurityEvent.objects.exists()


def test_operators_see_events_without_details_they_could_change(alice, django_user_model):
    operator = django_user_model.objects.create_superuser(email="op@example.org", password="x" * 12)
    record_event(user=alice, kind=EventKind.SIGNED_IN, details={"with": "passkey"})
    client = client_for(operator)
    page = client.get(reverse("admin:security_securityevent_changelist")).content.decode()
    assert "Signed in" in page
    event = SecurityEvent.objects.get(user=alice)
    assert (
        client.post(reverse("admin:security_securityevent_change", args=[event.pk]), {}).status_code
        == 403
    )
    assert timezone.now() - event.created_at < dt.timedelta(minutes=1)
