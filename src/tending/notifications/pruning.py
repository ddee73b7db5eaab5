"""What the worker removes once a day because it has served its time: its own records,
and links that no longer open anything and were never used."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django_tasks_db.models import DBTaskResult

from tending.couples.models import Invite
from tending.notifications.models import Notification, ScheduledRun
from tending.reports.models import ShareLink
from tending.security.services import prune_events

KEEP_RUNS = dt.timedelta(days=2)
KEEP_JOB_RESULTS = dt.timedelta(days=7)
KEEP_NOTIFICATIONS = dt.timedelta(days=90)
KEEP_UNUSED_INVITES = dt.timedelta(days=30)
KEEP_UNOPENED_SHARE_LINKS = dt.timedelta(days=90)
DONE = (Notification.Status.SENT, Notification.Status.FAILED, Notification.Status.CANCELLED)


def prune(*, now: dt.datetime) -> dict[str, int]:
    """Delete: the clock's slots after two days; finished job records after a week;
    notifications sent (or given up) 90 days ago; invitation links that expired unused 30
    days ago; report share links that ended 90 days ago without ever being opened (a link
    someone opened keeps its record of who opened it, for its owner); security events
    older than 90 days."""
    removed = {
        "runs": ScheduledRun.objects.filter(slot__lt=now - KEEP_RUNS).delete()[0],
        "job_results": DBTaskResult.objects.filter(finished_at__lt=now - KEEP_JOB_RESULTS).delete()[
            0
        ],
        "notifications": Notification.objects.filter(
            status__in=DONE, created_at__lt=now - KEEP_NOTIFICATIONS
        ).delete()[0],
        "invites": Invite.objects.filter(accepted_at__isnull=True)
        .filter(
            Q(expires_at__lt=now - KEEP_UNUSED_INVITES)
            | Q(revoked_at__lt=now - KEEP_UNUSED_INVITES)
        )
        .delete()[0],
        "share_links": ShareLink.objects.filter(
            Q(expires_at__lt=now - KEEP_UNOPENED_SHARE_LINKS)
            | Q(revoked_at__lt=now - KEEP_UNOPENED_SHARE_LINKS),
            accesses__isnull=True,
        ).delete()[0],
        "security_events": prune_events(now=now),
    }
    return removed
