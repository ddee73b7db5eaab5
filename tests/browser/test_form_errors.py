"""A form that comes back with an error keeps everything the person typed."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTE = "Hard day at work; I would love a quiet evening."


def test_sign_up_with_passwords_that_differ_keeps_name_email_and_country(visit):
    visitor = visit(timezone_id="Europe/Berlin")
    page = visitor.go("/accounts/signup/")
    page.get_by_label("Your name").fill("Mira")
    page.get_by_label("E-mail").fill("mira@example.org")
    page.get_by_label("Password", exact=True).fill("slow walks by the river")
    page.get_by_label("Password confirmation").fill("slow walks by the lake")
    page.get_by_label("Country").select_option("AT")
    visitor.press(page.get_by_role("button", name="Create account"))

    expect(page.get_by_role("alert")).to_contain_text("Nothing you typed has been lost")
    expect(page.locator(".field--error")).to_contain_text("didn’t match")
    expect(page.get_by_label("Your name")).to_have_value("Mira")
    expect(page.get_by_label("E-mail")).to_have_value("mira@example.org")
    expect(page.get_by_label("Country")).to_have_value("AT")
    expect(page.get_by_label("Time zone")).to_have_value("Europe/Berlin")


def test_check_in_without_an_answered_mood_keeps_the_rest(visit, alice):
    visitor = visit()
    visitor.log_in_as(alice)
    visitor.go("/check-in/")
    visitor.fill_check_in(
        answers={"How stressed do you feel?": "Very", "How is your energy?": "Low"},
        emotions={"Mad": ["frustrated"]},
        needs=["Some space"],
        note=NOTE,
    )
    visitor.submit_check_in()

    page = visitor.page
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_role("group", name="How is your mood?")).to_contain_text("required")
    expect(page.get_by_label("Anything else? (optional)")).to_have_value(NOTE)
    stress = page.get_by_role("group", name="How stressed do you feel?")
    expect(stress.get_by_role("radio", name="Very", exact=True)).to_be_checked()
    expect(page.get_by_role("checkbox", name="frustrated", exact=True)).to_be_checked()
    expect(page.get_by_role("checkbox", name="Some space", exact=True)).to_be_checked()


def test_check_in_sent_without_scripts_keeps_the_rest_when_needs_conflict(visit, alice):
    """Without scripts nothing unticks "Nothing today", so the server has to say no."""
    visitor = visit(java_script_enabled=False)
    visitor.log_in_as(alice)
    visitor.go("/check-in/")
    visitor.fill_check_in(
        answers={
            "How is your mood?": "Okay",
            "How stressed do you feel?": "Calm",
            "How is your energy?": "Steady",
            "How connected do you feel to your partner?": "Close",
        },
        emotions={"Peaceful": ["content", "relaxed"]},
        needs=["Nothing today", "A hug"],
        note=NOTE,
    )
    visitor.submit_check_in()

    page = visitor.page
    expect(page.locator("fieldset.needs .error")).to_contain_text(
        "cannot be combined with other requests"
    )
    expect(page.get_by_label("Anything else? (optional)")).to_have_value(NOTE)
    for need in ("Nothing today", "A hug"):
        expect(page.get_by_role("checkbox", name=need, exact=True)).to_be_checked()
    for word in ("content", "relaxed"):
        expect(page.get_by_role("checkbox", name=word, exact=True)).to_be_checked()
        expect(page.get_by_role("checkbox", name=word, exact=True)).to_be_visible()
    mood = page.get_by_role("group", name="How is your mood?")
    expect(mood.get_by_role("radio", name="Okay", exact=True)).to_be_checked()
    expect(page.get_by_label("Share my note")).not_to_be_checked()
