"""Denials told after the words: a question answered no, words said and then explained.

The cues live under ``[denials]`` in ``data/crisis_phrases.toml``; ``crisis_language``
sets aside the words about which one of these is told. Standard library only.
"""

from __future__ import annotations

from tending.safety.crisis_phrases import (
    CONTEXT_WINDOW,
    MEANT_CUES,
    MEANT_IT,
    NO_ANSWERS,
    QUESTION_CUES,
    SAID_CUES,
    TAKEN_BACK,
    compiled_phrases,
)

_QUESTION = compiled_phrases(QUESTION_CUES)
_NO_ANSWER = compiled_phrases(NO_ANSWERS)
_SAID = compiled_phrases(SAID_CUES)
_MEANT = compiled_phrases(MEANT_CUES)
_TAKEN_BACK = compiled_phrases(TAKEN_BACK)
_MEANT_IT = compiled_phrases(MEANT_IT)


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
