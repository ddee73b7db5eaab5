"""The insights' reads: what one viewer may use of check-ins, responses and results, each
in one aggregate-friendly query over the chosen range."""

import datetime as dt
import json
from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, Min, Q, TextField
from django.db.models.functions import Cast

from tending.assessments.models import Result
from tending.assessments.selectors import band_of, instrument_for, shared_view
from tending.checkins.feelings import requests_help
from tending.checkins.models import CheckIn
from tending.checkins.selectors import TURNED_TOWARD_WINDOW
from tending.core.timezones import zone_for


@dataclass(frozen=True)
class DayReading:
    """What one viewer may use of one check-in; hidden parts are empty."""

    is_mine: bool
    local_date: dt.date
    numbers: dict = field(default_factory=dict)
    emotions: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    is_request: bool = False
    answered_in_a_day: bool = False
    answer_count: int = 0


def first_visible_day(user, couple, *, partner) -> dt.date | None:
    """The earliest day with a check-in the viewer may use: their own or one their partner
    shared since the couple began. Pages that step back in time stop there."""
    return CheckIn.objects.visible_to(user, couple=couple, partner=partner).aggregate(
        first=Min("local_date")
    )["first"]


READING_FIELDS = ("user_id", "local_date", "mood", "stress", "energy", "connection", "sleep_hours")

SHARES_NUMBERS, SHARES_EMOTIONS, SHARES_NEEDS = 1, 2, 4


def _as_int(name: str) -> Cast:
    return Cast(name, IntegerField())


def _reading_columns() -> dict:
    """What each row needs beyond READING_FIELDS, in shapes that cost little to read back:
    the word lists as their JSON text (a page parses each distinct list once) and the three
    sharing choices as one number."""
    return {
        "emotions_json": Cast("emotions", TextField()),
        "needs_json": Cast("needs", TextField()),
        "shares": _as_int("share_numbers")
        + SHARES_EMOTIONS * _as_int("share_emotions")
        + SHARES_NEEDS * _as_int("share_needs"),
    }


def visible_readings(
    user, couple, *, partner, start: dt.date, end: dt.date, with_answers: bool = False
) -> list[DayReading]:
    """My check-ins and my partner's shared ones (since we became a couple), in one query.
    ``with_answers`` adds, in the same query, how many answers each got within our couple
    and whether one came within TURNED_TOWARD_WINDOW of the check-in."""
    checkins = (
        CheckIn.objects.visible_to(user, couple=couple, partner=partner)
        .filter(local_date__gte=start, local_date__lte=end)
        .order_by("local_date")
    )
    columns = _reading_columns()
    if with_answers and couple is not None:
        # The couple is a filter on the aggregates, not on the join, so the answers are
        # found through each check-in's own index however long the couple's history.
        in_couple = Q(responses__couple=couple)
        in_time = Q(responses__created_at__lte=F("created_at") + TURNED_TOWARD_WINDOW)
        columns["answered_in_a_day"] = Count("responses", filter=in_couple & in_time)
        columns["answer_count"] = Count("responses", filter=in_couple)
    rows = checkins.values_list(*READING_FIELDS).annotate(**columns)
    viewer_id = user.pk
    parsed: dict[str, tuple[str, ...]] = {}

    def words_in(listed: str) -> tuple[str, ...]:
        """A word list from its JSON text, parsed once per distinct list on the page."""
        words = parsed.get(listed)
        if words is None:
            words = parsed[listed] = tuple(json.loads(listed))
        return words

    readings = []
    for row in rows:
        (
            owner_id,
            local_date,
            mood,
            stress,
            energy,
            connection,
            sleep_hours,
            emotions_json,
            needs_json,
            shares,
        ) = row[:10]
        mine = owner_id == viewer_id
        numbers = {}
        if mine or shares & SHARES_NUMBERS:
            numbers = {"mood": mood, "stress": stress, "energy": energy, "connection": connection}
            if sleep_hours is not None:
                numbers["sleep_hours"] = float(sleep_hours)
        emotions = words_in(emotions_json)
        needs = words_in(needs_json)
        shares_needs = bool(shares & SHARES_NEEDS)
        readings.append(
            DayReading(
                is_mine=mine,
                local_date=local_date,
                numbers=numbers,
                emotions=emotions if mine or shares & SHARES_EMOTIONS else (),
                needs=needs if mine or shares_needs else (),
                is_request=shares_needs and requests_help(needs),
                answered_in_a_day=bool(row[10]) if len(row) > 10 else False,
                answer_count=row[11] if len(row) > 10 else 0,
            )
        )
    return readings


@dataclass(frozen=True)
class AssessmentRow:
    """One questionnaire result as a viewer may see it: their own, or a partner's as shared."""

    date: str
    name: str
    score: str
    band: str
    is_mine: bool
    owner_name: str


ASSESSMENTS_SHOWN = 60


def assessment_rows(
    user, couple, *, partner, since: dt.datetime, until: dt.datetime | None = None
) -> tuple[AssessmentRow, ...]:
    """My results since ``since``, and my partner's shared ones since the couple began."""
    results = Result.objects.filter(user=user, taken_at__gte=since)
    if couple is not None and partner is not None:
        shared = Result.objects.shared_with_partner(couple, partner).filter(taken_at__gte=since)
        results = results | shared
    if until is not None:
        results = results.filter(taken_at__lt=until)
    rows = []
    for result in results.order_by("-taken_at", "-pk")[:ASSESSMENTS_SHOWN]:
        instrument = instrument_for(result.instrument_key)
        if instrument is None:
            continue
        day = result.taken_at.astimezone(zone_for(user)).date().isoformat()
        if result.user_id == user.pk:
            band = band_of(instrument, result)
            rows.append(
                AssessmentRow(
                    day,
                    instrument.short_name,
                    f"{result.total * instrument.display_multiplier} {instrument.display_unit}",
                    band.label if band else "–",
                    True,
                    str(user),
                )
            )
            continue
        shared = shared_view(result)
        if shared is None:
            continue
        rows.append(
            AssessmentRow(
                day,
                shared.short_name,
                f"{shared.score} {shared.unit}" if shared.score is not None else "Not shared",
                shared.band_label or "–",
                False,
                str(partner),
            )
        )
    return tuple(rows)
