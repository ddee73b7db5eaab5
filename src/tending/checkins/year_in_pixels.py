"""The year in pixels: a year of moods, the person's and, where shared, the partner's."""

import datetime as dt
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


def year_in_pixels(viewer, couple, *, partner, year=None) -> YearInPixels:
    """Each day of one year as a colour of the mood that day: mine, and beside it my
    partner's where they shared their numbers with me (the partner-visibility rule). Two
    queries: where the years begin, and the year's moods."""
    today = local_today(viewer)
    with_partner = couple is not None and partner is not None
    arguments = {"viewer": viewer, "couple": couple, "partner": partner}
    [first_days] = compiled.first_mood_days(with_partner).rows(arguments)
    first = min((day for day in first_days if day is not None), default=None)
    year = chosen_year(year, first=first, today=today)
    arguments.update(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    viewer_id = viewer.pk  # read once: the signed-in person is a lazy object
    mine: dict[dt.date, int] = {}
    theirs: dict[dt.date, int] = {}
    for owner_id, local_date, mood in compiled.moods_between(with_partner).rows(arguments):
        (mine if owner_id == viewer_id else theirs)[local_date] = mood
    people = [("You", mine)] + ([(str(partner), theirs)] if partner is not None else [])

    blank = PixelCell(tuple("px--blank" for _ in people), "")
    # Days with the same moods look and read the same: each pair is described once.
    described: dict[tuple[int | None, ...], PixelCell] = {}

    def describe(day_moods: tuple[int | None, ...]) -> PixelCell:
        tones, words = [], []
        for (name, _), mood in zip(people, day_moods, strict=True):
            tones.append(f"tone-{MOOD.tone(mood)}" if mood else "px--none")
            words.append(f"{name}: {MOOD.label(mood).lower() if mood else 'no check-in'}")
        return PixelCell(tuple(tones), "; ".join(words))

    def cell(day: dt.date) -> PixelCell:
        if day > today or first is None or day < first:
            return blank
        day_moods = tuple([moods.get(day) for _, moods in people])
        found = described.get(day_moods)
        if found is None:
            found = described[day_moods] = describe(day_moods)
        return found

    rows = []
    for day_number in range(1, 32):
        cells: list[PixelCell | None] = []
        for month in range(1, 13):
            try:
                cells.append(cell(dt.date(year, month, day_number)))
            except ValueError:
                cells.append(None)
        rows.append((day_number, cells))
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
