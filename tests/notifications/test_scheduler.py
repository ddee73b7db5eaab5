"""The worker's clock starts each periodic job once per slot, however many workers run."""

import datetime as dt

import pytest
from django_tasks_db.models import DBTaskResult

from tending.notifications.models import ScheduledRun
from tending.notifications.pruning import prune
from tending.notifications.scheduler import slot_of, start_due_jobs
from tending.notifications.tasks import every_minute

pytestmark = pytest.mark.frozen("2027-03-10T12:00:30+00:00")


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def test_a_slot_starts_at_the_turn_of_its_period():
    moment = utc("2027-03-10 12:34:56")
    assert slot_of(moment, dt.timedelta(minutes=1)) == utc("2027-03-10 12:34")
    assert slot_of(moment, dt.timedelta(hours=1)) == utc("2027-03-10 12:00")
    assert slot_of(moment, dt.timedelta(days=1)) == utc("2027-03-10 00:00")


def test_two_workers_start_each_job_once(db):
    now = utc("2027-03-10 12:00:30")
    first = start_due_jobs(now)
    second = start_due_jobs(now + dt.timedelta(seconds=5))
    assert first == ["every-minute", "hourly", "daily"]
    assert second == []
    assert DBTaskResult.objects.count() == 3
    assert start_due_jobs(now + dt.timedelta(minutes=1)) == ["every-minute"]


def test_the_minute_job_runs(db):
    assert every_minute.call("2027-03-10T12:00:00+00:00") == {
        "reminders": 0,
        "digests": 0,
        "delivered": 0,
    }


def test_pruning_keeps_recent_slots(db):
    ScheduledRun.objects.create(job="every-minute", slot=utc("2027-03-01 00:00"))
    ScheduledRun.objects.create(job="every-minute", slot=utc("2027-03-10 11:59"))
    removed = prune(now=utc("2027-03-10 12:00"))
    assert removed["runs"] == 1
    assert ScheduledRun.objects.count() == 1
