"""Builders for test data: check-ins on a given local day, responses, form posts,
practices and reports."""

import datetime as dt

from django.utils import timezone

from tending.checkins.models import CheckIn, Response
from tending.checkins.services import CheckInInput
from tending.conversations.models import Conversation
from tending.conversations.services import start_conversation
from tending.core.timezones import local_today
from tending.couples.models import Couple
from tending.couples.selectors import active_couple_for
from tending.questions.services import answer_question
from tending.reports.models import Report
from tending.reports.services import create_report


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


def make_response(
    checkin: CheckIn, responder, *, kind: str | None = None, message: str = "", couple=None
) -> Response:
    """A response in the responder's current couple: a message when ``message`` is given,
    "I'm here" otherwise, unless ``kind`` says which."""
    if kind is None:
        kind = Response.Kind.MESSAGE if message else Response.Kind.HERE
    return Response.objects.create(
        checkin=checkin,
        couple=couple or active_couple_for(responder),
        responder=responder,
        kind=kind,
        message=message,
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


def couple_of(user) -> Couple | None:
    return active_couple_for(user)


def answer(user, question_id: str, text: str):
    return answer_question(user=user, question_id=question_id, text=text)


def conversation(user, kind=Conversation.Kind.STRESS, **options) -> Conversation:
    return start_conversation(user=user, kind=kind, **options)


def report_for(user, *, days: int = 30, **choices) -> Report:
    today = local_today(user)
    return create_report(
        owner=user, start_date=today - dt.timedelta(days=days - 1), end_date=today, **choices
    )
