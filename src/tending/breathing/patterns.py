"""Paced-breathing patterns: the phases of one breath and how long each lasts."""

from __future__ import annotations

from dataclasses import dataclass

MIN_MINUTES = 1
MAX_MINUTES = 10
DEFAULT_MINUTES = 3


@dataclass(frozen=True)
class Phase:
    key: str
    label: str
    seconds: int


@dataclass(frozen=True)
class Pattern:
    key: str
    title: str
    summary: str
    phases: tuple[Phase, ...]

    @property
    def breath_seconds(self) -> int:
        return sum(phase.seconds for phase in self.phases)

    @property
    def breaths_per_minute(self) -> float:
        return 60 / self.breath_seconds

    @property
    def timing(self) -> str:
        """The phases as "4-4-4-4" style text."""
        return "-".join(str(phase.seconds) for phase in self.phases)


PATTERNS: dict[str, Pattern] = {
    pattern.key: pattern
    for pattern in (
        Pattern(
            key="slow",
            title="Slow breathing",
            summary="Breathe in for 5 seconds and out for 5: about six breaths a minute.",
            phases=(Phase("in", "Breathe in", 5), Phase("out", "Breathe out", 5)),
        ),
        Pattern(
            key="box",
            title="Box breathing",
            summary="Breathe in, hold, breathe out and hold again, 4 seconds each.",
            phases=(
                Phase("in", "Breathe in", 4),
                Phase("hold-in", "Hold", 4),
                Phase("out", "Breathe out", 4),
                Phase("hold-out", "Hold", 4),
            ),
        ),
    )
}

PATTERN_CHOICES = tuple((pattern.key, pattern.title) for pattern in PATTERNS.values())
MINUTE_CHOICES = tuple(
    (minutes, f"{minutes} minute{'s' if minutes != 1 else ''}")
    for minutes in range(MIN_MINUTES, MAX_MINUTES + 1)
)
