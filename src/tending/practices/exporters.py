"""The person's connection practices, for their export, and restoring what needs no couple.

Shared things (appreciations received, guided-conversation notes, rituals) are included
only from the current couple, as the app shows them; answers, messages and appreciations
the person wrote are theirs to keep.
"""

from django.utils.dateparse import parse_date, parse_datetime

from tending.core.exports import Table
from tending.couples.selectors import active_couple_for
from tending.practices.models import (
    Answer,
    Appreciation,
    Conversation,
    FavouriteQuestion,
    PracticeLog,
    QuestionMessage,
    Ritual,
    RitualDone,
)

ANSWER_COLUMNS = {
    "question_id": "The question, as deck/question in Tending's question decks.",
    "text": "Your answer.",
    "created_at": "When you first answered (UTC).",
    "updated_at": "When you last changed the answer (UTC).",
}
MESSAGE_COLUMNS = {
    "question_id": "The question whose thread the message is in.",
    "text": "Your message.",
    "created_at": "When you wrote it (UTC).",
}
FAVOURITE_COLUMNS = {
    "question_id": "A question you saved to come back to.",
    "created_at": "When you saved it (UTC).",
}
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
PRACTICE_LOG_COLUMNS = {
    "kind": "stress, speaker_listener, meeting, or breathing.",
    "local_date": "The day you did it.",
    "detail": "For breathing, the pattern and length.",
    "feeling": "How it felt, 1 to 5, if you said.",
    "completed_at": "When you finished it (UTC).",
}
RITUAL_COLUMNS = {
    "title": "The ritual of connection.",
    "why": "Why you chose it, if you wrote it down.",
    "rhythm": "daily or weekly.",
    "times_per_period": "How many times a day or week you meant to do it.",
    "created_at": "When you added it (UTC).",
    "stopped_at": "When you stopped it, if you did (UTC).",
}
RITUAL_MARK_COLUMNS = {
    "ritual": "The ritual's title.",
    "local_date": "The day you marked it done.",
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
    conversations = (
        Conversation.objects.filter(couple=couple)
        if couple is not None
        else Conversation.objects.none()
    )
    rituals = Ritual.objects.filter(couple=couple) if couple is not None else Ritual.objects.none()
    marks = (
        RitualDone.objects.filter(user=user, ritual__couple=couple)
        if couple is not None
        else RitualDone.objects.none()
    )
    return [
        Table(
            "question_answers",
            "Your answers to connection questions.",
            ANSWER_COLUMNS,
            _rows(Answer.objects.filter(user=user).order_by("created_at"), ANSWER_COLUMNS),
        ),
        Table(
            "question_messages",
            "Messages you wrote in the threads under revealed questions.",
            MESSAGE_COLUMNS,
            _rows(
                QuestionMessage.objects.filter(author=user).order_by("created_at"),
                MESSAGE_COLUMNS,
            ),
        ),
        Table(
            "favourite_questions",
            "Questions you saved.",
            FAVOURITE_COLUMNS,
            _rows(FavouriteQuestion.objects.filter(user=user), FAVOURITE_COLUMNS),
        ),
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
        Table(
            "conversations",
            "Guided conversations with your current partner, with the weekly meeting's "
            "notes you kept together.",
            CONVERSATION_COLUMNS,
            _rows(conversations.order_by("created_at"), CONVERSATION_COLUMNS),
        ),
        Table(
            "practice_log",
            "Practices you completed.",
            PRACTICE_LOG_COLUMNS,
            _rows(
                PracticeLog.objects.filter(user=user).order_by("completed_at"),
                PRACTICE_LOG_COLUMNS,
            ),
        ),
        Table(
            "rituals",
            "Rituals of connection you and your current partner chose.",
            RITUAL_COLUMNS,
            _rows(rituals.order_by("created_at"), RITUAL_COLUMNS),
        ),
        Table(
            "ritual_marks",
            "The days you marked a ritual done.",
            RITUAL_MARK_COLUMNS,
            [
                {"ritual": title, "local_date": local_date}
                for title, local_date in marks.order_by("local_date").values_list(
                    "ritual__title", "local_date"
                )
            ],
        ),
    ]


def import_tables(user, tables: dict[str, list[dict]]) -> None:
    """Restore saved questions and the practice log; the rest belongs to a couple."""
    FavouriteQuestion.objects.bulk_create(
        FavouriteQuestion(user=user, question_id=row["question_id"])
        for row in tables.get("favourite_questions") or []
    )
    rows = tables.get("practice_log") or []
    logs = PracticeLog.objects.bulk_create(
        PracticeLog(
            user=user,
            kind=row["kind"],
            local_date=parse_date(row["local_date"]),
            detail=row.get("detail") or "",
            feeling=row.get("feeling"),
        )
        for row in rows
    )
    for log, row in zip(logs, rows, strict=True):
        log.completed_at = parse_datetime(row["completed_at"])
    PracticeLog.objects.bulk_update(logs, ["completed_at"])
