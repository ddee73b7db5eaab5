"""Scoring of validated questionnaires, exactly as published.

Each instrument is described by one TOML file in the ``instruments`` directory, read and
checked by ``definitions``; this module scores answers. Both use the standard library
only, so the web app, the API and the command line share one scorer. The definitions'
names are importable from here too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tending.assessments.definitions import (
    DIRECTIONS,
    INSTRUMENTS_DIR,
    LEVELS,
    SCORING_METHODS,
    Band,
    IncompleteAnswers,
    Instrument,
    InstrumentDefinitionError,
    InvalidAnswer,
    Item,
    Licence,
    Option,
    SafetyRule,
    UnknownInstrument,
    get_instrument,
    load_instruments,
)

__all__ = [
    "Band",
    "Change",
    "change_since",
    "DIRECTIONS",
    "get_instrument",
    "IncompleteAnswers",
    "Instrument",
    "InstrumentDefinitionError",
    "INSTRUMENTS_DIR",
    "InvalidAnswer",
    "Item",
    "LEVELS",
    "Licence",
    "load_instruments",
    "Option",
    "Result",
    "SafetyRule",
    "score",
    "SCORING_METHODS",
    "UnknownInstrument",
]


@dataclass(frozen=True)
class Result:
    instrument_key: str
    instrument_version: int
    total: int
    display_score: int
    range: tuple[int, int]
    display_range: tuple[int, int]
    band: Band | None
    safety_flag: bool
    answers: dict[int, int]


@dataclass(frozen=True)
class Change:
    difference: int
    display_difference: int
    direction: str
    meaningful: bool | None
    minimal_important_difference: float | None


def score(instrument: Instrument, answers: Mapping[int, int] | Sequence[int]) -> Result:
    """Score one completed questionnaire.

    ``answers`` maps item numbers to option values, or lists values in item order (scored
    items first, then any extra items). Extra items are optional and never scored.
    """
    normalised = _normalise_answers(instrument, answers)
    missing = [
        item.number
        for item in instrument.all_items
        if item.required and item.number not in normalised
    ]
    if missing:
        raise IncompleteAnswers(instrument, missing)
    total = sum(item.item_score(normalised[item.number]) for item in instrument.items)
    safety_flag = any(
        normalised.get(rule.item, 0) >= rule.min_value for rule in instrument.safety_rules
    )
    return Result(
        instrument_key=instrument.key,
        instrument_version=instrument.version,
        total=total,
        display_score=total * instrument.display_multiplier,
        range=instrument.score_range,
        display_range=instrument.display_range,
        band=instrument.band_for(total),
        safety_flag=safety_flag,
        answers=normalised,
    )


def change_since(instrument: Instrument, previous_total: int, current_total: int) -> Change:
    """How the total moved, and whether the move reaches the published minimal difference."""
    difference = current_total - previous_total
    display_difference = difference * instrument.display_multiplier
    if difference == 0:
        direction = "same"
    elif (difference > 0) == instrument.higher_is_worse:
        direction = "worse"
    else:
        direction = "better"
    mid = instrument.minimal_important_difference
    meaningful = None if mid is None else abs(display_difference) >= mid
    return Change(
        difference=difference,
        display_difference=display_difference,
        direction=direction,
        meaningful=meaningful,
        minimal_important_difference=mid,
    )


def _normalise_answers(
    instrument: Instrument, answers: Mapping[int, int] | Sequence[int]
) -> dict[int, int]:
    if isinstance(answers, Mapping):
        pairs = [(_as_int(number, "item number"), value) for number, value in answers.items()]
    elif isinstance(answers, Sequence) and not isinstance(answers, str | bytes):
        items = instrument.all_items
        if len(answers) > len(items):
            raise InvalidAnswer(
                f"{instrument.short_name}: {len(answers)} answers given, "
                f"but it has {len(items)} items"
            )
        pairs = [(item.number, value) for item, value in zip(items, answers, strict=False)]
    else:
        raise InvalidAnswer(f"{instrument.short_name}: answers must be a mapping or a sequence")

    normalised: dict[int, int] = {}
    for number, raw_value in pairs:
        if raw_value is None:
            continue
        try:
            item = instrument.item(number)
        except KeyError:
            raise InvalidAnswer(f"{instrument.short_name} has no item {number}") from None
        value = _as_int(raw_value, f"answer to item {number}")
        if value not in item.values:
            allowed = ", ".join(str(v) for v in item.values)
            raise InvalidAnswer(
                f"{instrument.short_name} item {number}: {value} is not one of {allowed}"
            )
        normalised[number] = value
    return dict(sorted(normalised.items()))


def _as_int(value: Any, what: str) -> int:
    if isinstance(value, bool):
        raise InvalidAnswer(f"{what} must be a whole number, not {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    raise InvalidAnswer(f"{what} must be a whole number, not {value!r}")
