"""Jobs the worker runs (django-tasks, database backend)."""

from __future__ import annotations

import datetime as dt
import logging

from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

from tending.notifications import delivery, reminders
from tending.notifications.pruning import prune

logger = logging.getLogger(__name__)


@task()
def deliver_notifications() -> int:
    """Send what is due in the outbox (queued when a partner's action was recorded)."""
    return delivery.deliver_due()


@task()
def every_minute(slot: str) -> dict:
    """Reminders due this minute, notifications held by quiet hours, daily e-mails."""
    now = timezone.now()
    return {
        "reminders": reminders.dispatch_reminders(now=now),
        "digests": delivery.send_digests(now=now),
        "delivered": delivery.deliver_due(now=now),
    }


@task()
def hourly(slot: str) -> int:
    """Weekly summaries on each person's local Monday (each week once)."""
    from tending.insights.services import send_weekly_summaries
    from tending.notifications.links import site_url

    return send_weekly_summaries(now=dt.datetime.fromisoformat(slot), site_url=site_url())


@task()
def daily(slot: str) -> dict:
    """Remove what has served its time (see ``pruning``)."""
    return prune(now=timezone.now())


PERIODIC: dict[str, Task] = {"every-minute": every_minute, "hourly": hourly, "daily": daily}
