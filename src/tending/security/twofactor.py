"""Second factors: an authenticator app (TOTP) and single-use recovery codes, turning
two-factor authentication on and off, and what a sign-in's second step accepts."""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.oath import TOTP

from tending.security.models import EventKind, Passkey, RecoveryCode, TotpDevice
from tending.security.services import record_event

ISSUER = "Tending"
RECOVERY_CODES = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_DIGITS = 6
TOLERANCE_STEPS = 1


class TwoFactorError(Exception):
    """Something that cannot be done; the message is shown to the person."""


def has_second_factor(user) -> bool:
    return (
        TotpDevice.objects.filter(user=user, confirmed=True).exists()
        or Passkey.objects.filter(user=user).exists()
    )


def authenticator_of(user) -> TotpDevice | None:
    return TotpDevice.objects.filter(user=user, confirmed=True).first()


def new_secret() -> str:
    return base64.b32encode(secrets.token_bytes(20)).decode()


def readable_secret(secret: str) -> str:
    """The key in groups of four, as people type it into an app (apps ignore the spaces)."""
    key = secret.rstrip("=")
    return " ".join(key[index : index + 4] for index in range(0, len(key), 4))


def provisioning_uri(user, secret: str) -> str:
    label = quote(f"{ISSUER}:{user.email}")
    query = urlencode({"secret": secret, "issuer": ISSUER, "digits": CODE_DIGITS, "period": 30})
    return f"otpauth://totp/{label}?{query}"


def _totp(device: TotpDevice) -> TOTP:
    totp = TOTP(base64.b32decode(device.secret), step=30, digits=CODE_DIGITS, drift=device.drift)
    totp.time = time.time()
    return totp


def _clean_code(code: str) -> int | None:
    digits = "".join(str(code).split())
    if len(digits) != CODE_DIGITS or not digits.isdigit():
        return None
    return int(digits)


@transaction.atomic
def check_totp(device: TotpDevice, code: str) -> bool:
    """Whether ``code`` is the app's current one, not used before; wrong codes slow the
    device down (django-otp's exponential throttle)."""
    device = TotpDevice.objects.select_for_update().get(pk=device.pk)
    allowed, _ = device.verify_is_allowed()
    if not allowed:
        return False
    number = _clean_code(code)
    totp = _totp(device)
    if number is None or not totp.verify(number, TOLERANCE_STEPS, device.last_t + 1):
        device.throttle_increment(commit=True)
        return False
    device.last_t = totp.t()
    device.drift = totp.drift
    device.throttle_reset(commit=False)
    device.set_last_used_timestamp(commit=False)
    device.save()
    return True


def start_authenticator(user) -> TotpDevice:
    """An unconfirmed authenticator with a new secret, shown until a code confirms it."""
    TotpDevice.objects.filter(user=user, confirmed=False).delete()
    return TotpDevice.objects.create(
        user=user, name="Authenticator app", secret=new_secret(), confirmed=False
    )


def pending_authenticator(user) -> TotpDevice | None:
    return TotpDevice.objects.filter(user=user, confirmed=False).first()


@transaction.atomic
def confirm_authenticator(*, user, device: TotpDevice, code: str, request=None) -> list[str]:
    """Turn the app on once it shows the right code; the first factor brings new recovery
    codes, returned once."""
    if not check_totp(device, code):
        raise TwoFactorError("That code does not match. Type the 6 digits your app shows now.")
    first = not has_second_factor(user)
    TotpDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    TotpDevice.objects.filter(pk=device.pk).update(confirmed=True)
    if first:
        record_event(user=user, kind=EventKind.TWO_FACTOR_ON, request=request)
        return create_recovery_codes(user=user, request=request)
    return []


def _hash_code(code: str) -> str:
    normal = "".join(character for character in code.lower() if character.isalnum())
    return hashlib.sha256(f"tending-recovery:{normal}".encode()).hexdigest()


def _new_code() -> str:
    letters = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(12))
    return "-".join(letters[index : index + 4] for index in range(0, 12, 4))


@transaction.atomic
def create_recovery_codes(*, user, request=None) -> list[str]:
    """Replace the person's recovery codes with ten new ones, returned once."""
    RecoveryCode.objects.filter(user=user).delete()
    codes = [_new_code() for _ in range(RECOVERY_CODES)]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=_hash_code(code)) for code in codes
    )
    record_event(user=user, kind=EventKind.RECOVERY_CODES_CREATED, request=request)
    return codes


def recovery_codes_left(user) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def use_recovery_code(user, code: str, *, request=None) -> bool:
    """Spend one unused recovery code; each works once."""
    if len(code) > 40:
        return False
    used = RecoveryCode.objects.filter(
        user=user, code_hash=_hash_code(code), used_at__isnull=True
    ).update(used_at=timezone.now())
    if used:
        record_event(user=user, kind=EventKind.RECOVERY_CODE_USED, request=request)
    return used == 1


def check_code(user, code: str, *, request=None) -> str | None:
    """Which factor ``code`` proves (the app's code or a recovery code), or None."""
    device = authenticator_of(user)
    if device is not None and _clean_code(code) is not None and check_totp(device, code):
        return "authenticator"
    if use_recovery_code(user, code, request=request):
        return "recovery_code"
    return None


@transaction.atomic
def remove_authenticator(*, user, code: str, request=None) -> None:
    """Turn the authenticator app off, proven by a current code or a recovery code."""
    if authenticator_of(user) is None:
        raise TwoFactorError("There is no authenticator app to remove.")
    passkeys = Passkey.objects.filter(user=user).count()
    _may_remove(user, last=passkeys == 0)
    if check_code(user, code, request=request) is None:
        raise TwoFactorError("That code does not match a code from your app or a recovery code.")
    TotpDevice.objects.filter(user=user).delete()
    if passkeys == 0:
        _turned_off(user, request)


@transaction.atomic
def remove_passkey(*, user, passkey: Passkey, code: str, request=None) -> None:
    """Remove a passkey, proven by a code from the app or a recovery code."""
    last = authenticator_of(user) is None and Passkey.objects.filter(user=user).count() == 1
    _may_remove(user, last=last)
    if check_code(user, code, request=request) is None:
        raise TwoFactorError("That code does not match a code from your app or a recovery code.")
    passkey.delete()
    record_event(user=user, kind=EventKind.PASSKEY_REMOVED, request=request)
    if last:
        _turned_off(user, request)


def _may_remove(user, *, last: bool) -> None:
    if last and settings.TENDING_REQUIRE_2FA:
        raise TwoFactorError(
            "This Tending requires a second factor: add another one before removing this one."
        )


def _turned_off(user, request) -> None:
    RecoveryCode.objects.filter(user=user).delete()
    record_event(user=user, kind=EventKind.TWO_FACTOR_OFF, request=request)
