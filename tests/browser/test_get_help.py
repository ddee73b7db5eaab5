"""Help is one tap away on every page, and the person's own country's lines come first."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES_WHEN_LOGGED_OUT = (
    "/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password-reset/",
    "/help/",
)
PAGES_WHEN_LOGGED_IN = (
    "/",
    "/check-in/",
    "/check-in/history/",
    "/partner/",
    "/partner/unpair/",
    "/accounts/profile/",
    "/accounts/password/",
    "/accounts/delete/",
    "/help/",
)


def header_help_link(page):
    return page.get_by_role("banner").get_by_role("link", name="Get help")


def assert_help_in_the_header(visitor, paths) -> None:
    for path in paths:
        page = visitor.go(path)
        expect(header_help_link(page), f"no Get help link on {path}").to_be_visible()


def first_country_lines(page):
    return page.locator("section", has=page.locator("#own-heading"))


def test_help_is_in_the_header_before_logging_in(visit):
    visitor = visit(locale="de-DE")
    assert_help_in_the_header(visitor, PAGES_WHEN_LOGGED_OUT)

    visitor.go("/accounts/login/")
    visitor.press(header_help_link(visitor.page))
    expect(visitor.page).to_have_url(f"{visitor.server_url}/help/")
    expect(visitor.page.get_by_role("heading", name="Get help now")).to_be_visible()
    expect(visitor.page.locator("#own-heading")).to_have_text("Crisis lines in Germany")


def test_help_shows_the_lines_of_the_persons_country_first(visit, alice):
    assert alice.country.code == "GB"
    visitor = visit(locale="en-US")
    visitor.log_in_as(alice)
    visitor.go("/")
    assert_help_in_the_header(visitor, [*PAGES_WHEN_LOGGED_IN, *visitor.menu_paths()])

    visitor.go("/check-in/")
    visitor.press(header_help_link(visitor.page))
    expect(visitor.page).to_have_url(f"{visitor.server_url}/help/")
    page = visitor.page
    expect(page.locator("#own-heading")).to_have_text("Crisis lines in United Kingdom")
    expect(page.locator(".line__name").first).to_have_text("Samaritans")
    expect(first_country_lines(page).get_by_role("link", name="Call 116 123")).to_be_visible()
    expect(page.locator(".emergency")).to_contain_text("999")
    own_lines_top = page.locator("#own-heading").bounding_box()["y"]
    others_top = page.locator("#others-heading").bounding_box()["y"]
    assert own_lines_top < others_top
