"""What the crisis-language detector finds in a text: each warning sign, the words that
showed it and whom it is about. Standard library only."""

from __future__ import annotations

from dataclasses import dataclass

from tending.safety.crisis_phrases import OTHER, SELF


@dataclass(frozen=True)
class CrisisMatch:
    """One place in a text where a warning sign was found.

    ``possible`` is true for words that can also mean something everyday.
    """

    phrase: str
    group: str
    group_label: str
    start: int
    end: int
    text: str
    about: str = SELF
    possible: bool = False

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
