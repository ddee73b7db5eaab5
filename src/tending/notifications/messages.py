"""The words and the link of one outbox row, made when it is sent: who and what kind,
never what anyone wrote."""

from __future__ import annotations

from django.urls import reverse

from tending.notifications import kinds
from tending.notifications.models import Notification


def message_for(row: Notification) -> kinds.Message:
    if row.kind == kinds.REMINDER:
        return kinds.reminder_message(
            checkin=bool(row.detail.get("checkin")),
            meeting=bool(row.detail.get("meeting")),
            questionnaires=int(row.detail.get("questionnaires", 0)),
        )
    if row.kind == kinds.TEST:
        return kinds.Message("Notifications are on", "This is how Tending will let you know.")
    name = row.actor.display_name if row.actor is not None else "Your partner"
    return kinds.event_message(row.kind, name, row.detail)


def open_path(row: Notification) -> str:
    """The page a tap on the notification opens."""
    if row.kind == kinds.REMINDER:
        if row.detail.get("checkin"):
            return reverse("checkins:checkin")
        if row.detail.get("meeting"):
            return reverse("conversations:index")
        return reverse("assessments:index")
    if row.kind == "invitation" and row.detail.get("practice") == "conversation":
        return reverse("conversations:index")
    kind = kinds.KIND_BY_KEY.get(row.kind)
    return reverse(kind.url_name) if kind else reverse("home:index")
