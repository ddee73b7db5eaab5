"""Home's questionnaire queries, compiled once per process (``core.statements``): each
run binds the person."""

from functools import cache

from django.db.models import IntegerField

from tending.assessments.models import Result, ScheduleChoice
from tending.core.statements import Bound, Statement, whole_rows


def _person() -> Bound:
    return Bound(lambda run: run["person"].pk, IntegerField())


@cache
def recent_results(count: int) -> Statement:
    """The person's ``count`` latest results, newest first."""
    return whole_rows(Result.objects.filter(user=_person()).order_by("-taken_at", "-pk")[:count])


@cache
def schedule_choices() -> Statement:
    """The person's own choices of questionnaires and how often."""
    return whole_rows(ScheduleChoice.objects.filter(user=_person()))
