"""The insights' reads: what one viewer may use of check-ins, responses and results, each
in one aggregate-friendly query over the chosen range."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Min, Q

from tending.assessments.models import Result
from tending.assessments.selectors import band_of, instrument_for, shared_view
from tending.checkins.feelings import requests_help
from tending.checkins.models import CheckIn
from tending.core.timezones import zone_for


@dataclass(frozen=True)
class DayReading:
    """What one viewer may use of one check-in; hidden parts are empty."""

    is_mine: bool
    checkin_id: int
    local_date: dt.date
    created_at: dt.datetime
    numbers: dict = field(default_factory=dict)
    emotions: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    is_request: bool = False
    first_answer_at: dt.datetime | None = None
    answer_count: int = 0


def first_visible_day(user, couple, *, partner) -> dt.date | None:
    """The earliest day with a check-in the viewer may use: their own or one their partner
    shared since the couple began. Pages that step back in time stop there."""
    return CheckIn.objects.visible_to(user, couple=couple, partner=partner).aggregate(
        first=Min("local_date")
    )["first"]


READING_FIELDS = (
    "id",
    "user_id",
    "local_date",
    "created_at",
    "mood",
    "stress",
    "energy",
    "connection",
    "sleep_hours",
    "emotions",
    "needs",
    "share_numbers",
    "share_emotions",
    "share_needs",
)


def visible_readings(
    user, couple, *, partner, start: dt.date, end: dt.date, with_answers: bool = False
) -> list[DayReading]:
    """My check-ins and my partner's shared ones (since we became a couple), in one query.
    ``with_answers`` adds, in the same query, when each was first answered within our
    couple and how many answers it got."""
    checkins = (
        CheckIn.objects.visible_to(user, couple=couple, partner=partner)
        .filter(local_date__gte=start, local_date__lte=end)
        .order_by("local_date")
    )
    if with_answers and couple is not None:
        # The couple is a filter on the aggregates, not on the join, so the answers are
        # found through each check-in's own index however long the couple's history.
        in_couple = Q(responses__couple=couple)
        rows = checkins.values_list(*READING_FIELDS).annotate(
            first_answer_at=Min("responses__created_at", filter=in_couple),
            answer_count=Count("responses", filter=in_couple),
        )
    else:
        rows = checkins.values_list(*READING_FIELDS)
    readings = []
    for row in rows:
        (
            checkin_id,
            owner_id,
            local_date,
            created_at,
            mood,
            stress,
            energy,
            connection,
            sleep_hours,
            emotions,
            needs,
            share_numbers,
            share_emotions,
            share_needs,
        ) = row[:14]
        mine = owner_id == user.pk
        numbers = {}
        if mine or share_numbers:
            numbers = {"mood": mood, "stress": stress, "energy": energy, "connection": connection}
            if sleep_hours is not None:
                numbers["sleep_hours"] = float(sleep_hours)
        readings.append(
            DayReading(
                is_mine=mine,
                checkin_id=checkin_id,
                local_date=local_date,
                created_at=created_at,
                numbers=numbers,
                emotions=tuple(emotions) if mine or share_emotions else (),
                needs=tuple(needs) if mine or share_needs else (),
                is_request=share_needs and requests_help(needs),
                first_answer_at=row[14] if len(row) > 14 else None,
                answer_count=row[15] if len(row) > 14 else 0,
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
