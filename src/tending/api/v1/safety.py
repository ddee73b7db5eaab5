"""The safety plan: read, edit and share one's own; read the partner's only when they
shared it (the safety app's selector decides)."""

import datetime as dt

from django.http import Http404
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from tending.api.auth import WRITE
from tending.api.conventions import ERRORS, ERRORS_404, Strict, local
from tending.safety import selectors, services
from tending.safety.models import PLAN_FIELD_MAX_LENGTH
from tending.safety.plan import PLAN_FIELDS

router = Router(tags=["safety plan"])


class SafetyPlanIn(Strict):
    """Your whole plan; a section left out is empty. The sections follow Stanley and
    Brown's Safety Planning Intervention, plus what you live for."""

    warning_signs: str = Field("", max_length=PLAN_FIELD_MAX_LENGTH)
    coping_strategies: str = Field("", max_length=PLAN_FIELD_MAX_LENGTH)
    distractions: str = Field("", max_length=PLAN_FIELD_MAX_LENGTH)
    people_to_ask: str = Field("", max_length=PLAN_FIELD_MAX_LENGTH)
    professionals: str = Field("", max_length=PLAN_FIELD_MAX_LENGTH)
    safe_environment: str = Field("", max_length=PLAN_FIELD_MAX_LENGTH)
    reasons_for_living: str = Field("", max_length=PLAN_FIELD_MAX_LENGTH)
    shared_with_partner: bool = Field(False, description="Let your partner read your plan.")


class SafetyPlanPatch(Strict):
    """Only what is sent changes; send `shared_with_partner` alone to share or stop."""

    warning_signs: str = Field(None, max_length=PLAN_FIELD_MAX_LENGTH)
    coping_strategies: str = Field(None, max_length=PLAN_FIELD_MAX_LENGTH)
    distractions: str = Field(None, max_length=PLAN_FIELD_MAX_LENGTH)
    people_to_ask: str = Field(None, max_length=PLAN_FIELD_MAX_LENGTH)
    professionals: str = Field(None, max_length=PLAN_FIELD_MAX_LENGTH)
    safe_environment: str = Field(None, max_length=PLAN_FIELD_MAX_LENGTH)
    reasons_for_living: str = Field(None, max_length=PLAN_FIELD_MAX_LENGTH)
    shared_with_partner: bool = Field(None, description="Let your partner read your plan.")


class SafetyPlanOut(Schema):
    warning_signs: str
    coping_strategies: str
    distractions: str
    people_to_ask: str
    professionals: str
    safe_environment: str
    reasons_for_living: str
    shared_with_partner: bool
    updated_at: dt.datetime | None


class PartnerPlanOut(SafetyPlanOut):
    owner_name: str


def plan_out(plan, user) -> dict:
    return {
        **{key: getattr(plan, key) if plan else "" for key in PLAN_FIELDS},
        "shared_with_partner": bool(plan and plan.shared_with_partner),
        "updated_at": local(plan.updated_at, user) if plan else None,
    }


def _save(user, values: dict):
    try:
        return services.save_safety_plan(
            user=user,
            sections={key: values[key] for key in PLAN_FIELDS},
            shared_with_partner=values["shared_with_partner"],
        )
    except services.SafetyError as error:
        raise HttpError(422, str(error)) from error


@router.get(
    "/safety-plan",
    response={200: SafetyPlanOut, **ERRORS},
    summary="My safety plan",
    description="Your plan for hard moments; empty sections when you have not written one.",
)
def read_safety_plan(request):
    return plan_out(selectors.plan_of(request.auth), request.auth)


@router.put(
    "/safety-plan",
    auth=WRITE,
    response={200: SafetyPlanOut, **ERRORS},
    summary="Write my safety plan",
    description="Replace your whole plan, and whether your partner may read it.",
)
def write_safety_plan(request, payload: SafetyPlanIn):
    return plan_out(_save(request.auth, payload.model_dump()), request.auth)


@router.patch(
    "/safety-plan",
    auth=WRITE,
    response={200: SafetyPlanOut, **ERRORS},
    summary="Edit or share my safety plan",
)
def edit_safety_plan(request, payload: SafetyPlanPatch):
    current = plan_out(selectors.plan_of(request.auth), request.auth)
    changes = payload.model_dump(exclude_unset=True)
    return plan_out(_save(request.auth, {**current, **changes}), request.auth)


@router.get(
    "/partner/safety-plan",
    response={200: PartnerPlanOut, **ERRORS_404},
    summary="My partner's safety plan",
    description="Your partner's plan, only while you are paired and only when they chose to "
    "share it; 404 otherwise.",
)
def read_partners_safety_plan(request):
    partner, plan = selectors.partner_plan_for(request.auth)
    if plan is None:
        raise Http404("Your partner has not shared a safety plan with you.")
    return {**plan_out(plan, request.auth), "owner_name": str(partner)}
