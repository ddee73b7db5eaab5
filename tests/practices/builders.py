"""Builders for practice records in tests."""

from tending.couples.selectors import active_couple_for
from tending.practices import services
from tending.practices.models import Conversation


def answer(user, question_id: str, text: str):
    return services.answer_question(user=user, question_id=question_id, text=text)


def conversation(user, kind=Conversation.Kind.STRESS, **options) -> Conversation:
    return services.start_conversation(user=user, kind=kind, **options)


def couple_of(user):
    return active_couple_for(user)
