"""Version 1 of the JSON API: one router per area, mounted under /api/v1/."""

from ninja import Router

from tending.api.v1 import (
    account,
    checkins,
    insights,
    notifications,
    practices,
    questionnaires,
    questions,
    safety,
)
from tending.api.v1.account import ANALYSE, AnalyseIn, analysis_of

AREAS = (
    account,
    checkins,
    questionnaires,
    safety,
    questions,
    practices,
    insights,
    notifications,
)


def mount(api) -> None:
    version_1 = Router()
    for area in AREAS:
        version_1.add_router("", area.router)
    api.add_router("/v1", version_1)

    @api.post("/coach/analyse", deprecated=True, **ANALYSE)
    def analyse_message(request, payload: AnalyseIn):
        """The first route of the API, kept for the programs that use it; the same as
        POST /api/v1/coach/analyse."""
        return analysis_of(payload.text)
