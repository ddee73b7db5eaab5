"""The watched browser visitor of the browser tests: Debian's Chromium driven by Playwright.

Every page a visitor opens is watched: console messages, uncaught errors, Content-Security-
Policy violations and any request to a host other than the live server fail the test.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client
from playwright.sync_api import (
    BrowserContext,
    ConsoleMessage,
    Page,
    Response,
)

from tending.accounts.backends import BACKEND

# Playwright's sync API keeps an event loop running in the test thread, so Django would refuse
# the plain synchronous database calls the tests make there.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
ROOT = Path(__file__).resolve().parents[2]
# Screenshots go with the test reports; `make screenshots` sets TENDING_UPDATE_SCREENSHOTS
# to refresh the ones the README shows, so an ordinary run never changes tracked files.
SCREENSHOTS_DIR = (
    ROOT / "docs" / "screenshots"
    if os.environ.get("TENDING_UPDATE_SCREENSHOTS") == "1"
    else ROOT / "test-artifacts" / "screenshots"
)
ACTION_TIMEOUT_MS = 10_000
LOCAL_SCHEMES = {"data", "blob", "about"}
RESPONSE_STATUS_ECHO = "Failed to load resource: the server responded with a status of"

REPORT_POLICY_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__tendingReportViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`
  );
});
"""


@dataclass
class Watch:
    """What the pages of one browser context did that a person would never want them to do."""

    server_netloc: str
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    policy_violations: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.expose_function("__tendingReportViolation", self.record_policy_violation)
        context.add_init_script(REPORT_POLICY_VIOLATIONS)
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("response", self.record_failed_response)
        context.on("page", self.attach_page)

    def record_policy_violation(self, description: str) -> None:
        self.policy_violations.append(description)

    def record_failed_response(self, response: Response) -> None:
        """A page may answer 4xx on purpose (a form error); its assets and calls may not.

        What the service worker fetches on a page's behalf is checked as the page's own
        response, which the worker hands on."""
        if response.request.service_worker is not None:
            return
        is_page = response.request.resource_type == "document"
        if response.status >= 500 or (response.status >= 400 and not is_page):
            self.failed_responses.append(f"{response.status} {response.url}")

    def record_console(self, message: ConsoleMessage) -> None:
        """Chromium echoes every 4xx page to the console; those are checked as responses."""
        if not message.text.startswith(RESPONSE_STATUS_ECHO):
            self.console.append(f"{message.type}: {message.text}")

    def attach_page(self, page: Page) -> None:
        page.on("console", self.record_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def foreign_requests(self) -> list[str]:
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in LOCAL_SCHEMES
            and urlsplit(url).netloc != self.server_netloc
        ]

    def problems(self) -> list[str]:
        return (
            [f"console {line}" for line in self.console]
            + [f"page error: {error}" for error in self.page_errors]
            + [f"policy violation: {violation}" for violation in self.policy_violations]
            + [f"failed response: {response}" for response in self.failed_responses]
            + [f"request to another host: {url}" for url in self.foreign_requests()]
        )


class Visitor:
    """One person in one browser context, with the steps they take through Tending."""

    def __init__(self, context: BrowserContext, watch: Watch, server_url: str, touch: bool):
        self.context = context
        self.watch = watch
        self.server_url = server_url
        self.touch = touch
        self.page = context.new_page()

    def go(self, path: str) -> Page:
        response = self.page.goto(path)
        assert response is not None and response.ok, (
            f"{path} answered {response and response.status}"
        )
        return self.page

    def press(self, locator) -> None:
        """Tap on a touch screen, click with a mouse."""
        if self.touch:
            locator.tap()
        else:
            locator.click()

    def open_more_menu(self) -> None:
        """Open the main navigation's More list, where the less frequent sections are."""
        more = self.page.locator(".more-menu")
        if not more.evaluate("menu => menu.open"):
            self.press(more.locator("summary"))

    def follow_menu(self, name: str) -> None:
        """Go to a page through the main navigation, opening More when the section is there."""
        menu = self.page.get_by_role("navigation", name="Main")
        link = menu.get_by_role("link", name=name, exact=True)
        if not link.is_visible():
            self.open_more_menu()
        self.press(link)

    def menu_paths(self) -> list[str]:
        """Every section the main navigation offers, those under More included."""
        self.open_more_menu()
        menu = self.page.get_by_role("navigation", name="Main").get_by_role("link")
        return [link.get_attribute("href") for link in menu.all()]

    def log_in_as(self, user) -> None:
        """Start a session for an existing person without typing their password."""
        client = Client()
        client.force_login(user, backend=BACKEND)
        session = client.cookies[settings.SESSION_COOKIE_NAME]
        self.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session.value, "url": self.server_url}]
        )

    def sign_up(self, *, name: str, email: str, password: str, country_code: str) -> None:
        page = self.page
        page.get_by_label("Your name").fill(name)
        page.get_by_label("E-mail").fill(email)
        page.get_by_label("Password", exact=True).fill(password)
        page.get_by_label("Password confirmation").fill(password)
        page.get_by_label("Country").select_option(value=country_code)
        self.press(page.get_by_role("button", name="Create account"))

    def fill_check_in(
        self,
        *,
        answers: dict[str, str],
        emotions: dict[str, list[str]] | None = None,
        needs: list[str] | None = None,
        note: str = "",
    ) -> None:
        """Answer each scale by its question, open feeling groups and tick their words."""
        page = self.page
        for question, answer in answers.items():
            scale = page.get_by_role("group", name=question)
            self.press(scale.get_by_role("radio", name=answer, exact=True))
        for group, words in (emotions or {}).items():
            details = page.locator("details.feeling-group", has=page.get_by_text(group, exact=True))
            self.press(details.locator("summary"))
            for word in words:
                self.press(details.get_by_role("checkbox", name=word, exact=True))
        for need in needs or []:
            self.press(
                page.locator("fieldset.needs").get_by_role("checkbox", name=need, exact=True)
            )
        if note:
            page.get_by_label("Anything else? (optional)").fill(note)

    def submit_check_in(self) -> None:
        self.press(self.page.get_by_role("button", name="Save check-in"))

    def page_width(self) -> int:
        return self.page.evaluate("document.documentElement.scrollWidth")

    def screenshot(self, name: str, *, full_page: bool = True) -> Path:
        """The page (or, with ``full_page=False``, the screen as a phone shows it)."""
        SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS_DIR / name
        self.page.screenshot(path=str(path), full_page=full_page, animations="disabled")
        return path
