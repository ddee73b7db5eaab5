"""Who may open which question, for views and API routes."""

from dataclasses import dataclass

from django.http import Http404

from tending.couples.selectors import couple_and_partner
from tending.questions import decks


@dataclass(frozen=True)
class CoupleQuestion:
    """A question as one couple's: theirs to answer and talk about together."""

    couple: object
    partner: object
    question: decks.Question


def question_for_couple(user, question_id: str) -> CoupleQuestion:
    """The question for the person's current couple, or 404 when unpaired or unknown."""
    couple, partner = couple_and_partner(user)
    if couple is None:
        raise Http404("No partner")
    try:
        question = decks.question_by_id(question_id)
    except KeyError:
        raise Http404("Unknown question") from None
    return CoupleQuestion(couple, partner, question)
