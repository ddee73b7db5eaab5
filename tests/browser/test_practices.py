"""Practices in a real browser: a question answered by two, a timed conversation, breathing."""

import re

import pytest
from playwright.sync_api import expect

from tending.appreciations.services import send_appreciation
from tending.conversations.services import begin_conversation, start_conversation
from tending.couples.selectors import active_couple_for
from tending.learn.articles import load_articles
from tending.questions.decks import question_by_id
from tending.questions.selectors import todays_question_id
from tending.questions.services import answer_question, post_question_message
from tending.rituals.services import add_suggested_ritual
from tests.support.people import make_user, pair

pytestmark = pytest.mark.browser

ALICE_ANSWER = "The sound of rain on the roof while we read."
BOB_ANSWER = "Walking home together after the concert."
LONG_WORD = "Thank-you-for-everything-you-did-this-week-" * 3


def a_couple():
    alice = make_user("Alice")
    bob = make_user("Bob", timezone="America/New_York", country="US")
    pair(alice, bob)
    return alice, bob


def test_a_question_is_revealed_only_once_both_have_answered(visit):
    alice_user, bob_user = a_couple()
    question = question_by_id(
        todays_question_id(active_couple_for(alice_user), alice_user, partner=bob_user)
    )
    alice = visit()
    bob = visit(phone=True)
    alice.log_in_as(alice_user)
    bob.log_in_as(bob_user)

    alice.go("/")
    alice.follow_menu("Practices")
    alice.press(alice.page.get_by_role("link", name="Answer"))
    expect(alice.page.get_by_text(question.text)).to_be_visible()
    alice.page.get_by_label("Your answer").fill(ALICE_ANSWER)
    alice.press(alice.page.get_by_role("button", name="Answer in private"))
    expect(alice.page.get_by_text("It stays hidden from Bob")).to_be_visible()

    bob.go("/practices/questions/")
    expect(bob.page.get_by_text("Alice has answered.")).to_be_visible()
    assert ALICE_ANSWER not in bob.page.content()
    bob.page.get_by_label("Your answer").fill(BOB_ANSWER)
    bob.press(bob.page.get_by_role("button", name="Answer in private"))
    expect(bob.page.get_by_text(ALICE_ANSWER)).to_be_visible()

    # Alice's waiting page reveals both answers by itself.
    expect(alice.page.get_by_text(BOB_ANSWER)).to_be_visible(timeout=8_000)
    alice.page.get_by_label("Add to your conversation").fill("I remember that night too.")
    alice.press(alice.page.get_by_role("button", name="Send"))
    expect(alice.page.get_by_text("I remember that night too.")).to_be_visible()
    # Bob's open page shows the new message by itself.
    expect(bob.page.get_by_text("I remember that night too.")).to_be_visible(timeout=8_000)


def test_a_stress_reducing_conversation_runs_to_the_end_on_two_devices(visit, settings):
    settings.TENDING_PRACTICE_MIN_TURN_SECONDS = 3
    alice_user, bob_user = a_couple()
    alice = visit()
    bob = visit(phone=True)
    alice.log_in_as(alice_user)
    bob.log_in_as(bob_user)

    alice.go("/practices/conversations/")
    alice.press(alice.page.get_by_label("Stress-reducing conversation"))
    alice.page.get_by_label("Length of each turn").select_option(label="3 seconds")
    alice.press(alice.page.get_by_role("button", name="Set it up"))
    expect(alice.page.get_by_text("press Begin")).to_be_visible()
    conversation_url = alice.page.url

    bob.go(conversation_url)
    bob.press(bob.page.get_by_role("button", name="Begin"))
    expect(bob.page.get_by_text("Turn 1 of 2:")).to_be_visible()
    expect(alice.page.get_by_text("Turn 1 of 2:")).to_be_visible(timeout=6_000)
    expect(alice.page.get_by_text("Take your partner's side")).to_be_visible()
    expect(alice.page.get_by_role("timer")).to_have_text(re.compile(r"0:0[0-3]"))
    expect(alice.page.get_by_text("Time is up.")).to_be_visible(timeout=6_000)

    alice.press(alice.page.get_by_role("button", name="Switch roles"))
    expect(alice.page.get_by_text("Turn 2 of 2:")).to_be_visible()
    expect(bob.page.get_by_text("Turn 2 of 2:")).to_be_visible(timeout=6_000)
    expect(bob.page.get_by_text("Time is up.")).to_be_visible(timeout=6_000)
    bob.press(bob.page.get_by_role("button", name="Finish"))
    expect(bob.page.get_by_text("Completed.")).to_be_visible()
    expect(alice.page.get_by_text("Completed.")).to_be_visible(timeout=6_000)

    alice.page.get_by_label("How did it feel?").select_option("4")
    alice.press(alice.page.get_by_role("button", name="Save", exact=True))
    expect(alice.page.get_by_text("You said: 4 of 5.")).to_be_visible()


def test_breathing_with_reduced_motion_shows_text_counts(visit):
    person = make_user("Charlie")
    phone = visit(phone=True, reduced_motion="reduce")
    phone.log_in_as(person)
    phone.go("/practices/breathe/")
    phone.press(phone.page.get_by_label(re.compile("Box breathing")))
    phone.page.get_by_label("How long").select_option("1")
    phone.press(phone.page.get_by_role("button", name="Start"))
    expect(phone.page.locator("[data-breath-phase]")).to_have_text("Breathe in")
    expect(phone.page.locator("[data-breath-count]")).to_have_text(re.compile(r"^[1-4]$"))
    expect(phone.page.locator(".breath__shape")).to_be_hidden()
    expect(phone.page.locator("[data-breath-phase]")).to_have_text("Hold", timeout=6_000)
    phone.press(phone.page.get_by_role("button", name="Stop"))
    expect(phone.page.get_by_text("You stopped early, and that is fine.")).to_be_visible()
    assert phone.page_width() <= 390


def test_no_practices_or_learn_page_is_wider_than_a_phone(visit):
    """Every practices and Learn page, with answers, a thread, a meeting and rituals in it,
    fits a 390-px screen in light and dark mode."""
    alice_user, bob_user = a_couple()
    question_id = todays_question_id(active_couple_for(alice_user), alice_user, partner=bob_user)
    answer_question(user=alice_user, question_id=question_id, text=LONG_WORD)
    answer_question(user=bob_user, question_id=question_id, text=BOB_ANSWER)
    post_question_message(user=bob_user, question_id=question_id, text=LONG_WORD)
    send_appreciation(author=bob_user, text=LONG_WORD)
    add_suggested_ritual(user=alice_user, key="six-second-kiss")
    meeting = start_conversation(user=alice_user, kind="meeting")
    begin_conversation(user=alice_user, conversation_id=meeting.pk)
    deck_key = question_id.rsplit("-", 1)[0]
    paths = [
        "/practices/",
        "/practices/questions/",
        "/practices/questions/decks/",
        f"/practices/questions/decks/{deck_key}/",
        "/practices/appreciations/",
        "/practices/conversations/",
        f"/practices/conversations/{meeting.pk}/",
        "/practices/history/",
        "/practices/breathe/",
        "/practices/rituals/",
        "/learn/",
        *(f"/learn/{article.slug}/" for article in load_articles()),
    ]
    for scheme in ("light", "dark"):
        phone = visit(phone=True, color_scheme=scheme)
        phone.log_in_as(alice_user)
        for path in paths:
            phone.go(path)
            assert phone.page_width() <= 390, f"{path} in {scheme} mode"
