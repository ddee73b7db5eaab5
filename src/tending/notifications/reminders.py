"""Daily reminders: at the time a person picked, at most one a day, only for what is still
open that day (a check-in not made yet, the weekly meeting, a questionnaire falling due).
No streaks, no "you missed"."""

from __future__ import annotations

import datetime as dt

from django.db import connection, transaction
from django.utils import timezone

from tending.assessments.selectors import schedule_for
from tending.checkins.models import CheckIn
from tending.core.timezones import zone_for
from tending.notifications import kinds
from tending.notifications.models import Notification, NotificationSettings, PushSubscription
from tending.notifications.selectors import couples_holding_meetings
from tending.notifications.services import key_for

CHUNK = 1000
# A reminder the worker reaches this late (it was stopped) is not sent: it would be stale.
TOO_LATE = dt.timedelta(hours=2)


def questionnaires_falling_due(user, on_day: dt.date, now: dt.datetime) -> int:
    """Questionnaires the person has taken before that fall due again on ``on_day``."""
    return sum(
        1
        for row in schedule_for(user, now)
        if row.active and row.last_taken is not None and row.due_on == on_day
    )


def reminder_detail(
    preferences: NotificationSettings,
    *,
    day: dt.date,
    checked_in: bool,
    holds_meetings: bool,
    now: dt.datetime,
) -> dict:
    """What one person's reminder for ``day`` holds; empty when there is nothing to say."""
    if preferences.snoozed_on == day:
        return {}
    weekday = day.weekday()
    detail: dict = {}
    if weekday in preferences.checkin_reminder_days and not checked_in:
        detail["checkin"] = True
    if preferences.meeting_reminder_day == weekday and holds_meetings:
        detail["meeting"] = True
    if preferences.questionnaire_reminders:
        due = questionnaires_falling_due(preferences.user, day, now)
        if due:
            detail["questionnaires"] = due
    return detail


def dispatch_reminders(*, now: dt.datetime | None = None) -> int:
    """Write the reminders due by ``now`` into the outbox; returns how many were written."""
    now = now or timezone.now()
    written = 0
    while (chunk := _dispatch_chunk(now)) is not None:
        written += chunk
    return written


@transaction.atomic
def _dispatch_chunk(now: dt.datetime) -> int | None:
    """One chunk of people due, locked so a second worker takes the next chunk; None when
    nobody is due."""
    due_now = NotificationSettings.objects.filter(next_reminder_at__lte=now)
    if connection.features.has_select_for_update_skip_locked:
        due_now = due_now.select_for_update(skip_locked=True, of=("self",))
    due = list(due_now.select_related("user").order_by("next_reminder_at", "pk")[:CHUNK])
    if not due:
        return None
    scheduled = {p.user_id: p.next_reminder_at or now for p in due}
    ids = [preferences.user_id for preferences in due]
    days = {
        preferences.user_id: scheduled[preferences.user_id]
        .astimezone(zone_for(preferences.user))
        .date()
        for preferences in due
    }
    checked_in = set(
        CheckIn.objects.filter(user_id__in=ids, local_date__in=set(days.values())).values_list(
            "user_id", "local_date"
        )
    )
    with_devices = set(
        PushSubscription.objects.filter(user_id__in=ids).values_list("user_id", flat=True)
    )
    meeting_people = couples_holding_meetings(
        [p.user_id for p in due if p.meeting_reminder_day is not None]
    )
    rows = []
    for preferences in due:
        user_id, day = preferences.user_id, days[preferences.user_id]
        if now - scheduled[user_id] <= TOO_LATE and preferences.user.is_active:
            detail = reminder_detail(
                preferences,
                day=day,
                checked_in=(user_id, day) in checked_in,
                holds_meetings=user_id in meeting_people,
                now=now,
            )
            if detail:
                channel = (
                    Notification.Channel.PUSH
                    if user_id in with_devices
                    else Notification.Channel.EMAIL
                )
                rows.append(
                    Notification(
                        user_id=user_id,
                        kind=kinds.REMINDER,
                        channel=channel,
                        key=key_for(kinds.REMINDER, user_id, day.isoformat()),
                        detail=detail,
                        deliver_after=now,
                    )
                )
        preferences.next_reminder_at = kinds.next_wall_time(
            max(now, scheduled[user_id]),
            preferences.reminder_time,
            zone_for(preferences.user),
        )
    Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    NotificationSettings.objects.bulk_update(due, ["next_reminder_at"], batch_size=500)
    return len(rows)
