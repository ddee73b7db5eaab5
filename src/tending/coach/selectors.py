from django.db.models import Exists

from tending.coach.models import GentleMessage

MESSAGES_SHOWN = 50


def unread_for(user, couple) -> list[GentleMessage]:
    """Messages from the current partner that ``user`` has not marked as read."""
    if couple is None:
        return []
    return list(
        GentleMessage.objects.filter(
            couple=couple, recipient=user, read_at__isnull=True
        ).select_related("sender")
    )


def conversation_for(user, couple) -> list[GentleMessage]:
    """Messages sent either way within the current couple, newest first."""
    if couple is None:
        return []
    return list(
        GentleMessage.objects.filter(couple=couple).select_related("sender", "recipient")[
            :MESSAGES_SHOWN
        ]
    )


def home_facts(*, viewer, couple, partner, now) -> dict:
    if couple is None:
        return {}
    unread = GentleMessage.objects.filter(couple=couple, recipient=viewer, read_at__isnull=True)
    return {"has_unread_gentle_messages": Exists(unread)}


def home_cards(*, viewer, couple, partner, facts) -> dict:
    """Gentle messages from the partner not read yet; no query while there are none."""
    has_unread = facts.get("has_unread_gentle_messages")
    return {"gentle_messages": unread_for(viewer, couple) if has_unread else []}
