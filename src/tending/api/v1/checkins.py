"""Check-ins: today's (read, create, edit), history, the partner's shared day, responses
and the turned-toward count. Visibility is the checkins app's: the selectors decide."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal, Union

from django.http import Http404
from ninja import Body, Field, Router, Schema
from ninja.responses import Status
from pydantic import create_model, model_validator

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
from tending.checkins import access, selectors, services
from tending.checkins.feelings import EMOTION_WORDS, NEED_LABELS, NOTHING
from tending.checkins.models import MESSAGE_MAX_LENGTH, NOTE_MAX_LENGTH, CheckIn, Response
from tending.core.calendar import week_start
from tending.core.timezones import local_today
from tending.couples.selectors import couple_and_partner
from tending.safety.screening import page_for, read_texts

router = Router(tags=["check-ins"])

Emotion = Literal[tuple(sorted(EMOTION_WORDS))]  # type: ignore[valid-type]
Need = Literal[tuple(NEED_LABELS)]  # type: ignore[valid-type]
Scale = Field(ge=1, le=5)
NOTHING_ALONE = {
    "not": {
        "allOf": [
            {"contains": {"const": NOTHING}},
            {"contains": {"not": {"const": NOTHING}}},
        ]
    },
    "description": "What would help today; “nothing” stands alone.",
}


class Sharing(Schema):
    numbers: bool
    emotions: bool
    needs: bool
    note: bool


class ResponseOut(Schema):
    id: int
    checkin_id: int
    kind: Literal[tuple(Response.Kind.values)]  # type: ignore[valid-type]
    text: str
    sent_by_me: bool
    responder_name: str
    created_at: dt.datetime


class CheckInOut(Schema):
    """A check-in as the caller may see it: parts the owner keeps private are null."""

    id: int
    local_date: dt.date
    mine: bool
    owner_name: str
    mood: int | None
    stress: int | None
    energy: int | None
    connection: int | None
    sleep_hours: float | None
    emotions: list[str]
    needs: list[str]
    note: str | None
    sharing: Sharing | None = Field(description="What the partner sees; only on your own.")
    asks_for_help: bool
    responses: list[ResponseOut]


class CheckInSaved(CheckInOut):
    safety_url: str | None = Field(
        description="Tending's calm safety page, when the note suggests someone may be at "
        "risk: show it to the person."
    )


class CheckInPage(Page):
    items: list[CheckInOut]


class CheckInIn(Strict):
    mood: Whole = Scale
    stress: Whole = Scale
    energy: Whole = Scale
    connection: Whole = Scale
    sleep_hours: float | None = Field(None, ge=0, le=14, multiple_of=0.5)
    emotions: list[Emotion] = Field(default_factory=list, max_length=64)
    needs: list[Need] = Field(default_factory=list, max_length=7, json_schema_extra=NOTHING_ALONE)
    note: str = Field("", max_length=NOTE_MAX_LENGTH)
    share_numbers: bool = True
    share_emotions: bool = True
    share_needs: bool = True
    share_note: bool = False

    @model_validator(mode="after")
    def nothing_alone(self):
        if NOTHING in self.needs and len(set(self.needs)) > 1:
            raise ValueError("“nothing” cannot be combined with other needs.")
        return self


class CheckInPatch(CheckInIn):
    """Only the fields sent change."""

    mood: Whole = Field(None, ge=1, le=5)  # type: ignore[assignment]
    stress: Whole = Field(None, ge=1, le=5)  # type: ignore[assignment]
    energy: Whole = Field(None, ge=1, le=5)  # type: ignore[assignment]
    connection: Whole = Field(None, ge=1, le=5)  # type: ignore[assignment]


def _quick_response_model(kind: Response.Kind) -> type[Strict]:
    """The body of one kind of one-tap response. Each kind has a schema of its own, so the
    OpenAPI discriminator maps every value of ``kind`` to exactly one schema."""
    return create_model(
        f"{kind.name.title().replace('_', '')}ResponseIn",
        __base__=Strict,
        __doc__=f"A one-tap response: “{kind.label}”.",
        kind=(Literal[kind.value], ...),  # type: ignore[valid-type]
    )


class MessageResponseIn(Strict):
    """A few words of your own."""

    kind: Literal["message"]
    message: Text(MESSAGE_MAX_LENGTH)  # type: ignore[valid-type]


QUICK_RESPONSES = tuple(
    _quick_response_model(kind) for kind in Response.Kind if kind != Response.Kind.MESSAGE
)
ResponseIn = Annotated[
    Union[(*QUICK_RESPONSES, MessageResponseIn)],  # noqa: UP007
    Field(discriminator="kind"),
]


class TurnedToward(Schema):
    week_start: dt.date
    turned_toward: int = Field(description="Requests answered within a day, this week.")


def response_out(response: Response, user) -> dict:
    return {
        "id": response.pk,
        "checkin_id": response.checkin_id,
        "kind": response.kind,
        "text": response.text,
        "sent_by_me": response.responder_id == user.pk,
        "responder_name": str(response.responder),
        "created_at": local(response.created_at, user),
    }


def checkin_out(view: selectors.CheckInView, user) -> dict:
    numbers = {reading.key: reading.value for reading in view.scales}
    return {
        "id": view.checkin_id,
        "local_date": view.local_date,
        "mine": view.is_mine,
        "owner_name": view.owner_name,
        **{key: numbers.get(key) for key in ("mood", "stress", "energy", "connection")},
        "sleep_hours": float(view.sleep_hours) if view.sleep_hours is not None else None,
        "emotions": list(view.emotions),
        "needs": list(view.needs),
        "note": view.note if view.is_mine or view.note else None,
        "sharing": view.sharing or None,
        "asks_for_help": view.asks_for_help,
        "responses": [response_out(response, user) for response in view.responses],
    }


def _today_view(user) -> selectors.CheckInView | None:
    mine = selectors.todays_checkin(user)
    if mine is None:
        return None
    couple, _ = couple_and_partner(user)
    return selectors.view_of(mine, viewer=user, responses=selectors.responses_on(mine, couple))


def _saved(request, checkin: CheckIn) -> dict:
    view = _today_view(request.auth)
    page = page_for(read_texts(checkin.note))
    return {
        **checkin_out(view, request.auth),
        "safety_url": request.build_absolute_uri(page) if page else None,
    }


def _to_input(data: dict) -> services.CheckInInput:
    sleep = data.get("sleep_hours")
    return services.CheckInInput(
        **{key: data[key] for key in ("mood", "stress", "energy", "connection", "note")},
        sleep_hours=Decimal(str(sleep)) if sleep is not None else None,
        emotions=tuple(data["emotions"]),
        needs=tuple(data["needs"]),
        **{key: data[key] for key in ("share_numbers", "share_emotions", "share_needs")},
        share_note=data["share_note"],
    )


def _save(user, data: dict) -> CheckIn:
    try:
        return services.save_checkin(user=user, data=_to_input(data))
    except services.CheckInError as error:
        raise conflict(str(error)) from error


@router.get(
    "/checkins/today",
    response={200: CheckInOut, **ERRORS_404},
    summary="Today's check-in",
    description="Your check-in of your own local today, with your partner's responses; "
    "404 when you have not checked in today.",
)
def read_todays_checkin(request):
    view = _today_view(request.auth)
    if view is None:
        raise Http404("You have not checked in today.")
    return checkin_out(view, request.auth)


@router.post(
    "/checkins/today",
    auth=WRITE,
    response={201: CheckInSaved, **ERRORS_409},
    summary="Check in today",
    description="Create today's check-in; 409 when there is one already (edit it with PATCH).",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def create_todays_checkin(request, payload: CheckInIn):
    if selectors.todays_checkin(request.auth) is not None:
        raise conflict("You have checked in today already: edit it with PATCH.")
    return Status(201, _saved(request, _save(request.auth, payload.model_dump())))


@router.patch(
    "/checkins/today",
    auth=WRITE,
    response={200: CheckInSaved, **ERRORS_404_409},
    summary="Edit today's check-in",
    description="Change the parts sent; a check-in can be edited on its own day only.",
)
def edit_todays_checkin(request, payload: CheckInPatch):
    today = selectors.todays_checkin(request.auth)
    if today is None:
        raise Http404("You have not checked in today: create it with POST.")
    current = selectors.initial_checkin_input(request.auth, today)
    current["sleep_hours"] = today.sleep_hours
    changes = payload.model_dump(exclude_unset=True)
    merged = {**current, **changes}
    return _saved(request, _save(request.auth, merged))


@router.get(
    "/checkins",
    response={200: CheckInPage, **ERRORS},
    summary="Check-in history",
    description="Your check-ins and the ones your partner shared with you since you became "
    "a couple, newest first.",
)
def list_checkins(request, page: PageParams):
    user = request.auth
    couple, partner = couple_and_partner(user)
    queryset = selectors.history_page_queryset(user, couple, partner=partner)
    checkins, next_cursor = keyset_page(queryset, page=page, field="local_date", by_day=True)
    views = selectors.history_views(checkins, viewer=user, couple=couple)
    return {"items": [checkin_out(view, user) for view in views], "next_cursor": next_cursor}


@router.get(
    "/partner/today",
    response={200: CheckInOut, **ERRORS_404},
    summary="My partner's shared day",
    description="Your partner's check-in of their own today, with only the parts they "
    "share; 404 when you are not paired or they have not checked in.",
)
def read_partners_day(request):
    couple, partner = couple_and_partner(request.auth)
    view = selectors.partner_today(viewer=request.auth, couple=couple, partner=partner)
    if view is None:
        raise Http404("Your partner has not checked in today, or you are not paired.")
    return checkin_out(view, request.auth)


@router.post(
    "/checkins/{checkin_id}/responses",
    auth=WRITE,
    response={201: ResponseOut, **ERRORS_404_409},
    summary="Respond to my partner's check-in",
    description="Answer your partner's request with a one-tap response or a few words; 409 "
    "when the check-in asks for nothing.",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def send_response(request, checkin_id: int, payload: Body[ResponseIn]):  # type: ignore[valid-type]
    checkin = access.partner_checkin_for(request.auth, checkin_id)
    try:
        response = services.respond_to_checkin(
            responder=request.auth,
            checkin=checkin,
            kind=payload.kind,
            message=getattr(payload, "message", ""),
        )
    except services.CheckInError as error:
        raise conflict(str(error)) from error
    return Status(201, response_out(response, request.auth))


class ResponsePage(Page):
    items: list[ResponseOut]


@router.get(
    "/responses",
    response={200: ResponsePage, **ERRORS},
    summary="Responses",
    description="Responses in your current couple, newest first: those your partner sent "
    "to your check-ins (`received`) or those you sent (`sent`).",
)
def list_responses(request, page: PageParams, direction: Literal["received", "sent"] = "received"):
    couple, _ = couple_and_partner(request.auth)
    queryset = selectors.responses_in_couple(request.auth, couple, received=direction == "received")
    answers, next_cursor = keyset_page(queryset, page=page, field="created_at", by_day=False)
    return {
        "items": [response_out(answer, request.auth) for answer in answers],
        "next_cursor": next_cursor,
    }


@router.get(
    "/turned-toward",
    response={200: TurnedToward, **ERRORS},
    summary="Turned toward this week",
    description="How many requests in your couple were answered within 24 hours this week.",
)
def read_turned_toward(request):
    couple, _ = couple_and_partner(request.auth)
    return {
        "week_start": week_start(local_today(request.auth)),
        "turned_toward": selectors.turned_toward_this_week(couple, viewer=request.auth),
    }
