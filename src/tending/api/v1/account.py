"""Who the caller is, their whole export as the same zip the web page gives, and the
gentle start-up coach (which stores nothing, so reading scope is enough)."""

import datetime as dt

from django.http import HttpResponse
from ninja import Field, Router, Schema

from tending.api.auth import EXPORT
from tending.api.conventions import ERRORS, Strict, local
from tending.coach.analysis import analyse
from tending.coach.forms import MESSAGE_MAX_LENGTH
from tending.couples.selectors import partner_of
from tending.security.services import record_event
from tending.yourdata import services as export_services

router = Router()

# The longest text the coach reads anywhere: the "Before you say it" box.
ANALYSE_MAX_LENGTH = MESSAGE_MAX_LENGTH


class TokenOut(Schema):
    name: str
    scopes: list[str]
    expires_at: dt.datetime | None


class MeOut(Schema):
    display_name: str
    email: str
    timezone: str
    country: str
    partner_name: str | None
    token: TokenOut | None = Field(description="The token of this request, if any.")


@router.get("/me", response={200: MeOut, **ERRORS}, summary="Who I am", tags=["account"])
def read_me(request):
    user = request.auth
    partner = partner_of(user)
    token = getattr(request, "api_token", None)
    return {
        "display_name": user.display_name,
        "email": user.email,
        "timezone": user.timezone,
        "country": str(user.country or ""),
        "partner_name": str(partner) if partner is not None else None,
        "token": {
            "name": token.name,
            "scopes": token.scopes,
            "expires_at": local(token.expires_at, user),
        }
        if token
        else None,
    }


@router.get(
    "/export",
    auth=EXPORT,
    response={200: None, **ERRORS},
    summary="My export",
    description="Everything of yours as a zip of JSON and CSV files with a README, the same "
    "as Your data → Download. Needs the `export` scope.",
    tags=["account"],
    openapi_extra={
        "responses": {
            "200": {
                "description": "The export archive.",
                "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def download_export(request):
    data = export_services.export_archive(user=request.auth)
    record_event(user=request.auth, kind="export", request=request)
    response = HttpResponse(data, content_type="application/zip")
    filename = export_services.export_filename(request.auth)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


class AnalyseIn(Strict):
    text: str = Field(max_length=ANALYSE_MAX_LENGTH)


class FindingOut(Schema):
    kind: str
    start: int
    end: int
    text: str
    explanation: str
    suggestion: str


class AnalysisOut(Schema):
    findings: list[FindingOut]
    tone: str
    emotions: list[str]
    needs: list[str]


ANALYSE = {
    "response": {200: AnalysisOut, **ERRORS},
    "summary": "Analyse a message before saying it",
    "description": (
        "Find where a message may land as criticism, contempt, defensiveness, absolutes, "
        "blame or stonewalling, and what in it helps. Spans index the text as sent (Unicode "
        f"code points). Nothing is stored. The text can be at most {ANALYSE_MAX_LENGTH:,} "
        "characters."
    ),
    "tags": ["coach"],
}


def analysis_of(text: str) -> dict:
    analysis = analyse(text)
    return {
        "findings": [vars(finding) for finding in analysis.findings],
        "tone": analysis.tone,
        "emotions": analysis.emotions,
        "needs": analysis.needs,
    }


@router.post("/coach/analyse", **ANALYSE)
def analyse_message_v1(request, payload: AnalyseIn):
    return analysis_of(payload.text)
