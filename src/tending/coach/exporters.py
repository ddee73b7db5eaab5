"""Gentle messages the person sent, and those their current partner sent them."""

from tending.coach.models import GentleMessage
from tending.core.exports import Table
from tending.couples.selectors import active_couple_for

SENT_COLUMNS = {
    "text": "The message you chose to send from the coach.",
    "created_at": "When you sent it (UTC).",
    "read_at": "When your partner read it, if they have (UTC).",
}
RECEIVED_COLUMNS = {
    "text": "The message your partner sent you.",
    "created_at": "When they sent it (UTC).",
    "read_at": "When you read it (UTC).",
}


def export_tables(user) -> list[Table]:
    couple = active_couple_for(user)
    received = (
        GentleMessage.objects.filter(recipient=user, couple=couple)
        if couple is not None
        else GentleMessage.objects.none()
    )
    sent = GentleMessage.objects.filter(sender=user)
    return [
        Table(
            "gentle_messages_sent",
            "Messages you wrote with the gentle start-up coach and sent to your partner. "
            "What you typed without sending was never kept.",
            SENT_COLUMNS,
            list(sent.order_by("created_at").values(*SENT_COLUMNS)),
        ),
        Table(
            "gentle_messages_received",
            "Messages your current partner sent you from the coach.",
            RECEIVED_COLUMNS,
            list(received.order_by("created_at").values(*RECEIVED_COLUMNS)),
        ),
    ]
