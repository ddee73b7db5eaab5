from tending.assessments import selectors as assessment_selectors
from tending.checkins import selectors as checkin_selectors
from tending.checkins.models import Response
from tending.coach import selectors as coach_selectors
from tending.couples.selectors import couple_and_partner, pending_invite_for
from tending.practices import selectors as practice_selectors
from tending.safety import selectors as safety_selectors

QUICK_RESPONSES = tuple(
    (kind.value, kind.label) for kind in Response.Kind if kind != Response.Kind.MESSAGE
)


def home_context(user) -> dict:
    """Everything the home page shows: my today, my partner's shared today, this week."""
    couple, partner = couple_and_partner(user)
    mine = checkin_selectors.todays_checkin(user)
    my_view = (
        checkin_selectors.view_of(
            mine, viewer=user, responses=checkin_selectors.responses_on(mine, couple)
        )
        if mine
        else None
    )
    partner_view = None
    if partner is not None:
        theirs = checkin_selectors.todays_checkin(partner)
        if theirs is not None and theirs.local_date >= checkin_selectors.partner_visible_since(
            couple, partner
        ):
            partner_view = checkin_selectors.view_of(
                theirs, viewer=user, responses=checkin_selectors.responses_on(theirs, couple)
            )
    return {
        "couple": couple,
        "partner": partner,
        "my_today": my_view,
        "partner_today": partner_view,
        "turned_toward": checkin_selectors.turned_toward_this_week(couple, viewer=user),
        "pending_invite": None if couple else pending_invite_for(user),
        "quick_responses": QUICK_RESPONSES,
        **practice_selectors.home_cards(user, couple, partner),
        "gentle_messages": coach_selectors.unread_for(user, couple),
        "due_assessments": assessment_selectors.due_for(user),
        "help_nudge": assessment_selectors.help_nudge_for(user),
        "partner_hard_time": safety_selectors.partner_is_having_a_hard_time(couple, partner),
        "my_hard_time_notice": safety_selectors.own_notice(user, couple),
    }
