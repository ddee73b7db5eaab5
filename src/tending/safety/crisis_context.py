"""What is worked out once about a whole text, around the words that can be a warning sign:
idioms, everyday words, stories and news, what is told as long past or as back again.

The cues live under ``[benign]`` and ``[context]`` in ``data/crisis_phrases.toml``;
``crisis_language`` asks a ``TextContext`` about each phrase it finds. Standard library
only.
"""

from __future__ import annotations

import re

from tending.safety.crisis_phrases import (
    BENIGN_PHRASES,
    EVERYDAY_MARKS,
    WORD_END,
    WORD_START,
    alternation,
    compiled_phrases,
    phrase_list,
)

_BENIGN = re.compile(
    WORD_START + "(?=(?P<idiom>(?:" + alternation(BENIGN_PHRASES) + ")" + WORD_END + "))",
    re.IGNORECASE,
)
_PAST = compiled_phrases(phrase_list("context", "long_ago"))
_RECURRENCE = compiled_phrases(phrase_list("context", "happening_now"))
_STORY = compiled_phrases(phrase_list("context", "stories_and_news"))
_EVERYDAY = compiled_phrases(phrase_list("context", "everyday"))
_RECOVERED = compiled_phrases(phrase_list("context", "recovered"))
# How far before everyday words a denial of them is looked for ("not for the flight").
_DENIAL_REACH = 40
_EVERYDAY_DENIED = re.compile(
    WORD_START
    + f"(?:{alternation(phrase_list('context', 'everyday_denied'))})"
    + r"(?:[\W_]+(?:the|a|an|my|our|your))?[\W_]+$",
    re.IGNORECASE,
)
_EVERYDAY_MARK = re.compile("|".join(re.escape(mark) for mark in EVERYDAY_MARKS) or "(?!)")


def benign_spans(text: str) -> list[tuple[int, int]]:
    """Where everyday idioms and events lie in ``text`` ("this traffic is killing me")."""
    return [match.span("idiom") for match in _BENIGN.finditer(text)]


class TextContext:
    """What is worked out about the whole text once, when it is first needed."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Whether words that can be a warning sign were read and set aside as an idiom, a
        # denial, a story, the news or an event long past.
        self.set_aside = False
        # Whether everyday words nearby explained a possible sign or a hint.
        self.explained_by_everyday = False
        self._benign_spans: list[tuple[int, int]] | None = None
        self._happening_now: bool | None = None
        self._recovered: list[tuple[int, int]] | None = None

    @property
    def happening_now(self) -> bool:
        """Whether the text says something is back or goes on ("again", "lately"), not
        counting words that say the writer is well again ("I've found my feet again")."""
        if self._happening_now is None:
            recovered = self.recovered_spans()
            self._happening_now = any(
                not any(low <= cue.start() and cue.end() <= high for low, high in recovered)
                for cue in _RECURRENCE.finditer(self.text)
            )
        return self._happening_now

    def recovered_spans(self) -> list[tuple[int, int]]:
        """Where the writer says they are well now ("that's not me anymore")."""
        if self._recovered is None:
            self._recovered = [cue.span() for cue in _RECOVERED.finditer(self.text)]
        return self._recovered

    def recovered_after(self, end: int) -> bool:
        """Whether, after ``end``, the writer says they are well now."""
        spans = self.recovered_spans()
        return bool(spans) and spans[-1][0] >= end

    def is_benign(self, start: int, end: int) -> bool:
        return any(low <= start and end <= high for low, high in self.benign_spans())

    def touches_benign(self, start: int, end: int) -> bool:
        return any(low < end and start < high for low, high in self.benign_spans())

    def benign_spans(self) -> list[tuple[int, int]]:
        if self._benign_spans is None:
            self._benign_spans = benign_spans(self.text)
        return self._benign_spans

    def everyday_spans(self) -> list[tuple[int, int]]:
        """Words and marks that tell of an everyday plan: a flight, a party, a race, lol."""
        text = self.text
        found = [
            cue.span()
            for cue in _EVERYDAY.finditer(text)
            if not _EVERYDAY_DENIED.search(text, max(0, cue.start() - _DENIAL_REACH), cue.start())
        ]
        found += [mark.span() for mark in _EVERYDAY_MARK.finditer(text)]
        return sorted(found)

    def tells_a_story(self, sentence: tuple[int, int]) -> bool:
        """Whether the sentence speaks of a book, a film, a game or the news."""
        return _STORY.search(self.text, *sentence) is not None

    def told_as_past(self, sentence: tuple[int, int], end: int) -> bool:
        """Whether words ending at ``end`` tell of something long past: in their sentence
        ("when I was 16"), or said of a writer well now later in the text ("that's not me
        anymore"); never when the text says it is back ("again", "lately")."""
        if self.happening_now:
            return False
        return self.recovered_after(end) or _PAST.search(self.text, *sentence) is not None
