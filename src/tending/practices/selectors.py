"""Reads for practices. A partner's answer leaves here only once both have answered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from tending.core.timezones import local_now, local_today, week_start
from tending.practices import content
from tending.practices.models import (
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
from tending.practices.schedule import couple_day, daily_question_id
from tending.practices.services import (
    AGENDA_FIELDS,
    BREATHING_INVITE_LIFETIME,
    OPEN_CONVERSATION_WINDOW,
    last_turn,
)

HOME_APPRECIATIONS = 3
HOME_APPRECIATION_DAYS = 14
EARLIER_QUESTIONS = 30
STREAK_WEEKS = 12
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


@dataclass(frozen=True)
class QuestionView:
    """One question as the viewer may see it: the partner's words only once revealed."""

    question: content.Question
    deck_title: str
    my_answer: str
    partner_answered: bool
    revealed: bool
    partner_answer: str = ""
    messages: tuple[QuestionMessage, ...] = ()
    is_favourite: bool = False
    is_today: bool = False

    @property
    def i_answered(self) -> bool:
        return bool(self.my_answer)


def todays_question_id(couple, user, partner, now: dt.datetime | None = None) -> str:
    day = couple_day(user, partner, now)
    choice = QuestionDay.objects.filter(couple=couple, day=day).only("question_id").first()
    return choice.question_id if choice else daily_question_id(couple.pk, day)


def _deck_title(question: content.Question) -> str:
    deck = content.load_decks().get(question.deck_key)
    return deck.title if deck else ""


def question_view(
    *,
    viewer,
    couple,
    question_id: str,
    with_thread: bool = True,
    is_today: bool = False,
) -> QuestionView | None:
    """The viewer's view of a question for their couple, or None for an unknown question."""
    try:
        question = content.question_by_id(question_id)
    except KeyError:
        return None
    answers = list(
        Answer.objects.filter(couple=couple, question_id=question_id).only("user_id", "text")
    )
    mine = next((a for a in answers if a.user_id == viewer.pk), None)
    theirs = next((a for a in answers if a.user_id != viewer.pk), None)
    both = mine is not None and theirs is not None
    messages: tuple[QuestionMessage, ...] = ()
    if both and with_thread:
        messages = tuple(
            QuestionMessage.objects.filter(couple=couple, question_id=question_id).select_related(
                "author"
            )
        )
    return QuestionView(
        question=question,
        deck_title=_deck_title(question),
        my_answer=mine.text if mine else "",
        partner_answered=theirs is not None,
        revealed=both,
        partner_answer=theirs.text if both else "",
        messages=messages,
        is_favourite=with_thread
        and FavouriteQuestion.objects.filter(user=viewer, question_id=question_id).exists(),
        is_today=is_today,
    )


def todays_question(viewer, couple, partner, now: dt.datetime | None = None):
    """Today's question for the home card: no thread, two queries."""
    if couple is None:
        return None
    qid = todays_question_id(couple, viewer, partner, now)
    return question_view(
        viewer=viewer, couple=couple, question_id=qid, with_thread=False, is_today=True
    )


@dataclass(frozen=True)
class EarlierQuestion:
    question: content.Question
    i_answered: bool
    partner_answered: bool

    @property
    def revealed(self) -> bool:
        return self.i_answered and self.partner_answered


def earlier_questions(viewer, couple) -> list[EarlierQuestion]:
    """Questions either partner has answered, most recent first."""
    rows = (
        Answer.objects.filter(couple=couple)
        .order_by("-created_at")
        .values_list("question_id", "user_id")[: EARLIER_QUESTIONS * 2]
    )
    seen: dict[str, dict[str, bool]] = {}
    for question_id, user_id in rows:
        entry = seen.setdefault(question_id, {"mine": False, "theirs": False})
        entry["mine" if user_id == viewer.pk else "theirs"] = True
    result = []
    for question_id, entry in list(seen.items())[:EARLIER_QUESTIONS]:
        try:
            question = content.question_by_id(question_id)
        except KeyError:
            continue
        result.append(EarlierQuestion(question, entry["mine"], entry["theirs"]))
    return result


def favourite_questions(viewer) -> list[content.Question]:
    ids = FavouriteQuestion.objects.filter(user=viewer).values_list("question_id", flat=True)
    questions = []
    for question_id in ids:
        try:
            questions.append(content.question_by_id(question_id))
        except KeyError:
            continue
    return questions


def favourite_ids(viewer) -> set[str]:
    return set(FavouriteQuestion.objects.filter(user=viewer).values_list("question_id", flat=True))


# Appreciations


@dataclass(frozen=True)
class AppreciationCounts:
    given: int
    received: int


def _local_week_start(viewer, now: dt.datetime | None = None) -> dt.datetime:
    local = local_now(viewer, now)
    monday = week_start(local.date())
    return local.replace(
        year=monday.year,
        month=monday.month,
        day=monday.day,
        hour=0,
        minute=0,
        second=0,
        microsecond=0,
    )


def weekly_appreciation_counts(viewer, couple, now=None) -> AppreciationCounts:
    """This week's appreciations given and received: for the viewer's eyes only."""
    if couple is None:
        return AppreciationCounts(0, 0)
    counts = Appreciation.objects.filter(
        couple=couple, created_at__gte=_local_week_start(viewer, now)
    ).aggregate(
        given=Count("pk", filter=Q(author=viewer)),
        received=Count("pk", filter=Q(recipient=viewer)),
    )
    return AppreciationCounts(counts["given"], counts["received"])


def appreciations_for_home(viewer, couple, now=None) -> list[Appreciation]:
    """The partner's latest appreciations of the viewer from the last two weeks."""
    if couple is None:
        return []
    since = (now or timezone.now()) - dt.timedelta(days=HOME_APPRECIATION_DAYS)
    return list(
        Appreciation.objects.filter(couple=couple, recipient=viewer, created_at__gte=since)
        .select_related("author")
        .order_by("-created_at")[:HOME_APPRECIATIONS]
    )


def appreciations_received(viewer, couple, limit: int = 50) -> list[Appreciation]:
    if couple is None:
        return []
    return list(
        Appreciation.objects.filter(couple=couple, recipient=viewer)
        .select_related("author")
        .order_by("-created_at")[:limit]
    )


def appreciations_given(viewer, couple, limit: int = 50) -> list[Appreciation]:
    if couple is None:
        return []
    return list(
        Appreciation.objects.filter(couple=couple, author=viewer)
        .select_related("recipient")
        .order_by("-created_at")[:limit]
    )


def received_appreciation(viewer, couple, appreciation_id: int) -> Appreciation | None:
    if couple is None:
        return None
    return (
        Appreciation.objects.filter(pk=appreciation_id, couple=couple, recipient=viewer)
        .select_related("author")
        .first()
    )


# Conversations


def open_conversation(couple, now: dt.datetime | None = None) -> Conversation | None:
    if couple is None:
        return None
    since = (now or timezone.now()) - OPEN_CONVERSATION_WINDOW
    return (
        Conversation.objects.filter(
            couple=couple,
            status__in=[Conversation.Status.READY, Conversation.Status.RUNNING],
            created_at__gte=since,
        )
        .order_by("-created_at")
        .first()
    )


def conversation_for(couple, conversation_id: int) -> Conversation | None:
    if couple is None:
        return None
    return (
        Conversation.objects.select_related("first_speaker", "second_speaker")
        .filter(pk=conversation_id, couple=couple)
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


def conversation_view(conversation: Conversation, viewer, now=None) -> ConversationView:
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


def practice_history(viewer, limit: int = 60) -> list[PracticeLog]:
    """The viewer's own completed practices, newest first."""
    return list(
        PracticeLog.objects.filter(user=viewer)
        .select_related("conversation")
        .order_by("-completed_at")[:limit]
    )


def own_log(viewer, log_id: int) -> PracticeLog | None:
    return PracticeLog.objects.filter(pk=log_id, user=viewer).first()


def past_meetings(couple, limit: int = 20) -> list[Conversation]:
    """The couple's completed weekly meetings with their shared notes."""
    if couple is None:
        return []
    return list(
        Conversation.objects.filter(
            couple=couple, kind=Conversation.Kind.MEETING, status=Conversation.Status.DONE
        ).order_by("-completed_at")[:limit]
    )


# Breathing


def breathing_invite_for(viewer, couple, now=None) -> BreathingInvite | None:
    """The partner's open invitation to breathe together, if it is still fresh."""
    if couple is None:
        return None
    since = (now or timezone.now()) - BREATHING_INVITE_LIFETIME
    return (
        BreathingInvite.objects.filter(couple=couple, created_at__gte=since, joined_at__isnull=True)
        .exclude(sender=viewer)
        .select_related("sender")
        .first()
    )


def received_breathing_invite(viewer, couple, invite_id: int) -> BreathingInvite | None:
    if couple is None:
        return None
    return (
        BreathingInvite.objects.filter(pk=invite_id, couple=couple).exclude(sender=viewer).first()
    )


def sent_breathing_invite(viewer, couple, invite_id: int) -> BreathingInvite | None:
    if couple is None:
        return None
    return BreathingInvite.objects.filter(pk=invite_id, couple=couple, sender=viewer).first()


# Rituals


def ritual_progress_text(
    *, rhythm: str, times_per_period: int, done_this_week: int, done_today: int, days_so_far: int
) -> str:
    """Neutral words for this week's progress: counts, never a failure."""
    if rhythm == Ritual.Rhythm.WEEKLY:
        return f"{done_this_week} of {times_per_period} this week"
    if times_per_period == 1:
        day_word = "day" if days_so_far == 1 else "days"
        return f"{done_this_week} of {days_so_far} {day_word} so far this week"
    return f"{done_today} of {times_per_period} today"


def streak_text(weeks: int) -> str:
    """Only ever something to celebrate; nothing at all otherwise."""
    return f"{weeks} weeks in a row as planned" if weeks >= 2 else ""


@dataclass(frozen=True)
class RitualView:
    ritual: Ritual
    progress: str
    streak: str
    done_for_now: bool
    i_marked_today: bool
    last_marked_by: str


def _planned_per_week(ritual: Ritual) -> int:
    return ritual.times_per_period * (7 if ritual.rhythm == Ritual.Rhythm.DAILY else 1)


def _weeks_in_a_row(ritual: Ritual, per_week: dict[dt.date, int], this_week: dt.date) -> int:
    planned = _planned_per_week(ritual)
    weeks = 1 if per_week.get(this_week, 0) >= planned else 0
    monday = this_week - dt.timedelta(days=7)
    while per_week.get(monday, 0) >= planned:
        weeks += 1
        monday -= dt.timedelta(days=7)
    return weeks


def ritual_views(viewer, couple, now=None) -> list[RitualView]:
    """The couple's rituals with this week's progress, in two queries."""
    if couple is None:
        return []
    today = local_today(viewer, now)
    this_week = week_start(today)
    rituals = list(Ritual.objects.filter(couple=couple, stopped_at__isnull=True))
    since = this_week - dt.timedelta(weeks=STREAK_WEEKS)
    marks = list(
        RitualDone.objects.filter(ritual__in=rituals, local_date__gte=since)
        .select_related("user")
        .order_by("-created_at")
    )
    views = []
    for ritual in rituals:
        own = [mark for mark in marks if mark.ritual_id == ritual.pk]
        per_week: dict[dt.date, int] = {}
        for mark in own:
            monday = week_start(mark.local_date)
            per_week[monday] = per_week.get(monday, 0) + 1
        today_marks = [mark for mark in own if mark.local_date == today]
        if ritual.rhythm == Ritual.Rhythm.DAILY and ritual.times_per_period == 1:
            this_week_count = len({mark.local_date for mark in own if mark.local_date >= this_week})
        else:
            this_week_count = per_week.get(this_week, 0)
        done_for_now = (
            len(today_marks) >= ritual.times_per_period
            if ritual.rhythm == Ritual.Rhythm.DAILY
            else this_week_count >= ritual.times_per_period
        )
        views.append(
            RitualView(
                ritual=ritual,
                progress=ritual_progress_text(
                    rhythm=ritual.rhythm,
                    times_per_period=ritual.times_per_period,
                    done_this_week=this_week_count,
                    done_today=len(today_marks),
                    days_so_far=today.weekday() + 1,
                ),
                streak=streak_text(_weeks_in_a_row(ritual, per_week, this_week)),
                done_for_now=done_for_now,
                i_marked_today=any(mark.user_id == viewer.pk for mark in today_marks),
                last_marked_by=str(own[0].user) if own else "",
            )
        )
    return views


def active_ritual(couple, ritual_id: int) -> Ritual | None:
    if couple is None:
        return None
    return Ritual.objects.filter(pk=ritual_id, couple=couple, stopped_at__isnull=True).first()


def unused_ritual_suggestions(couple) -> list[content.Ritual]:
    if couple is None:
        return list(content.load_ritual_suggestions())
    used = set(
        Ritual.objects.filter(couple=couple, stopped_at__isnull=True).values_list(
            "suggestion_key", flat=True
        )
    )
    return [ritual for ritual in content.load_ritual_suggestions() if ritual.key not in used]


def home_cards(*, viewer, couple, partner, now=None) -> dict:
    """What practices add to the home page, in four queries at most."""
    if couple is None:
        return {"todays_question": None, "partner_appreciations": [], "breathing_invite": None}
    return {
        "todays_question": todays_question(viewer, couple, partner, now),
        "partner_appreciations": appreciations_for_home(viewer, couple, now),
        "breathing_invite": breathing_invite_for(viewer, couple, now),
        "appreciation_reactions": Appreciation.Reaction.choices,
    }
