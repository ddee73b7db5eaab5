"""Practices for two: appreciations, rituals of connection and the state of a guided
conversation. Each app's access functions and selectors decide who sees what."""

import datetime as dt
from typing import Literal

from django.http import Http404
from ninja import Field, Router, Schema
from ninja.responses import Status

from tending.api.auth import WRITE
from tending.api.conventions import (
    ERRORS,
    ERRORS_404,
    ERRORS_404_409,
    ERRORS_409,
    Page,
    PageParams,
    Strict,
    Text,
    Whole,
    conflict,
    keyset_page,
    local,
)
from tending.api.idempotency import idempotent
from tending.api.openapi import IDEMPOTENT
from tending.appreciations import selectors as appreciation_selectors
from tending.appreciations import services as appreciation_services
from tending.appreciations.access import appreciation_received_by
from tending.appreciations.models import APPRECIATION_MAX_LENGTH, Appreciation
from tending.conversations import selectors as conversation_selectors
from tending.couples.selectors import couple_and_partner
from tending.practices.services import PracticeError
from tending.rituals import services as ritual_services
from tending.rituals.access import live_ritual_for_couple
from tending.rituals.models import RITUAL_TITLE_MAX_LENGTH, Ritual
from tending.rituals.selectors import ritual_views

router = Router(tags=["practices"])

Reaction = Literal[tuple(Appreciation.Reaction.values)]  # type: ignore[valid-type]


class AppreciationOut(Schema):
    id: int
    text: str
    received: bool = Field(description="True for one your partner wrote to you.")
    author_name: str
    reaction: Reaction | None
    reacted_at: dt.datetime | None
    created_at: dt.datetime


class AppreciationPage(Page):
    items: list[AppreciationOut]


class AppreciationIn(Strict):
    text: Text(APPRECIATION_MAX_LENGTH)  # type: ignore[valid-type]


class ReactionIn(Strict):
    reaction: Reaction


def appreciation_out(appreciation: Appreciation, user) -> dict:
    return {
        "id": appreciation.pk,
        "text": appreciation.text,
        "received": appreciation.recipient_id == user.pk,
        "author_name": str(appreciation.author),
        "reaction": appreciation.reaction or None,
        "reacted_at": local(appreciation.reacted_at, user),
        "created_at": local(appreciation.created_at, user),
    }


@router.get(
    "/appreciations",
    response={200: AppreciationPage, **ERRORS},
    summary="Appreciations",
    description="What your partner appreciated in you (`received`) or you in them (`given`), "
    "in your current couple, newest first.",
)
def list_appreciations(
    request, page: PageParams, direction: Literal["received", "given"] = "received"
):
    couple, _ = couple_and_partner(request.auth)
    queryset = appreciation_selectors.appreciations_in_couple(
        request.auth, couple, received=direction == "received"
    )
    found, next_cursor = keyset_page(queryset, page=page, field="created_at", by_day=False)
    return {
        "items": [appreciation_out(item, request.auth) for item in found],
        "next_cursor": next_cursor,
    }


@router.post(
    "/appreciations",
    auth=WRITE,
    response={201: AppreciationOut, **ERRORS_409},
    summary="Appreciate my partner",
    description="Send “I appreciate you for…” to your partner; 409 when you are not paired.",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def send_appreciation(request, payload: AppreciationIn):
    try:
        sent = appreciation_services.send_appreciation(author=request.auth, text=payload.text)
    except PracticeError as error:
        raise conflict(str(error)) from error
    return Status(201, appreciation_out(sent, request.auth))


@router.put(
    "/appreciations/{appreciation_id}/reaction",
    auth=WRITE,
    response={200: AppreciationOut, **ERRORS_404},
    summary="React to an appreciation",
)
def react_to_appreciation(request, appreciation_id: int, payload: ReactionIn):
    appreciation = appreciation_received_by(request.auth, appreciation_id)
    reacted = appreciation_services.react_to_appreciation(
        user=request.auth, appreciation_id=appreciation.pk, reaction=payload.reaction
    )
    reacted.author = appreciation.author
    return appreciation_out(reacted, request.auth)


class RitualOut(Schema):
    id: int
    title: str
    why: str
    rhythm: Literal[tuple(Ritual.Rhythm.values)]  # type: ignore[valid-type]
    times_per_period: int
    progress: str = Field(description="This week's progress, in words.")
    streak: str = Field(description="Weeks in a row as planned, once there are two or more.")
    done_for_now: bool
    i_marked_today: bool
    last_marked_by: str


class RitualIn(Strict):
    title: Text(RITUAL_TITLE_MAX_LENGTH)  # type: ignore[valid-type]
    rhythm: Literal[tuple(Ritual.Rhythm.values)]  # type: ignore[valid-type]
    times_per_period: Whole = Field(1, ge=1, le=ritual_services.MAX_TIMES_PER_PERIOD)


def _ritual_out(user, ritual_id: int) -> dict:
    couple, _ = couple_and_partner(user)
    view = next(view for view in ritual_views(user, couple) if view.ritual.pk == ritual_id)
    return ritual_out(view)


def ritual_out(view) -> dict:
    ritual = view.ritual
    return {
        "id": ritual.pk,
        "title": ritual.title,
        "why": ritual.why,
        "rhythm": ritual.rhythm,
        "times_per_period": ritual.times_per_period,
        "progress": view.progress,
        "streak": view.streak,
        "done_for_now": view.done_for_now,
        "i_marked_today": view.i_marked_today,
        "last_marked_by": view.last_marked_by,
    }


@router.get(
    "/rituals",
    response={200: list[RitualOut], **ERRORS},
    summary="Rituals of connection",
    description="Your couple's rituals with this week's progress; empty when not paired.",
)
def list_rituals(request):
    couple, _ = couple_and_partner(request.auth)
    return [ritual_out(view) for view in ritual_views(request.auth, couple)]


@router.post(
    "/rituals",
    auth=WRITE,
    response={201: RitualOut, **ERRORS_409},
    summary="Add a ritual",
    description="Add a ritual for both of you; 409 when you are not paired or have one "
    "with that name.",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def add_ritual(request, payload: RitualIn):
    try:
        ritual = ritual_services.add_ritual(user=request.auth, **payload.model_dump())
    except PracticeError as error:
        raise conflict(str(error)) from error
    return Status(201, _ritual_out(request.auth, ritual.pk))


@router.post(
    "/rituals/{ritual_id}/done",
    auth=WRITE,
    response={200: RitualOut, **ERRORS_404_409},
    summary="Mark a ritual done",
    description="Mark it done today; 409 when it is already done as often as planned.",
)
def mark_ritual_done(request, ritual_id: int):
    ritual = live_ritual_for_couple(request.auth, ritual_id)
    try:
        ritual_services.mark_ritual_done(user=request.auth, ritual_id=ritual.pk)
    except PracticeError as error:
        raise conflict(str(error)) from error
    return _ritual_out(request.auth, ritual.pk)


@router.delete(
    "/rituals/{ritual_id}/done",
    auth=WRITE,
    response={200: RitualOut, **ERRORS_404_409},
    summary="Take back today's mark",
    description="Take back your latest mark of today; 409 when there is none.",
)
def undo_ritual_done(request, ritual_id: int):
    ritual = live_ritual_for_couple(request.auth, ritual_id)
    try:
        ritual_services.undo_ritual_done(user=request.auth, ritual_id=ritual.pk)
    except PracticeError as error:
        raise conflict(str(error)) from error
    return _ritual_out(request.auth, ritual.pk)


@router.delete(
    "/rituals/{ritual_id}",
    auth=WRITE,
    response={204: None, **ERRORS_404},
    summary="Set a ritual aside",
    description="Stop a ritual for both of you; the times it was done stay in your history.",
)
def stop_ritual(request, ritual_id: int):
    ritual = live_ritual_for_couple(request.auth, ritual_id)
    ritual_services.stop_ritual(user=request.auth, ritual_id=ritual.pk)
    return Status(204, None)


class AgendaItemOut(Schema):
    field: str
    title: str
    notes: str
    is_current: bool


class ConversationOut(Schema):
    id: int
    kind: str
    status: str
    turn_number: int
    speaker_name: str | None
    listener_name: str | None
    i_speak: bool
    is_last_turn: bool
    turn_seconds: int
    seconds_left: int | None
    turn_ends_at: dt.datetime | None
    agenda: list[AgendaItemOut]
    created_at: dt.datetime


@router.get(
    "/conversations/current",
    response={200: ConversationOut, **ERRORS_404},
    summary="The guided conversation under way",
    description="Where your couple's open guided conversation stands, for a second screen; "
    "404 when there is none.",
)
def read_current_conversation(request):
    couple, _ = couple_and_partner(request.auth)
    conversation = conversation_selectors.open_conversation(couple)
    if conversation is None:
        raise Http404("No guided conversation is under way.")
    view = conversation_selectors.conversation_view(conversation, request.auth)
    return {
        "id": conversation.pk,
        "kind": conversation.kind,
        "status": conversation.status,
        "turn_number": view.turn_number,
        "speaker_name": str(view.speaker) if view.speaker else None,
        "listener_name": str(view.listener) if view.listener else None,
        "i_speak": view.viewer_speaks,
        "is_last_turn": view.is_last_turn,
        "turn_seconds": conversation.turn_seconds,
        "seconds_left": view.seconds_left,
        "turn_ends_at": local(view.turn_ends_at, request.auth),
        "agenda": [vars(item) for item in view.agenda],
        "created_at": local(conversation.created_at, request.auth),
    }
