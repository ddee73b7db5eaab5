"""Sending what the outbox holds: claim due rows, push them to each device or e-mail them,
record what happened.

A row is claimed by moving it from pending to sending inside one transaction that locks
it (``SKIP LOCKED`` on PostgreSQL; SQLite's write lock, as every transaction here begins
IMMEDIATE), so two workers never claim the same row. A row is sent only by the worker
that claimed it; a row left sending by a worker that died is given up, not sent again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.notifications import kinds, push
from tending.notifications.links import absolute, action_path
from tending.notifications.messages import message_for, open_path
from tending.notifications.models import Notification, PushSubscription
from tending.notifications.tokens import REMINDERS_OFF, SNOOZE, UNSUBSCRIBE

logger = logging.getLogger(__name__)

BATCH = 500
MAX_ATTEMPTS = 5
STALE_CLAIM = dt.timedelta(minutes=15)
Status = Notification.Status
Channel = Notification.Channel


def claim_due(*, now: dt.datetime, limit: int = BATCH, digest: bool = False) -> list[Notification]:
    """Claim up to ``limit`` due rows for this worker alone."""
    channels = [Channel.DIGEST] if digest else [Channel.PUSH, Channel.EMAIL]
    with transaction.atomic():
        due = Notification.objects.due(now).filter(channel__in=channels)
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.order_by("deliver_after", "pk").values_list("pk", flat=True)[:limit])
        Notification.objects.filter(pk__in=ids, status=Status.PENDING).update(
            status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    return list(
        Notification.objects.filter(pk__in=ids, status=Status.SENDING).select_related(
            "user", "actor", "couple"
        )
    )


def give_up_stale_claims(now: dt.datetime) -> int:
    """Rows a worker claimed and never finished (it stopped mid-send): never sent again."""
    return Notification.objects.filter(
        status=Status.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(status=Status.FAILED)


def _still_wanted(row: Notification) -> bool:
    """Whether what a row tells is still true and still shared when it goes out."""
    couple = row.couple
    if couple is not None and (couple.ended_at is not None or row.actor_id is None):
        return False
    if row.kind == "partner_request":
        checkin_id = int(row.key.split(":")[1].removeprefix("checkin-"))
        return any(
            checkin.share_needs and checkin.asks_for_help
            for checkin in CheckIn.objects.filter(pk=checkin_id).only("share_needs", "needs")
        )
    return True


def push_payload(row: Notification) -> dict:
    message = message_for(row)
    payload: dict[str, object] = {
        "title": message.title,
        "body": message.body,
        "url": open_path(row),
        "tag": f"tending-{row.kind}",
    }
    if row.kind == kinds.REMINDER:
        payload["actions"] = [
            {
                "action": "snooze",
                "title": "Snooze for today",
                "url": action_path(user_id=row.user_id, action=SNOOZE),
            },
            {
                "action": "off",
                "title": "Turn off",
                "url": action_path(user_id=row.user_id, action=REMINDERS_OFF),
            },
        ]
    return payload


def _topic(row: Notification) -> str:
    return hashlib.sha256(row.key.encode()).hexdigest()[:32]


def _subscription_info(device: PushSubscription) -> dict:
    return {"endpoint": device.endpoint, "keys": {"p256dh": device.p256dh, "auth": device.auth}}


def _push_all(jobs: list[tuple[Notification, PushSubscription]]) -> list[push.Delivery]:
    """Send every (row, device) push, several at a time; one session per thread."""
    sessions: dict[int, push.NoRedirectSession] = {}

    def send(job):
        session = sessions.setdefault(threading.get_ident(), push.NoRedirectSession())
        row, device = job
        return push.send(
            _subscription_info(device), push_payload(row), session=session, topic=_topic(row)
        )

    threads = max(1, min(settings.TENDING_SEND_THREADS, len(jobs)))
    with ThreadPoolExecutor(max_workers=threads) as pool:
        results = list(pool.map(send, jobs))
    for session in sessions.values():
        session.close()
    return results


class Outcomes:
    """What happened to each claimed row, written back with one update per outcome."""

    def __init__(self, now: dt.datetime):
        self.now = now
        self.by_status: dict[str, list[int]] = defaultdict(list)
        self.retries: dict[int, list[int]] = defaultdict(list)

    def finish(self, rows: list[Notification], status: str) -> None:
        self.by_status[status].extend(row.pk for row in rows)

    def retry(self, row: Notification) -> None:
        self.retries[row.attempts].append(row.pk)

    def save(self) -> None:
        for status, ids in self.by_status.items():
            sent_at = self.now if status == Status.SENT else None
            Notification.objects.filter(pk__in=ids).update(status=status, sent_at=sent_at)
        for attempts, ids in self.retries.items():
            later = self.now + dt.timedelta(minutes=2**attempts)
            Notification.objects.filter(pk__in=ids).update(
                status=Status.PENDING, deliver_after=later
            )


def _deliver_pushes(rows: list[Notification], outcomes: Outcomes) -> list[Notification]:
    """Push each row to its person's devices; returns the rows with no device left."""
    devices: dict[int, list[PushSubscription]] = defaultdict(list)
    for device in PushSubscription.objects.filter(user_id__in={row.user_id for row in rows}):
        devices[device.user_id].append(device)
    jobs = [(row, device) for row in rows for device in devices[row.user_id]]
    results = _push_all(jobs) if jobs else []
    answers: dict[int, list[push.Delivery]] = defaultdict(list)
    gone, used = set(), set()
    for (row, device), delivery in zip(jobs, results, strict=True):
        answers[row.pk].append(delivery)
        if delivery.gone:
            gone.add(device.pk)
        elif delivery.delivered:
            used.add(device.pk)
    PushSubscription.objects.filter(pk__in=gone).delete()
    PushSubscription.objects.filter(pk__in=used).update(last_sent_at=outcomes.now)
    without_device = []
    for row in rows:
        said = answers.get(row.pk, [])
        if any(answer.delivered for answer in said):
            outcomes.finish([row], Status.SENT)
        elif not said or all(answer.gone for answer in said):
            without_device.append(row)
        elif row.attempts < MAX_ATTEMPTS and any(answer.worth_retrying for answer in said):
            outcomes.retry(row)
        else:
            outcomes.finish([row], Status.FAILED)
    return without_device


def email_for(rows: list[Notification], *, kind: str) -> EmailMultiAlternatives:
    """One e-mail about ``rows`` (all for one person), with a one-click way out of ``kind``."""
    user = rows[0].user
    unsubscribe = absolute(action_path(user_id=user.pk, action=UNSUBSCRIBE, kind=kind))
    context = {
        "user": user,
        "items": [{"message": message_for(row), "url": absolute(open_path(row))} for row in rows],
        "digest": kind == kinds.DIGEST,
        "reminder": kind == kinds.REMINDER,
        "kind_label": kinds.KIND_BY_KEY[kind].label if kind in kinds.KIND_BY_KEY else "",
        "unsubscribe_url": unsubscribe,
        "settings_url": absolute(reverse("notifications:settings")),
        "snooze_url": absolute(action_path(user_id=user.pk, action=SNOOZE)),
        "off_url": absolute(action_path(user_id=user.pk, action=REMINDERS_OFF)),
    }
    subject = (
        kinds.digest_message(len(rows)).title
        if kind == kinds.DIGEST
        else message_for(rows[0]).title
    )
    return EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("notifications/email/notification.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


def _send_emails(groups: list[tuple[list[Notification], str]], outcomes: Outcomes) -> None:
    if not groups:
        return
    mail = get_connection()
    for rows, kind in groups:
        try:
            mail.send_messages([email_for(rows, kind=kind)])
        except Exception:
            logger.exception("An e-mail to person %s could not be sent", rows[0].user_id)
            outcomes.finish(rows, Status.FAILED)
        else:
            outcomes.finish(rows, Status.SENT)


def _wanted(rows: list[Notification], outcomes: Outcomes) -> list[Notification]:
    wanted = [row for row in rows if _still_wanted(row)]
    kept = {row.pk for row in wanted}
    outcomes.finish([row for row in rows if row.pk not in kept], Status.CANCELLED)
    return wanted


def deliver(rows: list[Notification], now: dt.datetime) -> None:
    """Send claimed rows by their channels; a reminder for someone whose devices are all
    gone goes by e-mail instead."""
    outcomes = Outcomes(now)
    wanted = _wanted(rows, outcomes)
    pushes = [row for row in wanted if row.channel == Channel.PUSH]
    emails = [row for row in wanted if row.channel == Channel.EMAIL]
    for row in _deliver_pushes(pushes, outcomes) if pushes else []:
        if row.kind == kinds.REMINDER:
            emails.append(row)
        else:
            outcomes.finish([row], Status.CANCELLED)
    _send_emails([([row], row.kind) for row in emails], outcomes)
    outcomes.save()


def deliver_due(*, now: dt.datetime | None = None, limit: int = BATCH) -> int:
    """Send everything due, batch by batch; returns how many rows were handled."""
    now = now or timezone.now()
    give_up_stale_claims(now)
    handled = 0
    while claimed := claim_due(now=now, limit=limit):
        deliver(claimed, now)
        handled += len(claimed)
    return handled


def send_digests(*, now: dt.datetime | None = None) -> int:
    """One e-mail per person for the notifications they chose to have in a daily e-mail."""
    now = now or timezone.now()
    handled = 0
    while claimed := claim_due(now=now, digest=True):
        outcomes = Outcomes(now)
        by_person: dict[int, list[Notification]] = defaultdict(list)
        for row in _wanted(claimed, outcomes):
            by_person[row.user_id].append(row)
        _send_emails([(rows, kinds.DIGEST) for rows in by_person.values()], outcomes)
        outcomes.save()
        handled += len(claimed)
    return handled
