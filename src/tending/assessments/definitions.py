"""Questionnaire definitions: the instruments as published, read and checked from one
TOML file each in the ``instruments`` directory next to this module. Standard library only.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

INSTRUMENTS_DIR = Path(__file__).with_name("instruments")

LEVELS = ("none", "mild", "moderate", "moderately_severe", "severe")
"""Band levels from least to most concern.

Graded instruments map their published band names onto these. For a published single
cut-off, crossing it is "mild" when the source suggests a closer look, and "moderate"
when it suggests a professional assessment.
"""

SCORING_METHODS = ("sum",)

DIRECTIONS = ("better", "worse", "same")


class InstrumentDefinitionError(ValueError):
    """An instrument file is missing a field or contradicts itself."""


class UnknownInstrument(LookupError):
    """No instrument has the requested key."""


class IncompleteAnswers(ValueError):
    """One or more scored items have no answer."""

    def __init__(self, instrument: Instrument, missing: Sequence[int]):
        self.missing = tuple(missing)
        numbers = ", ".join(str(number) for number in self.missing)
        super().__init__(f"{instrument.short_name}: no answer for item(s) {numbers}")


class InvalidAnswer(ValueError):
    """An answer names an unknown item or a value that is not one of its options."""


@dataclass(frozen=True)
class Option:
    label: str
    value: int


@dataclass(frozen=True)
class Item:
    number: int
    text: str
    options: tuple[Option, ...]
    scored: bool = True
    required: bool = True
    reverse: bool = False
    loinc: str | None = None

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(option.value for option in self.options)

    def item_score(self, value: int) -> int:
        """The value's contribution to the total, reversed where the item says so."""
        if self.reverse:
            return min(self.values) + max(self.values) - value
        return value


@dataclass(frozen=True)
class Band:
    key: str
    min: int
    max: int
    label: str
    meaning: str
    level: str

    def contains(self, total: int) -> bool:
        return self.min <= total <= self.max


@dataclass(frozen=True)
class SafetyRule:
    item: int
    min_value: int
    reason: str


@dataclass(frozen=True)
class Licence:
    text: str
    note: str
    caveat: str | None = None


@dataclass(frozen=True)
class Instrument:
    key: str
    name: str
    short_name: str
    about: str
    version: int
    recall_period: str | None
    instructions: str | None
    item_prefix: str | None
    items: tuple[Item, ...]
    extra_items: tuple[Item, ...]
    scoring_method: str
    score_range: tuple[int, int]
    display_multiplier: int
    display_unit: str
    higher_is_worse: bool
    bands: tuple[Band, ...]
    minimal_important_difference: float | None
    mid_citation: str | None
    safety_rules: tuple[SafetyRule, ...]
    citation: str
    licence: Licence
    loinc_panel: str | None
    loinc_total: str | None
    schedule_days: int
    verify_before_release: tuple[str, ...] = ()

    @property
    def all_items(self) -> tuple[Item, ...]:
        return self.items + self.extra_items

    @property
    def display_range(self) -> tuple[int, int]:
        low, high = self.score_range
        return low * self.display_multiplier, high * self.display_multiplier

    @property
    def reverse_items(self) -> tuple[int, ...]:
        return tuple(item.number for item in self.items if item.reverse)

    def item(self, number: int) -> Item:
        for candidate in self.all_items:
            if candidate.number == number:
                return candidate
        raise KeyError(number)

    def band_for(self, total: int) -> Band | None:
        return next((band for band in self.bands if band.contains(total)), None)


def load_instruments(directory: Path | None = None) -> dict[str, Instrument]:
    """Every instrument in ``directory`` (the bundled ones by default), by key."""
    instruments = _load_directory(Path(directory or INSTRUMENTS_DIR).resolve())
    return {instrument.key: instrument for instrument in instruments}


def get_instrument(key: str) -> Instrument:
    try:
        return load_instruments()[key]
    except KeyError:
        raise UnknownInstrument(key) from None


@functools.cache
def _load_directory(directory: Path) -> tuple[Instrument, ...]:
    paths = sorted(directory.glob("*.toml"))
    if not paths:
        raise InstrumentDefinitionError(f"no instrument files in {directory}")
    return tuple(_load_file(path) for path in paths)


def _load_file(path: Path) -> Instrument:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise InstrumentDefinitionError(f"{path.name}: not valid TOML: {error}") from error
    try:
        instrument = _build_instrument(_Reader(data, path.name))
    except InstrumentDefinitionError:
        raise
    except (TypeError, ValueError) as error:
        raise InstrumentDefinitionError(f"{path.name}: {error}") from error
    if instrument.key != path.stem:
        raise InstrumentDefinitionError(
            f"{path.name}: key {instrument.key!r} must match the file name {path.stem!r}"
        )
    _check_consistency(instrument, path.name)
    return instrument


class _Reader:
    """Typed access to one table of an instrument file, with errors that name the place."""

    def __init__(self, data: Mapping[str, Any], where: str):
        self.data = data
        self.where = where

    def fail(self, message: str) -> InstrumentDefinitionError:
        return InstrumentDefinitionError(f"{self.where}: {message}")

    def get(self, name: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
        if name not in self.data:
            if default is ...:
                raise self.fail(f"missing required field {name!r}")
            return default
        value = self.data[name]
        if isinstance(value, bool) and kind is not bool:
            raise self.fail(f"{name!r} must not be true/false")
        if not isinstance(value, kind):
            raise self.fail(f"{name!r} has the wrong type ({type(value).__name__})")
        return value

    def text(self, name: str, default: Any = ...) -> Any:
        value = self.get(name, str, default)
        if isinstance(value, str) and not value.strip():
            raise self.fail(f"{name!r} must not be empty")
        return value

    def table(self, name: str, default: Any = ...) -> _Reader | None:
        value = self.get(name, dict, default)
        return None if value is None else _Reader(value, f"{self.where} [{name}]")

    def required_table(self, name: str) -> _Reader:
        return _Reader(self.get(name, dict), f"{self.where} [{name}]")

    def tables(self, name: str, default: Any = ...) -> list[_Reader]:
        values = self.get(name, list, default)
        readers = []
        for index, value in enumerate(values, start=1):
            if not isinstance(value, dict):
                raise self.fail(f"entry {index} of {name!r} must be a table")
            readers.append(_Reader(value, f"{self.where} {name}[{index}]"))
        return readers


def _build_options(tables: list[_Reader]) -> tuple[Option, ...]:
    return tuple(Option(label=t.text("label"), value=t.get("value", int)) for t in tables)


def _build_item(
    table: _Reader, default_options: tuple[Option, ...], *, scored: bool, reverse: set[int]
) -> Item:
    number = table.get("number", int)
    options = _build_options(table.tables("options", [])) or default_options
    if not options:
        raise table.fail("no options: give [[options]] for the instrument or for this item")
    return Item(
        number=number,
        text=table.text("text"),
        options=options,
        scored=scored,
        required=table.get("required", bool, scored),
        reverse=number in reverse,
        loinc=table.text("loinc", None),
    )


def _build_instrument(root: _Reader) -> Instrument:
    scoring = root.required_table("scoring")
    licence = root.required_table("licence")
    change = root.required_table("change")
    loinc = root.table("loinc", None)
    reverse = set(scoring.get("reverse_items", list, []))
    default_options = _build_options(root.tables("options", []))
    score_range = scoring.get("range", list)
    if len(score_range) != 2 or not all(isinstance(v, int) for v in score_range):
        raise scoring.fail("'range' must be two whole numbers [min, max]")
    higher_is = change.text("higher_is")
    if higher_is not in ("better", "worse"):
        raise change.fail('\'higher_is\' must be "better" or "worse"')
    mid = change.get("minimal_important_difference", (int, float), None)
    items = tuple(
        _build_item(t, default_options, scored=True, reverse=reverse) for t in root.tables("items")
    )
    unknown_reverse = reverse - {item.number for item in items}
    if unknown_reverse:
        raise scoring.fail(f"reverse_items {sorted(unknown_reverse)} are not scored items")
    return Instrument(
        key=root.text("key"),
        name=root.text("name"),
        short_name=root.text("short_name"),
        about=root.text("about"),
        version=root.get("version", int),
        recall_period=root.text("recall_period", None),
        instructions=root.text("instructions", None),
        item_prefix=root.text("item_prefix", None),
        items=items,
        extra_items=tuple(
            _build_item(t, default_options, scored=False, reverse=set())
            for t in root.tables("extra_items", [])
        ),
        scoring_method=scoring.text("method"),
        score_range=(score_range[0], score_range[1]),
        display_multiplier=scoring.get("display_multiplier", int, 1),
        display_unit=scoring.get("display_unit", str, ""),
        higher_is_worse=higher_is == "worse",
        bands=tuple(
            Band(
                key=t.text("key"),
                min=t.get("min", int),
                max=t.get("max", int),
                label=t.text("label"),
                meaning=t.text("meaning"),
                level=t.text("level"),
            )
            for t in root.tables("bands", [])
        ),
        minimal_important_difference=mid,
        mid_citation=change.text("citation", None),
        safety_rules=tuple(
            SafetyRule(
                item=t.get("item", int), min_value=t.get("min_value", int), reason=t.text("reason")
            )
            for t in root.tables("safety", [])
        ),
        citation=root.text("citation"),
        licence=Licence(
            text=licence.text("text"),
            note=licence.text("note"),
            caveat=licence.text("caveat", None),
        ),
        loinc_panel=loinc.text("panel", None) if loinc else None,
        loinc_total=loinc.text("total", None) if loinc else None,
        schedule_days=root.get("schedule_days", int),
        verify_before_release=tuple(root.get("verify_before_release", list, [])),
    )


def _check_consistency(instrument: Instrument, where: str) -> None:
    def fail(message: str) -> InstrumentDefinitionError:
        return InstrumentDefinitionError(f"{where}: {message}")

    if not instrument.items:
        raise fail("no scored items")
    numbers = [item.number for item in instrument.all_items]
    if len(set(numbers)) != len(numbers):
        raise fail("item numbers must be unique")
    for item in instrument.all_items:
        if len(set(item.values)) != len(item.values):
            raise fail(f"item {item.number} repeats an option value")
    if instrument.scoring_method not in SCORING_METHODS:
        raise fail(f"unknown scoring method {instrument.scoring_method!r}")
    if instrument.display_multiplier < 1:
        raise fail("display_multiplier must be at least 1")

    lowest = sum(min(item.item_score(v) for v in item.values) for item in instrument.items)
    highest = sum(max(item.item_score(v) for v in item.values) for item in instrument.items)
    if instrument.score_range != (lowest, highest):
        raise fail(
            f"range {list(instrument.score_range)} does not match the items ({lowest}-{highest})"
        )

    expected_min = lowest
    for band in instrument.bands:
        if band.level not in LEVELS:
            raise fail(f"band {band.key!r} has unknown level {band.level!r}")
        if band.min != expected_min or band.max < band.min:
            raise fail(f"bands must cover the range without gaps or overlaps (at {band.key!r})")
        expected_min = band.max + 1
    if instrument.bands and expected_min != highest + 1:
        raise fail("bands must end at the top of the range")
    if len({band.key for band in instrument.bands}) != len(instrument.bands):
        raise fail("band keys must be unique")

    for rule in instrument.safety_rules:
        if rule.item not in numbers:
            raise fail(f"safety rule names unknown item {rule.item}")
        if rule.min_value not in instrument.item(rule.item).values:
            raise fail(f"safety rule for item {rule.item} uses a value the item cannot take")
    if instrument.mid_citation is None and instrument.minimal_important_difference is not None:
        raise fail("a minimal important difference needs its citation")
    if instrument.schedule_days < 1:
        raise fail("schedule_days must be at least 1")
    if not all(isinstance(note, str) and note.strip() for note in instrument.verify_before_release):
        raise fail("verify_before_release must list non-empty texts")
