"""The year in pixels: a year of moods, the person's and, where shared, the partner's."""

import datetime as dt
import functools
from dataclasses import dataclass

from tending.checkins import compiled
from tending.checkins.feelings import SCALE_BY_KEY
from tending.core.timezones import local_today


@dataclass(frozen=True)
class PixelCell:
    """One day of the year in pixels: a coloured square for me, and one beside it for my
    partner's shared mood; ``text`` says the same in words for a screen reader."""

    tones: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class YearInPixels:
    year: int
    previous_year: int | None
    next_year: int | None
    partner_name: str | None
    months: tuple[str, ...]
    rows: list[tuple[int, list[PixelCell | None]]]
    my_days: int
    their_days: int
    legend: tuple[tuple[str, str], ...]


MOOD = SCALE_BY_KEY["mood"]
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def chosen_year(value, *, first: dt.date | None, today: dt.date) -> int:
    """The year asked for, kept between the first day there is anything to show and now."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return today.year
    return min(max(year, first.year if first else today.year), today.year)


@functools.lru_cache(maxsize=8)
def days_of(year: int) -> tuple[tuple[str | None, ...], ...]:
    """The year's grid of days as ISO text (how the moods name them): a row for each day
    of the month, a column for each month, None where a month has no such day. The same
    for everybody, so made once per year."""
    rows = []
    for day_number in range(1, 32):
        row: list[str | None] = []
        for month in range(1, 13):
            try:
                row.append(dt.date(year, month, day_number).isoformat())
            except ValueError:
                row.append(None)
        rows.append(tuple(row))
    return tuple(rows)


def moods_by_day(days_and_moods: str | None) -> dict[str, str]:
    """Each day's mood (ISO text to digit) from a ``compiled.DaysAndMoods`` text."""
    if not days_and_moods:
        return {}
    parts = days_and_moods.split(",")
    return dict(zip(parts[::2], parts[1::2], strict=True))


def year_in_pixels(viewer, couple, *, partner, year=None) -> YearInPixels:
    """Each day of one year as a colour of the mood that day: mine, and beside it my
    partner's where they shared their numbers with me (the partner-visibility rule). Two
    queries: where the years begin, and the year's moods, each person's as one text."""
    today = local_today(viewer)
    with_partner = couple is not None and partner is not None
    arguments = {"viewer": viewer, "couple": couple, "partner": partner}
    [first_days] = compiled.first_mood_days(with_partner).rows(arguments)
    first = min((day for day in first_days if day is not None), default=None)
    year = chosen_year(year, first=first, today=today)
    arguments.update(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    [year_moods] = compiled.moods_between(with_partner).rows(arguments)
    mine = moods_by_day(year_moods[0])
    theirs = moods_by_day(year_moods[1]) if with_partner else {}
    people = [("You", mine)] + ([(str(partner), theirs)] if partner is not None else [])
    my_mood, their_mood = mine.get, theirs.get
    if partner is None:

        def moods_on(day: str) -> tuple[str | None, ...]:
            return (my_mood(day),)
    else:

        def moods_on(day: str) -> tuple[str | None, ...]:
            return (my_mood(day), their_mood(day))

    blank = PixelCell(tuple("px--blank" for _ in people), "")
    # Days with the same moods look and read the same: each pair is described once.
    described: dict[tuple[str | None, ...], PixelCell] = {}

    def describe(day_moods: tuple[str | None, ...]) -> PixelCell:
        tones, words = [], []
        for (name, _), mood in zip(people, day_moods, strict=True):
            tones.append(f"tone-{MOOD.tone(int(mood))}" if mood else "px--none")
            words.append(f"{name}: {MOOD.label(int(mood)).lower() if mood else 'no check-in'}")
        return PixelCell(tuple(tones), "; ".join(words))

    shown_from = first.isoformat() if first else None
    shown_to = today.isoformat()

    def cell(day: str | None) -> PixelCell | None:
        if day is None:
            return None
        if shown_from is None or day < shown_from or day > shown_to:
            return blank
        day_moods = moods_on(day)
        found = described.get(day_moods)
        if found is None:
            found = described[day_moods] = describe(day_moods)
        return found

    rows = [
        (day_number, [cell(day) for day in days])
        for day_number, days in enumerate(days_of(year), start=1)
    ]
    return YearInPixels(
        year=year,
        previous_year=year - 1 if first and first.year < year else None,
        next_year=year + 1 if year < today.year else None,
        partner_name=str(partner) if partner is not None else None,
        months=MONTH_NAMES,
        rows=rows,
        my_days=len(mine),
        their_days=len(theirs),
        legend=tuple((f"tone-{MOOD.tone(value)}", MOOD.label(value)) for value in range(1, 6)),
    )
