"""Insights: daily values over a range of days, the person's own and what their partner
shares, read through the insights app's visibility rule."""

import datetime as dt

from ninja import Field, Query, Router, Schema
from pydantic import field_validator

from tending.api.conventions import ERRORS, iso_date
from tending.core.timezones import local_today
from tending.couples.selectors import couple_and_partner
from tending.insights.readings import visible_readings
from tending.insights.series import days_between

router = Router(tags=["insights"])

MAX_DAYS = 366


class Numbers(Schema):
    mood: int
    stress: int
    energy: int
    connection: int
    sleep_hours: float | None


class Day(Schema):
    date: dt.date
    mine: Numbers | None = Field(description="Your check-in's numbers, if you checked in.")
    partner: Numbers | None = Field(
        description="Your partner's numbers, when they checked in and share them."
    )


class Series(Schema):
    start: dt.date
    end: dt.date
    partner_name: str | None
    days: list[Day]


class RangeQuery(Schema):
    end: dt.date | None = Field(None, description="The last day; your today by default.")
    days: int = Field(30, ge=1, le=MAX_DAYS, description="How many days, ending with `end`.")

    _end_is_a_date = field_validator("end", mode="before")(iso_date)


def _numbers(reading) -> dict | None:
    if reading is None or not reading.numbers:
        return None
    return {**reading.numbers, "sleep_hours": reading.numbers.get("sleep_hours")}


@router.get(
    "/insights/series",
    response={200: Series, **ERRORS},
    summary="Daily values",
    description="Mood, stress, energy, connection and sleep for each of your local days in "
    "the range, and your partner's where they share their numbers.",
)
def read_series(request, query: Query[RangeQuery]):
    user = request.auth
    end = query.end or local_today(user)
    start = dt.date.fromordinal(max(1, end.toordinal() - query.days + 1))
    couple, partner = couple_and_partner(user)
    readings = visible_readings(user, couple, partner=partner, start=start, end=end)
    mine = {r.local_date: r for r in readings if r.is_mine}
    theirs = {r.local_date: r for r in readings if not r.is_mine}
    return {
        "start": start,
        "end": end,
        "partner_name": str(partner) if partner is not None else None,
        "days": [
            {"date": day, "mine": _numbers(mine.get(day)), "partner": _numbers(theirs.get(day))}
            for day in days_between(start, end)
        ],
    }
