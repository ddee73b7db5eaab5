"""Changes to practices: answers, appreciations, conversations, breathing and rituals."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tending.core.timezones import local_today, week_start
from tending.couples.models import Couple
from tending.couples.selectors import couple_and_partner
from tending.practices import content
from tending.practices.breathing import MAX_MINUTES, MIN_MINUTES, PATTERNS
from tending.practices.models import (
    ANSWER_MAX_LENGTH,
    APPRECIATION_MAX_LENGTH,
    MESSAGE_MAX_LENGTH,
    NOTES_MAX_LENGTH,
    RITUAL_TITLE_MAX_LENGTH,
    Answer,
    Appreciation,
    BreathingInvite,
    Conversation,
    FavouriteQuestion,
    PracticeLog,
    QuestionDay,
    QuestionMessage,
    Ritual,
    RitualDone,
)
from tending.practices.schedule import couple_day, daily_question_id, question_after

TURN_MINUTES = (5, 10, 15, 20)
DEFAULT_TURN_SECONDS = 600
MAX_TIMES_PER_PERIOD = 14
AGENDA_FIELDS = ("appreciations_notes", "went_well_notes", "work_on_notes", "support_notes")
OPEN_CONVERSATION_WINDOW = dt.timedelta(hours=6)
BREATHING_INVITE_LIFETIME = dt.timedelta(minutes=15)


class PracticeError(Exception):
    """A practice step that cannot go ahead; the message is shown to the person."""


def turn_second_choices() -> tuple[int, ...]:
    """Allowed turn lengths: the shortest allowed turn, then 5, 10, 15 and 20 minutes."""
    shortest = max(1, int(settings.TENDING_PRACTICE_MIN_TURN_SECONDS))
    return tuple(sorted({shortest, *(minutes * 60 for minutes in TURN_MINUTES)}))


def _couple_or_error(user, message: str = "This practice is for two. Invite your partner first."):
    couple, partner = couple_and_partner(user)
    if couple is None:
        raise PracticeError(message)
    return couple, partner


def _clean_text(text: str, *, limit: int, what: str) -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        raise PracticeError(f"Please write {what} first.")
    if len(cleaned) > limit:
        raise PracticeError(f"That is a little long: please keep it under {limit:,} characters.")
    return cleaned


def _known_question(question_id: str) -> content.Question:
    try:
        return content.question_by_id(question_id)
    except KeyError:
        raise PracticeError("That question does not exist. Please pick one from a deck.") from None


# Questions


def revealed(couple, question_id: str) -> bool:
    return Answer.objects.filter(couple=couple, question_id=question_id).count() >= 2


@transaction.atomic
def answer_question(*, user, question_id: str, text: str) -> Answer:
    """Save or change my private answer; it cannot change once both answers are revealed."""
    couple, _ = _couple_or_error(
        user, "Questions are answered together. Invite your partner first."
    )
    _known_question(question_id)
    text = _clean_text(text, limit=ANSWER_MAX_LENGTH, what="your answer")
    answers = list(
        Answer.objects.select_for_update().filter(couple=couple, question_id=question_id)
    )
    mine = next((answer for answer in answers if answer.user_id == user.pk), None)
    if len(answers) >= 2:
        raise PracticeError(
            "Both answers are already revealed, so yours stays as it is. "
            "You can add to the conversation below them."
        )
    if mine is None:
        return Answer.objects.create(couple=couple, question_id=question_id, user=user, text=text)
    mine.text = text
    mine.save(update_fields=["text", "updated_at"])
    return mine


@transaction.atomic
def post_question_message(*, user, question_id: str, text: str) -> QuestionMessage:
    """Add to the two-person thread under a question whose answers are revealed."""
    couple, _ = _couple_or_error(user)
    _known_question(question_id)
    text = _clean_text(text, limit=MESSAGE_MAX_LENGTH, what="a message")
    if not revealed(couple, question_id):
        raise PracticeError("The conversation opens once you have both answered.")
    return QuestionMessage.objects.create(
        couple=couple, question_id=question_id, author=user, text=text
    )


@transaction.atomic
def pick_question(*, user, question_id: str, now: dt.datetime | None = None) -> QuestionDay:
    """Make this question today's question for both partners."""
    couple, partner = _couple_or_error(user)
    _known_question(question_id)
    day = couple_day(user, partner, now)
    choice, _ = QuestionDay.objects.update_or_create(
        couple=couple, day=day, defaults={"question_id": question_id, "chosen_by": user}
    )
    return choice


@transaction.atomic
def skip_question(*, user, now: dt.datetime | None = None) -> QuestionDay:
    """Move today's question on to the next one, for both partners."""
    couple, partner = _couple_or_error(user)
    day = couple_day(user, partner, now)
    choice = QuestionDay.objects.select_for_update().filter(couple=couple, day=day).first()
    current = choice.question_id if choice else daily_question_id(couple.pk, day)
    following = question_after(current)
    if choice is None:
        return QuestionDay.objects.create(
            couple=couple, day=day, question_id=following, chosen_by=user, skips=1
        )
    choice.question_id = following
    choice.chosen_by = user
    choice.skips += 1
    choice.save(update_fields=["question_id", "chosen_by", "skips", "updated_at"])
    return choice


def toggle_favourite(*, user, question_id: str) -> bool:
    """Save or unsave a question; returns whether it is now saved."""
    _known_question(question_id)
    deleted, _ = FavouriteQuestion.objects.filter(user=user, question_id=question_id).delete()
    if deleted:
        return False
    FavouriteQuestion.objects.get_or_create(user=user, question_id=question_id)
    return True


# Appreciations


def send_appreciation(*, author, text: str) -> Appreciation:
    couple, partner = _couple_or_error(
        author, "Appreciations go to your partner. Invite them first."
    )
    text = _clean_text(text, limit=APPRECIATION_MAX_LENGTH, what="what you appreciate")
    return Appreciation.objects.create(couple=couple, author=author, recipient=partner, text=text)


@transaction.atomic
def react_to_appreciation(*, user, appreciation_id: int, reaction: str) -> Appreciation:
    couple, _ = _couple_or_error(user)
    appreciation = (
        Appreciation.objects.select_for_update()
        .filter(pk=appreciation_id, couple=couple, recipient=user)
        .first()
    )
    if appreciation is None:
        raise PracticeError("That appreciation is not one you received.")
    if reaction not in Appreciation.Reaction.values:
        raise PracticeError("Please pick one of the reactions.")
    appreciation.reaction = reaction
    appreciation.reacted_at = timezone.now()
    appreciation.save(update_fields=["reaction", "reacted_at"])
    return appreciation


# Guided conversations


def _open_conversation(couple, now: dt.datetime) -> Conversation | None:
    return (
        Conversation.objects.filter(
            couple=couple,
            status__in=[Conversation.Status.READY, Conversation.Status.RUNNING],
            created_at__gte=now - OPEN_CONVERSATION_WINDOW,
        )
        .order_by("-created_at")
        .first()
    )


@transaction.atomic
def start_conversation(
    *,
    user,
    kind: str,
    turn_seconds: int | None = None,
    i_speak_first: bool = True,
    now: dt.datetime | None = None,
) -> Conversation:
    """Set up a guided conversation for the couple; it begins when one of them says so."""
    now = now or timezone.now()
    couple, partner = _couple_or_error(
        user, "Guided conversations are for two. Invite your partner first."
    )
    if kind not in Conversation.Kind.values:
        raise PracticeError("Please pick one of the conversations.")
    if kind == Conversation.Kind.STRESS:
        turn_seconds = turn_seconds or DEFAULT_TURN_SECONDS
        if turn_seconds not in turn_second_choices():
            raise PracticeError("Please pick one of the turn lengths.")
    else:
        turn_seconds = DEFAULT_TURN_SECONDS
    if _open_conversation(couple, now) is not None:
        raise PracticeError(
            "You already have a conversation under way. Carry on with it or end it first."
        )
    first, second = (user, partner) if i_speak_first else (partner, user)
    return Conversation.objects.create(
        couple=couple,
        kind=kind,
        started_by=user,
        first_speaker=first,
        second_speaker=second,
        turn_seconds=turn_seconds,
        local_date=local_today(user, now),
    )


def _locked_conversation(user, conversation_id: int) -> Conversation:
    couple, _ = _couple_or_error(user)
    conversation = (
        Conversation.objects.select_for_update().filter(pk=conversation_id, couple=couple).first()
    )
    if conversation is None:
        raise PracticeError("That conversation is not one of yours.")
    return conversation


def _bump(conversation: Conversation, *fields: str) -> None:
    conversation.version += 1
    conversation.save(update_fields=[*fields, "version"])


@transaction.atomic
def begin_conversation(
    *, user, conversation_id: int, now: dt.datetime | None = None
) -> Conversation:
    conversation = _locked_conversation(user, conversation_id)
    if conversation.status != Conversation.Status.READY:
        return conversation
    conversation.status = Conversation.Status.RUNNING
    conversation.turn = 0
    conversation.turn_started_at = now or timezone.now()
    _bump(conversation, "status", "turn", "turn_started_at")
    return conversation


def last_turn(conversation: Conversation) -> int | None:
    """The highest turn number, or None when the floor can pass any number of times."""
    if conversation.kind == Conversation.Kind.STRESS:
        return 1
    if conversation.kind == Conversation.Kind.MEETING:
        return len(AGENDA_FIELDS) - 1
    return None


@transaction.atomic
def advance_conversation(
    *, user, conversation_id: int, from_turn: int, now: dt.datetime | None = None
) -> Conversation:
    """Switch roles, pass the floor or move to the next agenda item.

    ``from_turn`` is the turn the person saw, so a second tap on another device does
    not skip a turn."""
    conversation = _locked_conversation(user, conversation_id)
    if conversation.status != Conversation.Status.RUNNING or conversation.turn != from_turn:
        return conversation
    final = last_turn(conversation)
    if final is not None and conversation.turn >= final:
        return conversation
    conversation.turn += 1
    conversation.turn_started_at = now or timezone.now()
    _bump(conversation, "turn", "turn_started_at")
    return conversation


@transaction.atomic
def finish_conversation(
    *, user, conversation_id: int, now: dt.datetime | None = None
) -> Conversation | None:
    """End the conversation. A begun one is logged for both; one never begun is removed."""
    now = now or timezone.now()
    conversation = _locked_conversation(user, conversation_id)
    if conversation.status == Conversation.Status.DONE:
        return conversation
    if conversation.status == Conversation.Status.READY:
        conversation.delete()
        return None
    conversation.status = Conversation.Status.DONE
    conversation.completed_at = now
    _bump(conversation, "status", "completed_at")
    for person in (conversation.first_speaker, conversation.second_speaker):
        if person is not None:
            PracticeLog.objects.create(
                user=person,
                couple=conversation.couple,
                conversation=conversation,
                kind=conversation.kind,
                local_date=local_today(person, now),
            )
    return conversation


@transaction.atomic
def save_meeting_notes(*, user, conversation_id: int, field: str, text: str) -> Conversation:
    """Save one agenda item's shared notes; either partner can edit them at any time."""
    conversation = _locked_conversation(user, conversation_id)
    if conversation.kind != Conversation.Kind.MEETING:
        raise PracticeError("Only the weekly meeting has shared notes.")
    if field not in AGENDA_FIELDS:
        raise PracticeError("Those notes belong to no agenda item.")
    text = (text or "").strip()
    if len(text) > NOTES_MAX_LENGTH:
        raise PracticeError(
            f"These notes are too long to save: please keep them under {NOTES_MAX_LENGTH:,} "
            "characters. What you typed is still in the box."
        )
    setattr(conversation, field, text)
    conversation.notes_version += 1
    conversation.save(update_fields=[field, "notes_version"])
    return conversation


def rate_practice(*, user, log_id: int, feeling: int | None) -> PracticeLog:
    """Record, change or clear how a completed practice felt, from 1 to 5."""
    log = PracticeLog.objects.filter(pk=log_id, user=user).first()
    if log is None:
        raise PracticeError("That practice is not in your history.")
    if feeling is not None and not 1 <= feeling <= 5:
        raise PracticeError("How it felt is a number from 1 to 5.")
    log.feeling = feeling
    log.save(update_fields=["feeling"])
    return log


# Breathing


def _check_breathing(pattern: str, minutes: int) -> None:
    if pattern not in PATTERNS:
        raise PracticeError("Please pick one of the breathing patterns.")
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise PracticeError(f"A session lasts from {MIN_MINUTES} to {MAX_MINUTES} minutes.")


def log_breathing(
    *, user, pattern: str, minutes: int, feeling: int | None, now: dt.datetime | None = None
) -> PracticeLog:
    _check_breathing(pattern, minutes)
    if feeling is not None and not 1 <= feeling <= 5:
        raise PracticeError("How it felt is a number from 1 to 5.")
    couple, _ = couple_and_partner(user)
    return PracticeLog.objects.create(
        user=user,
        couple=couple,
        kind=PracticeLog.Kind.BREATHING,
        local_date=local_today(user, now),
        detail=f"{PATTERNS[pattern].title}, {minutes} min",
        feeling=feeling,
    )


@transaction.atomic
def invite_to_breathe(*, user, pattern: str, minutes: int) -> BreathingInvite:
    """Ask the partner to start the same session now; an earlier open invite is replaced."""
    couple, _ = _couple_or_error(user, "Breathing together needs a partner. Invite them first.")
    _check_breathing(pattern, minutes)
    BreathingInvite.objects.filter(couple=couple, sender=user, joined_at__isnull=True).delete()
    return BreathingInvite.objects.create(
        couple=couple, sender=user, pattern=pattern, minutes=minutes
    )


@transaction.atomic
def join_breathing_invite(
    *, user, invite_id: int, now: dt.datetime | None = None
) -> BreathingInvite:
    now = now or timezone.now()
    couple, _ = _couple_or_error(user)
    invite = (
        BreathingInvite.objects.select_for_update()
        .filter(pk=invite_id, couple=couple)
        .exclude(sender=user)
        .first()
    )
    if invite is None:
        raise PracticeError("That invitation is not one of yours.")
    if invite.created_at < now - BREATHING_INVITE_LIFETIME:
        raise PracticeError("That invitation has ended. You can start a session of your own.")
    if invite.joined_at is None:
        invite.joined_at = now
        invite.save(update_fields=["joined_at"])
    return invite


# Rituals


def _check_rhythm(rhythm: str, times_per_period: int) -> None:
    if rhythm not in Ritual.Rhythm.values:
        raise PracticeError("Please choose daily or weekly.")
    if not 1 <= times_per_period <= MAX_TIMES_PER_PERIOD:
        raise PracticeError(f"Choose from 1 to {MAX_TIMES_PER_PERIOD} times.")


def add_ritual(
    *, user, title: str, rhythm: str, times_per_period: int, why: str = "", suggestion_key=""
) -> Ritual:
    couple, _ = _couple_or_error(user, "Rituals are shared. Invite your partner first.")
    title = _clean_text(title, limit=RITUAL_TITLE_MAX_LENGTH, what="a name for the ritual")
    _check_rhythm(rhythm, times_per_period)
    if Ritual.objects.filter(couple=couple, stopped_at__isnull=True, title__iexact=title).exists():
        raise PracticeError("You already have a ritual with that name.")
    return Ritual.objects.create(
        couple=couple,
        title=title,
        why=why.strip(),
        rhythm=rhythm,
        times_per_period=times_per_period,
        suggestion_key=suggestion_key,
        created_by=user,
    )


def add_suggested_ritual(*, user, key: str) -> Ritual:
    suggestion = next((s for s in content.load_ritual_suggestions() if s.key == key), None)
    if suggestion is None:
        raise PracticeError("Please pick one of the suggestions.")
    return add_ritual(
        user=user,
        title=suggestion.title,
        why=suggestion.why,
        rhythm=suggestion.rhythm,
        times_per_period=suggestion.times_per_period,
        suggestion_key=suggestion.key,
    )


def _active_ritual(user, ritual_id: int) -> Ritual:
    couple, _ = _couple_or_error(user)
    ritual = (
        Ritual.objects.select_for_update()
        .filter(pk=ritual_id, couple=couple, stopped_at__isnull=True)
        .first()
    )
    if ritual is None:
        raise PracticeError("That ritual is not one of yours.")
    return ritual


@transaction.atomic
def ritual_today(ritual: Ritual, user, now: dt.datetime | None = None) -> dt.date:
    """A couple's ritual keeps one calendar: that of the partner who added it.

    Partners may live in different time zones; counting each mark on its marker's own
    day would let the same evening count twice, or not at all.
    """
    return local_today(ritual.created_by or user, now)


def mark_ritual_done(*, user, ritual_id: int, now: dt.datetime | None = None) -> RitualDone:
    ritual = _active_ritual(user, ritual_id)
    today = ritual_today(ritual, user, now)
    since = today if ritual.rhythm == Ritual.Rhythm.DAILY else week_start(today)
    done = RitualDone.objects.filter(ritual=ritual, local_date__gte=since).count()
    if done >= ritual.times_per_period:
        period = "today" if ritual.rhythm == Ritual.Rhythm.DAILY else "this week"
        raise PracticeError(f"“{ritual.title}” is already done {period}, as planned.")
    return RitualDone.objects.create(ritual=ritual, user=user, local_date=today)


@transaction.atomic
def undo_ritual_done(*, user, ritual_id: int, now: dt.datetime | None = None) -> None:
    """Take back my most recent mark of today, made by mistake."""
    ritual = _active_ritual(user, ritual_id)
    mark = (
        RitualDone.objects.filter(
            ritual=ritual, user=user, local_date=ritual_today(ritual, user, now)
        )
        .order_by("-created_at")
        .first()
    )
    if mark is None:
        raise PracticeError("There is nothing of yours to take back today.")
    mark.delete()


@transaction.atomic
def stop_ritual(*, user, ritual_id: int) -> Ritual:
    """Set a ritual aside; its past marks stay."""
    ritual = _active_ritual(user, ritual_id)
    ritual.stopped_at = timezone.now()
    ritual.save(update_fields=["stopped_at"])
    return ritual


def forget_account(user) -> None:
    """Remove the guided conversations (with their shared notes) and rituals of every couple
    the person was in: ended couples share nothing, so nobody could see them again."""
    couples = Couple.objects.filter(memberships__user=user)
    Conversation.objects.filter(couple__in=couples).delete()
    Ritual.objects.filter(couple__in=couples).delete()
