"""Changes to guided conversations: start, take turns, finish, and the meeting's notes."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tending.conversations.models import NOTES_MAX_LENGTH, Conversation
from tending.core.timezones import local_today
from tending.couples import events
from tending.couples.models import Couple
from tending.practices.services import (
    PracticeError,
    couple_or_error,
    log_practice,
)

TURN_MINUTES = (5, 10, 15, 20)
DEFAULT_TURN_SECONDS = 600
AGENDA_FIELDS = ("appreciations_notes", "went_well_notes", "work_on_notes", "support_notes")


def turn_second_choices() -> tuple[int, ...]:
    """Allowed turn lengths: the shortest allowed turn, then 5, 10, 15 and 20 minutes."""
    shortest = max(1, int(settings.TENDING_PRACTICE_MIN_TURN_SECONDS))
    return tuple(sorted({shortest, *(minutes * 60 for minutes in TURN_MINUTES)}))


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
    couple, partner = couple_or_error(
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
    if Conversation.objects.open(now).filter(couple=couple).exists():
        raise PracticeError(
            "You already have a conversation under way. Carry on with it or end it first."
        )
    first, second = (user, partner) if i_speak_first else (partner, user)
    conversation = Conversation.objects.create(
        couple=couple,
        kind=kind,
        started_by=user,
        first_speaker=first,
        second_speaker=second,
        turn_seconds=turn_seconds,
        local_date=local_today(user, now),
    )
    events.announce(
        kind="invitation",
        actor=user,
        couple=couple,
        occasion=f"conversation-{conversation.pk}",
        detail={"practice": "conversation"},
    )
    return conversation


def _locked_conversation(user, conversation_id: int) -> Conversation:
    couple, _ = couple_or_error(user)
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
            log_practice(
                user=person,
                couple=conversation.couple,
                conversation=conversation,
                kind=conversation.kind,
                now=now,
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


def forget_account(user) -> None:
    """Remove the guided conversations (with their shared notes) of every couple the person
    was in: ended couples share nothing, so nobody could see them again."""
    Conversation.objects.filter(couple__in=Couple.objects.filter(memberships__user=user)).delete()
