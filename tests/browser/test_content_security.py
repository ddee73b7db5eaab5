"""The Content-Security-Policy holds in a real browser, and no page talks to another host."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES_WHEN_LOGGED_OUT = (
    "/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password-reset/",
    "/help/",
    "/help/?country=US",
)
REPORT_WAIT_STEPS = 50
REPORT_WAIT_STEP_MS = 100


def visit_every_menu_page(visitor) -> list[str]:
    visitor.go("/")
    paths = visitor.menu_paths()
    for path in paths:
        visitor.go(path)
    return paths


def test_a_whole_journey_runs_within_the_policy_and_the_server(visit, alice, bob, charlie):
    stranger = visit(locale="en-GB")
    for path in PAGES_WHEN_LOGGED_OUT:
        stranger.go(path)
    response = stranger.page.goto("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy

    inviter = visit()
    inviter.log_in_as(charlie)
    inviter.go("/partner/")
    inviter.press(inviter.page.get_by_role("button", name="Create an invitation link"))
    stranger.go(inviter.page.get_by_label("Invitation link").input_value())
    expect(
        stranger.page.get_by_role("heading", name="Charlie invited you to Tending")
    ).to_be_visible()

    alices_browser = visit(timezone_id="Europe/London")
    alices_browser.log_in_as(alice)
    alices_browser.go("/check-in/")
    alices_browser.fill_check_in(
        answers={
            "How is your mood?": "Low",
            "How stressed do you feel?": "Somewhat",
            "How is your energy?": "Low",
            "How connected do you feel to your partner?": "Close",
        },
        emotions={"Sad": ["lonely"]},
        needs=["Talk"],
        note="Missing home.",
    )
    alices_browser.submit_check_in()
    expect(alices_browser.page.get_by_text("Thank you for checking in.")).to_be_visible()
    assert alices_browser.page.evaluate("typeof htmx") == "object"
    visit_every_menu_page(alices_browser)

    bobs_browser = visit(timezone_id="America/New_York")
    bobs_browser.log_in_as(bob)
    bobs_browser.go("/")
    alices_day = bobs_browser.page.locator("#partner-today")
    bobs_browser.press(alices_day.get_by_role("button", name="Let's talk tonight"))
    expect(alices_day.locator(".sent")).to_contain_text("Let's talk tonight")
    bobs_paths = visit_every_menu_page(bobs_browser)
    assert {"/", "/check-in/", "/check-in/history/", "/partner/"} <= set(bobs_paths)

    for person in (stranger, inviter, alices_browser, bobs_browser):
        assert person.watch.problems() == []
    bobs_requests = bobs_browser.watch.requests
    assert any(url.endswith("/static/tending/htmx.min.js") for url in bobs_requests)
    assert any(url.endswith("/static/tending/tending.css") for url in bobs_requests)
    assert any("/respond/" in url for url in bobs_requests)


def test_an_injected_inline_script_is_blocked_and_reported(visit):
    visitor = visit(expect_clean=False)
    visitor.go("/help/")
    visitor.page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.inlineScriptRan = true";
          document.head.appendChild(script);
        }"""
    )
    assert visitor.page.evaluate("window.inlineScriptRan === undefined")
    for _ in range(REPORT_WAIT_STEPS):
        if visitor.watch.policy_violations:
            break
        visitor.page.wait_for_timeout(REPORT_WAIT_STEP_MS)
    assert any(
        violation.startswith("script-src-elem blocked inline")
        for violation in visitor.watch.policy_violations
    ), visitor.watch.policy_violations
    assert any("Content Security Policy" in line for line in visitor.watch.console)
