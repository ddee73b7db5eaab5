"""The daily check-in on a 390-px-wide touch screen: big enough to tap, nothing off the edge."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE_WIDTH = 390
MIN_TAP_TARGET_PX = 44
PAGES_WHEN_LOGGED_IN = ("/", "/check-in/", "/check-in/history/", "/partner/", "/help/")
PAGES_WHEN_LOGGED_OUT = ("/", "/accounts/login/", "/accounts/signup/", "/help/")


def assert_fits_the_screen(visitor, path: str) -> None:
    visitor.go(path)
    width = visitor.page_width()
    assert width <= PHONE_WIDTH, f"{path} is {width}px wide on a {PHONE_WIDTH}px screen"


def assert_big_enough_to_tap(locator) -> None:
    for index in range(locator.count()):
        target = locator.nth(index)
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        assert box is not None, f"{target} is not on the screen"
        assert box["width"] >= MIN_TAP_TARGET_PX and box["height"] >= MIN_TAP_TARGET_PX, (
            f"{target.text_content()!r} is only {box['width']:.0f}×{box['height']:.0f}px"
        )


def test_checking_in_on_a_phone(visit, alice, bob):
    phone = visit(phone=True, timezone_id="Europe/London")
    phone.log_in_as(alice)
    phone.go("/")
    phone.press(phone.page.locator("#main").get_by_role("link", name="Check in"))
    expect(phone.page.get_by_role("heading", name="How are you today?")).to_be_visible()

    form = phone.page.locator("form.checkin-form")
    assert_big_enough_to_tap(form.locator(".scale__option"))
    assert_big_enough_to_tap(form.locator("details.feeling-group summary"))
    assert_big_enough_to_tap(form.locator("fieldset.needs .chip-option"))
    assert_big_enough_to_tap(form.get_by_role("button", name="Save check-in"))

    phone.fill_check_in(
        answers={
            "How is your mood?": "Okay",
            "How stressed do you feel?": "Somewhat",
            "How is your energy?": "Low",
            "How connected do you feel to your partner?": "Close",
        },
        emotions={"Sad": ["tired"], "Peaceful": ["loved"]},
        needs=["Reassurance", "Something fun"],
        note="Slept badly, but the morning walk helped.",
    )
    assert_big_enough_to_tap(form.locator("details.feeling-group[open] .chip-option"))
    assert phone.page_width() <= PHONE_WIDTH
    phone.submit_check_in()

    expect(phone.page.get_by_text("Thank you for checking in.")).to_be_visible()
    my_day = phone.page.get_by_role("region", name="Your day")
    for shown in ("Okay", "tired", "loved", "Reassurance", "Something fun", "morning walk"):
        expect(my_day).to_contain_text(shown)
    for path in PAGES_WHEN_LOGGED_IN:
        assert_fits_the_screen(phone, path)

    bobs_phone = visit(phone=True, timezone_id="America/New_York")
    bobs_phone.log_in_as(bob)
    assert_fits_the_screen(bobs_phone, "/")
    alices_day = bobs_phone.page.locator("#partner-today")
    quick_responses = alices_day.locator(".quick-responses button")
    assert_big_enough_to_tap(quick_responses)
    bobs_phone.press(alices_day.get_by_role("button", name="I'm here for you"))
    expect(alices_day.locator(".sent")).to_contain_text("I'm here for you")
    assert bobs_phone.page_width() <= PHONE_WIDTH


def test_pages_fit_a_phone_before_logging_in_and_while_inviting(visit, charlie):
    visitor = visit(phone=True)
    for path in PAGES_WHEN_LOGGED_OUT:
        assert_fits_the_screen(visitor, path)

    inviter = visit(phone=True)
    inviter.log_in_as(charlie)
    inviter.go("/partner/")
    inviter.press(inviter.page.get_by_role("button", name="Create an invitation link"))
    expect(inviter.page.get_by_label("Invitation link")).to_be_visible()
    assert inviter.page_width() <= PHONE_WIDTH
    assert_big_enough_to_tap(inviter.page.get_by_role("button", name="Copy"))
