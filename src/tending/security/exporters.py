"""The person's security events of the last 90 days, for their export."""

from tending.core.exports import Table
from tending.security.models import SecurityEvent

EVENT_COLUMNS = {
    "created_at": "When it happened (UTC).",
    "kind": "What happened, e.g. signed_in, sign_in_failed, password_changed, token_created.",
    "description": "The same in words.",
    "browser": "The browser it came from, as a family name (e.g. Firefox), if known.",
    "system": "The operating system it came from (e.g. Android), if known.",
    "details": "More about it: how you signed in, a token's scopes, how many sessions ended.",
}


def export_tables(user) -> list[Table]:
    events = SecurityEvent.objects.recent().filter(user=user).order_by("created_at", "pk")
    return [
        Table(
            "security_events",
            "Sign-ins, failed attempts and changes to your account's security in the last 90 "
            "days. Older events are deleted.",
            EVENT_COLUMNS,
            [
                {
                    "created_at": event.created_at,
                    "kind": event.kind,
                    "description": event.get_kind_display(),
                    "browser": event.browser,
                    "system": event.system,
                    "details": event.details,
                }
                for event in events
            ],
        )
    ]
