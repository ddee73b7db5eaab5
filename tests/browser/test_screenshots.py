"""The demo couple's Tending as the README shows it: Robin's home on a phone in light and
dark, on a desktop, and the check-in. An ordinary run writes the pictures to
test-artifacts/screenshots; `make screenshots` writes the README's, in docs/screenshots."""

import pytest
from playwright.sync_api import expect

from tending.assessments.selectors import introduction_suggestions
from tending.assessments.services import answer_introduction
from tending.demo.seed import seed_demo
from tests.support.builders import make_checkin

pytestmark = pytest.mark.browser


def a_morning_for_the_demo_couple():
    robin, sam = seed_demo()
    answer_introduction(user=robin, remind=False, suggested=introduction_suggestions())
    make_checkin(
        sam,
        mood=4,
        stress=2,
        energy=3,
        connection=4,
        emotions=["hopeful", "tired"],
        needs=["talk"],
    )
    return robin


def test_screenshots_of_the_demo_couple(visit):
    robin = a_morning_for_the_demo_couple()
    for scheme in ("light", "dark"):
        phone = visit(phone=True, color_scheme=scheme, timezone_id="Europe/London")
        phone.log_in_as(robin)
        phone.go("/check-in/")
        if scheme == "light":
            phone.fill_check_in(
                answers={
                    "How is your mood?": "Low",
                    "How stressed do you feel?": "Somewhat",
                    "How is your energy?": "Low",
                    "How connected do you feel to your partner?": "Close",
                },
                emotions={"Scared": ["anxious"]},
                needs=["A hug"],
            )
        phone.page.evaluate("window.scrollTo(0, 0)")
        phone.screenshot(f"check-in-phone-{scheme}.png", full_page=False)
        if scheme == "light":
            phone.submit_check_in()
            expect(phone.page.get_by_text("Thank you for checking in.")).to_be_visible()
        phone.go("/")
        expect(phone.page.get_by_role("heading", name="Sam's day")).to_be_visible()
        phone.screenshot(f"home-phone-{scheme}.png", full_page=False)

    desktop = visit(timezone_id="Europe/London")
    desktop.log_in_as(robin)
    desktop.go("/")
    expect(desktop.page.get_by_role("heading", name="Sam's day")).to_be_visible()
    desktop.screenshot("home-desktop.png")
    desktop.go("/check-in/history/")
    desktop.screenshot("history-desktop.png", full_page=False)
