import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

from tending.checkins import compiled
from tending.checkins.feelings import NEED_LABELS, SCALES, Scale, requests_help
from tending.checkins.models import CheckIn, Response
from tending.checkins.services import CheckInInput
from tending.core.calendar import week_start
from tending.core.timezones import local_today

TURNED_TOWARD_WINDOW = dt.timedelta(hours=24)
QUICK_RESPONSES = tuple(
    (kind.value, kind.label) for kind in Response.Kind if kind != Response.Kind.MESSAGE
)
SHARED_PART_NAMES = {
    "numbers": "numbers",
    "emotions": "feelings",
    "needs": "what would help",
    "note": "note",
}


@dataclass(frozen=True)
class ScaleReading:
    """One answer as a card shows it: "Mood: Good", with its icon and colour tone."""

    key: str
    name: str
    value: int
    label: str
    icon: str
    tone: int


@dataclass(frozen=True)
class CheckInView:
    """What one viewer may see of a check-in: private parts are simply absent."""

    checkin_id: int
    owner_name: str
    local_date: dt.date
    is_mine: bool
    scales: tuple[ScaleReading, ...] = ()
    sleep_hours: object = None
    emotions: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    need_labels: tuple[str, ...] = ()
    note: str = ""
    sharing: dict = field(default_factory=dict)
    asks_for_help: bool = False
    responses: tuple[Response, ...] = ()

    @property
    def shares_anything(self) -> bool:
        return bool(self.scales or self.emotions or self.needs or self.note)

    @property
    def answered_kinds(self) -> frozenset[str]:
        """The one-tap responses already sent, shown as sent rather than offered again."""
        return frozenset(response.kind for response in self.responses)

    @property
    def shared_summary(self) -> str:
        """For the owner: which parts their partner can see, in words."""
        parts = [label for key, label in SHARED_PART_NAMES.items() if self.sharing.get(key)]
        return ", ".join(parts) or "nothing"


@functools.cache
def reading_of(scale: Scale, value: int) -> ScaleReading:
    """An answer as cards show it: the same for anyone who gave it, so made once."""
    return ScaleReading(
        key=scale.key,
        name=scale.name,
        value=value,
        label=scale.label(value),
        icon=scale.icon(value),
        tone=scale.tone(value),
    )


def view_of(checkin: CheckIn, *, viewer, responses=()) -> CheckInView:
    mine = checkin.user_id == viewer.pk
    show_numbers = mine or checkin.share_numbers
    show_needs = mine or checkin.share_needs
    needs = tuple(checkin.needs) if show_needs else ()
    return CheckInView(
        checkin_id=checkin.pk,
        owner_name=str(checkin.user),
        local_date=checkin.local_date,
        is_mine=mine,
        scales=tuple(reading_of(scale, getattr(checkin, scale.key)) for scale in SCALES)
        if show_numbers
        else (),
        sleep_hours=checkin.sleep_hours if show_numbers else None,
        emotions=tuple(checkin.emotions) if mine or checkin.share_emotions else (),
        needs=needs,
        need_labels=tuple(NEED_LABELS[n] for n in needs if n in NEED_LABELS),
        note=checkin.note if mine or checkin.share_note else "",
        sharing={
            "numbers": checkin.share_numbers,
            "emotions": checkin.share_emotions,
            "needs": checkin.share_needs,
            "note": checkin.share_note,
        }
        if mine
        else {},
        asks_for_help=show_needs and checkin.asks_for_help,
        responses=tuple(responses),
    )


def todays_checkin(user, now: dt.datetime | None = None) -> CheckIn | None:
    """The person's check-in of their own local day, holding the person already loaded."""
    arguments = {"viewer": user, "day": local_today(user, now)}
    found = compiled.checkin_of_day().instances(CheckIn, arguments)
    for checkin in found:
        checkin.user = user
    return found[0] if found else None


def oldest_first(responses) -> list[Any]:
    """Responses in the order they were sent. Sorted here, not in SQL: ordering by time
    makes SQLite read them through the couple's index, the couple's whole history."""
    return sorted(responses, key=lambda response: (response.created_at, response.pk))


def responses_on(checkin: CheckIn | None, couple) -> list[Response]:
    if checkin is None or couple is None:
        return []
    return oldest_first(
        Response.objects.filter(checkin=checkin, couple=couple)
        .select_related("responder")
        .order_by()
    )


def initial_checkin_input(user, today_checkin: CheckIn | None) -> dict:
    """Values for the form: today's answers, or the sharing chosen last time."""
    source = today_checkin or next(
        iter(compiled.latest_checkin().instances(CheckIn, {"viewer": user})), None
    )
    sharing_defaults = CheckInInput(mood=3, stress=3, energy=3, connection=3)
    sharing = {
        key: getattr(source or sharing_defaults, key)
        for key in ("share_numbers", "share_emotions", "share_needs", "share_note")
    }
    if today_checkin is None:
        return sharing
    return {
        **sharing,
        "mood": today_checkin.mood,
        "stress": today_checkin.stress,
        "energy": today_checkin.energy,
        "connection": today_checkin.connection,
        "sleep_hours": sleep_choice(today_checkin.sleep_hours),
        "emotions": today_checkin.emotions,
        "needs": today_checkin.needs,
        "note": today_checkin.note,
    }


def sleep_choice(hours) -> str:
    """The form's value for stored hours: 7.0 is offered as '7', 6.5 as '6.5'."""
    return "" if hours is None else format(hours.normalize(), "f")


def turned_toward_this_week(couple, *, viewer, now: dt.datetime | None = None) -> int:
    """Requests in this couple answered by the partner within 24 hours, this week."""
    if couple is None:
        return 0
    since = week_start(local_today(viewer, now))
    member_ids = couple.memberships.values("user_id")
    requests = CheckIn.objects.filter(
        user_id__in=member_ids, local_date__gte=since, share_needs=True
    ).only("id", "needs", "created_at")
    first_answer: dict[int, dt.datetime] = {}
    for checkin_id, created_at in (
        Response.objects.filter(couple=couple, checkin__in=requests)
        .order_by("created_at")
        .values_list("checkin_id", "created_at")
    ):
        first_answer.setdefault(checkin_id, created_at)
    return sum(
        1
        for checkin in requests
        if checkin.asks_for_help
        and checkin.pk in first_answer
        and first_answer[checkin.pk] - checkin.created_at <= TURNED_TOWARD_WINDOW
    )


def history_page_queryset(user, couple, *, partner):
    return (
        CheckIn.objects.visible_to(user, couple=couple, partner=partner)
        .select_related("user")
        .order_by("-local_date", "-id")
    )


class HistoryPages:
    """The check-ins history shows, for a Paginator: counted in one query, and each page read
    in one query from only the newest check-ins of each person (each has at most one a day),
    so the first pages cost the same however many years of history there are."""

    def __init__(self, viewer, couple, *, partner):
        self.viewer = viewer
        self.partner = partner
        self.with_partner = couple is not None and partner is not None
        self.arguments = {"viewer": viewer, "couple": couple, "partner": partner}

    def count(self) -> int:
        [(count,)] = compiled.history_count(self.with_partner).rows(self.arguments)
        return count

    def __getitem__(self, window: slice) -> list[CheckIn]:
        if window.stop <= window.start:
            return []  # the one empty page of someone with nothing yet: nothing to ask
        statement = compiled.history_page(self.with_partner, window.start, window.stop)
        page = statement.instances(CheckIn, self.arguments)
        owners = {self.viewer.pk: self.viewer}
        if self.partner is not None:
            owners[self.partner.pk] = self.partner
        for checkin in page:
            checkin.user = owners[checkin.user_id]
        return page


def history_views(checkins, *, viewer, couple) -> list[CheckInView]:
    """Views for one page of history, with responses fetched in one query."""
    by_checkin: dict[int, list[Response]] = {}
    if couple is not None and checkins:
        statement = compiled.responses_on_checkins(len(checkins))
        arguments = {"couple": couple, "ids": [checkin.pk for checkin in checkins]}
        responses = compiled.responses_with_responders(statement, arguments)
        for response in oldest_first(responses):
            by_checkin.setdefault(response.checkin_id, []).append(response)
    return [
        view_of(checkin, viewer=viewer, responses=by_checkin.get(checkin.pk, ()))
        for checkin in checkins
    ]


def partner_today(*, viewer, couple, partner) -> CheckInView | None:
    """The partner's check-in of their own today, as the viewer may see it."""
    if couple is None or partner is None:
        return None
    theirs = (
        CheckIn.objects.seen_by_partner(couple, partner)
        .filter(local_date=local_today(partner))
        .first()
    )
    if theirs is None:
        return None
    theirs.user = partner
    return view_of(theirs, viewer=viewer, responses=responses_on(theirs, couple))


def partner_today_card(*, viewer, couple, partner) -> dict:
    """What the partner's-day card shows, on home and after a response."""
    return {
        "partner_today": partner_today(viewer=viewer, couple=couple, partner=partner),
        "quick_responses": QUICK_RESPONSES,
    }


def todays_checkins_of_both(
    *, viewer, couple, partner, now: dt.datetime | None = None
) -> tuple[CheckIn | None, CheckIn | None]:
    """In one query: the viewer's check-in of their own today, and the partner's of theirs
    where the partner-visibility rule lets the viewer open it."""
    with_partner = couple is not None and partner is not None
    arguments = {"viewer": viewer, "couple": couple, "partner": partner, "now": now}
    mine = theirs = None
    for checkin in compiled.todays_checkins(with_partner).instances(CheckIn, arguments):
        if checkin.user_id == viewer.pk:
            checkin.user, mine = viewer, checkin
        else:
            checkin.user, theirs = partner, checkin
    return mine, theirs


def responses_for_home(*, viewer, couple, partner, since: dt.date, shown_ids) -> list[Any]:
    """In one query, oldest first: the couple's responses to the requests either partner
    made since ``since`` (for turning toward) and to the check-ins ``shown_ids`` (at most
    two, for the cards), each holding its request's needs, sharing, day and time, and its
    responder."""
    shown = (*shown_ids, None, None)[:2]
    arguments = {
        "viewer": viewer,
        "couple": couple,
        "partner": partner,
        "since": since,
        "shown": shown,
    }
    responses = oldest_first(compiled.responses_from(compiled.responses_for_home(), arguments))
    people = {viewer.pk: viewer, partner.pk: partner}
    for response in responses:
        # A response in the couple comes from one of its two members.
        response.responder = people[response.responder_id]
    return responses


def turned_toward_among(responses: list[Any], *, since: dt.date) -> int:
    """Requests made since ``since`` whose first answer (of ``responses`` from
    ``responses_for_home``, oldest first) came within 24 hours."""
    first_answers: dict[int, Any] = {}
    for response in responses:
        if response.request_shares_needs and response.request_date >= since:
            first_answers.setdefault(response.checkin_id, response)
    answered_in_time = [
        answer
        for answer in first_answers.values()
        if requests_help(answer.request_needs)
        and answer.created_at - answer.request_created_at <= TURNED_TOWARD_WINDOW
    ]
    return len(answered_in_time)


def home_cards(*, viewer, couple, partner, facts) -> dict:
    """My day, my partner's shared day and how often we turned toward each other: two
    queries."""
    mine, theirs = todays_checkins_of_both(viewer=viewer, couple=couple, partner=partner)
    by_checkin: dict[int, list[Response]] = {}
    turned_toward = 0
    if couple is not None and partner is not None:
        since = week_start(local_today(viewer))
        responses = responses_for_home(
            viewer=viewer,
            couple=couple,
            partner=partner,
            since=since,
            shown_ids=[checkin.pk for checkin in (mine, theirs) if checkin is not None],
        )
        for response in responses:
            by_checkin.setdefault(response.checkin_id, []).append(response)
        turned_toward = turned_toward_among(responses, since=since)
    return {
        "my_today": view_of(mine, viewer=viewer, responses=by_checkin.get(mine.pk, ()))
        if mine
        else None,
        "turned_toward": turned_toward,
        "partner_today": view_of(theirs, viewer=viewer, responses=by_checkin.get(theirs.pk, ()))
        if theirs
        else None,
        "quick_responses": QUICK_RESPONSES,
    }


def responses_in_couple(user, couple, *, received: bool):
    """Responses in the current couple to the person's check-ins (received) or sent by the
    person, newest first; nothing when unpaired."""
    if couple is None:
        return Response.objects.none()
    answers = Response.objects.filter(couple=couple).select_related("responder")
    answers = (
        answers.filter(checkin__user=user).exclude(responder=user)
        if received
        else answers.filter(responder=user)
    )
    return answers.order_by("-created_at", "-id")
