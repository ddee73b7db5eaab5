"""Finds crisis language (suicidal thoughts, self-harm, plans, goodbyes) in free text.

The phrase list lives in ``data/crisis_phrases.toml``; its header explains the format.
Everything is compiled once, when this module is imported.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PHRASES_PATH = Path(__file__).parent / "data" / "crisis_phrases.toml"

_GAP = r"[\W_\u02bc]*"
_NUMBER = r"\d+(?:[.,]\d+)?"
_WORD_START = r"(?<![^\W_])"
_WORD_END = r"(?![^\W_])"
_SAME_LINE_SPACE = r"[^\S\n]"
_NEGATION_WINDOW = 120
_NUMBER_EXAMPLE = "7"


class CrisisPhrasesError(ValueError):
    """The crisis phrase file has a malformed entry."""


@dataclass(frozen=True)
class CrisisMatch:
    """One place in a text where crisis language was found."""

    phrase: str
    group: str
    group_label: str
    start: int
    end: int
    text: str


def _split_phrase(phrase: str) -> list[str | list[str]]:
    """Split a phrase into literal runs and (a|b) choice groups."""
    parts: list[str | list[str]] = []
    rest = phrase
    while rest:
        opening = rest.find("(")
        closing = rest.find(")")
        if opening == -1:
            if closing != -1:
                raise ValueError("')' without '('")
            parts.append(rest)
            break
        if closing < opening:
            raise ValueError("')' without '('")
        if opening:
            parts.append(rest[:opening])
        closing = rest.find(")", opening)
        choices = rest[opening + 1 : closing]
        if closing == -1 or "(" in choices:
            raise ValueError("'(' without ')', or a '(' inside a choice")
        if not choices.strip():
            raise ValueError("empty choice '()'")
        parts.append(choices.split("|"))
        rest = rest[closing + 1 :]
    return parts


def _literal_pattern(literal: str) -> str:
    pattern = []
    previous_letter = ""
    for character in literal:
        if character.isalpha():
            if character.casefold() != previous_letter:
                pattern.append(re.escape(character) + "+")
            previous_letter = character.casefold()
            continue
        previous_letter = ""
        if character == "#":
            pattern.append(_NUMBER)
        elif character.isdigit():
            pattern.append(character)
        elif not pattern or pattern[-1] != _GAP:
            pattern.append(_GAP)
    return "".join(pattern)


def _phrase_pattern(phrase: str) -> str:
    """The regular expression for one phrase, without word boundaries."""
    pieces = []
    for part in _split_phrase(phrase.strip()):
        if isinstance(part, str):
            pieces.append(_literal_pattern(part))
        else:
            pieces.append("(?:" + "|".join(_literal_pattern(choice) for choice in part) + ")")
    return "".join(pieces)


def expand_phrase(phrase: str) -> list[str]:
    """Every plain-text form of a phrase: "(want|wanna) die" gives both sentences."""
    parts = [[part] if isinstance(part, str) else part for part in _split_phrase(phrase.strip())]
    return [
        " ".join("".join(combination).replace("#", _NUMBER_EXAMPLE).split())
        for combination in itertools.product(*parts)
    ]


def _checked_phrases(entries: object, where: str) -> list[str]:
    if not isinstance(entries, list) or not all(isinstance(entry, str) for entry in entries):
        raise CrisisPhrasesError(f"{PHRASES_PATH}: {where} must be a list of quoted phrases")
    phrases = []
    for entry in entries:
        phrase = entry.strip()
        if not phrase:
            raise CrisisPhrasesError(f"{PHRASES_PATH}: {where} has an empty phrase")
        try:
            re.compile(_phrase_pattern(phrase))
        except (ValueError, re.error) as error:
            raise CrisisPhrasesError(f"{PHRASES_PATH}: {where}: {phrase!r}: {error}") from error
        phrases.append(phrase)
    return phrases


def _alternation(phrases: list[str]) -> str:
    return "|".join(f"(?:{_phrase_pattern(phrase)})" for phrase in phrases)


@dataclass(frozen=True)
class _CrisisPhrase:
    phrase: str
    group: str
    group_label: str


def _load_phrase_file(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise CrisisPhrasesError(f"{path}: cannot read crisis phrases ({error})") from error


def _crisis_phrases(data: dict) -> list[_CrisisPhrase]:
    groups = data.get("crisis")
    if not isinstance(groups, dict) or not groups:
        raise CrisisPhrasesError(f"{PHRASES_PATH}: no [crisis.<group>] sections")
    phrases = []
    for group, section in groups.items():
        if not isinstance(section, dict):
            raise CrisisPhrasesError(f"{PHRASES_PATH}: [crisis.{group}] must be a section")
        label = section.get("label") or group.replace("_", " ").capitalize()
        for phrase in _checked_phrases(section.get("phrases"), f"[crisis.{group}] phrases"):
            phrases.append(_CrisisPhrase(phrase=phrase, group=group, group_label=label))
    return phrases


_DATA = _load_phrase_file(PHRASES_PATH)
_NEGATION = _DATA.get("negation", {})
_CRISIS_PHRASES = _crisis_phrases(_DATA)
_BENIGN_PHRASES = _checked_phrases(_DATA.get("benign", {}).get("phrases", []), "[benign]")
_NEGATION_CUES = _checked_phrases(_NEGATION.get("cues", []), "[negation] cues")
_NEGATION_FILLERS = _checked_phrases(_NEGATION.get("fillers", []), "[negation] fillers")
_CANCELLED_BY_PRECEDING = _checked_phrases(
    _NEGATION.get("cancelled_by_preceding", []), "[negation] cancelled_by_preceding"
)
_CANCELLED_BY_FOLLOWING = _checked_phrases(
    _NEGATION.get("cancelled_by_following", []), "[negation] cancelled_by_following"
)

_CRISIS_PATTERNS = [
    re.compile(_WORD_START + _phrase_pattern(entry.phrase) + _WORD_END, re.IGNORECASE)
    for entry in _CRISIS_PHRASES
]


def _indexes_by_first_character() -> dict[str, list[int]]:
    indexes: dict[str, list[int]] = {}
    for index, entry in enumerate(_CRISIS_PHRASES):
        firsts = {form[0].casefold() for form in expand_phrase(entry.phrase)}
        if entry.phrase.startswith("#"):
            firsts = set("0123456789")
        for first in firsts:
            indexes.setdefault(first, []).append(index)
    return indexes


_PHRASES_BY_FIRST_CHARACTER = _indexes_by_first_character()
_ANY_PHRASE_BY_FIRST_CHARACTER = {
    first: re.compile(
        "|".join(f"(?:{_CRISIS_PATTERNS[index].pattern})" for index in indexes), re.IGNORECASE
    )
    for first, indexes in _PHRASES_BY_FIRST_CHARACTER.items()
}
_WORD_STARTS = re.compile(_WORD_START + r"[^\W_]")
_BENIGN = re.compile(
    _WORD_START + "(?=(?P<idiom>(?:" + _alternation(_BENIGN_PHRASES) + ")" + _WORD_END + "))",
    re.IGNORECASE,
)
_NEGATION_BEFORE = re.compile(
    _WORD_START
    + "(?P<cue>"
    + _alternation(_NEGATION_CUES)
    + ")"
    + f"(?:{_SAME_LINE_SPACE}+(?:{_alternation(_NEGATION_FILLERS)}))*"
    + f"{_SAME_LINE_SPACE}+$",
    re.IGNORECASE,
)
_CANCELLING_WORD_BEFORE_CUE = re.compile(
    _WORD_START + f"(?:{_alternation(_CANCELLED_BY_PRECEDING)}){_SAME_LINE_SPACE}+$",
    re.IGNORECASE,
)
_CANCELLING_WORDS_AFTER = re.compile(
    f"{_SAME_LINE_SPACE}*(?:{_alternation(_CANCELLED_BY_FOLLOWING)}){_WORD_END}",
    re.IGNORECASE,
)


def _benign_spans(text: str) -> list[tuple[int, int]]:
    return [match.span("idiom") for match in _BENIGN.finditer(text)]


def _is_negated(text: str, start: int, end: int) -> bool:
    window_start = max(0, start - _NEGATION_WINDOW)
    negation = _NEGATION_BEFORE.search(text, window_start, start)
    if negation is None:
        return False
    if _CANCELLING_WORD_BEFORE_CUE.search(text, window_start, negation.start("cue")):
        return False
    return _CANCELLING_WORDS_AFTER.match(text, end) is None


def _matches(text: str) -> Iterator[CrisisMatch]:
    benign_spans: list[tuple[int, int]] | None = None
    for word in _WORD_STARTS.finditer(text):
        start = word.start()
        first = text[start].casefold()
        any_phrase = _ANY_PHRASE_BY_FIRST_CHARACTER.get(first)
        if any_phrase is None or any_phrase.match(text, start) is None:
            continue
        if benign_spans is None:
            benign_spans = _benign_spans(text)
        best: tuple[int, int] | None = None
        for index in _PHRASES_BY_FIRST_CHARACTER[first]:
            found = _CRISIS_PATTERNS[index].match(text, start)
            if found is None or (best is not None and found.end() <= best[1]):
                continue
            end = found.end()
            if any(low <= start and end <= high for low, high in benign_spans):
                continue
            if _is_negated(text, start, end):
                continue
            best = (index, end)
        if best is None:
            continue
        index, end = best
        entry = _CRISIS_PHRASES[index]
        yield CrisisMatch(
            phrase=entry.phrase,
            group=entry.group,
            group_label=entry.group_label,
            start=start,
            end=end,
            text=text[start:end],
        )


def find_crisis_language(text: str | None) -> list[CrisisMatch]:
    """Every place in ``text`` that contains crisis language, in reading order."""
    if not text:
        return []
    return list(_matches(text))


def contains_crisis_language(text: str | None) -> bool:
    """True when ``text`` contains crisis language and the safety screen should show."""
    if not text:
        return False
    return next(_matches(text), None) is not None
