"""Reading a person's notification choices and devices."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from django.db.models import Exists, IntegerField, OuterRef

from tending.conversations.models import Conversation
from tending.core.statements import Bound, Statement, field_names
from tending.core.timezones import local_today
from tending.couples.models import Membership
from tending.notifications.models import Notification, NotificationSettings, PushSubscription

RECENT_SHOWN = 20


def settings_for(user) -> NotificationSettings:
    """The person's choices, or the defaults (not saved) when they never changed any."""
    found = NotificationSettings.objects.filter(user=user).first()
    return found or NotificationSettings(user=user)


def partner_to_tell(couple, actor) -> tuple[Any, NotificationSettings | None, bool]:
    """The actor's partner in ``couple``, with their choices (the defaults, not saved, when
    they never changed any) and whether they have a device, in one query compiled once per
    process; (None, None, False) when they are no longer a couple."""
    statement = _partner_to_tell_statement()
    rows = statement.rows({"couple": couple, "actor": actor})
    if not rows:
        return None, None, False
    person_fields, settings_fields = field_names(_person_model()), field_names(NotificationSettings)
    row = rows[0]
    recipient = _person_model().from_db(statement.alias, person_fields, row[: len(person_fields)])
    chosen = row[len(person_fields) : -1]
    if chosen[0] is None:
        preferences = NotificationSettings(user=recipient)
    else:
        preferences = NotificationSettings.from_db(statement.alias, settings_fields, chosen)
        preferences.user = recipient
    return recipient, preferences, row[-1]


def _person_model():
    return Membership._meta.get_field("user").related_model


@cache
def _partner_to_tell_statement() -> Statement:
    """The other active membership of the couple: its person, their choices (NULLs when
    they have none) and whether they have a device."""
    couple = Bound(lambda run: run["couple"].pk, IntegerField())
    actor = Bound(lambda run: run["actor"].pk, IntegerField())
    columns = [f"user__{name}" for name in field_names(_person_model())]
    choices = field_names(NotificationSettings)
    columns += [f"user__notification_settings__{name}" for name in choices]
    theirs = (
        Membership.objects.annotate(
            has_device=Exists(PushSubscription.objects.filter(user=OuterRef("user")))
        )
        .filter(couple=couple, active=True)
        .exclude(user=actor)
        .order_by("pk")
        .values_list(*columns, "has_device")
    )
    return Statement(theirs[:1])


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
