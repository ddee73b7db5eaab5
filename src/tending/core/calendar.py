"""Calendar arithmetic on plain dates. No Django import, so pure modules can use it."""

import datetime as dt


def week_start(day: dt.date) -> dt.date:
    """Monday of the week that holds ``day``."""
    return day - dt.timedelta(days=day.weekday())


def plain_number(value: float) -> str:
    """A number with at most one decimal and no trailing zero: 7.0 -> "7", 6.25 -> "6.2"."""
    return f"{value:.1f}".rstrip("0").rstrip(".")
