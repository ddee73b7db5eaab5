"""Two-factor authentication with an authenticator app: setting it up, the second step of
logging in (throttled like passwords), removing it with a current code."""

from django.db import connection
from django.urls import reverse

from tending.security.models import EventKind, RecoveryCode, SecurityEvent, TotpDevice
from tests.support.people import PASSWORD, client_for
from tests.support.twofactor import code_for, secret_on_page, with_authenticator, wrong_code

LOGIN = reverse("accounts:login")
VERIFY = reverse("security:verify")
SETUP = reverse("security:authenticator")


def log_in(client, user, password=PASSWORD):
    return client.post(LOGIN, {"username": user.email, "password": password})


def test_setting_up_shows_a_qr_code_and_turns_on_with_a_code(alice):
    client = client_for(alice)
    page = client.get(SETUP).content.decode()
    assert 'src="data:image/svg+xml' in page
    secret = secret_on_page(page)
    wrong = client.post(SETUP, {"code": wrong_code(secret)})
    assert wrong.status_code == 400 and "does not match" in wrong.content.decode()
    assert secret_on_page(wrong.content.decode()) == secret
    done = client.post(SETUP, {"code": code_for(secret)}, follow=True)
    page = done.content.decode()
    assert "Your recovery codes" in page and page.count("<li><code>") == 10
    assert 'download="tending-recovery-codes.txt"' in page
    assert RecoveryCode.objects.filter(user=alice).count() == 10
    assert TotpDevice.objects.get(user=alice).confirmed
    assert client.get(reverse("security:new_codes")).status_code == 302
    kinds = set(SecurityEvent.objects.filter(user=alice).values_list("kind", flat=True))
    assert {EventKind.TWO_FACTOR_ON, EventKind.RECOVERY_CODES_CREATED} <= kinds


def test_the_secret_is_encrypted_at_rest(alice):
    secret, _ = with_authenticator(alice)
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM security_totpdevice")
        (stored,) = cursor.fetchone()
    assert secret not in stored


def test_a_right_password_then_asks_for_the_code(alice):
    secret, _ = with_authenticator(alice)
    client = client_for(None)
    response = log_in(client, alice)
    assert response.status_code == 302 and response.url == VERIFY
    assert client.get(reverse("accounts:profile")).status_code == 302
    signed_in = client.post(VERIFY, {"code": code_for(secret)})
    assert signed_in.status_code == 302 and signed_in.url == reverse("home:index")
    assert client.get(reverse("accounts:profile")).status_code == 200
    event = SecurityEvent.objects.filter(user=alice, kind=EventKind.SIGNED_IN).get()
    assert event.details == {"with": "password+authenticator"}


def test_a_code_works_once(alice):
    secret, _ = with_authenticator(alice)
    code = code_for(secret)
    first = client_for(None)
    log_in(first, alice)
    assert first.post(VERIFY, {"code": code}).status_code == 302
    second = client_for(None)
    log_in(second, alice)
    again = second.post(VERIFY, {"code": code})
    assert again.status_code == 400
    assert second.get(reverse("accounts:profile")).status_code == 302


def test_the_second_step_is_paused_after_as_many_failures_as_passwords(alice, settings):
    secret, _ = with_authenticator(alice)
    client = client_for(None)
    log_in(client, alice)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(VERIFY, {"code": wrong_code(secret)}).status_code == 400
    assert client.post(VERIFY, {"code": wrong_code(secret)}).status_code == 429
    assert client.post(VERIFY, {"code": code_for(secret)}).status_code == 429
    assert client.get(reverse("accounts:profile")).status_code == 302
    failures = SecurityEvent.objects.filter(user=alice, kind=EventKind.SECOND_FACTOR_FAILED)
    assert failures.count() == settings.AXES_FAILURE_LIMIT
    assert log_in(client_for(None), alice).status_code == 429


def test_no_second_step_without_the_password_first(alice):
    with_authenticator(alice)
    response = client_for(None).post(VERIFY, {"code": "123456"})
    assert response.status_code == 302 and response.url == LOGIN


def test_removing_the_app_asks_for_a_current_code(alice):
    secret, codes = with_authenticator(alice)
    client = client_for(alice)
    remove = reverse("security:remove_authenticator")
    refused = client.post(remove, {"code": "12345x"}, follow=True)
    assert "does not match" in refused.content.decode()
    assert TotpDevice.objects.filter(user=alice).exists()
    client.post(remove, {"code": code_for(secret)})
    assert not TotpDevice.objects.filter(user=alice).exists()
    assert not RecoveryCode.objects.filter(user=alice).exists()
    assert SecurityEvent.objects.filter(user=alice, kind=EventKind.TWO_FACTOR_OFF).exists()
    assert log_in(client_for(None), alice).url == reverse("home:index")


def test_an_operator_can_make_a_second_factor_mandatory(alice, settings):
    settings.TENDING_REQUIRE_2FA = True
    client = client_for(alice)
    response = client.get(reverse("home:index"))
    assert response.status_code == 302 and response.url == reverse("security:index")
    page = client.get(reverse("security:index")).content.decode()
    assert "asks everyone for a second factor" in page
    assert client.get(reverse("safety:get_help")).status_code == 200
    secret = secret_on_page(client.get(SETUP).content.decode())
    client.post(SETUP, {"code": code_for(secret)})
    assert client.get(reverse("home:index")).status_code == 200
    client.post(reverse("security:remove_authenticator"), {"code": code_for(secret, steps_ahead=1)})
    assert TotpDevice.objects.filter(user=alice, confirmed=True).exists()


def test_one_client_may_ask_for_only_so_many_passkey_challenges(db):
    client = client_for(None)
    options = reverse("security:sign_in_options")
    answers = [client.post(options).status_code for _ in range(31)]
    assert answers[:30] == [200] * 30 and answers[30] == 429
    assert client.post(options).json()["detail"]
