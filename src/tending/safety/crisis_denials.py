"""Denials told after the words: a question answered no, words said and then explained.

The cues live under ``[denials]`` in ``data/crisis_phrases.toml``; ``crisis_language``
sets aside the words about which one of these is told. Standard library only.
"""

from __future__ import annotations

import re

from tending.safety.crisis_phrases import (
    CONTEXT_WINDOW,
    MEANT_CUES,
    MEANT_IT,
    NO_ANSWERS,
    QUESTION_CUES,
    SAID_CUES,
    TAKEN_BACK,
    WORD_END,
    WORD_START,
    phrase_pattern,
)


def _compiled(phrases: list[str]) -> re.Pattern:
    alternation = "|".join(f"(?:{phrase_pattern(phrase)})" for phrase in phrases)
    return re.compile(WORD_START + f"(?:{alternation})" + WORD_END, re.IGNORECASE)


_QUESTION = _compiled(QUESTION_CUES)
_NO_ANSWER = _compiled(NO_ANSWERS)
_SAID = _compiled(SAID_CUES)
_MEANT = _compiled(MEANT_CUES)
_TAKEN_BACK = _compiled(TAKEN_BACK)
_MEANT_IT = _compiled(MEANT_IT)


def answered_or_explained(text: str, start: int, end: int) -> bool:
    """Whether the words are a question someone was asked and answered no ("the gp
    asked if I'd thought of harming myself, I said no") or words they said and then
    explain ("I said I want to disappear but I meant from the group chat"), and nothing
    after takes the answer back ("but I lied", "and I mean it")."""
    low = max(0, start - CONTEXT_WINDOW)
    high = min(len(text), end + CONTEXT_WINDOW)
    if _QUESTION.search(text, low, start):
        answer = _NO_ANSWER.search(text, end, high)
    elif _SAID.search(text, low, start) and not _MEANT_IT.search(text, end, high):
        answer = _MEANT.search(text, end, high)
    else:
        return False
    return answer is not None and _TAKEN_BACK.search(text, answer.end(), high) is None
