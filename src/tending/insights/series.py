"""Daily series for the insights charts: one value per day, a rolling average, weekly
means and the words named most often. No Django import.
"""

import datetime as dt
from bisect import bisect_right
from collections import Counter, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain

ROLLING_WINDOW = 7


def days_between(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every day from ``start`` to ``end``, both included."""
    return [start + dt.timedelta(days=offset) for offset in range((end - start).days + 1)]


def daily_values(
    readings: Mapping[dt.date, float | None], days: Sequence[dt.date]
) -> list[float | None]:
    return [readings.get(day) for day in days]


def rolling_mean(
    values: Sequence[float | None], window: int = ROLLING_WINDOW
) -> list[float | None]:
    """Mean of the recorded values in each trailing window; None where the window is empty.
    Whole numbers (the 1-to-5 scales) are summed through running totals, exact for them;
    others are summed in day order in each window, as a plain mean of the window would be."""
    if all(type(value) is int for value in values if value is not None):
        return _whole_rolling_mean(values, window)
    result: list[float | None] = []
    positions: deque[int] = deque()
    recorded: deque[float] = deque()
    for index, value in enumerate(values):
        if value is not None:
            positions.append(index)
            recorded.append(value)
        while positions and positions[0] <= index - window:
            positions.popleft()
            recorded.popleft()
        result.append(sum(recorded) / len(recorded) if recorded else None)
    return result


def _whole_rolling_mean(values: Sequence[float | None], window: int) -> list[float | None]:
    """``rolling_mean`` of whole numbers: each window's sum and count as the difference of
    two running totals."""
    count = len(values)
    sums = list(accumulate((value or 0 for value in values), initial=0))
    counts = list(accumulate((value is not None for value in values), initial=0))
    lead = min(window - 1, count)
    window_starts = slice(0, max(count - window + 1, 0))
    return [
        (high - low) / (recorded - absent) if recorded != absent else None
        for high, low, recorded, absent in zip(
            sums[1:],
            [0] * lead + sums[window_starts],
            counts[1:],
            [0] * lead + counts[window_starts],
            strict=True,
        )
    ]


def mean(values: Iterable[float | None]) -> float | None:
    recorded = [v for v in values if v is not None]
    return sum(recorded) / len(recorded) if recorded else None


@dataclass(frozen=True)
class Period:
    """A run of days summarised together (a week, or a block of weeks on long ranges)."""

    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


def periods_for(days: Sequence[dt.date], length_days: int) -> list[Period]:
    """Split ``days`` into consecutive periods of ``length_days``, the last one possibly shorter."""
    return [
        Period(days[index], days[min(index + length_days, len(days)) - 1])
        for index in range(0, len(days), length_days)
    ]


def period_means(
    days: Sequence[dt.date], values: Sequence[float | None], periods: Sequence[Period]
) -> list[float | None]:
    """The mean of each period's values; ``days`` are consecutive, aligned with ``values``."""
    if len(days) != len(values):
        raise ValueError("Each day needs one value.")
    if not days:
        return [None for _ in periods]
    first = days[0]
    means = []
    for period in periods:
        start = max((period.start - first).days, 0)
        end = (period.end - first).days + 1
        means.append(mean(values[start:end]) if end > start else None)
    return means


def period_means_by_key(
    dated_numbers: Iterable[tuple[dt.date, Mapping[str, float]]],
    first: dt.date,
    length_days: int,
    count: int,
) -> dict[str, list[float | None]]:
    """For each key of the numbers, the mean of each of ``count`` consecutive periods of
    ``length_days`` from ``first``, from (day, numbers) pairs in day order, in one pass:
    what ``period_means`` gives for the same values, without a value for every day first."""
    recorded: dict[str, list[list[float]]] = {}
    for day, numbers in dated_numbers:
        index = (day - first).days // length_days
        if not 0 <= index < count:
            continue
        for key, value in numbers.items():
            periods = recorded.get(key)
            if periods is None:
                periods = recorded[key] = [[] for _ in range(count)]
            periods[index].append(value)
    return {
        key: [sum(values) / len(values) if values else None for values in periods]
        for key, periods in recorded.items()
    }


def top_words(
    word_lists: Iterable[Sequence[str]], limit: int, labels: Mapping[str, str] | None = None
) -> list[tuple[str, int]]:
    """The words named most often, most frequent first; ties in alphabetical order. With
    ``labels``, each word is counted under its label (a word without one under itself):
    the words are counted first and their counts added up by label, once a distinct word."""
    counts = Counter(chain.from_iterable(word_lists))
    if labels is not None:
        labelled: Counter[str] = Counter()
        for word, count in counts.items():
            labelled[labels.get(word, word)] += count
        counts = labelled
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def top_words_by_period(
    words_by_day: Mapping[dt.date, Sequence[str]],
    periods: Sequence[Period],
    limit: int,
    labels: Mapping[str, str] | None = None,
) -> list[list[tuple[str, int]]]:
    """``top_words`` for each of the consecutive ``periods``, in one pass over the days."""
    starts = [period.start for period in periods]
    word_lists: list[list[Sequence[str]]] = [[] for _ in periods]
    for day, words in words_by_day.items():
        index = bisect_right(starts, day) - 1
        if index >= 0 and day <= periods[index].end:
            word_lists[index].append(words)
    return [top_words(lists, limit, labels) for lists in word_lists]
