"""The person's notification choices, devices and recent notifications, for their export."""

from tending.core.exports import Table
from tending.notifications.models import Notification, NotificationSettings, PushSubscription
from tending.notifications.services import import_settings

SETTINGS_COLUMNS = {
    "push_kinds": "What your partner does that you hear of by notification.",
    "email_kinds": "What you hear of by e-mail: straight away (now) or in a daily e-mail.",
    "quiet_start": "Quiet hours begin (your local time), if you have them.",
    "quiet_end": "Quiet hours end.",
    "hard_time_through_quiet": "Whether “I'm having a hard time” comes through quiet hours.",
    "digest_time": "When the daily e-mail comes (your local time).",
    "reminder_time": "When reminders come (your local time).",
    "checkin_reminder_days": "Days of a check-in reminder (0 is Monday).",
    "meeting_reminder_day": "Day of the weekly meeting reminder (0 is Monday), if on.",
    "questionnaire_reminders": "Whether you are reminded of questionnaires due.",
    "snoozed_on": "The last day you snoozed reminders.",
}
DEVICE_COLUMNS = {
    "name": "The device, as its browser described itself.",
    "push_service": "The browser maker's push service it is reached through.",
    "created_at": "When notifications were turned on there (UTC).",
    "last_sent_at": "When a notification last reached it (UTC).",
}
NOTIFICATION_COLUMNS = {
    "created_at": "When it was written (UTC).",
    "kind": "What it was about.",
    "channel": "push, email or digest.",
    "status": "sent, failed, cancelled (no longer true), or still waiting.",
    "sent_at": "When it went out (UTC).",
}


def export_tables(user) -> list[Table]:
    preferences = NotificationSettings.objects.filter(user=user).first()
    return [
        Table(
            "notification_settings",
            "Your choices about notifications, e-mails, quiet hours and reminders.",
            SETTINGS_COLUMNS,
            [{name: getattr(preferences, name) for name in SETTINGS_COLUMNS}]
            if preferences
            else [],
        ),
        Table(
            "notification_devices",
            "Devices that get your notifications (their push addresses and keys are left out).",
            DEVICE_COLUMNS,
            [
                {
                    "name": device.name,
                    "push_service": device.service_host,
                    "created_at": device.created_at,
                    "last_sent_at": device.last_sent_at,
                }
                for device in PushSubscription.objects.filter(user=user)
            ],
        ),
        Table(
            "notifications",
            "Notifications, reminders and e-mails Tending wrote for you (the last 90 days). "
            "Their words named who and what kind, never what anyone wrote.",
            NOTIFICATION_COLUMNS,
            [
                {
                    "created_at": row.created_at,
                    "kind": row.kind_label,
                    "channel": row.channel,
                    "status": row.status,
                    "sent_at": row.sent_at,
                }
                for row in Notification.objects.filter(user=user).order_by("created_at")
            ],
        ),
    ]


def import_tables(user, tables: dict[str, list[dict]]) -> None:
    """Restore the person's choices (devices and history belong to the old server)."""
    rows = tables.get("notification_settings") or []
    if not rows:
        return
    import_settings(user=user, row=rows[0])
