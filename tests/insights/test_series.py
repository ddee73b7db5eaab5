import datetime as dt

import pytest

from tending.insights.series import (
    Period,
    daily_values,
    days_between,
    period_means,
    period_means_by_key,
    periods_for,
    rolling_mean,
    top_words,
    top_words_by_period,
)

pytestmark = pytest.mark.on_edge_days

DAY = dt.date(2025, 3, 3)


def test_days_between_includes_both_ends():
    days = days_between(DAY, DAY + dt.timedelta(days=2))
    assert days == [DAY, DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=2)]


def test_missing_days_are_none():
    days = days_between(DAY, DAY + dt.timedelta(days=2))
    assert daily_values({DAY: 4}, days) == [4, None, None]


def test_rolling_mean_uses_only_recorded_days_in_the_trailing_window():
    values = [1, None, 3, 5, None, None, None, None, None, None, None]
    rolling = rolling_mean(values, window=3)
    assert rolling[:5] == [1, 1, 2, 4, 4]
    assert rolling[6] is None


def window_means(values, window):
    """The rolling mean as its definition says, window by window."""
    means = []
    for index in range(len(values)):
        recorded = [v for v in values[max(0, index - window + 1) : index + 1] if v is not None]
        means.append(sum(recorded) / len(recorded) if recorded else None)
    return means


@pytest.mark.parametrize("window", [1, 3, 7, 12])
def test_rolling_means_of_whole_and_decimal_numbers_equal_each_windows_mean(window):
    whole = [None if day % 5 in (1, 2) else (day * 7) % 5 + 1 for day in range(40)]
    decimal = [
        None if value is None else value + 0.1 * (day % 10) for day, value in enumerate(whole)
    ]
    for values in (whole, decimal, whole[:5], [], [None] * 9):
        assert rolling_mean(values, window) == window_means(values, window)


def test_seven_day_rolling_mean_by_default():
    values = [float(v) for v in range(1, 11)]
    assert rolling_mean(values)[9] == sum(range(4, 11)) / 7


def test_periods_split_days_with_a_shorter_last_one():
    days = days_between(DAY, DAY + dt.timedelta(days=9))
    periods = periods_for(days, 7)
    assert periods == [
        Period(DAY, DAY + dt.timedelta(days=6)),
        Period(DAY + dt.timedelta(days=7), DAY + dt.timedelta(days=9)),
    ]
    assert period_means(days, [2.0] * 7 + [None, 4.0, 5.0], periods) == [2.0, 4.5]


def test_period_means_by_key_match_period_means():
    days = days_between(DAY, DAY + dt.timedelta(days=16))
    values = [None, 2.0, 7.5, None, None, 3.0, 1.0, None, 4.0, 5.0] + [None] * 6 + [6.5]
    dated = [
        (day, {"mood": value}) for day, value in zip(days, values, strict=True) if value is not None
    ]
    periods = periods_for(days, 7)
    means = period_means_by_key([(DAY, {}), *dated], DAY, 7, len(periods))
    assert means == {"mood": period_means(days, values, periods)}
    assert period_means_by_key([], DAY, 7, 2) == {}


def test_top_words_count_days_and_break_ties_alphabetically():
    assert top_words([["calm", "tired"], ["tired"], ["anxious", "calm", "tired"]], 2) == [
        ("tired", 3),
        ("calm", 2),
    ]


def test_top_words_by_period():
    words = {DAY: ["calm"], DAY + dt.timedelta(days=8): ["tired"]}
    periods = periods_for(days_between(DAY, DAY + dt.timedelta(days=13)), 7)
    assert top_words_by_period(words, periods, 3) == [[("calm", 1)], [("tired", 1)]]
