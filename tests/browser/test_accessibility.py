"""axe-core over every page a person can reach, and the states they meet on the way.

Logged out and logged in, light and dark, on a phone and a desktop; with form errors, the
More menu open, a questionnaire result, breathing running, the safety plan, the coach's
reading and an invitation's QR code. Any WCAG 2.2 A or AA violation fails the test, with
where it was and what axe said. Only these contexts bypass the Content-Security-Policy, so
that axe can be injected; every other browser test runs under the policy.
"""

import re

import pytest
from playwright.sync_api import expect

from tending.couples.services import create_invite
from tests.support.accessibility import axe_violations
from tests.support.walk import a_lived_in_couple, pages_for_visitors

pytestmark = pytest.mark.browser

COMBINATIONS = [
    pytest.param(phone, scheme, id=f"{'phone' if phone else 'desktop'}-{scheme}")
    for phone in (True, False)
    for scheme in ("light", "dark")
]


def check_pages(visitor, paths: list[str], found: list) -> None:
    for path in paths:
        visitor.go(path)
        found += axe_violations(visitor.page, path)


def check_states(visitor, found: list) -> None:
    """The states a page is not in when it loads."""
    page = visitor.page
    visitor.go("/")
    visitor.open_more_menu()
    found += axe_violations(page, "/ with More open")

    visitor.go("/coach/")
    page.get_by_label(re.compile("What do you want to say")).fill(
        "You never listen to me and you always forget."
    )
    page.get_by_role("button", name="Look at it").click()
    expect(page.locator(".coach-reading")).to_be_visible()
    found += axe_violations(page, "/coach/ with a reading")

    visitor.go("/practices/breathe/")
    page.get_by_label("How long").select_option("1")
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.locator("[data-breath-phase]")).to_have_text("Breathe in")
    found += axe_violations(page, "/practices/breathe/ while breathing")


def check_first_check_in(visitor, found: list) -> None:
    page = visitor.page
    visitor.go("/check-in/")
    page.locator("details.feeling-group").first.locator("summary").click()
    found += axe_violations(page, "/check-in/ with a feeling group open")
    visitor.submit_check_in()
    expect(page.locator(".form-errors")).to_be_visible()
    found += axe_violations(page, "/check-in/ with form errors")


def check_visitor_states(visitor, found: list) -> None:
    page = visitor.page
    visitor.go("/accounts/signup/")
    page.get_by_label("Your name").fill("Mira")
    page.get_by_label("E-mail").fill("mira@example.org")
    page.get_by_label("Password", exact=True).fill("slow walks by the river")
    page.get_by_label("Password confirmation").fill("slow walks by the lake")
    page.get_by_role("button", name="Create account").click()
    expect(page.locator(".form-errors")).to_be_visible()
    found += axe_violations(page, "/accounts/signup/ with form errors")
    visitor.go("/accounts/login/")
    page.get_by_label("E-mail").fill("nobody@example.org")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    found += axe_violations(page, "/accounts/login/ with a wrong password")


@pytest.mark.parametrize(("phone", "color_scheme"), COMBINATIONS)
def test_every_page_and_state_passes_axe(visit, alice, bob, charlie, phone, color_scheme):
    visitors_pages = pages_for_visitors(charlie, alice)
    create_invite(inviter=charlie)
    alices_pages = a_lived_in_couple(alice, bob)
    found: list = []

    stranger = visit(phone=phone, color_scheme=color_scheme, bypass_csp=True)
    check_pages(stranger, visitors_pages, found)
    check_visitor_states(stranger, found)

    person = visit(
        phone=phone, color_scheme=color_scheme, bypass_csp=True, timezone_id="Europe/London"
    )
    person.log_in_as(alice)
    check_pages(person, alices_pages, found)
    check_states(person, found)

    alone = visit(phone=phone, color_scheme=color_scheme, bypass_csp=True)
    alone.log_in_as(charlie)
    check_pages(alone, ["/", "/partner/", "/practices/", "/check-in/history/"], found)
    check_first_check_in(alone, found)

    assert not found, "\n".join(str(violation) for violation in found)


def test_the_sweep_would_see_a_violation(visit, alice):
    """axe really runs: a button without a name and grey-on-grey text are found."""
    visitor = visit(bypass_csp=True)
    visitor.log_in_as(alice)
    visitor.go("/")
    visitor.page.evaluate(
        """() => {
          const button = document.createElement("button");
          document.querySelector("main").append(button);
          const faint = document.createElement("p");
          faint.textContent = "Hard to read";
          faint.className = "faint";
          document.querySelector("main").append(faint);
          document.styleSheets[0].insertRule(".faint { color: #ccc; background: #fff; }");
        }"""
    )
    rules = {violation.rule for violation in axe_violations(visitor.page, "/")}
    assert {"button-name", "color-contrast"} <= rules
