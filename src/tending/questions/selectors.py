"""Reads for questions. A partner's answer leaves here only once both have answered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import CharField, DateField, Exists, Subquery
from django.db.models.functions import Coalesce

from tending.core.statements import Bound
from tending.questions import decks
from tending.questions.models import Answer, FavouriteQuestion, QuestionDay, QuestionMessage
from tending.questions.schedule import couple_day, daily_question_id

EARLIER_QUESTIONS = 30


@dataclass(frozen=True)
class QuestionView:
    """One question as the viewer may see it: the partner's words only once revealed."""

    question: decks.Question
    deck_title: str
    my_answer: str
    partner_answered: bool
    revealed: bool
    partner_answer: str = ""
    messages: tuple[QuestionMessage, ...] = ()
    is_favourite: bool = False
    is_today: bool = False

    @property
    def i_answered(self) -> bool:
        return bool(self.my_answer)


def todays_question_id(couple, user, *, partner, now: dt.datetime | None = None) -> str:
    day = couple_day(user, partner, now)
    chosen = QuestionDay.objects.filter(couple=couple, day=day).values_list(
        "question_id", flat=True
    )[:1]
    return next(iter(chosen), None) or daily_question_id(couple.pk, day)


def _deck_title(question: decks.Question) -> str:
    deck = decks.load_decks().get(question.deck_key)
    return deck.title if deck else ""


def question_view(
    *,
    viewer,
    couple,
    question_id: str,
    with_thread: bool = True,
    is_today: bool = False,
    is_favourite: bool = False,
) -> QuestionView | None:
    """The viewer's view of a question for their couple, or None for an unknown question.

    Whether it is one of the viewer's favourites comes from the caller, who reads them once
    for the whole page (``favourite_questions``)."""
    try:
        question = decks.question_by_id(question_id)
    except KeyError:
        return None
    answers = list(
        Answer.objects.filter(couple=couple, question_id=question_id).only("user_id", "text")
    )
    mine = next((a for a in answers if a.user_id == viewer.pk), None)
    theirs = next((a for a in answers if a.user_id != viewer.pk), None)
    both = mine is not None and theirs is not None
    messages: tuple[QuestionMessage, ...] = ()
    if both and with_thread:
        messages = tuple(
            QuestionMessage.objects.filter(couple=couple, question_id=question_id).select_related(
                "author"
            )
        )
    return QuestionView(
        question=question,
        deck_title=_deck_title(question),
        my_answer=mine.text if mine else "",
        partner_answered=theirs is not None,
        revealed=both,
        partner_answer=theirs.text if both and theirs is not None else "",
        messages=messages,
        is_favourite=is_favourite,
        is_today=is_today,
    )


@dataclass(frozen=True)
class QuestionStatus:
    """Where the two of you are with a question, without the words of either answer."""

    question: decks.Question
    i_answered: bool
    partner_answered: bool

    @property
    def revealed(self) -> bool:
        return self.i_answered and self.partner_answered


def todays_question(viewer, couple, *, partner, now: dt.datetime | None = None):
    """Today's question for the home and practices cards: where you both are with it, in
    two queries, decrypting no answer (the cards show none)."""
    if couple is None:
        return None
    question_id = todays_question_id(couple, viewer, partner=partner, now=now)
    try:
        question = decks.question_by_id(question_id)
    except KeyError:
        return None
    answered_by = set(
        Answer.objects.filter(couple=couple, question_id=question_id).values_list(
            "user_id", flat=True
        )
    )
    return QuestionStatus(
        question,
        i_answered=viewer.pk in answered_by,
        partner_answered=bool(answered_by - {viewer.pk}),
    )


def earlier_questions(viewer, couple, *, besides: str) -> list[QuestionStatus]:
    """Questions either partner has answered, most recent first, other than the one
    ``besides`` that the page already shows."""
    rows = (
        Answer.objects.filter(couple=couple)
        .exclude(question_id=besides)
        .order_by("-created_at")
        .values_list("question_id", "user_id")[: EARLIER_QUESTIONS * 2]
    )
    seen: dict[str, dict[str, bool]] = {}
    for question_id, user_id in rows:
        entry = seen.setdefault(question_id, {"mine": False, "theirs": False})
        entry["mine" if user_id == viewer.pk else "theirs"] = True
    result = []
    for question_id, entry in list(seen.items())[:EARLIER_QUESTIONS]:
        try:
            question = decks.question_by_id(question_id)
        except KeyError:
            continue
        result.append(QuestionStatus(question, entry["mine"], entry["theirs"]))
    return result


def favourite_questions(viewer) -> list[decks.Question]:
    ids = FavouriteQuestion.objects.filter(user=viewer).values_list("question_id", flat=True)
    questions = []
    for question_id in ids:
        try:
            questions.append(decks.question_by_id(question_id))
        except KeyError:
            continue
    return questions


def favourite_ids(viewer) -> set[str]:
    return set(FavouriteQuestion.objects.filter(user=viewer).values_list("question_id", flat=True))


def _todays_question_day(run) -> dt.date:
    return couple_day(run["viewer"], run["partner"], run["now"])


def _todays_daily_question_id(run) -> str:
    return daily_question_id(run["couple"].pk, _todays_question_day(run))


def home_facts(*, viewer, couple, partner, now) -> dict:
    """Today's question, the viewer's answer and whether the partner answered: the home card
    says only who has answered, so it reads none of the partner's words."""
    if couple is None:
        return {}
    day = Bound(_todays_question_day, DateField())
    chosen = QuestionDay.objects.filter(couple=couple, day=day).values("question_id")
    question_id = Coalesce(
        Subquery(chosen), Bound(_todays_daily_question_id, CharField()), output_field=CharField()
    )
    answers = Answer.objects.filter(couple=couple, question_id=question_id)
    return {
        "todays_question_id": question_id,
        "my_todays_answer": Subquery(answers.filter(user=viewer).values("text")[:1]),
        "partner_answered_todays_question": Exists(answers.exclude(user=viewer)),
    }


def home_cards(*, viewer, couple, partner, facts) -> dict:
    """Today's question, answered or not, for a couple, from the facts alone."""
    if couple is None:
        return {"todays_question": None}
    try:
        question = decks.question_by_id(facts["todays_question_id"])
    except KeyError:
        return {"todays_question": None}
    my_answer = facts["my_todays_answer"] or ""
    partner_answered = bool(facts["partner_answered_todays_question"])
    view = QuestionView(
        question=question,
        deck_title=_deck_title(question),
        my_answer=my_answer,
        partner_answered=partner_answered,
        revealed=bool(my_answer) and partner_answered,
        is_today=True,
    )
    return {"todays_question": view}


def practice_cards(*, viewer, couple, partner) -> dict:
    """Today's question, answered or not, for a couple."""
    return {"todays_question": todays_question(viewer, couple, partner=partner)}


def thread_messages(couple, question_id: str):
    """The thread under a question, newest first, with each message's author."""
    return (
        QuestionMessage.objects.filter(couple=couple, question_id=question_id)
        .select_related("author")
        .order_by("-created_at", "-pk")
    )
