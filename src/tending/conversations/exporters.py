"""Guided conversations of the current couple, with the weekly meeting's notes."""

from tending.conversations.models import Conversation
from tending.core.exports import Table
from tending.couples.selectors import active_couple_for

CONVERSATION_COLUMNS = {
    "kind": "stress, speaker_listener, or meeting (the weekly check-in meeting).",
    "status": "ready, running, or done.",
    "local_date": "The day of the conversation.",
    "appreciations_notes": "Meeting notes: appreciations.",
    "went_well_notes": "Meeting notes: what went well.",
    "work_on_notes": "Meeting notes: what to work on.",
    "support_notes": "Meeting notes: how to support each other.",
    "created_at": "When it was started (UTC).",
    "completed_at": "When it was completed, if it was (UTC).",
}


def _rows(queryset, columns) -> list[dict]:
    return list(queryset.values(*columns))


def export_tables(user) -> list[Table]:
    couple = active_couple_for(user)
    conversations = (
        Conversation.objects.filter(couple=couple)
        if couple is not None
        else Conversation.objects.none()
    )
    return [
        Table(
            "conversations",
            "Guided conversations with your current partner, with the weekly meeting's "
            "notes you kept together.",
            CONVERSATION_COLUMNS,
            _rows(conversations.order_by("created_at"), CONVERSATION_COLUMNS),
        ),
    ]
