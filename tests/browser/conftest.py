"""Browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live server.

Every page a visitor opens is watched (see ``tests/support/browser.py``): console messages,
uncaught errors, Content-Security-Policy violations and any request to a host other than
the live server fail the test.
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Error, sync_playwright

from tests.support.browser import (
    ACTION_TIMEOUT_MS,
    CHROMIUM_ARGS,
    CHROMIUM_PATH,
    DESKTOP,
    PHONE,
    Visitor,
    Watch,
)


@pytest.fixture(scope="session")
def chromium() -> Browser:
    """Debian's Chromium; a machine without it fails the browser tests rather than skip them."""
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        except Error as error:
            pytest.fail(f"Chromium could not be launched from {CHROMIUM_PATH}: {error}")
        yield browser
        browser.close()


@pytest.fixture
def visit(chromium, live_server, transactional_db):
    """Open a new browser context as a new visitor, on a desktop or a phone-sized screen.

    At the end of the test, every context must have stayed clean: no console output, no
    uncaught error, no policy violation, no request to another host.
    """
    opened: list[tuple[Visitor, bool]] = []

    def open_visitor(*, phone: bool = False, expect_clean: bool = True, **options) -> Visitor:
        options = {**(PHONE if phone else DESKTOP), **options}
        context = chromium.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        watch = Watch(server_netloc=urlsplit(live_server.url).netloc)
        watch.attach(context)
        visitor = Visitor(context, watch, live_server.url, touch=bool(options.get("has_touch")))
        opened.append((visitor, expect_clean))
        return visitor

    yield open_visitor
    problems = [
        problem
        for visitor, expect_clean in opened
        if expect_clean
        for problem in visitor.watch.problems()
    ]
    for visitor, _ in opened:
        visitor.context.close()
    assert not problems, "\n".join(problems)
