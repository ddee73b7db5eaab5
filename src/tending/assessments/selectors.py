"""Reading a person's questionnaires: schedule, results, changes, nudges, trends, sharing."""

import datetime as dt
import math
from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone

from tending.assessments import compiled, scoring
from tending.assessments.models import Result, ScheduleChoice, Sharing
from tending.core.timezones import local_today, zone_for
from tending.couples.selectors import couple_and_partner

DISPLAY_ORDER = ("phq9", "gad7", "who5", "csi4", "phq2", "gad2", "pss4")
ON_BY_DEFAULT = frozenset({"phq9", "gad7", "who5", "csi4"})
NUDGE_FROM_LEVEL = "moderate"
NUDGE_RESULTS_LOOKED_AT = 60
PARTNER_RESULTS_SHOWN = 50
TREND_POINTS_SHOWN = 120

NUDGE_BAND = "band"
NUDGE_WORSENING = "worsening"


def instruments() -> list[scoring.Instrument]:
    """Every questionnaire, the common ones first."""
    known = scoring.load_instruments()
    order = {key: index for index, key in enumerate(DISPLAY_ORDER)}
    return sorted(known.values(), key=lambda item: (order.get(item.key, len(order)), item.key))


def instrument_for(key: str) -> scoring.Instrument | None:
    return scoring.load_instruments().get(key)


def band_of(instrument: scoring.Instrument, result: Result) -> scoring.Band | None:
    return next((band for band in instrument.bands if band.key == result.band_key), None)


@dataclass(frozen=True)
class ScheduleRow:
    instrument: scoring.Instrument
    active: bool
    every_days: int
    last_taken: dt.datetime | None
    due_on: dt.date | None
    is_due: bool
    chosen: bool = False


def schedule_for(
    user, now: dt.datetime | None = None, *, last_taken: dict[str, dt.datetime] | None = None
) -> list[ScheduleRow]:
    """Each questionnaire with the person's choice (or the default) and when it is next due;
    ``last_taken`` (when each was last taken) is read here unless the caller knows it."""
    today = local_today(user, now)
    zone = zone_for(user)
    own = compiled.schedule_choices().instances(ScheduleChoice, {"person": user})
    choices = {choice.instrument_key: choice for choice in own}
    if last_taken is None:
        last_taken = dict(
            Result.objects.filter(user=user)
            .values("instrument_key")
            .annotate(last=Max("taken_at"))
            .values_list("instrument_key", "last")
        )
    rows = []
    for instrument in instruments():
        choice = choices.get(instrument.key)
        active = choice.active if choice else instrument.key in ON_BY_DEFAULT
        every_days = choice.every_days if choice else instrument.schedule_days
        last = last_taken.get(instrument.key)
        due_on = (
            today if last is None else last.astimezone(zone).date() + dt.timedelta(days=every_days)
        )
        rows.append(
            ScheduleRow(
                instrument=instrument,
                active=active,
                every_days=every_days,
                last_taken=last,
                due_on=due_on if active else None,
                is_due=active and due_on <= today,
                chosen=choice is not None,
            )
        )
    return rows


def introduction_suggestions() -> dict[str, int]:
    """The questionnaires the introduction on home offers, with their usual interval."""
    return {
        instrument.key: instrument.schedule_days
        for instrument in instruments()
        if instrument.key in ON_BY_DEFAULT
    }


def due_for(user, now: dt.datetime | None = None) -> list[ScheduleRow]:
    return [row for row in schedule_for(user, now) if row.is_due]


@dataclass(frozen=True)
class ChangeView:
    direction: str
    amount: int
    unit: str
    meaningful: bool | None
    minimal_important_difference: float | None
    mid_citation: str | None
    since: dt.datetime

    @property
    def amount_text(self) -> str:
        return _points(self.amount, self.unit)

    @property
    def mid_text(self) -> str:
        if self.minimal_important_difference is None:
            return ""
        return _points(self.minimal_important_difference, self.unit)


def _points(amount: float, unit: str) -> str:
    noun = "percentage point" if unit == "%" else "point"
    return f"{amount:g} {noun}{'' if amount == 1 else 's'}"


def change_between(
    instrument: scoring.Instrument, previous: Result | None, *, current: Result
) -> ChangeView | None:
    if previous is None:
        return None
    change = scoring.change_since(instrument, previous.total, current.total)
    mid = change.minimal_important_difference
    return ChangeView(
        direction=change.direction,
        amount=abs(change.display_difference),
        unit=instrument.display_unit,
        meaningful=change.meaningful,
        minimal_important_difference=int(mid) if mid is not None and mid == int(mid) else mid,
        mid_citation=instrument.mid_citation,
        since=previous.taken_at,
    )


def _worsened_meaningfully(instrument: scoring.Instrument, earlier: Result, later: Result) -> bool:
    change = scoring.change_since(instrument, earlier.total, later.total)
    return change.direction == "worse" and bool(change.meaningful)


def nudge_reason(instrument: scoring.Instrument, newest_first: list[Result]) -> str | None:
    """Why the newest result suggests seeking help: a band of moderate or worse, or two
    consecutive worsenings beyond the minimal important difference."""
    if not newest_first:
        return None
    latest = newest_first[0]
    band = band_of(instrument, latest)
    if band and scoring.LEVELS.index(band.level) >= scoring.LEVELS.index(NUDGE_FROM_LEVEL):
        return NUDGE_BAND
    if len(newest_first) >= 3:
        latest, middle, earliest = newest_first[:3]
        if _worsened_meaningfully(instrument, earliest, middle) and _worsened_meaningfully(
            instrument, middle, latest
        ):
            return NUDGE_WORSENING
    return None


@dataclass(frozen=True)
class Nudge:
    result: Result
    instrument: scoring.Instrument
    reason: str


def earlier_results(result: Result, limit: int) -> list[Result]:
    return list(
        Result.objects.filter(
            user_id=result.user_id,
            instrument_key=result.instrument_key,
            taken_at__lte=result.taken_at,
        )
        .exclude(pk=result.pk)
        .exclude(taken_at=result.taken_at, pk__gt=result.pk)
        .order_by("-taken_at", "-pk")[:limit]
    )


def recent_results(user) -> list[Result]:
    """The results a help nudge looks at, newest first."""
    return compiled.recent_results(NUDGE_RESULTS_LOOKED_AT).instances(Result, {"person": user})


def help_nudge_for(user, *, recent: list[Result] | None = None) -> Nudge | None:
    """The most recent undismissed result that suggests seeking help, if any; ``recent``
    (from ``recent_results``) is read here unless the caller has it."""
    if recent is None:
        recent = recent_results(user)
    by_instrument: dict[str, list[Result]] = {}
    for result in recent:
        by_instrument.setdefault(result.instrument_key, []).append(result)
    candidates = []
    for key, newest_first in by_instrument.items():
        instrument = instrument_for(key)
        if instrument is None or newest_first[0].nudge_dismissed:
            continue
        reason = nudge_reason(instrument, newest_first)
        if reason:
            candidates.append(Nudge(result=newest_first[0], instrument=instrument, reason=reason))
    return max(candidates, key=lambda nudge: nudge.result.taken_at, default=None)


@dataclass(frozen=True)
class ResultView:
    result: Result
    instrument: scoring.Instrument
    band: scoring.Band | None
    display_score: int
    display_range: tuple[int, int]
    change: ChangeView | None
    nudge_reason: str | None


def result_view(result: Result) -> ResultView:
    instrument = scoring.get_instrument(result.instrument_key)
    earlier = earlier_results(result, limit=2)
    reason = None if result.nudge_dismissed else nudge_reason(instrument, [result, *earlier])
    return ResultView(
        result=result,
        instrument=instrument,
        band=band_of(instrument, result),
        display_score=result.total * instrument.display_multiplier,
        display_range=instrument.display_range,
        change=change_between(instrument, earlier[0] if earlier else None, current=result),
        nudge_reason=reason,
    )


def latest_results(user) -> dict[str, Result]:
    """The newest result of each questionnaire the person has taken."""
    latest: dict[str, Result] = {}
    for result in Result.objects.filter(user=user).order_by("-taken_at", "-pk")[
        :NUDGE_RESULTS_LOOKED_AT
    ]:
        latest.setdefault(result.instrument_key, result)
    return latest


@dataclass(frozen=True)
class SharedResult:
    """What a partner may see of one result: never the answers."""

    short_name: str
    taken_at: dt.datetime
    band_label: str | None
    band_meaning: str | None
    score: int | None
    display_range: tuple[int, int]
    unit: str


def shared_view(result: Result) -> SharedResult | None:
    if result.sharing == Sharing.NOTHING:
        return None
    instrument = instrument_for(result.instrument_key)
    if instrument is None:
        return None
    band = band_of(instrument, result)
    with_score = result.sharing == Sharing.BAND_AND_SCORE
    return SharedResult(
        short_name=instrument.short_name,
        taken_at=result.taken_at,
        band_label=band.label if band else None,
        band_meaning=band.meaning if band else None,
        score=result.total * instrument.display_multiplier if with_score else None,
        display_range=instrument.display_range,
        unit=instrument.display_unit,
    )


def shared_by_partner(viewer) -> tuple[object | None, list[SharedResult]]:
    """The partner and what they chose to share since the couple began; nothing when unpaired."""
    couple, partner = couple_and_partner(viewer)
    if partner is None:
        return None, []
    results = Result.objects.shared_with_partner(couple, partner).order_by("-taken_at", "-pk")[
        :PARTNER_RESULTS_SHOWN
    ]
    views = [shared_view(result) for result in results]
    return partner, [view for view in views if view is not None]


def history_for(user, instrument: scoring.Instrument) -> list[Result]:
    """The person's results of one questionnaire, oldest first."""
    newest = Result.objects.filter(user=user, instrument_key=instrument.key).order_by(
        "-taken_at", "-pk"
    )[:TREND_POINTS_SHOWN]
    return list(reversed(newest))


# Drawn small, so that its 14-unit labels stay at least 12 px on a 390-px phone.
CHART_WIDTH = 400
CHART_HEIGHT = 240
CHART_LEFT = 48
CHART_RIGHT = 12
CHART_TOP = 12
CHART_BOTTOM = 36
CHART_DATE_LABELS = 6


@dataclass(frozen=True)
class ChartBand:
    y: float
    height: float
    level: str
    label: str
    label_y: float


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    date: dt.date
    score: int
    band_label: str
    show_date: bool


@dataclass(frozen=True)
class TrendChart:
    width: int
    height: int
    left: int
    right: float
    top: int
    bottom: float
    bands: list[ChartBand]
    points: list[ChartPoint]
    line: str
    low: int
    high: int
    unit: str
    higher_is_better: bool

    @property
    def plot_width(self) -> float:
        return self.right - self.left


def trend_chart(user, instrument: scoring.Instrument, *, results: list[Result]) -> TrendChart:
    """Where to draw each band and point of an inline SVG chart of ``results``."""
    plot_right = CHART_WIDTH - CHART_RIGHT
    plot_bottom = CHART_HEIGHT - CHART_BOTTOM
    plot_height = plot_bottom - CHART_TOP
    raw_low, raw_high = instrument.score_range
    low, high = instrument.display_range

    def y_for(raw: float) -> float:
        return round(CHART_TOP + (raw_high - raw) / (raw_high - raw_low) * plot_height, 1)

    bands = []
    for drawn in instrument.bands:
        top = y_for(min(raw_high, drawn.max + 0.5))
        bottom = y_for(max(raw_low, drawn.min - 0.5))
        bands.append(
            ChartBand(
                y=top,
                height=round(bottom - top, 1),
                level=drawn.level,
                label=drawn.label,
                label_y=round(top + 15, 1),
            )
        )

    zone = zone_for(user)
    times = [result.taken_at for result in results]
    first, last = (min(times), max(times)) if times else (timezone.now(), timezone.now())
    span = (last - first).total_seconds()
    label_every = max(1, math.ceil(len(results) / CHART_DATE_LABELS))
    points = []
    for index, result in enumerate(results):
        share = (result.taken_at - first).total_seconds() / span if span else 0.5
        band = band_of(instrument, result)
        is_last = index == len(results) - 1
        points.append(
            ChartPoint(
                x=round(CHART_LEFT + share * (plot_right - CHART_LEFT), 1),
                y=y_for(result.total),
                date=result.taken_at.astimezone(zone).date(),
                score=result.total * instrument.display_multiplier,
                band_label=band.label if band else "",
                show_date=index % label_every == 0 or is_last,
            )
        )
    return TrendChart(
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        left=CHART_LEFT,
        right=plot_right,
        top=CHART_TOP,
        bottom=plot_bottom,
        bands=bands,
        points=points,
        line=" ".join(f"{point.x},{point.y}" for point in points),
        low=low,
        high=high,
        unit=instrument.display_unit,
        higher_is_better=not instrument.higher_is_worse,
    )


def home_cards(*, viewer, couple, partner, facts) -> dict:
    """Questionnaires the person chose that are due today, or, until they choose, a one-time
    introduction in plain words; and a gentle suggestion to seek help when one calls for it.
    Two queries: the recent results serve both unless they are not all the person has."""
    recent = recent_results(viewer)
    last_taken: dict[str, dt.datetime] | None = None
    if len(recent) < NUDGE_RESULTS_LOOKED_AT:
        last_taken = {}
        for result in recent:
            last_taken.setdefault(result.instrument_key, result.taken_at)
    rows = schedule_for(viewer, last_taken=last_taken)
    has_chosen = any(row.chosen for row in rows)
    return {
        "due_assessments": [row for row in rows if row.is_due and row.chosen],
        "assessments_introduction": []
        if has_chosen
        else [row.instrument for row in rows if row.instrument.key in ON_BY_DEFAULT],
        "help_nudge": help_nudge_for(viewer, recent=recent),
    }


def results_of(user, instrument_key: str | None = None):
    """The person's own results, newest first, of one questionnaire or all."""
    results = Result.objects.filter(user=user)
    if instrument_key:
        results = results.filter(instrument_key=instrument_key)
    return results.order_by("-taken_at", "-pk")
