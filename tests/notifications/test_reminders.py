"""Reminders: at the person's time, only when something is still open that day, one a day
at most, snoozed or turned off in one tap, and never sent twice, even by two workers."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.db import connection

from tending.checkins.services import save_checkin
from tending.notifications.delivery import claim_due, deliver_due
from tending.notifications.models import Notification, NotificationSettings
from tending.notifications.reminders import dispatch_reminders
from tending.notifications.services import act, add_device, save_settings
from tending.notifications.tokens import Action
from tests.support.builders import checkin_input
from tests.support.people import make_user
from tests.support.push import BrowserKeys

EVERY_DAY = list(range(7))


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def remind_alice_at_eight(alice, **extra):
    # alice lives in London: 20:00 on 10 March 2027 is 20:00 UTC.
    return save_settings(
        user=alice,
        values={"reminder_time": dt.time(20, 0), "checkin_reminder_days": EVERY_DAY, **extra},
    )


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_a_reminder_is_due_at_the_persons_own_time(alice):
    preferences = remind_alice_at_eight(alice)
    assert preferences.next_reminder_at == utc("2027-03-10 20:00")
    assert dispatch_reminders(now=utc("2027-03-10 19:59")) == 0
    assert dispatch_reminders(now=utc("2027-03-10 20:00")) == 1
    row = Notification.objects.get(user=alice)
    assert (row.kind, row.channel, row.detail) == ("reminder", "email", {"checkin": True})
    preferences.refresh_from_db()
    assert preferences.next_reminder_at == utc("2027-03-11 20:00")


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_no_reminder_for_someone_who_already_checked_in(alice):
    remind_alice_at_eight(alice)
    save_checkin(user=alice, data=checkin_input())
    assert dispatch_reminders(now=utc("2027-03-10 20:00")) == 0
    assert not Notification.objects.exists()


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_no_reminder_on_a_day_not_chosen(alice):
    remind_alice_at_eight(alice, checkin_reminder_days=[0])  # Mondays; the 10th is a Wednesday
    assert dispatch_reminders(now=utc("2027-03-10 20:00")) == 0


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_snoozed_today_means_no_reminder_today_and_one_tomorrow(alice):
    remind_alice_at_eight(alice)
    act(user=alice, action=Action(alice.pk, "snooze"))
    assert dispatch_reminders(now=utc("2027-03-10 20:00")) == 0
    assert dispatch_reminders(now=utc("2027-03-11 20:00")) == 1


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_turned_off_means_no_more_reminders(alice):
    remind_alice_at_eight(alice)
    act(user=alice, action=Action(alice.pk, "reminders-off"))
    assert NotificationSettings.objects.get(user=alice).next_reminder_at is None
    assert dispatch_reminders(now=utc("2027-03-10 20:00")) == 0


@pytest.mark.frozen("2027-03-27T12:00:00+00:00")
def test_the_reminder_follows_the_wall_clock_across_the_change_to_summer_time(alice):
    remind_alice_at_eight(alice)
    dispatch_reminders(now=utc("2027-03-27 20:00"))  # GMT
    preferences = NotificationSettings.objects.get(user=alice)
    assert preferences.next_reminder_at == utc("2027-03-28 19:00")  # 20:00 BST


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_one_reminder_a_day_at_most(alice):
    remind_alice_at_eight(alice)
    dispatch_reminders(now=utc("2027-03-10 20:00"))
    NotificationSettings.objects.filter(user=alice).update(next_reminder_at=utc("2027-03-10 21:00"))
    dispatch_reminders(now=utc("2027-03-10 21:00"))
    assert Notification.objects.filter(user=alice).count() == 1


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_the_reminder_email_offers_snooze_and_turn_off_and_blames_nobody(alice, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    remind_alice_at_eight(alice)
    dispatch_reminders(now=utc("2027-03-10 20:00"))
    deliver_due(now=utc("2027-03-10 20:00"))
    (message,) = mail.outbox
    assert "Snooze for today: " in message.body and "Turn reminders off: " in message.body
    assert "missed" not in message.body.lower() and "streak" not in message.body.lower()
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_a_reminder_goes_by_push_to_someone_with_a_device(alice, push_service):
    keys = BrowserKeys()
    add_device(
        user=alice, endpoint=push_service.endpoint("a"), p256dh=keys.p256dh, auth=keys.auth_secret
    )
    remind_alice_at_eight(alice)
    dispatch_reminders(now=utc("2027-03-10 20:00"))
    deliver_due(now=utc("2027-03-10 20:00"))
    payload = keys.decrypt(push_service.to("a")[0].body)
    assert payload["title"] == "A moment for you"
    assert [action["action"] for action in payload["actions"]] == ["snooze", "off"]


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_a_second_worker_claims_nothing_the_first_holds(db):
    people = [make_user(f"Person{number}") for number in range(5)]
    for person in people:
        remind_alice_at_eight(person)
    dispatch_reminders(now=utc("2027-03-10 20:00"))
    first = claim_due(now=utc("2027-03-10 20:00"), limit=3)
    second = claim_due(now=utc("2027-03-10 20:00"), limit=10)
    assert len(first) == 3 and len(second) == 2
    assert not {row.pk for row in first} & {row.pk for row in second}
    assert claim_due(now=utc("2027-03-10 20:00")) == []


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_never_send_the_same_reminder_twice(push_service):
    people = [make_user(f"Person{number}") for number in range(40)]
    for index, person in enumerate(people):
        keys = BrowserKeys()
        add_device(
            user=person,
            endpoint=push_service.endpoint(str(index)),
            p256dh=keys.p256dh,
            auth=keys.auth_secret,
        )
        remind_alice_at_eight(person)
    now = utc("2027-03-10 20:00")
    start = threading.Barrier(2)
    errors = []

    def worker():
        try:
            start.wait()
            dispatch_reminders(now=now)
            deliver_due(now=now, limit=7)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(item.path for item in push_service.received) == sorted(
        f"/push/{index}" for index in range(40)
    )
    assert set(Notification.objects.values_list("status", flat=True)) == {"sent"}
