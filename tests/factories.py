"""Small builders for test data: check-ins on a given local day, responses, form posts."""

import datetime as dt

from django.utils import timezone

from tending.checkins.models import CheckIn, Response
from tending.checkins.services import CheckInInput
from tending.core.timezones import local_today
from tending.couples.models import Couple
from tending.couples.selectors import active_couple_for


def checkin_input(**overrides) -> CheckInInput:
    values = {"mood": 3, "stress": 3, "energy": 3, "connection": 3}
    return CheckInInput(**{**values, **overrides})


def make_checkin(user, *, days_ago: int = 0, **fields) -> CheckIn:
    """A check-in on the person's local day ``days_ago`` days before today."""
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


def make_response(checkin: CheckIn, responder, *, kind=Response.Kind.HERE, message="") -> Response:
    couple = active_couple_for(responder)
    return Response.objects.create(
        checkin=checkin, couple=couple, responder=responder, kind=kind, message=message
    )


def backdate_couple(user, *, days: int) -> Couple:
    """Move the start of ``user``'s active couple ``days`` days into the past."""
    couple = active_couple_for(user)
    Couple.objects.filter(pk=couple.pk).update(started_at=timezone.now() - dt.timedelta(days=days))
    couple.refresh_from_db()
    return couple


def checkin_post(**overrides) -> dict:
    """What the check-in form sends when every part is answered and sharing is the default."""
    data = {
        "mood": "3",
        "stress": "3",
        "energy": "3",
        "connection": "3",
        "sleep_hours": "7.5",
        "emotions": ["calm"],
        "needs": ["talk"],
        "note": "",
        "share_numbers": "on",
        "share_emotions": "on",
        "share_needs": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
