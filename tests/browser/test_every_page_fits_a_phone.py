"""Every page a person who is logged in can open fits a 390-px-wide screen, light or dark."""

import pytest
from django.urls import reverse

from tending.appreciations.services import send_appreciation
from tending.assessments.scoring import get_instrument
from tending.assessments.services import record_result
from tending.coach.services import send_gentle_message
from tending.learn.articles import load_articles
from tending.questions.decks import load_decks
from tending.safety.services import save_safety_plan
from tests.support.builders import backdate_couple, make_checkin, make_response

pytestmark = pytest.mark.browser

PHONE_WIDTH = 390
LONG_WORD = "Supercalifragilisticexpialidocious" * 3
PAGES = (
    "home:index",
    "checkins:checkin",
    "checkins:history",
    "couples:partner",
    "couples:unpair",
    "accounts:profile",
    "accounts:password_change",
    "accounts:delete",
    "api:tokens",
    "security:index",
    "security:authenticator",
    "security:activity",
    "yourdata:index",
    "safety:get_help",
    "safety:screen",
    "safety:plan",
    "safety:plan_print",
    "safety:partner_plan",
    "safety:when_to_seek_help",
    "safety:worried",
    "assessments:index",
    "assessments:schedule",
    "assessments:partner",
    "coach:index",
    "coach:i_statement",
    "coach:messages",
    "insights:overview",
    "insights:week",
    "reports:list",
    "practices:index",
    "questions:today",
    "questions:decks",
    "appreciations:index",
    "conversations:index",
    "practices:history",
    "breathing:index",
    "rituals:index",
    "learn:articles",
)


def a_lived_in_couple(alice, bob) -> list[str]:
    """Give alice and bob some weeks of entries, long words included, and list alice's pages."""
    backdate_couple(alice, days=30)
    for days_ago in range(14):
        mine = make_checkin(alice, days_ago=days_ago, needs=["hug"], note=f"Tired. {LONG_WORD}")
        theirs = make_checkin(bob, days_ago=days_ago, needs=["talk"], share_note=True)
        make_response(mine, bob, message=LONG_WORD)
        make_response(theirs, alice)
    phq9 = get_instrument("phq9")
    result = record_result(user=alice, instrument=phq9, answers=dict.fromkeys(range(1, 10), 1))
    save_safety_plan(user=bob, sections={"warning_signs": LONG_WORD}, shared_with_partner=True)
    send_appreciation(author=bob, text=f"Thank you. {LONG_WORD}")
    send_gentle_message(sender=bob, text=f"I feel tired and I need rest. {LONG_WORD}")
    return [
        *(reverse(name) for name in PAGES),
        reverse("assessments:take", args=["phq9"]),
        reverse("assessments:trend", args=["phq9"]),
        reverse("assessments:result", args=[result.pk]),
        reverse("questions:deck", args=[next(iter(load_decks()))]),
        reverse("learn:article", args=[load_articles()[0].slug]),
    ]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_every_page_fits_a_phone(visit, alice, bob, color_scheme):
    paths = a_lived_in_couple(alice, bob)
    phone = visit(phone=True, color_scheme=color_scheme, timezone_id="Europe/London")
    phone.log_in_as(alice)
    too_wide = {}
    for path in paths:
        phone.go(path)
        width = phone.page_width()
        if width > PHONE_WIDTH:
            too_wide[path] = width
    assert too_wide == {}, f"wider than {PHONE_WIDTH}px: {too_wide}"
    phone.go("/")
    phone.open_more_menu()
    assert phone.page_width() <= PHONE_WIDTH
