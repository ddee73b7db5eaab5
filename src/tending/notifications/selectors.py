"""Reading a person's notification choices and devices."""

from __future__ import annotations

import datetime as dt

from tending.conversations.models import Conversation
from tending.core.timezones import local_today
from tending.notifications.models import Notification, NotificationSettings, PushSubscription

RECENT_SHOWN = 20


def settings_for(user) -> NotificationSettings:
    """The person's choices, or the defaults (not saved) when they never changed any."""
    found = NotificationSettings.objects.filter(user=user).first()
    return found or NotificationSettings(user=user)


def is_snoozed(preferences: NotificationSettings, user, now: dt.datetime | None = None) -> bool:
    """Whether the person turned today's reminders off from a reminder ("not today")."""
    return preferences.snoozed_on is not None and preferences.snoozed_on == local_today(user, now)


def couples_holding_meetings(user_ids) -> set[int]:
    """People whose couple has held (or begun) a weekly meeting: they use it."""
    return set(
        Conversation.objects.filter(
            kind=Conversation.Kind.MEETING,
            couple__memberships__user_id__in=user_ids,
            couple__memberships__active=True,
        ).values_list("couple__memberships__user_id", flat=True)
    )


def devices_of(user) -> list[PushSubscription]:
    return list(PushSubscription.objects.filter(user=user))


def recent_notifications(user) -> list[Notification]:
    return list(
        Notification.objects.filter(user=user)
        .select_related("actor")
        .order_by("-created_at")[:RECENT_SHOWN]
    )


def profile_cards(*, viewer) -> dict:
    """The person's devices, for the Profile page."""
    return {"push_devices": devices_of(viewer)}
