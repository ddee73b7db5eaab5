"""Whom a crisis phrase found in a text is about: the writer, or someone else.

The words inside the phrase that its {macros} or ~ stand for decide first ("kill
*himself*"), then the nearest subject before it in the same sentence ("*my partner* is
suicidal", "*Sam* wants to die"), else the writer. A first-person phrase quoted after
"she said" is the other person's words. Standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tending.safety.crisis_phrases import (
    COPULAS,
    FIRST_PERSON,
    IMPERSONAL,
    INDEFINITE,
    OBJECT_VERBS,
    OTHER,
    OTHER_PERSON,
    PEOPLE,
    REPORTING,
    SELF,
    STRANGERS,
    SUBJECT_WORDS,
    THIRD_PERSON_VERBS,
    TO_THE_WRITER,
    TOKEN,
    WORD_END,
    WORD_START,
    CrisisPhrase,
    normal_word,
    phrase_pattern,
)

_REPORTING_VERB = re.compile(
    WORD_START
    + "(?:"
    + "|".join(f"(?:{phrase_pattern(phrase)})" for phrase in REPORTING)
    + ")"
    + WORD_END,
    re.IGNORECASE,
)


# A phrase that starts with "I" or "she" names its subject; "you" is whom the writer
# speaks to ("you'll be fine"), not whom the words are about.
_THIRD_PERSON = frozenset(word for word in OTHER_PERSON if not word.startswith("you"))


@dataclass(frozen=True)
class Who:
    about: str
    explicit: bool
    stranger: bool = False
    named_in_phrase: bool = False


def _person_of(word: str, previous: str | None) -> Who | None:
    """Whom one word points to when it is the subject nearest a phrase, or None."""
    if word in FIRST_PERSON:
        return Who(SELF, explicit=True)
    if word in OTHER_PERSON or word in THIRD_PERSON_VERBS:
        return Who(OTHER, explicit=True)
    if word in PEOPLE:
        return Who(OTHER, explicit=True)
    if word in STRANGERS:
        return Who(OTHER, explicit=True, stranger=previous in INDEFINITE)
    if word in COPULAS:
        if previous is None or previous in IMPERSONAL:
            return None
        if previous in FIRST_PERSON:
            return Who(SELF, explicit=True)
        return Who(OTHER, explicit=True, stranger=previous in STRANGERS)
    return None


def _tokens(text: str, start: int, end: int) -> list[str]:
    return [normal_word(token.group()) for token in TOKEN.finditer(text, start, end)]


def who(text: str, start: int, end: int, sentence_start: int, entry: CrisisPhrase) -> Who:
    """Whether the words at ``start``–``end`` are about the writer or someone else.

    Inside the phrase, only the words its {macros} or ~ stand for decide, the last first;
    without such words, a phrase that starts with a person's word names its subject.
    """
    if entry.about == OTHER:
        return Who(OTHER, explicit=True, named_in_phrase=True)
    inside = _tokens(text, start, end)
    if not entry.every_word_decides:
        inside = [word for word in inside if word in entry.deciding_words]
    if not inside:
        inside = _tokens(text, start, end)[:1]
        if inside and inside[0] not in FIRST_PERSON and inside[0] not in _THIRD_PERSON:
            inside = []
    for word in reversed(inside):
        if word in OTHER_PERSON or word in THIRD_PERSON_VERBS:
            return Who(OTHER, explicit=True, named_in_phrase=True)
        if word in FIRST_PERSON:
            return _reported(text, start, sentence_start) or Who(
                SELF, explicit=True, named_in_phrase=True
            )
    before = _tokens(text, sentence_start, start)[-SUBJECT_WORDS:]
    for index in range(len(before) - 1, -1, -1):
        word = before[index]
        previous = before[index - 1] if index else None
        found = _person_of(word, previous)
        if found is None or (found.about == OTHER and _addressed(before, index)):
            continue
        if found.about == SELF:
            return _giver(before, index) or _reported(text, start, sentence_start) or found
        return found
    return Who(SELF, explicit=False)


_POSSESSIVES = frozenset({"my", "ur", "your", "his", "her", "their", "our", "the"})


def _addressed(before: list[str], index: int) -> bool:
    """Someone the writer tells or asks something: "tell *ur mum* thank you"."""
    index -= 1
    if index >= 0 and before[index] in _POSSESSIVES:
        index -= 1
    return index >= 0 and before[index] in OBJECT_VERBS


def _giver(before: list[str], index: int) -> Who | None:
    """Someone else who gave or told the writer something: "she *left me* a letter"."""
    if index < 2 or before[index] != "me" or before[index - 1] not in TO_THE_WRITER:
        return None
    found = _person_of(before[index - 2], before[index - 3] if index > 2 else None)
    return found if found is not None and found.about == OTHER else None


# A single quotation mark opens a quotation after a space and closes one before a
# space or a mark; inside a word it is an apostrophe ("don't").
_SINGLE_OPENING = re.compile(r"(?<![^\s])['‘](?=[^\W_])")
_SINGLE_CLOSING = re.compile(r"(?<=[^\s])['’](?![^\W_])")


def _open_quote(before: str) -> int:
    """Where a quotation still open at the end of ``before`` begins, or -1."""
    if before.count('"') % 2:
        return before.rfind('"')
    curly = before.rfind("“")
    if curly > before.rfind("”"):
        return curly
    openings = [found.start() for found in _SINGLE_OPENING.finditer(before)]
    if not openings:
        return -1
    closings = [found.start() for found in _SINGLE_CLOSING.finditer(before, openings[-1] + 1)]
    return -1 if closings else openings[-1]


def _reported(text: str, start: int, sentence_start: int) -> Who | None:
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
