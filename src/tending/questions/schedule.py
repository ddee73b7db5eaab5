"""Which question a couple sees on which day."""

from __future__ import annotations

import datetime as dt
import hashlib
import math

from tending.core.timezones import local_today
from tending.questions.decks import all_questions


def couple_day(user, partner, now: dt.datetime | None = None) -> dt.date:
    """The couple's shared day: it begins once it has begun for both of them."""
    mine = local_today(user, now)
    return mine if partner is None else min(mine, local_today(partner, now))


def _stride(count: int) -> int:
    """A step about a sixth of the way round, sharing no factor with ``count``, so that
    consecutive days move between decks and every question comes up once per cycle."""
    step = max(1, count // 6 + 1)
    while math.gcd(step, count) != 1:
        step += 1
    return step


def _couple_offset(couple_id: int, count: int) -> int:
    digest = hashlib.sha256(f"tending-couple-{couple_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % count


def daily_question_id(couple_id: int, day: dt.date) -> str:
    """The day's question for a couple: the same for both, different from the day before."""
    questions = all_questions()
    count = len(questions)
    index = (_couple_offset(couple_id, count) + day.toordinal() * _stride(count)) % count
    return questions[index].id


def question_after(question_id: str) -> str:
    """The question that follows ``question_id`` in the decks, wrapping round at the end."""
    questions = all_questions()
    ids = [question.id for question in questions]
    if question_id not in ids:
        return ids[0]
    return ids[(ids.index(question_id) + 1) % len(ids)]
