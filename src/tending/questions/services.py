"""Changes to questions: answers, thread messages, the day's choice, favourites."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from tending.couples import events
from tending.practices.services import (
    PracticeError,
    clean_text,
    couple_or_error,
)
from tending.questions import decks
from tending.questions.models import (
    ANSWER_MAX_LENGTH,
    MESSAGE_MAX_LENGTH,
    Answer,
    FavouriteQuestion,
    QuestionDay,
    QuestionMessage,
)
from tending.questions.schedule import couple_day, daily_question_id, question_after


def _known_question(question_id: str) -> decks.Question:
    try:
        return decks.question_by_id(question_id)
    except KeyError:
        raise PracticeError("That question does not exist. Please pick one from a deck.") from None


def revealed(couple, question_id: str) -> bool:
    return Answer.objects.filter(couple=couple, question_id=question_id).count() >= 2


@transaction.atomic
def answer_question(*, user, question_id: str, text: str) -> Answer:
    """Save or change my private answer; it cannot change once both answers are revealed."""
    couple, _ = couple_or_error(user, "Questions are answered together. Invite your partner first.")
    _known_question(question_id)
    text = clean_text(text, limit=ANSWER_MAX_LENGTH, what="your answer")
    answers = list(
        Answer.objects.select_for_update().filter(couple=couple, question_id=question_id)
    )
    mine = next((answer for answer in answers if answer.user_id == user.pk), None)
    if len(answers) >= 2:
        raise PracticeError(
            "Both answers are already revealed, so yours stays as it is. "
            "You can add to the conversation below them."
        )
    if mine is None:
        mine = Answer.objects.create(couple=couple, question_id=question_id, user=user, text=text)
        events.announce(
            kind="question",
            actor=user,
            couple=couple,
            occasion=f"question-{question_id}",
            detail={"revealed": len(answers) == 1},
        )
        return mine
    mine.text = text
    mine.save(update_fields=["text", "updated_at"])
    return mine


@transaction.atomic
def post_question_message(*, user, question_id: str, text: str) -> QuestionMessage:
    """Add to the two-person thread under a question whose answers are revealed."""
    couple, _ = couple_or_error(user)
    _known_question(question_id)
    text = clean_text(text, limit=MESSAGE_MAX_LENGTH, what="a message")
    if not revealed(couple, question_id):
        raise PracticeError("The conversation opens once you have both answered.")
    message = QuestionMessage.objects.create(
        couple=couple, question_id=question_id, author=user, text=text
    )
    events.changed(couple)
    return message


@transaction.atomic
def pick_question(*, user, question_id: str, now: dt.datetime | None = None) -> QuestionDay:
    """Make this question today's question for both partners."""
    couple, partner = couple_or_error(user)
    _known_question(question_id)
    day = couple_day(user, partner, now)
    choice, _ = QuestionDay.objects.update_or_create(
        couple=couple, day=day, defaults={"question_id": question_id, "chosen_by": user}
    )
    events.changed(couple)
    return choice


@transaction.atomic
def skip_question(*, user, now: dt.datetime | None = None) -> QuestionDay:
    """Move today's question on to the next one, for both partners."""
    couple, partner = couple_or_error(user)
    day = couple_day(user, partner, now)
    choice = QuestionDay.objects.select_for_update().filter(couple=couple, day=day).first()
    current = choice.question_id if choice else daily_question_id(couple.pk, day)
    following = question_after(current)
    events.changed(couple)
    if choice is None:
        return QuestionDay.objects.create(
            couple=couple, day=day, question_id=following, chosen_by=user, skips=1
        )
    choice.question_id = following
    choice.chosen_by = user
    choice.skips += 1
    choice.save(update_fields=["question_id", "chosen_by", "skips", "updated_at"])
    return choice


def toggle_favourite(*, user, question_id: str) -> bool:
    """Save or unsave a question; returns whether it is now saved."""
    _known_question(question_id)
    deleted, _ = FavouriteQuestion.objects.filter(user=user, question_id=question_id).delete()
    if deleted:
        return False
    FavouriteQuestion.objects.get_or_create(user=user, question_id=question_id)
    return True
