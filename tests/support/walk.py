"""Every page a person can reach, with a couple who have lived in Tending for a while.

The browser sweeps (a phone's width, axe-core) walk these pages logged out and as alice,
whose partner bob shares what he shares, with long words where people type.
"""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from tending.appreciations.services import send_appreciation
from tending.assessments.scoring import get_instrument
from tending.assessments.services import record_result
from tending.coach.services import send_gentle_message
from tending.conversations.services import start_conversation
from tending.couples.models import Invite
from tending.learn.articles import load_articles
from tending.questions.decks import load_decks
from tending.reports import services as report_services
from tending.safety.services import save_safety_plan
from tests.support.builders import backdate_couple, make_checkin, make_response

LONG_WORD = "Supercalifragilisticexpialidocious" * 3
LOGGED_IN_PAGES = (
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
    "notifications:settings",
    "home:offline",
)
LOGGED_OUT_PAGES = (
    "home:index",
    "accounts:login",
    "accounts:signup",
    "accounts:password_reset",
    "accounts:password_reset_sent",
    "accounts:password_reset_complete",
    "safety:get_help",
    "safety:when_to_seek_help",
    "safety:worried",
    "home:offline",
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
    conversation = start_conversation(user=alice, kind="stress")
    today = timezone.localdate()
    report = report_services.create_report(
        owner=alice, start_date=today - dt.timedelta(days=30), end_date=today
    )
    return [
        *(reverse(name) for name in LOGGED_IN_PAGES),
        reverse("assessments:take", args=["phq9"]),
        reverse("assessments:trend", args=["phq9"]),
        reverse("assessments:result", args=[result.pk]),
        reverse("questions:deck", args=[next(iter(load_decks()))]),
        reverse("learn:article", args=[load_articles()[0].slug]),
        reverse("conversations:conversation", args=[conversation.pk]),
        reverse("reports:detail", args=[report.pk]),
    ]


def pages_for_visitors(inviter, report_owner) -> list[str]:
    """What someone without an account can open: the public pages, an invitation from
    ``inviter`` and a report ``report_owner`` shared with a clinician."""
    invite = Invite.objects.create(
        inviter=inviter, expires_at=timezone.now() + dt.timedelta(days=7)
    )
    today = timezone.localdate()
    report = report_services.create_report(
        owner=report_owner, start_date=today - dt.timedelta(days=30), end_date=today
    )
    link = report_services.create_share_link(report=report, expires_in_days=7)
    return [
        *(reverse(name) for name in LOGGED_OUT_PAGES),
        reverse("safety:get_help") + "?country=US",
        reverse("couples:join", args=[invite.token]),
        reverse("reports:shared", args=[link.token]),
    ]
