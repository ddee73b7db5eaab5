"""A person's notification choices, their devices, and the outbox every notification,
reminder and digest is written to before it is sent."""

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models

from tending.notifications.kinds import DIGEST, EVENT_KIND_KEYS, EVENT_KINDS, REMINDER, TEST

KIND_LABELS = {
    **{kind.key: kind.label for kind in EVENT_KINDS},
    REMINDER: "Your daily reminder",
    DIGEST: "Your daily e-mail",
    TEST: "A test notification",
}
MAX_DEVICES = 10
ENDPOINT_MAX_LENGTH = 1000
DEVICE_NAME_MAX_LENGTH = 80


def every_event_kind() -> list[str]:
    return list(EVENT_KIND_KEYS)


class NotificationSettings(models.Model):
    """What a person wants to hear of, when, and how. Made the first time it is needed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    push_kinds = models.JSONField(default=every_event_kind)
    email_kinds = models.JSONField(default=dict)  # kind -> "now" or "digest"
    quiet_start = models.TimeField(null=True, blank=True, default=dt.time(22, 0))
    quiet_end = models.TimeField(null=True, blank=True, default=dt.time(7, 0))
    hard_time_through_quiet = models.BooleanField(default=False)
    digest_time = models.TimeField(default=dt.time(18, 0))
    reminder_time = models.TimeField(default=dt.time(20, 0))
    checkin_reminder_days = models.JSONField(default=list)  # weekdays, Monday = 0; empty: off
    meeting_reminder_day = models.PositiveSmallIntegerField(null=True, blank=True)
    questionnaire_reminders = models.BooleanField(default=False)
    snoozed_on = models.DateField(null=True, blank=True)
    next_reminder_at = models.DateTimeField(null=True, blank=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "notification settings"

    def __str__(self) -> str:
        return f"Notification settings of {self.user}"

    @property
    def any_reminder(self) -> bool:
        return bool(
            self.checkin_reminder_days
            or self.meeting_reminder_day is not None
            or self.questionnaire_reminders
        )


class PushSubscription(models.Model):
    """One device (a browser on a phone or computer) that agreed to receive Web Push."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=ENDPOINT_MAX_LENGTH, unique=True)
    p256dh = models.CharField(max_length=100)
    auth = models.CharField(max_length=40)
    name = models.CharField(max_length=DEVICE_NAME_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.name or 'A device'} of {self.user}"

    @property
    def service_host(self) -> str:
        return urlsplit(self.endpoint).hostname or ""


class NotificationQuerySet(models.QuerySet):
    def due(self, now: dt.datetime):
        return self.filter(status=Notification.Status.PENDING, deliver_after__lte=now)


class Notification(models.Model):
    """One notification, reminder or digest, written before it is sent.

    ``key`` names the person, the kind and the occasion (and the channel), and is unique:
    the same thing is never recorded, so never sent, twice. A worker claims a row by
    moving it from pending to sending in one conditional update, so two workers never
    send the same row. Its words are made when it is sent and are not stored.
    """

    class Channel(models.TextChoices):
        PUSH = "push", "Push"
        EMAIL = "email", "E-mail"
        DIGEST = "digest", "Daily e-mail"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Could not be sent"
        CANCELLED = "cancelled", "No longer needed"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    couple = models.ForeignKey(
        "couples.Couple", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=20)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    key = models.CharField(max_length=200, unique=True)
    detail = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    deliver_after = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "deliver_after"]),
            models.Index(fields=["user", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} by {self.channel} for {self.user} ({self.status})"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


class ScheduledRun(models.Model):
    """A periodic job started for one time slot; unique, so with several workers each slot's
    job is started once."""

    job = models.CharField(max_length=40)
    slot = models.DateTimeField()
    started_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="one_run_per_slot")]

    def __str__(self) -> str:
        return f"{self.job} at {self.slot:%Y-%m-%d %H:%M}"
