"""Reads for guided conversations: the open one, its state for each device, past meetings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from tending.conversations.models import Conversation
from tending.conversations.services import AGENDA_FIELDS, last_turn
from tending.practices.models import PracticeLog

AGENDA_TITLES = {
    "appreciations_notes": "Appreciations",
    "went_well_notes": "What went well this week",
    "work_on_notes": "One thing to work on, gently",
    "support_notes": "How can I support you next week?",
}
AGENDA_PROMPTS = {
    "appreciations_notes": "Take turns: say a few things you appreciated about each other lately.",
    "went_well_notes": "What worked for you as a couple this week, big or small?",
    "work_on_notes": (
        "Choose one thing, not a list. Speak about your own feeling and need; listen to "
        "understand before you look for a solution."
    ),
    "support_notes": (
        "Ask each other: what could I do next week that would help you feel cared for?"
    ),
}


def open_conversation(couple, now: dt.datetime | None = None) -> Conversation | None:
    if couple is None:
        return None
    return Conversation.objects.open(now).filter(couple=couple).order_by("-created_at").first()


def open_conversation_card(couple) -> Conversation | None:
    """The open conversation as its cards show it: kind and status, none of its notes."""
    if couple is None:
        return None
    return (
        Conversation.objects.open()
        .filter(couple=couple)
        .only("pk", "kind", "status")
        .order_by("-created_at")
        .first()
    )


@dataclass(frozen=True)
class AgendaItem:
    field: str
    title: str
    prompt: str
    notes: str
    is_current: bool


@dataclass(frozen=True)
class ConversationView:
    conversation: Conversation
    speaker: object
    listener: object
    viewer_speaks: bool
    turn_number: int
    is_last_turn: bool
    seconds_left: int | None
    turn_ends_at: dt.datetime | None
    agenda: tuple[AgendaItem, ...]
    my_log: PracticeLog | None

    @property
    def is_ready(self) -> bool:
        return self.conversation.status == Conversation.Status.READY

    @property
    def is_running(self) -> bool:
        return self.conversation.status == Conversation.Status.RUNNING

    @property
    def is_done(self) -> bool:
        return self.conversation.status == Conversation.Status.DONE

    @property
    def time_is_up(self) -> bool:
        return self.seconds_left == 0

    @property
    def kind(self) -> str:
        return self.conversation.kind

    @property
    def current_agenda_item(self) -> AgendaItem | None:
        return next((item for item in self.agenda if item.is_current), None)


def agenda_items(conversation: Conversation) -> tuple[AgendaItem, ...]:
    running = conversation.status == Conversation.Status.RUNNING
    return tuple(
        AgendaItem(
            field=field,
            title=AGENDA_TITLES[field],
            prompt=AGENDA_PROMPTS[field],
            notes=getattr(conversation, field),
            is_current=running and index == conversation.turn,
        )
        for index, field in enumerate(AGENDA_FIELDS)
    )


def conversation_view(conversation: Conversation, viewer, *, now=None) -> ConversationView:
    now = now or timezone.now()
    even = conversation.turn % 2 == 0
    speaker = conversation.first_speaker if even else conversation.second_speaker
    listener = conversation.second_speaker if even else conversation.first_speaker
    seconds_left = None
    ends_at = None
    if (
        conversation.kind == Conversation.Kind.STRESS
        and conversation.status == Conversation.Status.RUNNING
        and conversation.turn_started_at is not None
    ):
        ends_at = conversation.turn_started_at + dt.timedelta(seconds=conversation.turn_seconds)
        seconds_left = max(0, int((ends_at - now).total_seconds() + 0.999))
    final = last_turn(conversation)
    my_log = None
    if conversation.status == Conversation.Status.DONE:
        my_log = PracticeLog.objects.filter(conversation=conversation, user=viewer).first()
    return ConversationView(
        conversation=conversation,
        speaker=speaker,
        listener=listener,
        viewer_speaks=speaker is not None and speaker.pk == viewer.pk,
        turn_number=conversation.turn + 1,
        is_last_turn=final is not None and conversation.turn >= final,
        seconds_left=seconds_left,
        turn_ends_at=ends_at,
        agenda=agenda_items(conversation) if conversation.kind == Conversation.Kind.MEETING else (),
        my_log=my_log,
    )


def past_meetings(couple, limit: int = 20) -> list[Conversation]:
    """The couple's completed weekly meetings with their shared notes."""
    if couple is None:
        return []
    return list(
        Conversation.objects.filter(
            couple=couple, kind=Conversation.Kind.MEETING, status=Conversation.Status.DONE
        ).order_by("-completed_at")[:limit]
    )


def practice_cards(*, viewer, couple, partner) -> dict:
    return {"open_conversation": open_conversation_card(couple)}


def practice_history(*, viewer, couple, partner) -> dict:
    return {"meetings": past_meetings(couple)}
