"""Quiet hours hold a notification until the morning on the person's own wall clock,
across a change of the clocks too; "I'm having a hard time" comes through only if asked."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tending.notifications import kinds
from tending.notifications.models import Notification
from tending.notifications.services import save_settings
from tending.safety.services import tell_partner

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
NIGHT = (dt.time(22, 0), dt.time(7, 0))


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("moment", "zone", "until"),
    [
        # 23:00 in London on the Saturday before the clocks go forward: 07:00 BST is 06:00 UTC.
        ("2027-03-27 23:00", LONDON, "2027-03-28 06:00"),
        # 02:00 UTC that Sunday is already 03:00 BST, after the clocks went forward.
        ("2027-03-28 02:00", LONDON, "2027-03-28 06:00"),
        # 23:30 in New York on the night the clocks go back: 07:00 EST is 12:00 UTC.
        ("2027-11-07 03:30", NEW_YORK, "2027-11-07 12:00"),
        # Before midnight on an ordinary winter night in London.
        ("2027-01-12 22:15", LONDON, "2027-01-13 07:00"),
    ],
)
def test_quiet_hours_end_at_seven_on_the_persons_wall_clock(moment, zone, until):
    assert kinds.held_until(utc(moment), zone, *NIGHT) == utc(until)


def test_outside_quiet_hours_nothing_is_held():
    assert kinds.held_until(utc("2027-03-10 12:00"), LONDON, *NIGHT) is None
    assert kinds.held_until(utc("2027-03-10 06:59"), LONDON, *NIGHT) is not None
    assert kinds.held_until(utc("2027-03-10 07:00"), LONDON, *NIGHT) is None


def test_quiet_hours_within_one_day():
    siesta = (dt.time(13, 0), dt.time(15, 0))
    assert kinds.held_until(utc("2027-03-10 14:00"), LONDON, *siesta) == utc("2027-03-10 15:00")
    assert kinds.held_until(utc("2027-03-10 16:00"), LONDON, *siesta) is None


def quiet_bob(bob, **extra):
    save_settings(
        user=bob,
        values={
            "quiet_start": dt.time(22, 0),
            "quiet_end": dt.time(7, 0),
            "email_kinds": {"hard_time": "now", "appreciation": "now"},
            **extra,
        },
    )


@pytest.mark.frozen("2027-03-28T03:30:00+00:00")  # 23:30 on Saturday night in New York
def test_a_hard_time_notice_waits_for_the_morning_unless_the_person_chose_otherwise(alice, bob):
    quiet_bob(bob)
    tell_partner(user=alice)
    row = Notification.objects.get(user=bob, kind="hard_time")
    assert row.deliver_after == utc("2027-03-28 11:00")  # 07:00 EDT


@pytest.mark.frozen("2027-03-28T03:30:00+00:00")
def test_a_hard_time_notice_comes_through_quiet_hours_when_chosen(alice, bob):
    quiet_bob(bob, hard_time_through_quiet=True)
    tell_partner(user=alice)
    row = Notification.objects.get(user=bob, kind="hard_time")
    assert row.deliver_after - utc("2027-03-28 03:30") < dt.timedelta(minutes=1)
