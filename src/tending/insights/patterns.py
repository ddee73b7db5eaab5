"""Patterns between two daily measures: how many days, how strongly they went together,
and honest words for it. Correlation only; nothing here claims one thing causes another.
No Django import.
"""

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import mul

MIN_PAIRED_DAYS = 14
MODERATE_FROM = 0.3
STRONG_FROM = 0.5

TOO_FEW = "Too few days to say"
NO_VARIATION = "Not enough variation to compare"
WEAK = "These two moved together a little — it may be chance"
MODERATE = "These two moved together quite clearly"
STRONG = "These two moved together closely"


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r, or None when there are fewer than two pairs or a measure never varies."""
    if len(xs) != len(ys):
        raise ValueError("Both measures need the same number of days.")
    n = len(xs)
    if n < 2:
        return None
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    dx = [x - mean_x for x in xs]
    dy = [y - mean_y for y in ys]
    # The products summed in the same order as a loop would, by the C loop of map.
    spread = math.sqrt(sum(map(mul, dx, dx)) * sum(map(mul, dy, dy)))
    if spread == 0:
        return None
    r = sum(map(mul, dx, dy)) / spread
    return max(-1.0, min(1.0, r))


def ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, ties sharing the average of the ranks they span. Daily answers hold
    few distinct values, so each distinct value is ranked once."""
    rank_of = {}
    position = 0
    for value, count in sorted(Counter(values).items()):
        rank_of[value] = position + (count - 1) / 2 + 1
        position += count
    return [rank_of[value] for value in values]


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Spearman's rho: Pearson's r of the ranks, which suits 1-to-5 answers."""
    if len(xs) != len(ys):
        raise ValueError("Both measures need the same number of days.")
    return pearson(ranks(xs), ranks(ys))


def strength_words(coefficient: float | None, paired_days: int) -> str:
    if paired_days < MIN_PAIRED_DAYS:
        return TOO_FEW
    if coefficient is None:
        return NO_VARIATION
    size = abs(coefficient)
    if size >= STRONG_FROM:
        return STRONG
    if size >= MODERATE_FROM:
        return MODERATE
    return WEAK


@dataclass(frozen=True)
class Pattern:
    """Two measures side by side over the days both were recorded."""

    key: str
    title: str
    first: str
    second: str
    paired_days: int
    pearson: float | None
    spearman: float | None
    strength: str

    @property
    def has_enough_days(self) -> bool:
        return self.paired_days >= MIN_PAIRED_DAYS

    @property
    def sentence(self) -> str:
        days = f"{self.paired_days} day{'' if self.paired_days == 1 else 's'}"
        if self.strength == TOO_FEW:
            return (
                f"{TOO_FEW}: {days} with both recorded; patterns need at least {MIN_PAIRED_DAYS}."
            )
        if self.strength == NO_VARIATION:
            return f"Over {days}, one of these stayed the same, so there is nothing to compare."
        direction = (
            f"when {self.first} was higher, {self.second} tended to be higher too"
            if (self.spearman or 0) > 0
            else f"when {self.first} was higher, {self.second} tended to be lower"
        )
        if self.strength == WEAK:
            return f"Over {days}, any link is weak and may be chance."
        return (
            f"Over {days}, {direction}. "
            "This shows they moved together, not that one caused the other."
        )


def find_pattern(
    *, key: str, title: str, first: str, second: str, pairs: Sequence[tuple[float, float]]
) -> Pattern:
    """Describe how two measures went together over paired days."""
    xs = [float(x) for x, _ in pairs]
    ys = [float(y) for _, y in pairs]
    rho = spearman(xs, ys)
    return Pattern(
        key=key,
        title=title,
        first=first,
        second=second,
        paired_days=len(pairs),
        pearson=pearson(xs, ys),
        spearman=rho,
        strength=strength_words(rho, len(pairs)),
    )
