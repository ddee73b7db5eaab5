"""Finds warning signs of suicide and self-harm in free text, and whom they are about.

The phrases live in ``data/crisis_phrases.toml``; its header explains the format. A
phrase found in a text becomes a ``CrisisMatch`` that says which words were noticed,
which warning sign they belong to, and whether they are about the writer ("self") or
about someone else, such as a partner ("other"). Idioms, denials, events long past,
stories and news are set aside.

Everything is compiled once, when this module is imported. Each text is read in time
proportional to its length, up to ``MAX_TEXT_LENGTH`` characters.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PHRASES_PATH = Path(__file__).parent / "data" / "crisis_phrases.toml"

MAX_TEXT_LENGTH = 20_000
"""Texts are read up to this many characters; every field that reaches here is shorter."""

SELF = "self"
OTHER = "other"

_GAP = r"[\W_\u02bc]*"
_NUMBER = r"\d+(?:[.,]\d+)?"
_ONE_WORD = r"[^\W_]+(?:['’][^\W_]+)?"
_WORD_START = r"(?<![^\W_])"
_WORD_END = r"(?![^\W_])"
_SAME_LINE_SPACE = r"[^\S\n]"
_NOT_A_NEGATION = (
    r"(?!(?:not|never|no|isn|isn't|isnt|wasn|wasnt|wasn't|aren't|weren't|don't|dont|doesn't|"
    r"doesnt|didn't|didnt|won't|wont|can't|cant|cannot)(?![^\W_]))"
)
_FEW_WORDS = r"(?:" + _NOT_A_NEGATION + r"[^\W_]+(?:['’][^\W_]+)?[^\S\n]+){0,4}"
_CLAUSE_END = (
    r"(?=[^\S\n]*(?:$|[.!?\n…]|(?:and|but|so|because|cause|cos|tbh|honestly|please|sorry)"
    + _WORD_END
    + "))"
)
_NEGATION_WINDOW = 120
_CONTEXT_WINDOW = 160
_SUBJECT_WORDS = 14
_NUMBER_EXAMPLE = "7"
_MACRO = re.compile(r"\{([a-z_]+)\}")
_TOKEN = re.compile(r"[^\W_]+(?:['’ʼ`][^\W_]+)*")
_SENTENCE_BREAK = re.compile(r"[.!?;\n]+(?=\s|$)|\n")


class CrisisPhrasesError(ValueError):
    """The crisis phrase file has a malformed entry."""


@dataclass(frozen=True)
class CrisisMatch:
    """One place in a text where a warning sign was found."""

    phrase: str
    group: str
    group_label: str
    start: int
    end: int
    text: str
    about: str = SELF

    @property
    def about_someone_else(self) -> bool:
        return self.about == OTHER


@dataclass(frozen=True)
class CrisisReading:
    """Every warning sign found in one text, split by whom it is about."""

    matches: tuple[CrisisMatch, ...] = ()

    @property
    def about_self(self) -> tuple[CrisisMatch, ...]:
        return tuple(match for match in self.matches if match.about == SELF)

    @property
    def about_someone_else(self) -> tuple[CrisisMatch, ...]:
        return tuple(match for match in self.matches if match.about == OTHER)

    @property
    def concerns_self(self) -> bool:
        return any(match.about == SELF for match in self.matches)

    @property
    def concerns_someone_else(self) -> bool:
        return any(match.about == OTHER for match in self.matches)

    def __bool__(self) -> bool:
        return bool(self.matches)


# Phrase syntax -------------------------------------------------------------------------


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
        elif character == "*":
            pattern.append(_ONE_WORD)
        elif character == "~":
            pattern.append(_FEW_WORDS)
        elif character.isdigit():
            pattern.append(character)
        elif not pattern or pattern[-1] != _GAP:
            pattern.append(_GAP)
    return "".join(pattern)


def _expand_macros(phrase: str, macros: dict[str, str]) -> str:
    """Put each {name} in a phrase as its choices.

    Outside ( ) a macro becomes a choice group of its own; inside one, each choice that
    holds a macro becomes one choice per form: "(kill {self}|die)" gives
    "(kill myself|kill himself|…|die)".
    """

    def forms(name: str) -> list[str]:
        if name not in macros:
            raise ValueError(f"unknown {{{name}}}")
        return macros[name].split("|")

    def expand_choice(choice: str) -> list[str]:
        pieces = _MACRO.split(choice)
        options = [
            [piece] if index % 2 == 0 else forms(piece) for index, piece in enumerate(pieces)
        ]
        return ["".join(combination) for combination in itertools.product(*options)]

    expanded = []
    for part in _split_phrase(phrase):
        if isinstance(part, list):
            choices = [form for choice in part for form in expand_choice(choice)]
            expanded.append("(" + "|".join(choices) + ")")
        else:
            expanded.append(
                _MACRO.sub(lambda found: "(" + "|".join(forms(found.group(1))) + ")", part)
            )
    return "".join(expanded)


def _first_characters(phrase: str) -> set[str]:
    """The characters a phrase can start with, without listing all its forms."""
    firsts: set[str] = set()
    for part in _split_phrase(_expand_macros(phrase.strip(), _MACROS)):
        choices = [part] if isinstance(part, str) else part
        open_ended = False
        for choice in choices:
            stripped = choice.lstrip(" '’-")
            if not stripped:
                open_ended = True
            elif stripped[0] == "#":
                firsts.update("0123456789")
            else:
                firsts.add(stripped[0].casefold())
        if not open_ended:
            return firsts
    return firsts


def _phrase_pattern(phrase: str) -> str:
    """The regular expression for one phrase, without word boundaries."""
    phrase = _expand_macros(phrase.strip(), _MACROS)
    at_clause_end = phrase.endswith("$")
    if at_clause_end:
        phrase = phrase[:-1].rstrip()
    pieces = []
    for part in _split_phrase(phrase):
        if isinstance(part, str):
            pieces.append(_literal_pattern(part))
        else:
            pieces.append("(?:" + "|".join(_literal_pattern(choice) for choice in part) + ")")
    pattern = "".join(pieces)
    if pattern.endswith(_GAP):
        pattern = pattern[: -len(_GAP)]
    return pattern + (_WORD_END + _CLAUSE_END if at_clause_end else "")


def expand_phrase(phrase: str, macros: dict[str, str] | None = None) -> list[str]:
    """Every plain-text form of a phrase: "(want to|wanna) die" gives both sentences."""
    phrase = _expand_macros(phrase.strip(), macros if macros is not None else _MACROS)
    phrase = phrase.removesuffix("$").strip()
    parts = [[part] if isinstance(part, str) else part for part in _split_phrase(phrase)]
    return [
        " ".join("".join(combination).replace("#", _NUMBER_EXAMPLE).replace("*", "x").split())
        for combination in itertools.product(*parts)
    ]


def phrase_examples(phrase: str) -> list[str]:
    """A few plain-text forms of a phrase that together use every choice once."""
    expanded = _expand_macros(phrase.strip(), _MACROS).removesuffix("$").strip()
    parts = [[part] if isinstance(part, str) else part for part in _split_phrase(expanded)]
    widest = max(len(choices) for choices in parts)
    return [
        " ".join(
            "".join(choices[index % len(choices)] for choices in parts)
            .replace("#", _NUMBER_EXAMPLE)
            .replace("*", "x")
            .split()
        )
        for index in range(widest)
    ]


# Loading the phrase file ---------------------------------------------------------------


def _load_phrase_file(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise CrisisPhrasesError(f"{path}: cannot read crisis phrases ({error})") from error


def _checked_macros(entries: object) -> dict[str, str]:
    if not isinstance(entries, dict) or not all(
        isinstance(key, str) and isinstance(value, str) and value.strip()
        for key, value in entries.items()
    ):
        raise CrisisPhrasesError(f"{PHRASES_PATH}: [macros] must map names to choices")
    return {key: value.strip() for key, value in entries.items()}


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
            raise CrisisPhrasesError(f"{PHRASES_PATH}: {where}: {entry!r}: {error}") from error
        phrases.append(phrase)
    return phrases


def _words(entries: object, where: str) -> frozenset[str]:
    if not isinstance(entries, list) or not all(isinstance(entry, str) for entry in entries):
        raise CrisisPhrasesError(f"{PHRASES_PATH}: {where} must be a list of quoted words")
    return frozenset(_normal_word(entry) for entry in entries if entry.strip())


@dataclass(frozen=True)
class _CrisisPhrase:
    phrase: str
    group: str
    group_label: str
    about: str | None
    deciding_words: frozenset[str]
    every_word_decides: bool = False


def _deciding_words(phrase: str) -> frozenset[str]:
    """The words a phrase's {macros} stand for: the ones that say whom it is about."""
    words = set()
    for name in _MACRO.findall(phrase):
        for form in _MACROS.get(name, "").split("|"):
            words.update(_normal_word(word) for word in _TOKEN.findall(form))
    return frozenset(words)


def _crisis_phrases(data: dict) -> list[_CrisisPhrase]:
    groups = data.get("crisis")
    if not isinstance(groups, dict) or not groups:
        raise CrisisPhrasesError(f"{PHRASES_PATH}: no [crisis.<group>] sections")
    phrases = []
    for group, section in groups.items():
        if not isinstance(section, dict):
            raise CrisisPhrasesError(f"{PHRASES_PATH}: [crisis.{group}] must be a section")
        label = section.get("label") or group.replace("_", " ").capitalize()
        for key, about in (("phrases", None), ("about_someone_else", OTHER)):
            where = f"[crisis.{group}] {key}"
            for phrase in _checked_phrases(section.get(key, []), where):
                phrases.append(
                    _CrisisPhrase(
                        phrase=phrase,
                        group=group,
                        group_label=label,
                        about=about,
                        deciding_words=_deciding_words(phrase),
                        every_word_decides="~" in phrase,
                    )
                )
    return phrases


def _normal_word(word: str) -> str:
    return re.sub(r"['’ʼ`]", "'", word.strip().casefold())


_DATA = _load_phrase_file(PHRASES_PATH)
_MACROS = _checked_macros(_DATA.get("macros", {}))
_CRISIS_PHRASES = _crisis_phrases(_DATA)
_NEGATION = _DATA.get("negation", {})
_WHO = _DATA.get("who", {})
_CONTEXT = _DATA.get("context", {})

_BENIGN_PHRASES = _checked_phrases(_DATA.get("benign", {}).get("phrases", []), "[benign]")
_NEGATION_CUES = _checked_phrases(_NEGATION.get("cues", []), "[negation] cues")
_NEGATION_FILLERS = _checked_phrases(_NEGATION.get("fillers", []), "[negation] fillers")
_CANCELLED_BY_PRECEDING = _checked_phrases(
    _NEGATION.get("cancelled_by_preceding", []), "[negation] cancelled_by_preceding"
)
_CANCELLED_BY_FOLLOWING = _checked_phrases(
    _NEGATION.get("cancelled_by_following", []), "[negation] cancelled_by_following"
)
_PAST_CUES = _checked_phrases(_CONTEXT.get("long_ago", []), "[context] long_ago")
_RECURRENCE_CUES = _checked_phrases(_CONTEXT.get("happening_now", []), "[context] happening_now")
_STORY_CUES = _checked_phrases(_CONTEXT.get("stories_and_news", []), "[context] stories_and_news")
_REPORTING = _checked_phrases(_WHO.get("reporting", []), "[who] reporting")

_FIRST_PERSON = _words(_WHO.get("first_person", []), "[who] first_person")
_OTHER_PERSON = _words(_WHO.get("other_person", []), "[who] other_person")
_PEOPLE = _words(_WHO.get("people", []), "[who] people")
_STRANGERS = _words(_WHO.get("strangers", []), "[who] strangers")
_THIRD_PERSON_VERBS = _words(_WHO.get("third_person_verbs", []), "[who] third_person_verbs")
_COPULAS = _words(_WHO.get("copulas", []), "[who] copulas")
_IMPERSONAL = _words(_WHO.get("impersonal", []), "[who] impersonal")
_INDEFINITE = frozenset({"a", "an", "some", "this", "one", "that"})


def _compiled(phrases: list[str]) -> re.Pattern:
    alternation = "|".join(f"(?:{_phrase_pattern(phrase)})" for phrase in phrases)
    return re.compile(_WORD_START + f"(?:{alternation})" + _WORD_END, re.IGNORECASE)


def _alternation(phrases: list[str]) -> str:
    return "|".join(f"(?:{_phrase_pattern(phrase)})" for phrase in phrases)


_CRISIS_PATTERNS = [
    re.compile(_WORD_START + _phrase_pattern(entry.phrase) + _WORD_END, re.IGNORECASE)
    for entry in _CRISIS_PHRASES
]


def _indexes_by_first_character() -> dict[str, list[int]]:
    indexes: dict[str, list[int]] = {}
    for index, entry in enumerate(_CRISIS_PHRASES):
        firsts = _first_characters(entry.phrase)
        if "*" in firsts or not firsts:
            raise CrisisPhrasesError(f"{PHRASES_PATH}: {entry.phrase!r} must start with a word")
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
_PAST = _compiled(_PAST_CUES)
_RECURRENCE = _compiled(_RECURRENCE_CUES)
_STORY = _compiled(_STORY_CUES)
_REPORTING_VERB = _compiled(_REPORTING)


# Reading a text ------------------------------------------------------------------------


def is_benign(text: str) -> bool:
    """True when the whole of ``text`` lies inside one everyday idiom or event."""
    return any(start == 0 and end == len(text) for start, end in _benign_spans(text))


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


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start``–``end``, at most ``_CONTEXT_WINDOW`` on each side."""
    low = max(0, start - _CONTEXT_WINDOW)
    high = min(len(text), end + _CONTEXT_WINDOW)
    sentence_start = low
    for boundary in _SENTENCE_BREAK.finditer(text, low, start):
        sentence_start = boundary.end()
    following = _SENTENCE_BREAK.search(text, end, high)
    return sentence_start, following.start() if following else high


@dataclass(frozen=True)
class _Who:
    about: str
    explicit: bool
    stranger: bool = False
    named_in_phrase: bool = False


def _person_of(word: str, previous: str | None) -> _Who | None:
    """Whom one word points to when it is the subject nearest a phrase, or None."""
    if word in _FIRST_PERSON:
        return _Who(SELF, explicit=True)
    if word in _OTHER_PERSON or word in _THIRD_PERSON_VERBS:
        return _Who(OTHER, explicit=True)
    if word in _PEOPLE:
        return _Who(OTHER, explicit=True)
    if word in _STRANGERS:
        return _Who(OTHER, explicit=True, stranger=previous in _INDEFINITE)
    if word in _COPULAS:
        if previous is None or previous in _IMPERSONAL:
            return None
        if previous in _FIRST_PERSON:
            return _Who(SELF, explicit=True)
        return _Who(OTHER, explicit=True, stranger=previous in _STRANGERS)
    return None


def _tokens(text: str, start: int, end: int) -> list[str]:
    return [_normal_word(token.group()) for token in _TOKEN.finditer(text, start, end)]


def _who(text: str, start: int, end: int, sentence_start: int, entry: _CrisisPhrase) -> _Who:
    """Whether the words at ``start``–``end`` are about the writer or someone else.

    Inside the phrase, only the words its {macros} or ~ stand for decide, the last first.
    """
    inside = _tokens(text, start, end)
    if not entry.every_word_decides:
        inside = [word for word in inside if word in entry.deciding_words]
    for word in reversed(inside):
        if word in _OTHER_PERSON or word in _THIRD_PERSON_VERBS:
            return _Who(OTHER, explicit=True, named_in_phrase=True)
        if word in _FIRST_PERSON:
            return _reported(text, start, sentence_start) or _Who(
                SELF, explicit=True, named_in_phrase=True
            )
    before = _tokens(text, sentence_start, start)[-_SUBJECT_WORDS:]
    for index in range(len(before) - 1, -1, -1):
        word = before[index]
        previous = before[index - 1] if index else None
        found = _person_of(word, previous)
        if found is not None:
            if found.about == SELF:
                return _reported(text, start, sentence_start) or found
            return found
    return _Who(SELF, explicit=False)


def _open_quote(before: str) -> int:
    """Where a quotation still open at the end of ``before`` begins, or -1."""
    if before.count('"') % 2:
        return before.rfind('"')
    curly = before.rfind("“")
    return curly if curly > before.rfind("”") else -1


def _reported(text: str, start: int, sentence_start: int) -> _Who | None:
    """Someone else's words quoted by the writer: 'she said "I want to die"'."""
    quote = _open_quote(text[sentence_start:start])
    if quote == -1:
        return None
    frame = _REPORTING_VERB.search(text, sentence_start, sentence_start + quote)
    if frame is None:
        return None
    speaker = _tokens(text, sentence_start, sentence_start + frame.start())
    for index in range(len(speaker) - 1, -1, -1):
        found = _person_of(speaker[index], speaker[index - 1] if index else None)
        if found is not None:
            return found if found.about == OTHER else None
    return None


class _TextContext:
    """What is worked out about the whole text once, when it is first needed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._benign_spans: list[tuple[int, int]] | None = None
        self._happening_now: bool | None = None

    @property
    def happening_now(self) -> bool:
        if self._happening_now is None:
            self._happening_now = _RECURRENCE.search(self.text) is not None
        return self._happening_now

    def is_benign(self, start: int, end: int) -> bool:
        if self._benign_spans is None:
            self._benign_spans = _benign_spans(self.text)
        return any(low <= start and end <= high for low, high in self._benign_spans)


def _set_aside(context: _TextContext, who: _Who, sentence: tuple[int, int]) -> bool:
    """True for a story, the news, a stranger, or an event long past."""
    if who.stranger:
        return True
    text = context.text
    if not (who.about == SELF and who.explicit) and _STORY.search(text, *sentence):
        return True
    return not context.happening_now and _PAST.search(text, *sentence) is not None


def _phrase_at(text: str, start: int, context: _TextContext) -> tuple[int, int] | None:
    """The longest phrase starting at ``start`` that is neither an idiom nor denied."""
    first = text[start].casefold()
    any_phrase = _ANY_PHRASE_BY_FIRST_CHARACTER.get(first)
    if any_phrase is None or any_phrase.match(text, start) is None:
        return None
    best: tuple[int, int] | None = None
    for index in _PHRASES_BY_FIRST_CHARACTER[first]:
        found = _CRISIS_PATTERNS[index].match(text, start)
        if found is None or (best is not None and found.end() <= best[1]):
            continue
        end = found.end()
        if context.is_benign(start, end) or _is_negated(text, start, end):
            continue
        best = (index, end)
    return best


def _matches(text: str) -> Iterator[CrisisMatch]:
    """Phrases in reading order; where two overlap, the one that says whom it is about.

    A phrase whose subject comes from the words around it ("I saw fresh cuts") gives
    way to an overlapping one that names it ("cuts on her wrist").
    """
    context = _TextContext(text)
    pending: tuple[CrisisMatch, bool] | None = None
    covered_until = 0
    for word in _WORD_STARTS.finditer(text):
        start = word.start()
        if start < covered_until:
            continue
        found = _phrase_at(text, start, context)
        if found is None:
            continue
        index, end = found
        entry = _CRISIS_PHRASES[index]
        sentence = _sentence_span(text, start, end)
        if entry.about == OTHER:
            who = _Who(OTHER, explicit=True, named_in_phrase=True)
        else:
            who = _who(text, start, end, sentence[0], entry)
        if pending is not None:
            if start < pending[0].end and not who.named_in_phrase:
                continue
            if start >= pending[0].end:
                yield pending[0]
            pending = None
        if _set_aside(context, who, sentence):
            covered_until = end
            continue
        match = CrisisMatch(
            phrase=entry.phrase,
            group=entry.group,
            group_label=entry.group_label,
            start=start,
            end=end,
            text=text[start:end],
            about=who.about,
        )
        if who.named_in_phrase:
            covered_until = end
            yield match
        else:
            pending = (match, who.explicit)
    if pending is not None:
        yield pending[0]


def read_crisis_language(text: str | None) -> CrisisReading:
    """Every warning sign in ``text``, in reading order, each saying whom it is about."""
    if not text:
        return CrisisReading()
    return CrisisReading(tuple(_matches(text[:MAX_TEXT_LENGTH])))


def find_crisis_language(text: str | None) -> list[CrisisMatch]:
    """Every place in ``text`` that contains crisis language, in reading order."""
    return list(read_crisis_language(text).matches)


def contains_crisis_language(text: str | None) -> bool:
    """True when ``text`` holds a warning sign, about the writer or about someone else."""
    if not text:
        return False
    return next(_matches(text[:MAX_TEXT_LENGTH]), None) is not None
