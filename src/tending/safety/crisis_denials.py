"""Denials told after the words: a question answered no, words said and then explained.

The cues live under ``[denials]`` in ``data/crisis_phrases.toml``; ``crisis_language``
sets aside the words about which one of these is told. Standard library only.
"""

from __future__ import annotations

from tending.safety.crisis_phrases import CONTEXT_WINDOW, compiled_phrases, phrase_list

_QUESTION = compiled_phrases(phrase_list("denials", "questions"))
_NO_ANSWER = compiled_phrases(phrase_list("denials", "answered_no"))
_SAID = compiled_phrases(phrase_list("denials", "said"))
_MEANT = compiled_phrases(phrase_list("denials", "meant"))
_TAKEN_BACK = compiled_phrases(phrase_list("denials", "taken_back"))
_CONFIRMED = compiled_phrases(phrase_list("denials", "confirmed"))
_LIED = compiled_phrases(phrase_list("denials", "lied"))
_MEANT_IT = compiled_phrases(phrase_list("denials", "meant_it"))
# How far after an answer a confirmation of it may start ("no, and I meant it").
CONFIRMATION_REACH = 12


def answered_or_explained(text: str, start: int, end: int) -> bool:
    """Whether the words are a question someone was asked and answered no ("the gp
    asked if I'd thought of harming myself, I said no") or words they said and then
    explain ("I said I want to disappear but I meant from the group chat"), and nothing
    after takes the answer back ("but I lied", "and I mean it"). An answer confirmed
    straight after ("I said no and I meant it") is taken back only by a lie."""
    low = max(0, start - CONTEXT_WINDOW)
    high = min(len(text), end + CONTEXT_WINDOW)
    if _QUESTION.search(text, low, start):
        answer = _NO_ANSWER.search(text, end, high)
    elif _SAID.search(text, low, start) and not _MEANT_IT.search(text, end, high):
        answer = _MEANT.search(text, end, high)
    else:
        return False
    if answer is None or _LIED.search(text, answer.end(), high):
        return False
    confirmation = _CONFIRMED.search(text, answer.end(), high)
    if confirmation is not None and confirmation.start() - answer.end() <= CONFIRMATION_REACH:
        return True
    return _TAKEN_BACK.search(text, answer.end(), high) is None
