"""The insights queries, compiled once per process (``core.statements``): each run binds
the viewer, the days asked about and, with a partner, the couple, the partner and when the
couple began. The partner-visibility rules are in the SQL as ``visible_condition`` and
``shared_with_partner_condition`` write them; only the people and days are bound."""

from functools import cache

from django.db.models import (
    DateField,
    DateTimeField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    TextField,
)
from django.db.models.functions import Cast

from tending.assessments.models import Result, shared_with_partner_condition
from tending.checkins.models import CheckIn, Response, visible_condition
from tending.checkins.selectors import TURNED_TOWARD_WINDOW
from tending.core.expressions import LaterBy
from tending.core.statements import Bound, Statement, whole_rows

READING_FIELDS = ("user_id", "local_date", "mood", "stress", "energy", "connection", "sleep_hours")

SHARES_NUMBERS, SHARES_EMOTIONS, SHARES_NEEDS = 1, 2, 4

ASSESSMENTS_SHOWN = 60


def _id_of(name: str) -> Bound:
    return Bound(lambda run: run[name].pk, IntegerField())


def _date_of(name: str) -> Bound:
    return Bound(lambda run: run[name], DateField())


def _visible(with_partner: bool) -> Q:
    """The viewer's check-ins and, with a partner, those the partner shared since their
    first day in the couple."""
    if not with_partner:
        return visible_condition(_id_of("viewer"))
    first_day = Bound(lambda run: run["couple"].first_day_for(run["partner"]), DateField())
    return visible_condition(_id_of("viewer"), _id_of("partner"), first_day)


def _as_int(name: str) -> Cast:
    return Cast(name, IntegerField())


def _counted(rows) -> Subquery:
    """How many of ``rows`` there are, as a correlated subquery of one number."""
    count = Func(template="COUNT(*)", output_field=IntegerField())
    return Subquery(rows.order_by().annotate(count=count).values("count"))


@cache
def readings(with_partner: bool, with_answers: bool) -> Statement:
    """The visible check-ins from ``start`` to ``end`` in day order: READING_FIELDS, the
    word lists as their JSON text (a page parses each distinct list once), the three
    sharing choices as one number and, ``with_answers``, how many answers each got within
    the couple and whether one came within TURNED_TOWARD_WINDOW. A day's two check-ins
    come in the order of their owners' ids. Runs with ``viewer``,
    ``start``, ``end``, with a partner ``partner`` and, with a partner or answers,
    ``couple``."""
    checkins = CheckIn.objects.filter(
        _visible(with_partner),
        local_date__gte=_date_of("start"),
        local_date__lte=_date_of("end"),
    ).order_by("local_date", "user_id")
    columns = {
        "emotions_json": Cast("emotions", TextField()),
        "needs_json": Cast("needs", TextField()),
        "shares": _as_int("share_numbers")
        + SHARES_EMOTIONS * _as_int("share_emotions")
        + SHARES_NEEDS * _as_int("share_needs"),
    }
    if with_answers:
        # Each check-in's answers within the couple are counted through the index on
        # (check-in, couple). The day's window is taken from the answer's time, not added
        # to the check-in's, so SQLite has no reason to prefer the index on (couple, time).
        answers = Response.objects.filter(checkin=OuterRef("pk"), couple_id=_id_of("couple"))
        within_a_day = answers.alias(
            window_start=LaterBy("created_at", -TURNED_TOWARD_WINDOW)
        ).filter(window_start__lte=OuterRef("created_at"))
        columns["answered_in_a_day"] = _counted(within_a_day)
        columns["answer_count"] = _counted(answers)
    return Statement(checkins.values_list(*READING_FIELDS).annotate(**columns))


@cache
def first_visible_day(with_partner: bool) -> Statement:
    """The earliest visible day, one row or none. Runs like ``readings`` without days."""
    days = CheckIn.objects.filter(_visible(with_partner)).order_by("local_date")
    return Statement(days.values_list("local_date")[:1])


@cache
def assessment_results(with_partner: bool, with_until: bool) -> Statement:
    """The viewer's results taken since ``since`` and, with a partner, the partner's shared
    ones, newest first, at most ASSESSMENTS_SHOWN; ``with_until``, only those taken before
    ``until``. Runs with ``viewer``, ``since``, ``until`` (or None) and, with a partner,
    ``couple`` and ``partner``."""
    since = Q(taken_at__gte=Bound(lambda run: run["since"], DateTimeField()))
    whose = Q(user=_id_of("viewer"))
    if with_partner:
        started_at = Bound(lambda run: run["couple"].started_at, DateTimeField())
        whose |= shared_with_partner_condition(_id_of("partner"), started_at)
    results = Result.objects.filter(whose, since)
    if with_until:
        results = results.filter(taken_at__lt=Bound(lambda run: run["until"], DateTimeField()))
    return whole_rows(results.order_by("-taken_at", "-pk")[:ASSESSMENTS_SHOWN])
