"""The coach in a real browser: live highlights, the I-statement builder sent to the
partner, and the API docs under our content policy."""

import pytest
from playwright.sync_api import expect

from tests.support.people import make_user, pair

pytestmark = pytest.mark.browser

HARSH = "You never listen to me, you're so selfish. Whatever."
STATEMENT = (
    "I feel anxious about the bills on the table this week. "
    "I need us to look at them together. Would you sit down with me on Sunday?"
)


def test_a_harsh_message_is_highlighted_and_a_gentle_one_reaches_the_partner(visit):
    alice_user, bob_user = make_user("Alice"), make_user("Bob")
    pair(alice_user, bob_user)
    alice = visit(permissions=["clipboard-read", "clipboard-write"])
    bob = visit()
    alice.log_in_as(alice_user)
    bob.log_in_as(bob_user)

    page = alice.go("/")
    alice.follow_menu("Coach")
    page.get_by_label("What do you want to say?").fill(HARSH)
    highlight = page.locator("mark.finding--harsh", has_text="You never")
    expect(highlight).to_be_visible()
    expect(page.get_by_role("link", name="note 1 Always or never")).to_be_visible()
    expect(page.locator("#coach-status")).to_contain_text("may land harder than you mean")
    alice.press(page.get_by_role("link", name="note 2 Criticism"))
    expect(page.locator("#finding-2")).to_contain_text("you're so selfish")

    alice.press(page.get_by_role("link", name="Build an I-statement"))
    scared = page.locator("details.feeling-group", has=page.get_by_text("Scared", exact=True))
    alice.press(scared.locator("summary"))
    alice.press(scared.get_by_role("radio", name="anxious", exact=True))
    page.get_by_label("What happened?").fill("the bills on the table this week")
    page.get_by_label("What do you need?").fill("us to look at them together")
    page.get_by_label("A small request").fill("sit down with me on Sunday")
    expect(page.get_by_label("Your message")).to_have_value(STATEMENT)
    expect(page.get_by_text("it describes what happened without blame")).to_be_visible()
    alice.press(page.get_by_role("button", name="Copy"))
    expect(page.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == STATEMENT
    alice.press(page.get_by_role("button", name="Send to Bob"))
    expect(page.get_by_text("Sent. Bob will see it on their home page.")).to_be_visible()

    bob_home = bob.go("/")
    expect(bob_home.get_by_role("heading", name="A message from Alice")).to_be_visible()
    expect(bob_home.get_by_text(STATEMENT)).to_be_visible()
    bob.press(bob_home.get_by_role("button", name="Thank you, I have read it"))
    expect(bob_home.get_by_role("heading", name="A message from Alice")).to_have_count(0)


def test_a_harsh_check_in_note_gets_a_quiet_hint(visit):
    alice_user = make_user("Alice")
    alice = visit()
    alice.log_in_as(alice_user)
    page = alice.go("/check-in/")
    page.get_by_label("Anything else? (optional)").fill("you never help, you're so lazy")
    expect(page.get_by_text("This may land harder than you mean.")).to_be_visible()
    page.get_by_label("Anything else? (optional)").fill("I feel tired and I need rest")
    expect(page.get_by_text("This may land harder than you mean.")).to_have_count(0)


def test_the_api_docs_work_without_any_outside_host(visit):
    visitor = visit()
    page = visitor.go("/api/docs")
    expect(page.get_by_text("/api/coach/analyse")).to_be_visible()
