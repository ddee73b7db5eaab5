"""Suggested rituals of connection, read from the TOML file bundled with the app."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from tending.core import tomlfiles
from tending.core.tomlfiles import ContentError

RITUALS_PATH = Path(__file__).parent / "data" / "rituals.toml"
RHYTHMS = ("daily", "weekly")
_RITUAL_FIELDS = frozenset({"key", "title", "why", "rhythm", "times_per_period"})

__all__ = ["ContentError", "Suggestion", "load_ritual_suggestions", "read_rituals"]


@dataclass(frozen=True)
class Suggestion:
    """A suggested ritual of connection with its default rhythm."""

    key: str
    title: str
    why: str
    rhythm: str
    times_per_period: int


def read_rituals(path: Path) -> tuple[Suggestion, ...]:
    """Parse a rituals file of `[[rituals]]` tables, in file order."""
    data = tomlfiles.read_toml(path)
    tomlfiles.check_fields(data, frozenset({"rituals"}), str(path))
    raw_rituals = data["rituals"]
    if not isinstance(raw_rituals, list) or not raw_rituals:
        raise ContentError(f"{path}: rituals must be a non-empty list of [[rituals]] tables")
    rituals = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_rituals, start=1):
        where = f"{path}: ritual {number}"
        if not isinstance(raw, dict):
            raise ContentError(f"{where}: must be a [[rituals]] table")
        tomlfiles.check_fields(raw, _RITUAL_FIELDS, where)
        key = tomlfiles.key(raw, "key", where)
        if key in seen:
            raise ContentError(f"{where}: key {key!r} is used twice")
        seen.add(key)
        rhythm = tomlfiles.text(raw, "rhythm", where)
        if rhythm not in RHYTHMS:
            raise ContentError(f"{where}: rhythm must be one of {', '.join(RHYTHMS)}")
        rituals.append(
            Suggestion(
                key=key,
                title=tomlfiles.text(raw, "title", where),
                why=tomlfiles.text(raw, "why", where),
                rhythm=rhythm,
                times_per_period=tomlfiles.positive_int(raw, "times_per_period", where),
            )
        )
    return tuple(rituals)


@functools.cache
def load_ritual_suggestions() -> tuple[Suggestion, ...]:
    """The bundled ritual suggestions, in file order."""
    return read_rituals(RITUALS_PATH)
