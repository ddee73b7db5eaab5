"""Putting the four steps of an I-statement together: feeling, situation, need, request.

"I feel anxious about the bills piling up. I need us to look at them together. Would you
sit down with me on Sunday?" Each part is trimmed of words the sentence already says, so
"about the bills" and "the bills" give the same result. No Django import here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GAP = "…"
_LEADING = {
    "situation": re.compile(r"^(?:about|that|when)\s+", re.IGNORECASE),
    "need": re.compile(r"^(?:i\s+(?:really\s+)?need|i'?d\s+love|what\s+i\s+need\s+is)\s+", re.I),
    "request": re.compile(r"^(?:would|could|can|will)\s+you\s+", re.IGNORECASE),
}
_TRAILING = re.compile(r"[\s.!?,;:]+$")
_KEEPS_CAPITAL = re.compile(r"^(?:I\b|I'|[A-Z]{2,}\b|[A-Z][a-z]+[A-Z])")


@dataclass(frozen=True)
class IStatementParts:
    feeling: str = ""
    situation: str = ""
    need: str = ""
    request: str = ""

    @property
    def is_complete(self) -> bool:
        return all(part.strip() for part in (self.feeling, self.situation, self.need, self.request))

    @property
    def is_empty(self) -> bool:
        return not any(
            part.strip() for part in (self.feeling, self.situation, self.need, self.request)
        )


def _fragment(text: str, step: str | None = None) -> str:
    """One step as a piece of the sentence: no leading cue words, no closing punctuation."""
    fragment = " ".join(text.split())
    if step is not None:
        fragment = _LEADING[step].sub("", fragment)
    fragment = _TRAILING.sub("", fragment)
    if fragment and not _KEEPS_CAPITAL.match(fragment):
        fragment = fragment[0].lower() + fragment[1:]
    return fragment


def compose(parts: IStatementParts) -> str:
    """The sentence so far; a step not yet filled in shows as an ellipsis."""
    feeling = _fragment(parts.feeling) or GAP
    situation = _fragment(parts.situation, "situation") or GAP
    need = _fragment(parts.need, "need") or GAP
    request = _fragment(parts.request, "request") or GAP
    return f"I feel {feeling} about {situation}. I need {need}. Would you {request}?"
