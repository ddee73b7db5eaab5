"""Two-factor sign-in in a real browser: an authenticator app set up from the key on the
page, recovery codes that work once, and a passkey made by Chromium's virtual
authenticator (DevTools' WebAuthn domain), used to sign in without a password."""

import pytest
from playwright.sync_api import expect

from tending.security.models import EventKind, SecurityEvent
from tests.support.people import PASSWORD, make_user
from tests.support.twofactor import code_for

pytestmark = pytest.mark.browser


def log_in(visitor, email: str, password: str = PASSWORD) -> None:
    page = visitor.go("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    visitor.press(page.get_by_role("button", name="Log in", exact=True))


def log_out(visitor) -> None:
    visitor.press(visitor.page.get_by_role("button", name="Log out"))
    expect(visitor.page.get_by_role("heading", name="Log in")).to_be_visible()


def second_step(visitor, code: str) -> None:
    page = visitor.page
    expect(page.get_by_role("heading", name="One more step")).to_be_visible()
    page.get_by_label("Code", exact=True).fill(code)
    visitor.press(page.get_by_role("button", name="Sign in", exact=True))


def test_an_authenticator_app_then_a_recovery_code_once(visit):
    alice = make_user("Alice")
    visitor = visit()
    log_in(visitor, alice.email)
    page = visitor.go("/accounts/security/")
    visitor.press(page.get_by_role("link", name="Set up an authenticator app"))
    expect(
        page.get_by_role("img", name="QR code to scan with your authenticator app")
    ).to_be_visible()
    secret = page.locator("#totp-secret").inner_text()
    page.get_by_label("The 6-digit code your app shows").fill(code_for(secret))
    visitor.press(page.get_by_role("button", name="Turn on"))
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    codes = page.get_by_role("list", name="Recovery codes").locator("code").all_inner_texts()
    assert len(codes) == 10
    with page.expect_download() as download:
        visitor.press(page.get_by_role("link", name="Download as a text file"))
    assert codes[0] in download.value.path().read_text()

    log_out(visitor)
    log_in(visitor, alice.email)
    second_step(visitor, code_for(secret, steps_ahead=1))
    expect(page).to_have_url(visitor.server_url + "/")

    log_out(visitor)
    log_in(visitor, alice.email)
    second_step(visitor, codes[3])
    expect(page).to_have_url(visitor.server_url + "/")

    log_out(visitor)
    log_in(visitor, alice.email)
    second_step(visitor, codes[3])
    expect(page.get_by_text("That code does not match")).to_be_visible()
    expect(page.get_by_role("heading", name="One more step")).to_be_visible()
    assert SecurityEvent.objects.filter(user=alice, kind=EventKind.RECOVERY_CODE_USED).count() == 1


def test_a_passkey_is_added_and_signs_in_without_a_password(visit):
    alice = make_user("Alice")
    visitor = visit()
    webauthn = visitor.context.new_cdp_session(visitor.page)
    webauthn.send("WebAuthn.enable")
    webauthn.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    log_in(visitor, alice.email)
    page = visitor.go("/accounts/security/")
    page.get_by_label("Name this passkey").fill("My laptop")
    visitor.press(page.get_by_role("button", name="Add a passkey"))
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    page = visitor.go("/accounts/security/")
    expect(page.get_by_text("My laptop", exact=True)).to_be_visible()

    log_out(visitor)
    visitor.press(page.get_by_role("button", name="Sign in with a passkey"))
    expect(page).to_have_url(visitor.server_url + "/")
    event = SecurityEvent.objects.filter(user=alice, kind=EventKind.SIGNED_IN).first()
    assert event.details == {"with": "passkey"}

    log_out(visitor)
    log_in(visitor, alice.email)
    expect(page.get_by_role("heading", name="One more step")).to_be_visible()
    visitor.press(page.get_by_role("button", name="Use a passkey"))
    expect(page).to_have_url(visitor.server_url + "/")
    assert SecurityEvent.objects.filter(user=alice, kind=EventKind.SIGNED_IN).first().details == {
        "with": "password+passkey"
    }
