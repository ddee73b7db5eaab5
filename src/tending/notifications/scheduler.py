"""The worker's clock: at each minute, hour and day it queues that period's job, once,
however many workers run. A job's slot is written to ``ScheduledRun`` first; a second
worker writing the same slot fails on the unique constraint and queues nothing."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable

from django.db import IntegrityError, close_old_connections, transaction
from django.utils import timezone

from tending.notifications.models import ScheduledRun

logger = logging.getLogger(__name__)

PERIODS = {
    "every-minute": dt.timedelta(minutes=1),
    "hourly": dt.timedelta(hours=1),
    "daily": dt.timedelta(days=1),
}


def slot_of(now: dt.datetime, period: dt.timedelta) -> dt.datetime:
    """The start of the period that holds ``now`` (UTC)."""
    epoch = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    return epoch + ((now - epoch) // period) * period


def claim_slot(job: str, slot: dt.datetime) -> bool:
    """True for the one worker that starts ``job`` for ``slot``."""
    try:
        with transaction.atomic():
            ScheduledRun.objects.create(job=job, slot=slot)
    except IntegrityError:
        return False
    return True


def start_due_jobs(now: dt.datetime | None = None) -> list[str]:
    """Queue each periodic job whose current slot nobody has started; returns their names."""
    from tending.notifications.tasks import PERIODIC

    now = now or timezone.now()
    started = []
    for job, task in PERIODIC.items():
        slot = slot_of(now, PERIODS[job])
        if claim_slot(job, slot):
            task.enqueue(slot.isoformat())
            started.append(job)
    return started


def run_clock(stop: threading.Event, *, sleep: Callable[[float], bool] | None = None) -> None:
    """Start due jobs at the turn of every minute until ``stop`` is set."""
    wait = sleep or stop.wait
    while not stop.is_set():
        try:
            start_due_jobs()
        except Exception:
            logger.exception("The worker's clock could not queue its jobs")
        finally:
            close_old_connections()
        now = timezone.now()
        wait(60 - now.second - now.microsecond / 1_000_000 + 0.05)
