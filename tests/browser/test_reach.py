"""Reach in a real browser: a partner's request and a response appear on open pages without
a reload, Tending installs and keeps Get help offline, and a push notification shows."""

import json

import pytest
from playwright.sync_api import expect

from tending.checkins.services import save_checkin
from tending.notifications.delivery import deliver_due
from tending.notifications.models import PushSubscription
from tending.notifications.services import save_settings
from tests.support.builders import checkin_input
from tests.support.push import BrowserKeys, PushService

pytestmark = pytest.mark.browser

LIVE_TIMEOUT_MS = 5_000


def test_a_request_and_its_answer_reach_open_pages_within_seconds(visit, alice, bob):
    robin = visit(timezone_id="Europe/London")
    robin.log_in_as(alice)
    robin.go("/")
    robin.page.evaluate("window.stillTheSamePage = true")
    partners_day = robin.page.locator("#partner-today")
    expect(partners_day).to_contain_text("Bob has not checked in yet today.")

    sam = visit(timezone_id="America/New_York")
    sam.log_in_as(bob)
    sam.go("/check-in/")
    sam.fill_check_in(
        answers={
            "How is your mood?": "Low",
            "How stressed do you feel?": "Very",
            "How is your energy?": "Drained",
            "How connected do you feel to your partner?": "In between",
        },
        needs=["A hug"],
    )
    sam.submit_check_in()
    expect(sam.page.get_by_text("Thank you for checking in.")).to_be_visible()
    sam.page.evaluate("window.stillTheSamePage = true")

    expect(partners_day.get_by_text("A hug", exact=True)).to_be_visible(timeout=LIVE_TIMEOUT_MS)
    hug = partners_day.get_by_role("button", name="Sending a hug")
    robin.press(hug)
    expect(partners_day.locator(".sent")).to_contain_text("You answered: Sending a hug")
    expect(partners_day.get_by_role("button", name="Sending a hug · sent")).to_be_disabled()
    assert robin.page.evaluate("window.stillTheSamePage") is True

    my_day = sam.page.get_by_role("region", name="Your day")
    expect(my_day.locator(".responses")).to_contain_text(
        "Alice: Sending a hug", timeout=LIVE_TIMEOUT_MS
    )
    assert sam.page.evaluate("window.stillTheSamePage") is True


# Waiting happens inside the page's own promises: Playwright's polling of a predicate would
# evaluate strings, which the Content-Security-Policy (rightly) forbids.
IS_CONTROLLED = """() => navigator.serviceWorker.ready.then(
  () => navigator.serviceWorker.controller !== null
)"""
WAIT_FOR_HELP_IN_CACHE = """async () => {
  for (let tries = 0; tries < 50; tries++) {
    if (await caches.match("/help/")) { return true; }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return false;
}"""
WAIT_FOR_NOTIFICATIONS = """async () => {
  const registration = await navigator.serviceWorker.ready;
  for (let tries = 0; tries < 50; tries++) {
    const shown = await registration.getNotifications();
    if (shown.length) { return shown.map(notification => [notification.title, notification.body]); }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return [];
}"""


def wait_for_service_worker(page) -> None:
    """Once the worker is active, a page loaded before it took over is loaded again."""
    if not page.evaluate(IS_CONTROLLED):
        page.reload()
    assert page.evaluate(IS_CONTROLLED) is True


def test_tending_installs_and_get_help_works_offline(visit, alice):
    visitor = visit()
    visitor.log_in_as(alice)
    page = visitor.go("/")
    manifest_url = page.locator("link[rel=manifest]").get_attribute("href")
    manifest = page.evaluate(f"fetch({json.dumps(manifest_url)}).then(r => r.json())")
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/"
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in manifest["icons"]}

    visitor.go("/help/")
    wait_for_service_worker(page)
    assert page.evaluate(WAIT_FOR_HELP_IN_CACHE) is True
    visitor.context.set_offline(True)
    try:
        page.reload()
        expect(page.locator("#own-heading")).to_have_text("Crisis lines in United Kingdom")
        page.goto("/check-in/")
        expect(page.get_by_role("heading", name="You are offline")).to_be_visible()
        visitor.press(page.get_by_role("main").get_by_role("link", name="Get help now"))
        expect(page.locator("#own-heading")).to_have_text("Crisis lines in United Kingdom")
    finally:
        visitor.context.set_offline(False)


STUB_SUBSCRIBE = """
(() => {
  const endpoint = %(endpoint)s;
  const keys = {p256dh: %(p256dh)s, auth: %(auth)s};
  let current = null;
  const fake = {
    endpoint, expirationTime: null,
    toJSON() { return {endpoint, expirationTime: null, keys}; },
    unsubscribe() { current = null; return Promise.resolve(true); },
  };
  PushManager.prototype.subscribe = function () { current = fake; return Promise.resolve(fake); };
  PushManager.prototype.getSubscription = function () { return Promise.resolve(current); };
})();
"""


def test_a_push_notification_shows_the_expected_title(visit, alice, bob, settings, live_server):
    settings.PUSH_ALLOW_LOCAL_ENDPOINTS = True
    service = PushService().start()
    keys = BrowserKeys()
    try:
        sam = visit(permissions=["notifications"])
        sam.context.add_init_script(
            STUB_SUBSCRIBE
            % {
                "endpoint": json.dumps(service.endpoint("sams-browser")),
                "p256dh": json.dumps(keys.p256dh),
                "auth": json.dumps(keys.auth_secret),
            }
        )
        sam.log_in_as(bob)
        page = sam.go("/notifications/")
        wait_for_service_worker(page)
        cdp = sam.context.new_cdp_session(page)
        registrations = []
        cdp.on(
            "ServiceWorker.workerRegistrationUpdated",
            lambda event: registrations.extend(event["registrations"]),
        )
        cdp.send("ServiceWorker.enable")
        sam.press(page.get_by_role("button", name="Turn on notifications here"))
        expect(page.locator("[data-push-status]")).to_have_text(
            "Notifications are on for this device."
        )
        assert PushSubscription.objects.get(user=bob).name.startswith("Chrome on")

        # Quiet hours (22:00–07:00 by default) would hold the notice back at night.
        save_settings(user=bob, values={"quiet_start": None})
        save_checkin(user=alice, data=checkin_input(needs=("hug",), note="private words"))
        deliver_due()
        (received,) = service.to("sams-browser")
        payload = keys.decrypt(received.body)
        assert payload["title"] == "Alice asked for something today"

        registration_id = next(
            item["registrationId"] for item in registrations if not item["isDeleted"]
        )
        cdp.send(
            "ServiceWorker.deliverPushMessage",
            {
                "origin": live_server.url,
                "registrationId": registration_id,
                "data": json.dumps(payload),
            },
        )
        titles = page.evaluate(WAIT_FOR_NOTIFICATIONS)
        assert titles == [
            ["Alice asked for something today", "Open Tending to see what would help."]
        ]
    finally:
        service.stop()
