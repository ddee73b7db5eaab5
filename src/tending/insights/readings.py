"""The insights' reads: what one viewer may use of check-ins, responses and results, each
in one aggregate-friendly query over the chosen range."""

import datetime as dt
import json
from dataclasses import dataclass
from typing import NamedTuple

from tending.assessments.models import Result
from tending.assessments.selectors import band_of, instrument_for, shared_view
from tending.checkins.feelings import requests_help
from tending.core.timezones import zone_for
from tending.insights import compiled
from tending.insights.compiled import SHARES_EMOTIONS, SHARES_NEEDS, SHARES_NUMBERS


class DayReading(NamedTuple):
    """What one viewer may use of one check-in; hidden parts are empty. A named tuple, the
    quickest to make of the immutable records: a long range holds hundreds."""

    is_mine: bool
    local_date: dt.date
    numbers: dict
    emotions: tuple[str, ...]
    needs: tuple[str, ...]
    is_request: bool
    answered_in_a_day: bool
    answer_count: int


def word_list(listed: str) -> tuple[str, ...]:
    """A word list from its JSON text. The text a list of words is stored as,
    ``["calm", "tired"]``, is split at its separators; any other text (escapes, other
    spacing) is parsed as JSON. Both give the same words."""
    if listed == "[]":
        return ()
    if listed[:2] == '["' and listed[-2:] == '"]' and "\\" not in listed:
        words = tuple(listed[2:-2].split('", "'))
        # Without escapes a word holds no quote, so two quotes a word means every
        # separator was one of those split at.
        if listed.count('"') == 2 * len(words):
            return words
    return tuple(json.loads(listed))


def _needs(lists: dict, listed: str) -> tuple[tuple[str, ...], bool]:
    """A needs list from its JSON text, and whether it requests help, kept in ``lists``."""
    needs = word_list(listed)
    lists[listed] = needs, requests_help(needs)
    return lists[listed]


def first_visible_day(user, couple, *, partner) -> dt.date | None:
    """The earliest day with a check-in the viewer may use: their own or one their partner
    shared since the couple began. Pages that step back in time stop there."""
    statement = compiled.first_visible_day(couple is not None and partner is not None)
    rows = statement.rows({"viewer": user, "couple": couple, "partner": partner})
    return rows[0][0] if rows else None


def visible_readings(
    user, couple, *, partner, start: dt.date, end: dt.date, with_answers: bool = False
) -> list[DayReading]:
    """My check-ins and my partner's shared ones (since we became a couple), in one query.
    ``with_answers`` adds, in the same query, how many answers each got within our couple
    and whether one came within a day of the check-in."""
    with_partner = couple is not None and partner is not None
    statement = compiled.readings(with_partner, with_answers and couple is not None)
    arguments = {"viewer": user, "couple": couple, "partner": partner, "start": start, "end": end}
    viewer_id = user.pk
    # Each distinct word list is parsed once a page; each needs list is asked once whether
    # it requests help.
    emotion_lists: dict[str, tuple[str, ...]] = {}
    need_lists: dict[str, tuple[tuple[str, ...], bool]] = {}
    hidden: tuple[str, ...] = ()
    readings = []
    for (
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
        *answers,
    ) in statement.rows(arguments, repeated=True):
        mine = owner_id == viewer_id
        numbers = {}
        if mine or shares & SHARES_NUMBERS:
            numbers = {"mood": mood, "stress": stress, "energy": energy, "connection": connection}
            if sleep_hours is not None:
                numbers["sleep_hours"] = float(sleep_hours)
        emotions = needs = hidden
        if mine or shares & SHARES_EMOTIONS:
            emotions = emotion_lists.get(emotions_json)
            if emotions is None:
                emotions = emotion_lists[emotions_json] = word_list(emotions_json)
        shares_needs = bool(shares & SHARES_NEEDS)
        is_request = False
        if mine or shares_needs:
            needs, requests = need_lists.get(needs_json) or _needs(need_lists, needs_json)
            is_request = shares_needs and requests
        readings.append(
            DayReading(
                mine,
                local_date,
                numbers,
                emotions,
                needs,
                is_request,
                bool(answers[0]) if answers else False,
                answers[1] if answers else 0,
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
    with_partner = couple is not None and partner is not None
    statement = compiled.assessment_results(with_partner, until is not None)
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
