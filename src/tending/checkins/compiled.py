"""Home's check-in queries, compiled once per process (``core.statements``): each run binds
the people, their days and the check-ins it asks about. The partner-visibility rule is in
the SQL as ``seen_by_partner_from`` writes it; only the owner and their first day are
bound."""

from functools import cache

from django.db.models import DateField, F, IntegerField, Q

from tending.checkins.models import CheckIn, Response, seen_by_partner_from
from tending.core.statements import Bound, Statement, field_names, whole_rows
from tending.core.timezones import local_today

RESPONSE_FIELDS = field_names(Response)
REQUEST_FIELDS = {
    "request_needs": F("checkin__needs"),
    "request_shares_needs": F("checkin__share_needs"),
    "request_date": F("checkin__local_date"),
    "request_created_at": F("checkin__created_at"),
}


def _id_of(name: str) -> Bound:
    return Bound(lambda run: run[name].pk, IntegerField())


def _today_of(name: str) -> Bound:
    return Bound(lambda run: local_today(run[name], run["now"]), DateField())


@cache
def todays_checkins(with_partner: bool) -> Statement:
    """The viewer's check-in of their own today and, with a partner, the partner's of
    theirs where the partner-visibility rule lets the viewer open it. Runs with
    ``viewer``, ``now`` (or None) and, with a partner, ``couple`` and ``partner``."""
    today = Q(user=_id_of("viewer"), local_date=_today_of("viewer"))
    if with_partner:
        first_day = Bound(lambda run: run["couple"].first_day_for(run["partner"]), DateField())
        today |= seen_by_partner_from(_id_of("partner"), first_day) & Q(
            local_date=_today_of("partner")
        )
    return whole_rows(CheckIn.objects.filter(today).order_by())


def _shown(index: int) -> Bound:
    return Bound(lambda run: run["shown"][index], IntegerField())


@cache
def responses_for_home() -> Statement:
    """The couple's responses to the requests either partner made since a day, and to the
    two check-ins home shows, each with its request's needs, sharing, day and time. Runs
    with ``viewer``, ``partner``, ``couple``, ``since`` and ``shown`` (two ids, or None)."""
    either = Q(user=_id_of("viewer")) | Q(user=_id_of("partner"))
    since = Bound(lambda run: run["since"], DateField())
    requests = CheckIn.objects.filter(either, local_date__gte=since, share_needs=True).values("id")
    shown = Q(checkin_id=_shown(0)) | Q(checkin_id=_shown(1))
    responses = (
        Response.objects.filter(couple_id=_id_of("couple"))
        .filter(Q(checkin_id__in=requests) | shown)
        .annotate(**REQUEST_FIELDS)
        .order_by()
    )
    return Statement(responses.values_list(*RESPONSE_FIELDS, *REQUEST_FIELDS))


def responses_from(statement: Statement, arguments: dict) -> list[Response]:
    """Responses, each holding its request's fields as ``responses_for_home`` names them."""
    count = len(RESPONSE_FIELDS)
    responses = []
    for row in statement.rows(arguments):
        response = Response.from_db(statement.alias, RESPONSE_FIELDS, row[:count])
        for name, value in zip(REQUEST_FIELDS, row[count:], strict=True):
            setattr(response, name, value)
        responses.append(response)
    return responses
