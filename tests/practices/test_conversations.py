import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import client_for
from practices.builders import conversation
from tending.practices import services
from tending.practices.models import Conversation, PracticeLog
from tending.practices.selectors import conversation_view

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_a_stress_conversation_runs_two_turns_and_is_logged_for_both(alice, bob):
    talk = conversation(alice, turn_seconds=300)
    start = timezone.now()
    services.begin_conversation(user=bob, conversation_id=talk.pk, now=start)
    talk.refresh_from_db()
    view = conversation_view(talk, alice, start + dt.timedelta(seconds=60))
    assert (view.speaker, view.listener, view.seconds_left) == (alice, bob, 240)
    assert conversation_view(talk, alice, start + dt.timedelta(seconds=400)).time_is_up
    services.advance_conversation(user=alice, conversation_id=talk.pk, from_turn=0)
    services.advance_conversation(user=bob, conversation_id=talk.pk, from_turn=0)
    talk.refresh_from_db()
    assert talk.turn == 1
    view = conversation_view(talk, alice)
    assert (view.speaker, view.listener, view.is_last_turn) == (bob, alice, True)
    services.finish_conversation(user=bob, conversation_id=talk.pk)
    talk.refresh_from_db()
    assert talk.status == Conversation.Status.DONE
    logs = PracticeLog.objects.filter(conversation=talk)
    assert {log.user for log in logs} == {alice, bob}


def test_each_partner_rates_their_own_log(alice, bob):
    talk = conversation(alice)
    services.begin_conversation(user=alice, conversation_id=talk.pk)
    services.finish_conversation(user=alice, conversation_id=talk.pk)
    mine = PracticeLog.objects.get(conversation=talk, user=alice)
    theirs = PracticeLog.objects.get(conversation=talk, user=bob)
    response = client_for(alice).post(reverse("practices:rate", args=[mine.pk]), {"feeling": "4"})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.feeling == 4
    assert client_for(alice).post(reverse("practices:rate", args=[theirs.pk])).status_code == 404
    with pytest.raises(services.PracticeError):
        services.rate_practice(user=alice, log_id=mine.pk, feeling=6)


def test_speaker_listener_passes_the_floor_back_and_forth(alice, bob):
    talk = conversation(alice, kind=Conversation.Kind.SPEAKER_LISTENER, i_speak_first=False)
    services.begin_conversation(user=alice, conversation_id=talk.pk)
    for turn in range(3):
        services.advance_conversation(user=alice, conversation_id=talk.pk, from_turn=turn)
    talk.refresh_from_db()
    view = conversation_view(talk, alice)
    assert view.speaker == alice and view.listener == bob
    assert not view.is_last_turn


def test_turn_lengths_come_from_the_allowed_choices(alice, settings):
    settings.TENDING_PRACTICE_MIN_TURN_SECONDS = 3
    assert services.turn_second_choices() == (3, 300, 600, 900, 1200)
    with pytest.raises(services.PracticeError):
        conversation(alice, turn_seconds=7)
    assert conversation(alice, turn_seconds=3).turn_seconds == 3


def test_one_conversation_at_a_time(alice, bob):
    conversation(alice)
    with pytest.raises(services.PracticeError):
        conversation(bob)
    response = client_for(bob).post(
        reverse("practices:conversations"),
        {"kind": "stress", "turn_seconds": "600", "first_speaker": "me"},
    )
    assert response.status_code == 400
    assert "already have a conversation under way" in response.content.decode()


def test_the_poll_is_silent_until_something_changes(alice, bob):
    talk = conversation(alice)
    url = reverse("practices:conversation_state", args=[talk.pk])
    as_bob = client_for(bob)
    assert as_bob.get(f"{url}?v={talk.version}", **HTMX).status_code == 204
    client_for(alice).post(reverse("practices:conversation_begin", args=[talk.pk]), **HTMX)
    changed = as_bob.get(f"{url}?v={talk.version}", **HTMX)
    assert changed.status_code == 200
    assert "Turn 1 of 2" in changed.content.decode()
    assert "Take your partner" in changed.content.decode()


def test_ending_before_beginning_sets_it_aside(alice):
    talk = conversation(alice)
    response = client_for(alice).post(reverse("practices:conversation_finish", args=[talk.pk]))
    assert response.status_code == 302
    assert not Conversation.objects.filter(pk=talk.pk).exists()


def test_strangers_and_former_partners_cannot_see_or_steer_it(alice, charlie, dana):
    talk = conversation(alice)
    for person in (charlie, dana):
        client = client_for(person)
        assert client.get(reverse("practices:conversation", args=[talk.pk])).status_code == 404
        begin = reverse("practices:conversation_begin", args=[talk.pk])
        assert client.post(begin).status_code == 404
    talk.refresh_from_db()
    assert talk.status == Conversation.Status.READY


def test_the_setup_names_the_partner_who_may_speak_first(alice):
    page = client_for(alice).get(reverse("practices:conversations")).content.decode()
    assert "<span>I do</span>" in page and "<span>Bob</span>" in page
    assert "My partner does" not in page


def test_the_other_device_hears_when_a_conversation_is_set_aside(alice, bob, charlie):
    talk = conversation(alice, kind=Conversation.Kind.SPEAKER_LISTENER)
    poll = reverse("practices:conversation_state", args=[talk.pk])
    services.finish_conversation(user=alice, conversation_id=talk.pk)
    response = client_for(bob).get(poll, {"v": "0"}, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert "set aside before it began" in body
    assert "hx-trigger" not in body
    assert client_for(bob).get(poll).status_code == 404
    assert client_for(charlie).get(poll, **HTMX).status_code == 404


def test_the_floor_and_the_one_phone_pass_are_explained(alice, bob):
    talk = conversation(alice, kind=Conversation.Kind.SPEAKER_LISTENER)
    services.begin_conversation(user=alice, conversation_id=talk.pk)
    page = client_for(bob).get(reverse("practices:conversation", args=[talk.pk])).content
    page = page.decode()
    assert "Alice has the floor." in page
    assert "Bob listens, then sums up what they heard." in page
    assert "Sharing one phone? Let it be the floor" in page
    assert "Pass the floor to Bob" in page
