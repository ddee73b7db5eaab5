"""Changes to a person's questionnaires: recording results, sharing, schedule, nudges."""

import datetime as dt
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from tending.assessments import scoring
from tending.assessments.models import Result, ScheduleChoice, Sharing

MIN_EVERY_DAYS = 1
MAX_EVERY_DAYS = 365


class AssessmentError(Exception):
    """Input that cannot be saved; the message is shown to the person."""


def record_result(
    *,
    user,
    instrument: scoring.Instrument,
    answers: Mapping[int, int],
    now: dt.datetime | None = None,
) -> Result:
    """Score a completed questionnaire and store the answers with their score and band.

    Raises ``scoring.IncompleteAnswers`` or ``scoring.InvalidAnswer`` and stores nothing
    when an answer is missing or not one of the item's options.
    """
    scored = scoring.score(instrument, answers)
    return Result.objects.create(
        user=user,
        instrument_key=instrument.key,
        instrument_version=instrument.version,
        answers={str(number): value for number, value in scored.answers.items()},
        total=scored.total,
        band_key=scored.band.key if scored.band else "",
        safety_flag=scored.safety_flag,
        taken_at=now or timezone.now(),
    )


def set_sharing(*, user, result: Result, sharing: str) -> Result:
    """Choose what the partner may see of one result; the answers themselves never."""
    if result.user_id != user.pk:
        raise AssessmentError("You can only change the sharing of your own results.")
    if sharing not in Sharing.values:
        raise AssessmentError("Please pick what to share.")
    result.sharing = sharing
    result.save(update_fields=["sharing"])
    return result


@transaction.atomic
def save_schedule(*, user, choices: Mapping[str, tuple[bool, int]]) -> None:
    """Store which questionnaires a person wants to be reminded of, and how often."""
    known = scoring.load_instruments()
    for key, (active, every_days) in choices.items():
        if key not in known:
            raise AssessmentError(f"There is no questionnaire called {key}.")
        if not MIN_EVERY_DAYS <= every_days <= MAX_EVERY_DAYS:
            raise AssessmentError(
                f"{known[key].short_name}: choose every {MIN_EVERY_DAYS} to {MAX_EVERY_DAYS} days."
            )
        ScheduleChoice.objects.update_or_create(
            user=user,
            instrument_key=key,
            defaults={"active": active, "every_days": every_days},
        )


def answer_introduction(*, user, remind: bool, suggested: Mapping[str, int]) -> None:
    """The person's answer to the introduction on home: reminders for the suggested
    questionnaires at their usual interval, or none. Either way it is a choice, so the
    introduction does not come back; the schedule page changes it at any time. A choice
    already saved (from another tab, say) is kept."""
    known = scoring.load_instruments()
    unknown = sorted(set(suggested) - set(known))
    if unknown:
        raise AssessmentError(f"There is no questionnaire called {unknown[0]}.")
    ScheduleChoice.objects.bulk_create(
        [
            ScheduleChoice(user=user, instrument_key=key, active=remind, every_days=every_days)
            for key, every_days in suggested.items()
        ],
        ignore_conflicts=True,
    )


def dismiss_nudge(*, user, result: Result) -> None:
    """Hide the gentle suggestion to seek help that this result brought up."""
    if result.user_id != user.pk:
        raise AssessmentError("You can only dismiss your own suggestions.")
    result.nudge_dismissed = True
    result.save(update_fields=["nudge_dismissed"])
