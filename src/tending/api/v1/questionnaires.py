"""Questionnaires: the instruments with their published wording and licence, submitting
answers, one's own results and what each shares, and what the partner chose to share."""

import datetime as dt
from typing import Annotated, Literal, Union

from django.urls import reverse
from ninja import Body, Field, Router, Schema
from ninja.responses import Status
from pydantic import BeforeValidator, create_model

from tending.api.auth import WRITE
from tending.api.conventions import (
    ERRORS,
    ERRORS_404,
    Page,
    PageParams,
    Strict,
    keyset_page,
    local,
    whole_number,
)
from tending.api.idempotency import idempotent
from tending.api.openapi import IDEMPOTENT
from tending.assessments import access, scoring, selectors, services
from tending.assessments.models import Result, Sharing

router = Router(tags=["questionnaires"])

INSTRUMENTS = selectors.instruments()
Key = Literal[tuple(instrument.key for instrument in INSTRUMENTS)]  # type: ignore[valid-type]
SharingChoice = Literal[tuple(Sharing.values)]  # type: ignore[valid-type]


class OptionOut(Schema):
    value: int
    label: str


class ItemOut(Schema):
    number: int
    text: str
    options: list[OptionOut]
    required: bool
    scored: bool


class BandOut(Schema):
    key: str
    min: int
    max: int
    label: str
    meaning: str
    level: str


class LicenceOut(Schema):
    text: str
    note: str


class QuestionnaireOut(Schema):
    key: str
    name: str
    short_name: str
    version: int
    recall_period: str | None
    instructions: str | None
    item_prefix: str | None
    items: list[ItemOut]
    score_range: tuple[int, int]
    display_range: tuple[int, int]
    display_unit: str
    higher_is_worse: bool
    bands: list[BandOut]
    citation: str
    licence: LicenceOut


def questionnaire_out(instrument: scoring.Instrument) -> dict:
    return {
        **{
            name: getattr(instrument, name)
            for name in (
                "key",
                "name",
                "short_name",
                "version",
                "recall_period",
                "instructions",
                "item_prefix",
                "score_range",
                "display_range",
                "display_unit",
                "higher_is_worse",
                "citation",
            )
        },
        "items": [
            {
                "number": item.number,
                "text": item.text,
                "options": [vars(option) for option in item.options],
                "required": item.required,
                "scored": item.scored,
            }
            for item in instrument.all_items
        ],
        "bands": [vars(band) for band in instrument.bands],
        "licence": {"text": instrument.licence.text, "note": instrument.licence.note},
    }


def _submission_model(instrument: scoring.Instrument):
    """The body that submits ``instrument``: one answer per item, from its options."""
    fields = {}
    for item in instrument.all_items:
        choice = Annotated[Literal[item.values], BeforeValidator(whole_number)]  # type: ignore[valid-type]
        if item.required:
            fields[f"item_{item.number}"] = (choice, Field(alias=str(item.number)))
        else:
            fields[f"item_{item.number}"] = (choice | None, Field(None, alias=str(item.number)))
    name = instrument.key.capitalize()
    answers = create_model(f"{name}Answers", __base__=Strict, **fields)
    return create_model(
        f"{name}Submission",
        __base__=Strict,
        questionnaire=(Literal[instrument.key], ...),  # type: ignore[valid-type]
        answers=(answers, Field(description="The option value chosen for each item number.")),
    )


Submission = Annotated[
    Union[tuple(_submission_model(instrument) for instrument in INSTRUMENTS)],  # noqa: UP007
    Field(discriminator="questionnaire"),
]


class BandBrief(Schema):
    key: str
    label: str
    meaning: str
    level: str


class ResultOut(Schema):
    id: int
    questionnaire: str
    short_name: str
    taken_at: dt.datetime
    answers: dict[str, int]
    total: int
    score: int = Field(description="The total as the questionnaire reports it (WHO-5 in %).")
    display_range: tuple[int, int]
    band: BandBrief | None
    sharing: SharingChoice


class ResultSaved(ResultOut):
    safety_url: str | None = Field(
        description="Tending's calm safety page, when an answer calls for it (e.g. PHQ-9 item "
        "9 above zero): show it to the person."
    )


class ResultPage(Page):
    items: list[ResultOut]


class SharingIn(Strict):
    sharing: SharingChoice = Field(description="What your partner sees of this result.")


class SharedResultOut(Schema):
    short_name: str
    taken_at: dt.datetime
    band_label: str | None
    band_meaning: str | None
    score: int | None = Field(description="Only when your partner shares the score too.")
    display_range: tuple[int, int]


def result_out(result: Result, user) -> dict:
    instrument = scoring.get_instrument(result.instrument_key)
    band = selectors.band_of(instrument, result)
    return {
        "id": result.pk,
        "questionnaire": result.instrument_key,
        "short_name": instrument.short_name,
        "taken_at": local(result.taken_at, user),
        "answers": {str(number): value for number, value in result.answers_by_item.items()},
        "total": result.total,
        "score": result.total * instrument.display_multiplier,
        "display_range": instrument.display_range,
        "band": {key: getattr(band, key) for key in ("key", "label", "meaning", "level")}
        if band
        else None,
        "sharing": result.sharing,
    }


@router.get(
    "/questionnaires",
    response={200: list[QuestionnaireOut], **ERRORS},
    summary="Questionnaires",
    description="Every questionnaire with its published wording, options, scoring bands, "
    "citation and licence.",
)
def list_questionnaires(request):
    return [questionnaire_out(instrument) for instrument in INSTRUMENTS]


@router.post(
    "/results",
    auth=WRITE,
    response={201: ResultSaved, **ERRORS},
    summary="Submit a questionnaire",
    description="Score and keep a completed questionnaire. The result is private until you "
    "choose to share it.",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def submit_questionnaire(request, payload: Body[Submission]):  # type: ignore[valid-type]
    instrument = scoring.get_instrument(payload.questionnaire)
    answers = {
        int(name.removeprefix("item_")): value
        for name, value in payload.answers.model_dump().items()
        if value is not None
    }
    result = services.record_result(user=request.auth, instrument=instrument, answers=answers)
    safety_url = (
        request.build_absolute_uri(reverse("safety:screen")) if result.safety_flag else None
    )
    return Status(201, {**result_out(result, request.auth), "safety_url": safety_url})


@router.get(
    "/results",
    response={200: ResultPage, **ERRORS},
    summary="My results",
    description="Your own results, newest first, of one questionnaire or all.",
)
def list_results(request, page: PageParams, questionnaire: Key | None = None):
    queryset = selectors.results_of(request.auth, questionnaire)
    results, next_cursor = keyset_page(queryset, page=page, field="taken_at", by_day=False)
    return {"items": [result_out(r, request.auth) for r in results], "next_cursor": next_cursor}


@router.get(
    "/results/{result_id}",
    response={200: ResultOut, **ERRORS_404},
    summary="One of my results",
)
def read_result(request, result_id: int):
    return result_out(access.own_result(request.auth, result_id), request.auth)


@router.put(
    "/results/{result_id}/sharing",
    auth=WRITE,
    response={200: ResultOut, **ERRORS_404},
    summary="Share a result (or not)",
    description="Choose what your partner sees of one result: nothing, the band, or the band "
    "and the score. Your answers are never shared.",
)
def share_result(request, result_id: int, payload: SharingIn):
    result = access.own_result(request.auth, result_id)
    services.set_sharing(user=request.auth, result=result, sharing=payload.sharing)
    return result_out(result, request.auth)


@router.get(
    "/partner/results",
    response={200: list[SharedResultOut], **ERRORS},
    summary="What my partner shared",
    description="The latest 50 results your partner chose to share since you became a "
    "couple, newest first; empty when you are not paired.",
)
def list_partners_results(request):
    _, shared = selectors.shared_by_partner(request.auth)
    return [
        {
            "short_name": view.short_name,
            "taken_at": local(view.taken_at, request.auth),
            "band_label": view.band_label,
            "band_meaning": view.band_meaning,
            "score": view.score,
            "display_range": view.display_range,
        }
        for view in shared
    ]
