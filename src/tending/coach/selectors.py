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


def home_cards(*, viewer, couple, partner) -> dict:
    """Gentle messages from the partner not read yet."""
    return {"gentle_messages": unread_for(viewer, couple)}
