"""Changes to notifications: a person's choices and devices, and what their partner did
recorded in the outbox (``Notification``) for the worker to send."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone

from tending.core.timezones import local_today, zone_for
from tending.couples.events import PartnerEvent
from tending.notifications import kinds, push
from tending.notifications.forms import checked_settings
from tending.notifications.models import (
    DEVICE_NAME_MAX_LENGTH,
    ENDPOINT_MAX_LENGTH,
    MAX_DEVICES,
    Notification,
    NotificationSettings,
    PushSubscription,
)
from tending.notifications.selectors import (
    couples_holding_meetings,
    partner_to_tell,
    settings_for,
)
from tending.notifications.tokens import REMINDERS_OFF, SNOOZE, UNSUBSCRIBE, Action

KEY_FIELD_MAX_LENGTH = 100


class NotificationError(Exception):
    """Something that cannot be done; the message is shown to the person."""


def key_for(*parts: object) -> str:
    """The outbox key of one occasion: readable, and never longer than the column."""
    key = ":".join(str(part) for part in parts)
    if len(key) <= 200:
        return key
    return key[:150] + ":" + hashlib.sha256(key.encode()).hexdigest()[:40]


def schedule_next(preferences: NotificationSettings, now: dt.datetime | None = None) -> None:
    """Set when the person's next reminder is due (not saved)."""
    now = now or timezone.now()
    preferences.next_reminder_at = (
        kinds.next_wall_time(now, preferences.reminder_time, zone_for(preferences.user))
        if preferences.any_reminder
        else None
    )


@transaction.atomic
def save_settings(*, user, values: dict) -> NotificationSettings:
    """Save the person's choices (a validated form's values) and when reminders fall due."""
    preferences = settings_for(user)
    for name, value in values.items():
        setattr(preferences, name, value)
    if preferences.quiet_start is None or preferences.quiet_end is None:
        preferences.quiet_start = preferences.quiet_end = None
    schedule_next(preferences)
    preferences.save()
    return preferences


def change_settings(*, user, values: dict, snoozed: bool | None = None) -> NotificationSettings:
    """Save choices given as the settings model holds them, checked by the settings page's
    own rules (``InvalidSettings`` names the page's fields); ``snoozed`` turns today's
    reminders off or on again, None leaves them."""
    holds_meetings = bool(couples_holding_meetings([user.pk]))
    checked = checked_settings(values, holds_meetings=holds_meetings)
    if snoozed is not None:
        checked["snoozed_on"] = snooze_day(user, snoozed=snoozed)
    return save_settings(user=user, values=checked)


def snooze_day(user, *, snoozed: bool, now: dt.datetime | None = None) -> dt.date | None:
    """The day the person's reminders are snoozed for: their own today, or none."""
    return local_today(user, now) if snoozed else None


@transaction.atomic
def add_device(*, user, endpoint: str, p256dh: str, auth: str, name: str = "") -> PushSubscription:
    """Remember one browser's push subscription; at most ten devices per person."""
    endpoint = (endpoint or "").strip()
    if not endpoint or len(endpoint) > ENDPOINT_MAX_LENGTH:
        raise NotificationError("This browser gave no push address Tending can use.")
    problem = push.endpoint_problem(endpoint)
    if problem:
        raise NotificationError(problem)
    if not _is_key(p256dh, 87, 88) or not _is_key(auth, 16, 24):
        raise NotificationError("This browser gave push keys Tending cannot read.")
    name = (name or "").strip()[:DEVICE_NAME_MAX_LENGTH]
    existing = PushSubscription.objects.filter(endpoint=endpoint).first()
    if existing is not None:
        # The same browser subscribing again (or after someone else logged in on it).
        existing.user, existing.p256dh, existing.auth = user, p256dh, auth
        existing.name = name or existing.name
        existing.save(update_fields=["user", "p256dh", "auth", "name"])
        return existing
    if PushSubscription.objects.filter(user=user).count() >= MAX_DEVICES:
        raise NotificationError(
            f"Notifications can go to {MAX_DEVICES} devices at most. "
            "Remove one in your notification settings first."
        )
    try:
        with transaction.atomic():
            return PushSubscription.objects.create(
                user=user, endpoint=endpoint, p256dh=p256dh, auth=auth, name=name
            )
    except IntegrityError:
        raise NotificationError("This device is already set up. Reload the page.") from None


def _is_key(value: str, shortest: int, longest: int) -> bool:
    allowed = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=")
    return isinstance(value, str) and shortest <= len(value) <= longest and set(value) <= allowed


def remove_device(*, user, device_id: int) -> bool:
    deleted, _ = PushSubscription.objects.filter(user=user, pk=device_id).delete()
    return bool(deleted)


def remove_device_by_endpoint(*, user, endpoint: str) -> bool:
    deleted, _ = PushSubscription.objects.filter(user=user, endpoint=endpoint[:1000]).delete()
    return bool(deleted)


def record_event(sender, *, event: PartnerEvent, **kwargs) -> list[Notification]:
    """Write the partner's notifications of ``event`` into the outbox, by the channels they
    chose, held until their quiet hours end. Runs inside the action's transaction."""
    if event.kind not in kinds.KIND_BY_KEY:
        raise ValueError(f"unknown notification kind {event.kind!r}")
    recipient, preferences, has_device = partner_to_tell(event.couple, event.actor)
    if recipient is None or preferences is None:
        return []
    now = timezone.now()
    channels = []
    if event.kind in preferences.push_kinds and has_device:
        channels.append(Notification.Channel.PUSH)
    email_choice = preferences.email_kinds.get(event.kind)
    if email_choice == kinds.EMAIL_NOW:
        channels.append(Notification.Channel.EMAIL)
    elif email_choice == kinds.EMAIL_DIGEST:
        channels.append(Notification.Channel.DIGEST)
    if not channels:
        return []
    through_quiet = event.kind == "hard_time" and preferences.hard_time_through_quiet
    held = None
    if not through_quiet:
        held = kinds.held_until(
            now, zone_for(recipient), preferences.quiet_start, preferences.quiet_end
        )
    rows = [
        Notification(
            user=recipient,
            actor=event.actor,
            couple=event.couple,
            kind=event.kind,
            channel=channel,
            key=key_for(event.kind, event.occasion, recipient.pk, channel),
            detail=event.detail,
            deliver_after=_digest_time(preferences, now)
            if channel == Notification.Channel.DIGEST
            else held or now,
        )
        for channel in channels
    ]
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    if any(row.deliver_after <= now for row in rows):
        transaction.on_commit(_deliver_soon)
    return rows


def _digest_time(preferences: NotificationSettings, now: dt.datetime) -> dt.datetime:
    return kinds.next_wall_time(now, preferences.digest_time, zone_for(preferences.user))


def _deliver_soon() -> None:
    from tending.notifications.tasks import deliver_notifications

    deliver_notifications.enqueue()


@transaction.atomic
def act(*, user, action: Action, now: dt.datetime | None = None) -> str:
    """Do what a signed link asks; returns what was done, in words."""
    preferences = settings_for(user)
    if action.action == SNOOZE:
        preferences.snoozed_on = snooze_day(user, snoozed=True, now=now)
        preferences.save()
        return "No more reminders today. They start again tomorrow."
    if action.action == REMINDERS_OFF:
        preferences.checkin_reminder_days = []
        preferences.meeting_reminder_day = None
        preferences.questionnaire_reminders = False
        schedule_next(preferences, now)
        preferences.save()
        return "Reminders are off. You can turn them on again in your notification settings."
    if action.action == UNSUBSCRIBE:
        if action.kind == kinds.REMINDER:
            return act(user=user, action=Action(user.pk, REMINDERS_OFF), now=now)
        email_kinds = dict(preferences.email_kinds)
        email_kinds.pop(action.kind, None)
        if action.kind == kinds.DIGEST:
            email_kinds = {
                key: value for key, value in email_kinds.items() if value != kinds.EMAIL_DIGEST
            }
        preferences.email_kinds = email_kinds
        schedule_next(preferences, now)
        preferences.save()
        return "You will get no more of these e-mails."
    raise NotificationError("That link does not do anything.")


def send_test(*, user) -> bool:
    """A test notification to each of the person's devices; False when they have none."""
    if not user.push_subscriptions.exists():
        return False
    now = timezone.now()
    Notification.objects.create(
        user=user,
        kind=kinds.TEST,
        channel=Notification.Channel.PUSH,
        key=key_for(kinds.TEST, user.pk, now.isoformat()),
        deliver_after=now,
    )
    transaction.on_commit(_deliver_soon)
    return True


def _time_or(value, default: dt.time | None) -> dt.time | None:
    try:
        return dt.time.fromisoformat(value) if isinstance(value, str) else default
    except ValueError:
        return default


def import_settings(*, user, row: dict) -> NotificationSettings:
    """Restore choices from an export, keeping only values Tending knows."""
    defaults = NotificationSettings()
    email = row.get("email_kinds")
    email = email if isinstance(email, dict) else {}
    days = row.get("checkin_reminder_days")
    days = days if isinstance(days, list) else []
    meeting_day = row.get("meeting_reminder_day")
    values = {
        "push_kinds": [
            kind for kind in row.get("push_kinds") or [] if kind in kinds.EVENT_KIND_KEYS
        ],
        "email_kinds": {
            kind: choice
            for kind, choice in email.items()
            if kind in kinds.KIND_BY_KEY and choice in (kinds.EMAIL_NOW, kinds.EMAIL_DIGEST)
        },
        "quiet_start": _time_or(row.get("quiet_start"), None),
        "quiet_end": _time_or(row.get("quiet_end"), None),
        "hard_time_through_quiet": row.get("hard_time_through_quiet") is True,
        "digest_time": _time_or(row.get("digest_time"), defaults.digest_time),
        "reminder_time": _time_or(row.get("reminder_time"), defaults.reminder_time),
        "checkin_reminder_days": sorted(
            {day for day in days if isinstance(day, int) and 0 <= day <= 6}
        ),
        "meeting_reminder_day": meeting_day
        if isinstance(meeting_day, int) and 0 <= meeting_day <= 6
        else None,
        "questionnaire_reminders": row.get("questionnaire_reminders") is True,
    }
    return save_settings(user=user, values=values)
