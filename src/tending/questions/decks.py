"""Question decks, read from the TOML files bundled with the app."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from tending.core import tomlfiles
from tending.core.tomlfiles import ContentError

DECKS_DIR = Path(__file__).parent / "data" / "decks"

_DECK_FIELDS = frozenset({"key", "order", "title", "description", "questions"})
_QUESTION_FIELDS = frozenset({"id", "text"})

__all__ = ["ContentError", "Deck", "Question", "all_questions", "load_decks", "question_by_id"]


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


def read_deck(path: Path) -> tuple[int, Deck]:
    """Parse one deck file; return its sort order and the deck."""
    data = tomlfiles.read_toml(path)
    tomlfiles.check_fields(data, _DECK_FIELDS, str(path))
    key = tomlfiles.key(data, "key", str(path))
    order = tomlfiles.positive_int(data, "order", str(path))
    raw_questions = data["questions"]
    if not isinstance(raw_questions, list) or not raw_questions:
        raise ContentError(f"{path}: questions must be a non-empty list of [[questions]] tables")
    questions = []
    for number, raw in enumerate(raw_questions, start=1):
        where = f"{path}: question {number}"
        if not isinstance(raw, dict):
            raise ContentError(f"{where}: must be a [[questions]] table")
        tomlfiles.check_fields(raw, _QUESTION_FIELDS, where)
        qid = tomlfiles.key(raw, "id", where)
        if not qid.startswith(f"{key}-"):
            raise ContentError(f"{where}: id {qid!r} must start with the deck key {key!r}")
        questions.append(Question(id=qid, deck_key=key, text=tomlfiles.text(raw, "text", where)))
    deck = Deck(
        key=key,
        title=tomlfiles.text(data, "title", str(path)),
        description=tomlfiles.text(data, "description", str(path)),
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
