"""Recovery codes: shown once, each works once, and new ones replace the old."""

from django.urls import reverse

from tending.security.models import RecoveryCode
from tests.support.people import PASSWORD, client_for
from tests.support.twofactor import code_for, with_authenticator

VERIFY = reverse("security:verify")


def second_step(user):
    client = client_for(None)
    client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    return client


def test_a_recovery_code_signs_in_once_and_not_twice(alice):
    _, codes = with_authenticator(alice)
    first = second_step(alice)
    assert first.post(VERIFY, {"code": codes[0].upper()}).status_code == 302
    again = second_step(alice)
    assert again.post(VERIFY, {"code": codes[0]}).status_code == 400
    assert again.post(VERIFY, {"code": codes[1].replace("-", " ")}).status_code == 302
    assert RecoveryCode.objects.filter(user=alice, used_at__isnull=True).count() == 8


def test_codes_are_stored_only_as_hashes(alice):
    _, codes = with_authenticator(alice)
    stored = set(RecoveryCode.objects.values_list("code_hash", flat=True))
    assert not any(code in stored or code.replace("-", "") in stored for code in codes)


def test_new_codes_replace_the_old_ones(alice):
    secret, old = with_authenticator(alice)
    client = client_for(alice)
    page = client.post(
        reverse("security:renew_codes"), {"code": code_for(secret)}, follow=True
    ).content.decode()
    assert "Your recovery codes" in page
    assert old[0] not in page
    assert second_step(alice).post(VERIFY, {"code": old[2]}).status_code == 400
