"""What Tending may tell a person, in words that name who and what kind, never what anyone
wrote. Pure: no Django import, so texts and times are easy to test.

A notification's text can be read on a lock screen, so it carries a display name and a
kind of thing ("Sam asked for something today"), never a note, a message or an answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # how the settings page names it
    url_name: str  # the page a tap on the notification opens


EVENT_KINDS: tuple[Kind, ...] = (
    Kind("partner_request", "Your partner asks for something today", "home:index"),
    Kind("response", "Your partner answers your request", "home:index"),
    Kind("question", "Your partner answers today's question", "questions:today"),
    Kind("appreciation", "Your partner sends you an appreciation", "home:index"),
    Kind(
        "invitation",
        "Your partner invites you to breathe together or to a guided conversation",
        "home:index",
    ),
    Kind("safety_plan", "Your partner shares their safety plan with you", "safety:partner_plan"),
    Kind("hard_time", "Your partner lets you know they are having a hard time", "home:index"),
)
EVENT_KIND_KEYS = tuple(kind.key for kind in EVENT_KINDS)
KIND_BY_KEY = {kind.key: kind for kind in EVENT_KINDS}
REMINDER = "reminder"
DIGEST = "digest"
TEST = "test"
EMAIL_NOW = "now"
EMAIL_DIGEST = "digest"
EMAIL_CHOICES = ((EMAIL_NOW, "E-mail straight away"), (EMAIL_DIGEST, "In a daily e-mail"))


@dataclass(frozen=True)
class Message:
    title: str
    body: str


def event_message(kind: str, name: str, detail: dict | None = None) -> Message:
    """The words for ``kind`` done by the person called ``name``."""
    detail = detail or {}
    if kind == "partner_request":
        return Message(f"{name} asked for something today", "Open Tending to see what would help.")
    if kind == "response":
        return Message(f"{name} answered your request", "Open Tending to see their answer.")
    if kind == "question":
        if detail.get("revealed"):
            return Message(
                f"{name} answered today's question too", "Your answers are revealed together."
            )
        return Message(f"{name} answered today's question", "Answer yours to see both.")
    if kind == "appreciation":
        return Message(f"{name} sent you an appreciation", "Open Tending to read it.")
    if kind == "invitation":
        if detail.get("practice") == "conversation":
            return Message(f"{name} started a guided conversation", "Join when you are ready.")
        return Message(f"{name} invites you to breathe together", "Join now if you can.")
    if kind == "safety_plan":
        return Message(f"{name} shared their safety plan with you", "It is there if you need it.")
    if kind == "hard_time":
        return Message(
            f"{name} let you know they are having a hard time",
            "Being near and listening can mean a lot.",
        )
    raise ValueError(f"unknown kind {kind!r}")


def reminder_message(*, checkin: bool, meeting: bool, questionnaires: int) -> Message:
    """One gentle reminder for the day: what is open, with no count of what was missed."""
    parts = []
    if checkin:
        parts.append("a 30-second check-in")
    if meeting:
        parts.append("your weekly meeting")
    if questionnaires:
        parts.append("a questionnaire" if questionnaires == 1 else "your questionnaires")
    if not parts:
        raise ValueError("a reminder needs something to remind of")
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return Message("A moment for you", f"When you have a minute: {listed}.")


def digest_message(count: int) -> Message:
    things = "1 thing" if count == 1 else f"{count} things"
    return Message(f"Today in Tending: {things} from your partner", "")


def wall_time_at(day: dt.date, at: dt.time, zone: ZoneInfo) -> dt.datetime:
    """``at`` on ``day`` in ``zone``, in UTC. A time the clocks skip (spring forward) comes
    as the same moment an hour later on the wall; a time that happens twice, the first."""
    local = dt.datetime.combine(day, at).replace(tzinfo=zone)
    return local.astimezone(dt.UTC)


def next_wall_time(after: dt.datetime, at: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The first moment strictly after ``after`` when the wall clock in ``zone`` shows ``at``."""
    day = after.astimezone(zone).date()
    for offset in range(3):
        moment = wall_time_at(day + dt.timedelta(days=offset), at, zone)
        if moment > after:
            return moment
    raise AssertionError("a wall time comes round within three days")


def time_in_window(moment: dt.time, start: dt.time, end: dt.time) -> bool:
    """Whether ``moment`` is from ``start`` up to ``end``, which may span midnight."""
    if start == end:
        return False
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end


def in_quiet_hours(moment: dt.datetime, zone: ZoneInfo, start: dt.time, end: dt.time) -> bool:
    """Whether the wall clock in ``zone`` is between ``start`` and ``end`` (which may span
    midnight, such as 22:00 to 07:00)."""
    return time_in_window(moment.astimezone(zone).time().replace(tzinfo=None), start, end)


def held_until(
    moment: dt.datetime, zone: ZoneInfo, start: dt.time | None, end: dt.time | None
) -> dt.datetime | None:
    """When a notification made at ``moment`` may go out: None now, or the end of the quiet
    hours it falls in (the next morning's ``end`` on the person's own wall clock)."""
    if start is None or end is None or not in_quiet_hours(moment, zone, start, end):
        return None
    return next_wall_time(moment, end, zone)
