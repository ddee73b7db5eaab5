"""The insights' reads: what one viewer may use of check-ins, responses and results, each
in one aggregate-friendly query over the chosen range."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Min

from tending.assessments.models import Result
from tending.assessments.selectors import band_of, instrument_for, shared_view
from tending.checkins.feelings import requests_help
from tending.checkins.models import CheckIn, Response
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


def first_visible_day(user, couple, *, partner) -> dt.date | None:
    """The earliest day with a check-in the viewer may use: their own or one their partner
    shared since the couple began. Pages that step back in time stop there."""
    return CheckIn.objects.visible_to(user, couple=couple, partner=partner).aggregate(
        first=Min("local_date")
    )["first"]


def visible_readings(user, couple, *, partner, start: dt.date, end: dt.date) -> list[DayReading]:
    """My check-ins and my partner's shared ones (since we became a couple), in one query."""
    rows = (
        CheckIn.objects.visible_to(user, couple=couple, partner=partner)
        .filter(local_date__gte=start, local_date__lte=end)
        .order_by("local_date")
        .values_list(
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
    )
    readings = []
    for (
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
    ) in rows:
        mine = owner_id == user.pk
        numbers = {}
        if mine or share_numbers:
            numbers = {"mood": mood, "stress": stress, "energy": energy, "connection": connection}
            if sleep_hours is not None:
                numbers["sleep_hours"] = float(sleep_hours)
        shown_needs = tuple(needs) if mine or share_needs else ()
        readings.append(
            DayReading(
                is_mine=mine,
                checkin_id=checkin_id,
                local_date=local_date,
                created_at=created_at,
                numbers=numbers,
                emotions=tuple(emotions) if mine or share_emotions else (),
                needs=shown_needs,
                is_request=share_needs and requests_help(list(needs)),
            )
        )
    return readings


def first_responses(couple, since: dt.date) -> dict[int, tuple[dt.datetime, int]]:
    """For each answered check-in in the couple: the first answer's time and the count."""
    if couple is None:
        return {}
    return {
        row["checkin_id"]: (row["first"], row["count"])
        for row in Response.objects.filter(couple=couple, checkin__local_date__gte=since)
        .values("checkin_id")
        .annotate(first=Min("created_at"), count=Count("id"))
    }


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
