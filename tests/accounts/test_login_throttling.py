"""Log-in throttling that cannot lock the owner out (OWASP's device cookies), read through
the proxies the operator trusts."""

import pytest
from django.urls import reverse

from conftest import PASSWORD, client_for
from tending.accounts.devices import cookie_name

LOGIN = reverse("accounts:login")
LOGOUT = reverse("accounts:logout")
PROXY = "127.0.0.1"


def log_in(client, email, password, *, forwarded_for=None):
    extra = {"REMOTE_ADDR": PROXY}
    if forwarded_for:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(LOGIN, {"username": email, "password": password}, **extra)


def owners_phone(user):
    """A browser where the person has logged in before, and logged out again."""
    phone = client_for(None)
    assert log_in(phone, user.email, PASSWORD).status_code == 302
    phone.post(LOGOUT)
    return phone


def test_a_strangers_guesses_never_lock_the_owner_out_of_their_own_phone(alice):
    phone = owners_phone(alice)
    stranger = client_for(None)
    for _ in range(3):
        for _ in range(5):
            log_in(stranger, alice.email, "password123")
        assert log_in(stranger, alice.email, PASSWORD).status_code == 429
    response = log_in(phone, alice.email, PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("core:home")


def test_guesses_lock_the_account_for_browsers_it_was_never_used_on(alice):
    stranger = client_for(None)
    for _ in range(5):
        log_in(stranger, alice.email, "password123")
    new_laptop = client_for(None)
    response = log_in(new_laptop, alice.email, PASSWORD, forwarded_for="198.51.100.7")
    assert response.status_code == 429
    assert "Browsers where you have logged in before are not paused" in response.content.decode()


def test_a_device_cookie_for_another_account_or_a_forged_one_earns_no_trust(alice, bob):
    bobs_phone = owners_phone(bob)
    bobs_phone.cookies[cookie_name(alice.email)] = bobs_phone.cookies[cookie_name(bob.email)].value
    forged = client_for(None)
    forged.cookies[cookie_name(alice.email)] = "alice-trusts-me"
    stranger = client_for(None)
    for _ in range(5):
        log_in(stranger, alice.email, "password123")
    assert log_in(bobs_phone, alice.email, PASSWORD).status_code == 429
    assert log_in(forged, alice.email, PASSWORD).status_code == 429


def test_wrong_passwords_on_a_trusted_phone_use_up_its_own_tries(alice):
    phone = owners_phone(alice)
    for _ in range(5):
        assert log_in(phone, alice.email, "wrong guess").status_code == 200
    for _ in range(5):
        log_in(phone, alice.email, "wrong guess")
    assert log_in(phone, alice.email, PASSWORD).status_code == 429


def test_the_device_cookie_is_private_to_the_browser(alice):
    response = log_in(client_for(None), alice.email, PASSWORD)
    cookie = response.cookies[cookie_name(alice.email)]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) >= 300 * 24 * 3600
    assert alice.email not in cookie.value


@pytest.fixture
def behind_one_proxy(settings):
    settings.TENDING_TRUSTED_PROXIES = 1


def test_behind_a_trusted_proxy_each_visitor_is_throttled_on_their_own(
    behind_one_proxy, alice, bob
):
    stranger = client_for(None)
    for _ in range(5):
        log_in(stranger, "nobody@example.org", "guess", forwarded_for="203.0.113.9")
    assert log_in(stranger, alice.email, PASSWORD, forwarded_for="203.0.113.9").status_code == 429
    neighbour = client_for(None)
    response = log_in(neighbour, bob.email, PASSWORD, forwarded_for="198.51.100.7")
    assert response.status_code == 302


def test_a_forwarded_address_the_visitor_wrote_themselves_changes_nothing(behind_one_proxy, alice):
    stranger = client_for(None)
    for number in range(5):
        # nginx appends the address it saw; whatever the visitor sent stays on the left.
        log_in(
            stranger, "nobody@example.org", "guess", forwarded_for=f"10.0.0.{number}, 203.0.113.9"
        )
    response = log_in(stranger, alice.email, PASSWORD, forwarded_for="10.0.0.99, 203.0.113.9")
    assert response.status_code == 429


def test_without_trusted_proxies_the_header_is_ignored(alice, bob):
    stranger = client_for(None)
    for number in range(5):
        log_in(stranger, "nobody@example.org", "guess", forwarded_for=f"203.0.113.{number}")
    response = log_in(client_for(None), bob.email, PASSWORD, forwarded_for="198.51.100.7")
    assert response.status_code == 429, "everyone behind the untrusted proxy shares its address"
