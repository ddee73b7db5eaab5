"""The couple's question of the day: answers revealed only once both have answered, and
the thread under revealed answers. What may be seen is the questions app's to decide."""

import datetime as dt

from django.http import Http404
from ninja import Field, Path, Router, Schema
from ninja.responses import Status

from tending.api.auth import WRITE
from tending.api.conventions import (
    ERRORS_404,
    ERRORS_404_409,
    Page,
    PageParams,
    Strict,
    Text,
    conflict,
    keyset_page,
    local,
)
from tending.api.idempotency import idempotent
from tending.api.openapi import IDEMPOTENT
from tending.couples.selectors import couple_and_partner
from tending.practices.services import PracticeError
from tending.questions import selectors, services
from tending.questions.access import question_for_couple
from tending.questions.models import ANSWER_MAX_LENGTH, MESSAGE_MAX_LENGTH, QuestionMessage

router = Router(tags=["questions"])
QUESTION_ID = r"^[-a-zA-Z0-9_]+$"


class QuestionOut(Schema):
    id: str
    text: str
    deck_key: str
    deck_title: str
    is_today: bool
    my_answer: str | None = Field(description="Your answer, or null before you answer.")
    partner_answered: bool
    revealed: bool = Field(description="True once you have both answered.")
    partner_answer: str | None = Field(description="Your partner's answer, once revealed.")


class AnswerIn(Strict):
    text: Text(ANSWER_MAX_LENGTH)  # type: ignore[valid-type]


class MessageIn(Strict):
    text: Text(MESSAGE_MAX_LENGTH)  # type: ignore[valid-type]


class MessageOut(Schema):
    id: int
    text: str
    written_by_me: bool
    author_name: str
    created_at: dt.datetime


class ThreadPage(Page):
    revealed: bool
    items: list[MessageOut]


def question_out(view: selectors.QuestionView) -> dict:
    return {
        "id": view.question.id,
        "text": view.question.text,
        "deck_key": view.question.deck_key,
        "deck_title": view.deck_title,
        "is_today": view.is_today,
        "my_answer": view.my_answer or None,
        "partner_answered": view.partner_answered,
        "revealed": view.revealed,
        "partner_answer": view.partner_answer if view.revealed else None,
    }


def message_out(message: QuestionMessage, user) -> dict:
    return {
        "id": message.pk,
        "text": message.text,
        "written_by_me": message.author_id == user.pk,
        "author_name": str(message.author),
        "created_at": local(message.created_at, user),
    }


def _view(user, couple, partner, question_id: str) -> selectors.QuestionView:
    today = selectors.todays_question_id(couple, user, partner=partner)
    view = selectors.question_view(
        viewer=user,
        couple=couple,
        question_id=question_id,
        with_thread=False,
        is_today=question_id == today,
    )
    if view is None:
        raise Http404("There is no such question.")
    return view


@router.get(
    "/questions/today",
    response={200: QuestionOut, **ERRORS_404},
    summary="Today's question",
    description="Your couple's question of the day and where you both are with it; 404 "
    "when you are not paired.",
)
def read_todays_question(request):
    couple, partner = couple_and_partner(request.auth)
    if couple is None:
        raise Http404("Questions are for two: invite your partner first.")
    question_id = selectors.todays_question_id(couple, request.auth, partner=partner)
    return question_out(_view(request.auth, couple, partner, question_id))


@router.get(
    "/questions/{question_id}",
    response={200: QuestionOut, **ERRORS_404},
    summary="A question",
)
def read_question(request, question_id: str = Path(..., pattern=QUESTION_ID, max_length=80)):
    found = question_for_couple(request.auth, question_id)
    return question_out(_view(request.auth, found.couple, found.partner, question_id))


@router.put(
    "/questions/{question_id}/answer",
    auth=WRITE,
    response={200: QuestionOut, **ERRORS_404_409},
    summary="Answer a question",
    description="Write or change your private answer; it is shown to your partner once you "
    "have both answered, and cannot change after that (409).",
)
def answer_question(
    request, payload: AnswerIn, question_id: str = Path(..., pattern=QUESTION_ID, max_length=80)
):
    found = question_for_couple(request.auth, question_id)
    try:
        services.answer_question(user=request.auth, question_id=question_id, text=payload.text)
    except PracticeError as error:
        raise conflict(str(error)) from error
    return question_out(_view(request.auth, found.couple, found.partner, question_id))


@router.get(
    "/questions/{question_id}/thread",
    response={200: ThreadPage, **ERRORS_404},
    summary="The thread under a question",
    description="Your conversation under revealed answers, newest first; empty until you "
    "have both answered.",
)
def list_thread(
    request, page: PageParams, question_id: str = Path(..., pattern=QUESTION_ID, max_length=80)
):
    found = question_for_couple(request.auth, question_id)
    revealed = services.revealed(found.couple, question_id)
    if not revealed:
        return {"revealed": False, "items": [], "next_cursor": None}
    queryset = selectors.thread_messages(found.couple, question_id)
    messages, next_cursor = keyset_page(queryset, page=page, field="created_at", by_day=False)
    return {
        "revealed": True,
        "items": [message_out(message, request.auth) for message in messages],
        "next_cursor": next_cursor,
    }


@router.post(
    "/questions/{question_id}/thread",
    auth=WRITE,
    response={201: MessageOut, **ERRORS_404_409},
    summary="Add to the thread",
    description="Add a message under revealed answers; 409 until you have both answered.",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def post_to_thread(
    request, payload: MessageIn, question_id: str = Path(..., pattern=QUESTION_ID, max_length=80)
):
    question_for_couple(request.auth, question_id)
    try:
        message = services.post_question_message(
            user=request.auth, question_id=question_id, text=payload.text
        )
    except PracticeError as error:
        raise conflict(str(error)) from error
    return Status(201, message_out(message, request.auth))
