"""The insights' reads: what one viewer may use of check-ins, responses and results, each
in one aggregate-friendly query over the chosen range."""

import datetime as dt
import json
from dataclasses import dataclass, field

from tending.assessments.models import Result
from tending.assessments.selectors import band_of, instrument_for, shared_view
from tending.checkins.feelings import requests_help
from tending.core.timezones import zone_for
from tending.insights import compiled
from tending.insights.compiled import SHARES_EMOTIONS, SHARES_NEEDS, SHARES_NUMBERS


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
    statement = compiled.first_visible_day(couple is not None)
    rows = statement.rows({"viewer": user, "couple": couple, "partner": partner})
    return rows[0][0] if rows else None


def visible_readings(
    user, couple, *, partner, start: dt.date, end: dt.date, with_answers: bool = False
) -> list[DayReading]:
    """My check-ins and my partner's shared ones (since we became a couple), in one query.
    ``with_answers`` adds, in the same query, how many answers each got within our couple
    and whether one came within a day of the check-in."""
    with_partner = couple is not None
    statement = compiled.readings(with_partner, with_answers and with_partner)
    rows = statement.rows(
        {"viewer": user, "couple": couple, "partner": partner, "start": start, "end": end}
    )
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


def assessment_rows(
    user, couple, *, partner, since: dt.datetime, until: dt.datetime | None = None
) -> tuple[AssessmentRow, ...]:
    """My results since ``since``, and my partner's shared ones since the couple began."""
    statement = compiled.assessment_results(couple is not None, until is not None)
    arguments = {"viewer": user, "couple": couple, "partner": partner, "since": since}
    results = statement.instances(Result, {**arguments, "until": until})
    rows = []
    for result in results:
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
