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

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tending.safety.crisis_phrases import (
    BENIGN_PHRASES,
    CANCELLED_BY_FOLLOWING,
    CANCELLED_BY_PRECEDING,
    CONTEXT_WINDOW,
    COPULAS,
    CRISIS_PHRASES,
    FIRST_PERSON,
    IMPERSONAL,
    INDEFINITE,
    NEGATION_CUES,
    NEGATION_FILLERS,
    NEGATION_WINDOW,
    OTHER,
    OTHER_PERSON,
    PAST_CUES,
    PEOPLE,
    PHRASES_PATH,
    RECURRENCE_CUES,
    REPORTING,
    SAME_LINE_SPACE,
    SELF,
    SENTENCE_BREAK,
    STORY_CUES,
    STRANGERS,
    SUBJECT_WORDS,
    THIRD_PERSON_VERBS,
    TOKEN,
    WORD_END,
    WORD_START,
    CrisisPhrase,
    CrisisPhrasesError,
    first_characters,
    normal_word,
    phrase_pattern,
)

MAX_TEXT_LENGTH = 20_000


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


def _compiled(phrases: list[str]) -> re.Pattern:
    alternation = "|".join(f"(?:{phrase_pattern(phrase)})" for phrase in phrases)
    return re.compile(WORD_START + f"(?:{alternation})" + WORD_END, re.IGNORECASE)


def _alternation(phrases: list[str]) -> str:
    return "|".join(f"(?:{phrase_pattern(phrase)})" for phrase in phrases)


_CRISIS_PATTERNS = [
    re.compile(WORD_START + phrase_pattern(entry.phrase) + WORD_END, re.IGNORECASE)
    for entry in CRISIS_PHRASES
]


def _indexes_by_first_character() -> dict[str, list[int]]:
    indexes: dict[str, list[int]] = {}
    for index, entry in enumerate(CRISIS_PHRASES):
        firsts = first_characters(entry.phrase)
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
_WORD_STARTS = re.compile(WORD_START + r"[^\W_]")
_BENIGN = re.compile(
    WORD_START + "(?=(?P<idiom>(?:" + _alternation(BENIGN_PHRASES) + ")" + WORD_END + "))",
    re.IGNORECASE,
)
_NEGATION_BEFORE = re.compile(
    WORD_START
    + "(?P<cue>"
    + _alternation(NEGATION_CUES)
    + ")"
    + f"(?:{SAME_LINE_SPACE}+(?:{_alternation(NEGATION_FILLERS)}))*"
    + f"{SAME_LINE_SPACE}+$",
    re.IGNORECASE,
)
_CANCELLING_WORD_BEFORE_CUE = re.compile(
    WORD_START + f"(?:{_alternation(CANCELLED_BY_PRECEDING)}){SAME_LINE_SPACE}+$",
    re.IGNORECASE,
)
_CANCELLING_WORDS_AFTER = re.compile(
    f"{SAME_LINE_SPACE}*(?:{_alternation(CANCELLED_BY_FOLLOWING)}){WORD_END}",
    re.IGNORECASE,
)
_PAST = _compiled(PAST_CUES)
_RECURRENCE = _compiled(RECURRENCE_CUES)
_STORY = _compiled(STORY_CUES)
_REPORTING_VERB = _compiled(REPORTING)


# Reading a text ------------------------------------------------------------------------


def is_benign(text: str) -> bool:
    """True when the whole of ``text`` lies inside one everyday idiom or event."""
    return any(start == 0 and end == len(text) for start, end in _benign_spans(text))


def _benign_spans(text: str) -> list[tuple[int, int]]:
    return [match.span("idiom") for match in _BENIGN.finditer(text)]


def _is_negated(text: str, start: int, end: int) -> bool:
    window_start = max(0, start - NEGATION_WINDOW)
    negation = _NEGATION_BEFORE.search(text, window_start, start)
    if negation is None:
        return False
    if _CANCELLING_WORD_BEFORE_CUE.search(text, window_start, negation.start("cue")):
        return False
    return _CANCELLING_WORDS_AFTER.match(text, end) is None


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start``–``end``, at most ``CONTEXT_WINDOW`` on each side."""
    low = max(0, start - CONTEXT_WINDOW)
    high = min(len(text), end + CONTEXT_WINDOW)
    sentence_start = low
    for boundary in SENTENCE_BREAK.finditer(text, low, start):
        sentence_start = boundary.end()
    following = SENTENCE_BREAK.search(text, end, high)
    return sentence_start, following.start() if following else high


@dataclass(frozen=True)
class _Who:
    about: str
    explicit: bool
    stranger: bool = False
    named_in_phrase: bool = False


def _person_of(word: str, previous: str | None) -> _Who | None:
    """Whom one word points to when it is the subject nearest a phrase, or None."""
    if word in FIRST_PERSON:
        return _Who(SELF, explicit=True)
    if word in OTHER_PERSON or word in THIRD_PERSON_VERBS:
        return _Who(OTHER, explicit=True)
    if word in PEOPLE:
        return _Who(OTHER, explicit=True)
    if word in STRANGERS:
        return _Who(OTHER, explicit=True, stranger=previous in INDEFINITE)
    if word in COPULAS:
        if previous is None or previous in IMPERSONAL:
            return None
        if previous in FIRST_PERSON:
            return _Who(SELF, explicit=True)
        return _Who(OTHER, explicit=True, stranger=previous in STRANGERS)
    return None


def _tokens(text: str, start: int, end: int) -> list[str]:
    return [normal_word(token.group()) for token in TOKEN.finditer(text, start, end)]


def _who(text: str, start: int, end: int, sentence_start: int, entry: CrisisPhrase) -> _Who:
    """Whether the words at ``start``–``end`` are about the writer or someone else.

    Inside the phrase, only the words its {macros} or ~ stand for decide, the last first.
    """
    inside = _tokens(text, start, end)
    if not entry.every_word_decides:
        inside = [word for word in inside if word in entry.deciding_words]
    for word in reversed(inside):
        if word in OTHER_PERSON or word in THIRD_PERSON_VERBS:
            return _Who(OTHER, explicit=True, named_in_phrase=True)
        if word in FIRST_PERSON:
            return _reported(text, start, sentence_start) or _Who(
                SELF, explicit=True, named_in_phrase=True
            )
    before = _tokens(text, sentence_start, start)[-SUBJECT_WORDS:]
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
        entry = CRISIS_PHRASES[index]
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
