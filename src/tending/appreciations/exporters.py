"""Appreciations the person sent, and those their current partner sent them."""

from tending.appreciations.models import Appreciation
from tending.core.exports import Table
from tending.couples.selectors import active_couple_for

APPRECIATION_GIVEN_COLUMNS = {
    "text": "What you appreciated.",
    "reaction": "How your partner reacted (heart, thanks, smile, hug), if they did.",
    "created_at": "When you sent it (UTC).",
}

APPRECIATION_RECEIVED_COLUMNS = {
    "text": "What your partner appreciated in you.",
    "reaction": "How you reacted, if you did.",
    "created_at": "When your partner sent it (UTC).",
}


def _rows(queryset, columns) -> list[dict]:
    return list(queryset.values(*columns))


def export_tables(user) -> list[Table]:
    couple = active_couple_for(user)
    received = (
        Appreciation.objects.filter(recipient=user, couple=couple)
        if couple is not None
        else Appreciation.objects.none()
    )
    return [
        Table(
            "appreciations_given",
            "Appreciations you sent your partner.",
            APPRECIATION_GIVEN_COLUMNS,
            _rows(
                Appreciation.objects.filter(author=user).order_by("created_at"),
                APPRECIATION_GIVEN_COLUMNS,
            ),
        ),
        Table(
            "appreciations_received",
            "Appreciations your current partner sent you, addressed to you.",
            APPRECIATION_RECEIVED_COLUMNS,
            _rows(received.order_by("created_at"), APPRECIATION_RECEIVED_COLUMNS),
        ),
    ]
