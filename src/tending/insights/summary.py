"""The weekly summary in plain sentences, from numbers already filtered for the reader.
No Django import."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tending.core.calendar import plain_number as _number

SCALE_WORDS = {
    "mood": ("Very low", "Low", "Okay", "Good", "Very good"),
    "stress": ("Calm", "A little", "Somewhat", "Very", "Overwhelmed"),
    "energy": ("Drained", "Low", "Steady", "Good", "Full of energy"),
    "connection": ("Distant", "A bit apart", "In between", "Close", "Very close"),
}
NOTICEABLE_CHANGE = 0.5


@dataclass(frozen=True)
class WeekNumbers:
    """One person's week: days checked in, average of each measure, words named most."""

    days: int
    means: Mapping[str, float | None]
    top_feelings: Sequence[str] = ()


def scale_word(key: str, value: float) -> str:
    words = SCALE_WORDS[key]
    return words[min(max(round(value), 1), 5) - 1].lower()


def _change(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return ""
    if now - before >= NOTICEABLE_CHANGE:
        return ", higher than the week before"
    if before - now >= NOTICEABLE_CHANGE:
        return ", lower than the week before"
    return ", about the same as the week before"


def _list(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def my_sentences(this_week: WeekNumbers, last_week: WeekNumbers) -> list[str]:
    if this_week.days == 0:
        return ["You did not check in this week. That is all right; every day is a new start."]
    sentences = [f"You checked in on {this_week.days} of 7 days."]
    for key, name in (("mood", "mood"), ("stress", "stress"), ("connection", "closeness")):
        value = this_week.means.get(key)
        if value is None:
            continue
        sentences.append(
            f"Your {name} averaged {_number(value)} of 5 ({scale_word(key, value)})"
            f"{_change(value, last_week.means.get(key))}."
        )
    sleep = this_week.means.get("sleep_hours")
    if sleep is not None:
        sentences.append(f"You slept {_number(sleep)} hours a night on average.")
    if this_week.top_feelings:
        sentences.append(f"The feelings you named most: {_list(list(this_week.top_feelings))}.")
    return sentences


def partner_sentences(name: str, week: WeekNumbers) -> list[str]:
    if week.days == 0:
        return [f"{name} shared no check-ins with you this week."]
    sentences = [f"{name} shared check-ins on {week.days} of 7 days."]
    mood = week.means.get("mood")
    if mood is not None:
        sentences.append(f"Their mood averaged {_number(mood)} of 5 ({scale_word('mood', mood)}).")
    if week.top_feelings:
        sentences.append(f"The feelings they shared most: {_list(list(week.top_feelings))}.")
    return sentences


def turned_toward_sentence(requests: int, answered: int) -> str:
    if requests == 0:
        return "Neither of you asked for anything this week."
    return (
        f"Of {requests} request{'' if requests == 1 else 's'} between you, "
        f"{answered} {'was' if answered == 1 else 'were'} answered within a day."
    )
