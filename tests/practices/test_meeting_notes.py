import pytest
from django.urls import reverse

from conftest import client_for
from practices.builders import conversation
from tending.practices.models import Conversation

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_both_partners_edit_the_shared_notes(alice, bob):
    meeting = conversation(alice, kind=Conversation.Kind.MEETING)
    url = reverse("practices:meeting_notes", args=[meeting.pk])
    saved = client_for(alice).post(url, {"field": "went_well_notes", "text": "Sunday walk"}, **HTMX)
    assert "Saved" in saved.content.decode()
    client_for(bob).post(url, {"field": "support_notes", "text": "Cook on Wednesday"}, **HTMX)
    client_for(bob).post(url, {"field": "went_well_notes", "text": "Sunday walk, and the film"})
    meeting.refresh_from_db()
    assert meeting.went_well_notes == "Sunday walk, and the film"
    assert meeting.support_notes == "Cook on Wednesday"
    notes = client_for(alice).get(url, **HTMX).content.decode()
    assert "Cook on Wednesday" in notes


def test_the_notes_poll_is_silent_while_unchanged(alice, bob):
    meeting = conversation(alice, kind=Conversation.Kind.MEETING)
    url = reverse("practices:meeting_notes", args=[meeting.pk])
    assert client_for(bob).get(f"{url}?v=0", **HTMX).status_code == 204
    client_for(alice).post(url, {"field": "work_on_notes", "text": "Bedtimes"}, **HTMX)
    assert client_for(bob).get(f"{url}?v=0", **HTMX).status_code == 200


def test_overlong_notes_are_refused_and_nothing_is_lost(alice):
    meeting = conversation(alice, kind=Conversation.Kind.MEETING)
    url = reverse("practices:meeting_notes", args=[meeting.pk])
    client_for(alice).post(url, {"field": "work_on_notes", "text": "keep me"}, **HTMX)
    response = client_for(alice).post(url, {"field": "work_on_notes", "text": "x" * 4001}, **HTMX)
    assert "too long" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.work_on_notes == "keep me"


def test_finished_meetings_are_kept_in_the_couples_history(alice, bob, charlie):
    meeting = conversation(alice, kind=Conversation.Kind.MEETING)
    url = reverse("practices:meeting_notes", args=[meeting.pk])
    client_for(alice).post(url, {"field": "appreciations_notes", "text": "MEETING-NOTE"})
    client_for(bob).post(reverse("practices:conversation_begin", args=[meeting.pk]))
    client_for(bob).post(reverse("practices:conversation_finish", args=[meeting.pk]))
    for person in (alice, bob):
        page = client_for(person).get(reverse("practices:history")).content.decode()
        assert "MEETING-NOTE" in page
    assert (
        "MEETING-NOTE" not in client_for(charlie).get(reverse("practices:history")).content.decode()
    )
    assert client_for(charlie).get(url).status_code == 404
