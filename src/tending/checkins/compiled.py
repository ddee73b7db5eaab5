"""The check-in queries of home, history and saving, compiled once per process
(``core.statements``): each run binds the people, their days and the check-ins it asks
about. The partner-visibility rule is in the SQL as ``seen_by_partner_from`` writes it;
only the owner and their first day are bound."""

import datetime as dt
from functools import cache, lru_cache

from django.db.models import (
    Case,
    DateField,
    F,
    Func,
    IntegerField,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)

from tending.checkins.models import (
    CheckIn,
    Response,
    seen_by_partner_from,
    sharing_nothing_condition,
)
from tending.core.statements import Bound, Statement, Update, field_names, whole_rows
from tending.core.timezones import local_today

RESPONSE_FIELDS = field_names(Response)
CHECKIN_FIELDS = field_names(CheckIn)
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


def _id_at(name: str, index: int) -> Bound:
    return Bound(lambda run: run[name][index], IntegerField())


@cache
def responses_for_home() -> Statement:
    """The couple's responses to the requests either partner made since a day, and to the
    two check-ins home shows, each with its request's needs, sharing, day and time. Runs
    with ``viewer``, ``partner``, ``couple``, ``since`` and ``shown`` (two ids, or None)."""
    either = Q(user=_id_of("viewer")) | Q(user=_id_of("partner"))
    since = Bound(lambda run: run["since"], DateField())
    requests = Q(either, local_date__gte=since, share_needs=True)
    shown = Q(pk=_id_at("shown", 0)) | Q(pk=_id_at("shown", 1))
    checkins = CheckIn.objects.filter(requests | shown).values("id")
    responses = (
        Response.objects.filter(couple_id=_id_of("couple"), checkin_id__in=checkins)
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


def _first_day_of_partner() -> Bound:
    return Bound(lambda run: run["couple"].first_day_for(run["partner"]), DateField())


PERSON = CheckIn._meta.get_field("user").related_model


def _count_of(checkins) -> Subquery:
    """How many rows ``checkins`` has, as a subquery of one value. ``COUNT(*)``, which
    SQLite answers from an index's entries without reading the id out of each."""
    rows = Func(template="COUNT(*)", output_field=IntegerField())
    counted = checkins.order_by().annotate(counted=rows)
    return Subquery(counted.values("counted"), output_field=IntegerField())


def _partners_shared() -> Q:
    return seen_by_partner_from(_id_of("partner"), _first_day_of_partner())


@cache
def history_count(with_partner: bool) -> Statement:
    """How many check-ins history lists (``visible_condition``): the viewer's, and the
    partner's that share something, counted as all the partner's since their first day
    less those sharing nothing. Each count reads its person's entries of an index and no
    row (the few sharing nothing have an index of their own), where counting the shared
    ones directly reads every row of the partner's. Runs with ``viewer`` and, with a
    partner, ``couple`` and ``partner``."""
    count = _count_of(CheckIn.objects.filter(user=_id_of("viewer")))
    if with_partner:
        theirs = CheckIn.objects.filter(_partners_shared())
        count += _count_of(theirs) - _count_of(theirs.filter(sharing_nothing_condition()))
    viewer = PERSON.objects.filter(pk=_id_of("viewer")).annotate(count=count)
    return Statement(viewer.values_list("count"))


@lru_cache(maxsize=64)
def history_page(with_partner: bool, start: int, stop: int) -> Statement:
    """History's check-ins ``start`` to ``stop``, newest first, read from only the newest
    ``stop`` of each person (each has at most one a day), the partner's private notes left
    empty. Runs like ``history_count``."""

    def newest(checkins) -> Q:
        return Q(pk__in=checkins.order_by("-local_date").values("id")[:stop])

    among = newest(CheckIn.objects.filter(user=_id_of("viewer")))
    if with_partner:
        theirs = CheckIn.objects.filter(
            seen_by_partner_from(_id_of("partner"), _first_day_of_partner())
        ).sharing_something()
        among |= newest(theirs)
    page = CheckIn.objects.filter(among).order_by("-local_date", "-id")[start:stop]
    if not with_partner:
        return whole_rows(page)
    # A note the partner keeps private is neither read nor decrypted: it comes back empty.
    note = CheckIn._meta.get_field("note")
    shown_note = Case(
        When(Q(user=_id_of("viewer")) | Q(share_note=True), then=F("note")),
        default=Value(""),
        output_field=type(note)(),
    )
    columns = [name if name != note.attname else "shown_note" for name in CHECKIN_FIELDS]
    return Statement(page.annotate(shown_note=shown_note).values_list(*columns))


def _first_day_of(checkins) -> Subquery:
    return Subquery(checkins.order_by("local_date").values("local_date")[:1])


def _partners_moods(since: Bound):
    """The partner's check-ins whose mood the viewer may see, from ``since`` on: the
    partner's first day in the couple or, for a window of days, whichever of that and
    the window's first day comes later (one lower bound on the day, which SQLite needs
    to read the partner's index from that day rather than from the first of the two)."""
    return CheckIn.objects.filter(
        seen_by_partner_from(_id_of("partner"), since), share_numbers=True
    )


@cache
def first_mood_days(with_partner: bool) -> Statement:
    """Where the year in pixels begins: the viewer's first check-in and, with a partner,
    the first the viewer may see the mood of, each read from the start of its person's
    index. One row; a person with none has None. Runs like ``history_count``."""
    firsts = {"mine": _first_day_of(CheckIn.objects.filter(user=_id_of("viewer")))}
    if with_partner:
        firsts["theirs"] = _first_day_of(_partners_moods(_first_day_of_partner()))
    viewer = PERSON.objects.filter(pk=_id_of("viewer")).annotate(**firsts)
    return Statement(viewer.values_list(*firsts))


class DaysAndMoods(Func):
    """An aggregate over all the rows of a query without GROUP BY: each row's day and mood
    in one text, "2027-03-09,4,2027-03-08,2", in no particular order; None for no rows.
    A year of moods comes back as one value rather than hundreds of rows to convert."""

    template = "%(function)s(%(expressions)s, ',')"
    arg_joiner = " || ',' || "
    output_field = TextField()

    def __init__(self):
        super().__init__(F("local_date"), F("mood"))

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite keeps a date as its ISO text.
        return self.as_sql(compiler, connection, function="GROUP_CONCAT", **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        day, mood = self.get_source_expressions()
        iso_day = Func(day, Value("YYYY-MM-DD"), function="TO_CHAR", output_field=TextField())
        written = self.copy()
        written.set_source_expressions([iso_day, mood])
        return written.as_sql(compiler, connection, function="STRING_AGG", **extra_context)


def _days_and_moods(checkins) -> Subquery:
    until_end = checkins.filter(local_date__lte=Bound(lambda run: run["end"], DateField()))
    return Subquery(until_end.order_by().annotate(days=DaysAndMoods()).values("days"))


def _later_of_start_and_partners_first_day(run) -> dt.date:
    return max(run["start"], run["couple"].first_day_for(run["partner"]))


@cache
def moods_between(with_partner: bool) -> Statement:
    """The days and moods (``DaysAndMoods``) from ``start`` to ``end`` of the viewer and,
    with a partner, those of the partner's the viewer may see the mood of. One row. Runs
    like ``history_count``, with ``start`` and ``end``."""
    start = Bound(lambda run: run["start"], DateField())
    mine = CheckIn.objects.filter(user=_id_of("viewer"), local_date__gte=start)
    moods = {"mine": _days_and_moods(mine)}
    if with_partner:
        since = Bound(_later_of_start_and_partners_first_day, DateField())
        moods["theirs"] = _days_and_moods(_partners_moods(since))
    viewer = PERSON.objects.filter(pk=_id_of("viewer")).annotate(**moods)
    return Statement(viewer.values_list(*moods))


RESPONDER_FIELDS = field_names(Response._meta.get_field("responder").related_model)


@lru_cache(maxsize=64)
def responses_on_checkins(count: int) -> Statement:
    """The couple's responses to ``count`` check-ins, each with its responder's row. Runs
    with ``couple`` and ``ids`` (``count`` check-in ids)."""
    ids = [
        Bound(lambda run, index=index: run["ids"][index], IntegerField()) for index in range(count)
    ]
    responses = Response.objects.filter(couple_id=_id_of("couple"), checkin__id__in=ids).order_by()
    columns = [*RESPONSE_FIELDS, *(f"responder__{name}" for name in RESPONDER_FIELDS)]
    return Statement(responses.values_list(*columns))


def responses_with_responders(statement: Statement, arguments: dict) -> list[Response]:
    responder_model = Response._meta.get_field("responder").related_model
    count = len(RESPONSE_FIELDS)
    responses = []
    for row in statement.rows(arguments):
        response = Response.from_db(statement.alias, RESPONSE_FIELDS, row[:count])
        response.responder = responder_model.from_db(statement.alias, RESPONDER_FIELDS, row[count:])
        responses.append(response)
    return responses


@cache
def checkin_of_day() -> Statement:
    """The person's check-in of one day. Runs with ``viewer`` and ``day``."""
    day = Bound(lambda run: run["day"], DateField())
    days = CheckIn.objects.filter(user=_id_of("viewer"), local_date=day)
    return whole_rows(days.order_by("pk")[:1])


@cache
def latest_checkin() -> Statement:
    """The person's latest check-in. Runs with ``viewer``."""
    return whole_rows(CheckIn.objects.filter(user=_id_of("viewer")).order_by("-local_date")[:1])


# Saving replaces the note: the check-in about to be saved is read without it.
FIELDS_BUT_NOTE = tuple(name for name in field_names(CheckIn) if name != "note")


@cache
def checkin_of_day_to_save() -> Statement:
    """The person's check-in of one day, without its note, locked until the transaction
    ends. Runs with ``viewer`` and ``day``, inside a transaction."""
    day = Bound(lambda run: run["day"], DateField())
    days = CheckIn.objects.select_for_update().filter(user=_id_of("viewer"), local_date=day)
    return Statement(days.order_by().values_list(*FIELDS_BUT_NOTE))


@lru_cache(maxsize=8)
def checkin_edit(names: tuple[str, ...]) -> Update:
    """Writes the named fields of a check-in, as they are on it, over its row. Runs with
    ``checkin``."""
    values = {
        name: Bound(
            lambda run, name=name: getattr(run["checkin"], name),
            CheckIn._meta.get_field(name),
            saved=True,
        )
        for name in names
    }
    return Update(CheckIn.objects.filter(pk=_id_of("checkin")), **values)
