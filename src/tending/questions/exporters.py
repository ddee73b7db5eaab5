"""The person's answers, thread messages and saved questions, for their export; saved
questions are restored."""

from tending.core.exports import Table
from tending.questions.models import Answer, FavouriteQuestion, QuestionMessage

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


def _rows(queryset, columns) -> list[dict]:
    return list(queryset.values(*columns))


def export_tables(user) -> list[Table]:
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
    ]


def import_tables(user, tables: dict[str, list[dict]]) -> None:
    """Restore saved questions; answers and messages belong to a couple."""
    FavouriteQuestion.objects.bulk_create(
        FavouriteQuestion(user=user, question_id=row["question_id"])
        for row in tables.get("favourite_questions") or []
    )
