"""The journey a couple takes: sign up, invite, pair, check in, respond, unpair."""

import pytest
from playwright.sync_api import expect

from tending.accounts.models import User

pytestmark = pytest.mark.browser

PASSWORD = "slow walks by the river"
ALICE_NOTE = "Deadline tomorrow. I snapped at Bob this morning and I feel bad about it."
ALICE_MESSAGE = "I'll be home by six. Walk by the river after dinner?"
ALICE_WORDS = ("anxious", "overwhelmed")


def test_two_people_pair_check_in_respond_and_unpair(visit, live_server):
    alice = visit(timezone_id="Europe/Berlin", permissions=["clipboard-read", "clipboard-write"])
    bob = visit(timezone_id="America/New_York")

    alice.go("/")
    alice.press(alice.page.get_by_role("main").get_by_role("link", name="Create an account"))
    expect(alice.page.get_by_label("Time zone")).to_have_value("Europe/Berlin")
    alice.sign_up(name="Alice", email="alice@example.org", password=PASSWORD, country_code="DE")
    expect(alice.page.get_by_text("Welcome to Tending, Alice.")).to_be_visible()
    assert User.objects.get(email="alice@example.org").timezone == "Europe/Berlin"

    alice.follow_menu("Partner")
    alice.press(alice.page.get_by_role("button", name="Create an invitation link"))
    invite_url = alice.page.get_by_label("Invitation link").input_value()
    assert invite_url.startswith(f"{live_server.url}/partner/join/")
    alice.press(alice.page.get_by_role("button", name="Copy"))
    expect(alice.page.get_by_role("button", name="Copied")).to_be_visible()
    assert alice.page.evaluate("navigator.clipboard.readText()") == invite_url

    bob.go(invite_url)
    expect(bob.page.get_by_role("heading", name="Alice invited you to Tending")).to_be_visible()
    bob.press(bob.page.get_by_role("main").get_by_role("link", name="Create an account"))
    expect(bob.page.get_by_text("After this you will be paired")).to_be_visible()
    expect(bob.page.get_by_label("Time zone")).to_have_value("America/New_York")
    bob.sign_up(name="Bob", email="bob@example.org", password=PASSWORD, country_code="US")
    expect(bob.page.get_by_text("You are now paired.")).to_be_visible()
    expect(bob.page.get_by_text("Alice has not checked in yet today.")).to_be_visible()

    alice.follow_menu("Check in")
    alice.fill_check_in(
        answers={
            "How is your mood?": "Low",
            "How stressed do you feel?": "Very",
            "How is your energy?": "Drained",
            "How connected do you feel to your partner?": "In between",
        },
        emotions={"Scared": list(ALICE_WORDS)},
        needs=["A hug"],
        note=ALICE_NOTE,
    )
    expect(alice.page.get_by_label("Share my feelings")).to_be_checked()
    expect(alice.page.get_by_label("Share what would help")).to_be_checked()
    expect(alice.page.get_by_label("Share my note")).not_to_be_checked()
    alice.submit_check_in()
    expect(alice.page.get_by_text("Thank you for checking in.")).to_be_visible()
    expect(alice.page.locator(".note")).to_have_text(ALICE_NOTE)

    bob.go("/")
    alices_day = bob.page.locator("#partner-today")
    for word in ALICE_WORDS:
        expect(alices_day.get_by_text(word, exact=True)).to_be_visible()
    expect(alices_day.get_by_text("A hug", exact=True)).to_be_visible()
    expect(alices_day.locator(".reading--mood")).to_contain_text("Low")
    assert ALICE_NOTE not in bob.page.content()

    bob.page.evaluate("window.stillTheSamePage = true")
    with bob.page.expect_response(lambda response: "/respond/" in response.url) as answered:
        bob.press(alices_day.get_by_role("button", name="Sending a hug"))
    assert answered.value.request.headers.get("hx-request") == "true"
    expect(alices_day.locator(".sent")).to_contain_text("You answered: Sending a hug")
    assert bob.page.evaluate("window.stillTheSamePage") is True

    bob.follow_menu("Check in")
    bob.fill_check_in(
        answers={
            "How is your mood?": "Good",
            "How stressed do you feel?": "A little",
            "How is your energy?": "Steady",
            "How connected do you feel to your partner?": "Close",
        },
        emotions={"Peaceful": ["calm"], "Joyful": ["hopeful"]},
        needs=["Talk"],
        note="Long day at the clinic.",
    )
    bob.submit_check_in()
    expect(bob.page.get_by_text("Thank you for checking in.")).to_be_visible()

    alice.go("/")
    my_day = alice.page.get_by_role("region", name="Your day")
    expect(my_day.locator(".responses")).to_contain_text("Bob: Sending a hug")
    bobs_day = alice.page.locator("#partner-today")
    expect(bobs_day.get_by_text("calm", exact=True)).to_be_visible()
    bobs_day.get_by_label("Or write a few words").fill(ALICE_MESSAGE)
    alice.press(bobs_day.get_by_role("button", name="Send", exact=True))
    expect(bobs_day.locator(".sent")).to_contain_text(ALICE_MESSAGE)

    bob.go("/")
    expect(bob.page.get_by_role("region", name="Your day")).to_contain_text(ALICE_MESSAGE)
    bob.go("/check-in/history/")
    expect(bob.page.get_by_role("heading", name="Alice", exact=True)).to_be_visible()
    assert ALICE_NOTE not in bob.page.content()

    alice.go("/")
    expect(alice.page.get_by_role("heading", name="This week")).to_be_visible()
    alice_on_phone = visit(phone=True, timezone_id="Europe/Berlin")
    alice_on_phone.log_in_as(User.objects.get(email="alice@example.org"))
    alice_on_phone.go("/")
    expect(alice_on_phone.page.locator(".responses")).to_contain_text("Bob: Sending a hug")

    alice.follow_menu("Partner")
    alice.press(alice.page.get_by_role("link", name="Unpair…"))
    expect(alice.page.get_by_role("heading", name="Unpair from Bob?")).to_be_visible()
    alice.press(alice.page.get_by_role("button", name="Yes, unpair"))
    expect(alice.page.get_by_text("You are no longer paired.")).to_be_visible()
    expect(alice.page.locator(".note")).to_have_text(ALICE_NOTE)

    for path in ("/", "/check-in/history/", "/partner/"):
        bob.go(path)
        page_html = bob.page.content()
        for trace_of_alice in ("Alice", *ALICE_WORDS, "A hug", "Sending a hug", ALICE_MESSAGE):
            assert trace_of_alice not in page_html, f"{trace_of_alice!r} still shown on {path}"
    bob.go("/")
    expect(bob.page.get_by_role("region", name="Your day").get_by_text("calm")).to_be_visible()
