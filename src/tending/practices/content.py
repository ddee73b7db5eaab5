"""Question decks and ritual suggestions, read from the TOML files bundled with the app."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"
DECKS_DIR = DATA_DIR / "decks"
RITUALS_PATH = DATA_DIR / "rituals.toml"

RHYTHMS = ("daily", "weekly")

_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DECK_FIELDS = frozenset({"key", "order", "title", "description", "questions"})
_QUESTION_FIELDS = frozenset({"id", "text"})
_RITUAL_FIELDS = frozenset({"key", "title", "why", "rhythm", "times_per_period"})


class ContentError(ValueError):
    """A deck or ritual file is missing, unreadable or malformed."""


@dataclass(frozen=True)
class Question:
    """One question of a deck; `id` is stable and safe to store."""

    id: str
    deck_key: str
    text: str


@dataclass(frozen=True)
class Deck:
    """A themed set of questions, ordered from lighter to deeper."""

    key: str
    title: str
    description: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Ritual:
    """A suggested ritual of connection with its default rhythm."""

    key: str
    title: str
    why: str
    rhythm: str
    times_per_period: int


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ContentError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{path}: invalid TOML ({exc})") from exc


def _check_fields(table: dict[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ContentError(f"{where}: unknown field(s) {', '.join(unknown)}")
    missing = sorted(allowed - set(table))
    if missing:
        raise ContentError(f"{where}: missing field(s) {', '.join(missing)}")


def _text(table: dict[str, Any], name: str, where: str) -> str:
    value = table[name]
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"{where}: {name} must be a non-empty string")
    return value.strip()


def _key(table: dict[str, Any], name: str, where: str) -> str:
    value = _text(table, name, where)
    if not _KEY.fullmatch(value):
        raise ContentError(f"{where}: {name} {value!r} must be lowercase words joined by hyphens")
    return value


def _positive_int(table: dict[str, Any], name: str, where: str) -> int:
    value = table[name]
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ContentError(f"{where}: {name} must be a whole number of at least 1")
    return value


def read_deck(path: Path) -> tuple[int, Deck]:
    """Parse one deck file; return its sort order and the deck."""
    data = _read_toml(path)
    _check_fields(data, _DECK_FIELDS, str(path))
    key = _key(data, "key", str(path))
    order = _positive_int(data, "order", str(path))
    raw_questions = data["questions"]
    if not isinstance(raw_questions, list) or not raw_questions:
        raise ContentError(f"{path}: questions must be a non-empty list of [[questions]] tables")
    questions = []
    for number, raw in enumerate(raw_questions, start=1):
        where = f"{path}: question {number}"
        if not isinstance(raw, dict):
            raise ContentError(f"{where}: must be a [[questions]] table")
        _check_fields(raw, _QUESTION_FIELDS, where)
        qid = _key(raw, "id", where)
        if not qid.startswith(f"{key}-"):
            raise ContentError(f"{where}: id {qid!r} must start with the deck key {key!r}")
        questions.append(Question(id=qid, deck_key=key, text=_text(raw, "text", where)))
    deck = Deck(
        key=key,
        title=_text(data, "title", str(path)),
        description=_text(data, "description", str(path)),
        questions=tuple(questions),
    )
    return order, deck


def read_decks(directory: Path) -> tuple[Deck, ...]:
    """Parse every `*.toml` deck in `directory`, checking keys, ids and text are unique."""
    paths = sorted(directory.glob("*.toml"))
    if not paths:
        raise ContentError(f"{directory}: no deck files found")
    ordered: list[tuple[int, Deck]] = []
    deck_files: dict[str, Path] = {}
    question_files: dict[str, Path] = {}
    text_files: dict[str, Path] = {}
    for path in paths:
        order, deck = read_deck(path)
        if deck.key in deck_files:
            raise ContentError(
                f"{path}: deck key {deck.key!r} already used in {deck_files[deck.key]}"
            )
        deck_files[deck.key] = path
        for question in deck.questions:
            if question.id in question_files:
                raise ContentError(
                    f"{path}: question id {question.id!r} already used in "
                    f"{question_files[question.id]}"
                )
            question_files[question.id] = path
            normalised = " ".join(question.text.casefold().split())
            if normalised in text_files:
                raise ContentError(
                    f"{path}: question {question.id!r} repeats a question in "
                    f"{text_files[normalised]}"
                )
            text_files[normalised] = path
        ordered.append((order, deck))
    ordered.sort(key=lambda item: (item[0], item[1].key))
    return tuple(deck for _, deck in ordered)


def read_rituals(path: Path) -> tuple[Ritual, ...]:
    """Parse a rituals file of `[[rituals]]` tables, in file order."""
    data = _read_toml(path)
    _check_fields(data, frozenset({"rituals"}), str(path))
    raw_rituals = data["rituals"]
    if not isinstance(raw_rituals, list) or not raw_rituals:
        raise ContentError(f"{path}: rituals must be a non-empty list of [[rituals]] tables")
    rituals = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_rituals, start=1):
        where = f"{path}: ritual {number}"
        if not isinstance(raw, dict):
            raise ContentError(f"{where}: must be a [[rituals]] table")
        _check_fields(raw, _RITUAL_FIELDS, where)
        key = _key(raw, "key", where)
        if key in seen:
            raise ContentError(f"{where}: key {key!r} is used twice")
        seen.add(key)
        rhythm = _text(raw, "rhythm", where)
        if rhythm not in RHYTHMS:
            raise ContentError(f"{where}: rhythm must be one of {', '.join(RHYTHMS)}")
        rituals.append(
            Ritual(
                key=key,
                title=_text(raw, "title", where),
                why=_text(raw, "why", where),
                rhythm=rhythm,
                times_per_period=_positive_int(raw, "times_per_period", where),
            )
        )
    return tuple(rituals)


@functools.cache
def _decks() -> tuple[Deck, ...]:
    return read_decks(DECKS_DIR)


@functools.cache
def _questions_by_id() -> dict[str, Question]:
    return {question.id: question for question in all_questions()}


def load_decks() -> dict[str, Deck]:
    """All bundled decks by key, in their intended order."""
    return {deck.key: deck for deck in _decks()}


@functools.cache
def all_questions() -> tuple[Question, ...]:
    """Every question of every deck, deck by deck, in a stable order."""
    return tuple(question for deck in _decks() for question in deck.questions)


def question_by_id(qid: str) -> Question:
    """The question with this id; raises KeyError if there is none."""
    try:
        return _questions_by_id()[qid]
    except KeyError:
        raise KeyError(f"unknown question id: {qid!r}") from None


@functools.cache
def load_ritual_suggestions() -> tuple[Ritual, ...]:
    """The bundled ritual suggestions, in file order."""
    return read_rituals(RITUALS_PATH)
