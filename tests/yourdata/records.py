"""Builders for the records these tests export, delete and encrypt."""

import datetime as dt

from tending.checkins.models import CheckIn, Response
from tending.core.timezones import local_today
from tending.couples.selectors import active_couple_for


def checkin_for(user, *, days_ago: int = 0, **fields) -> CheckIn:
    values = {
        "mood": 3,
        "stress": 3,
        "energy": 3,
        "connection": 3,
        "emotions": ["calm"],
        "needs": ["talk"],
    }
    values.update(fields)
    local_date = local_today(user) - dt.timedelta(days=days_ago)
    return CheckIn.objects.create(user=user, local_date=local_date, **values)


def response_to(checkin: CheckIn, responder, *, message: str = "", couple=None) -> Response:
    return Response.objects.create(
        checkin=checkin,
        couple=couple or active_couple_for(responder),
        responder=responder,
        kind=Response.Kind.MESSAGE if message else Response.Kind.HERE,
        message=message,
    )
