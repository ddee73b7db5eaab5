"""Passkeys (WebAuthn), with py_webauthn: registering one, and checking one as a second
factor or as a sign-in without a password.

The relying party is Tending's own host: the host of ``TENDING_SITE_URL`` when it is set,
otherwise the host the request came to (``localhost`` in development; an IP address is not
a valid relying party). Each ceremony's challenge lives in the session until it is used.
"""

from __future__ import annotations

import json
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from webauthn import (
    base64url_to_bytes,
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from tending.security.models import PASSKEY_NAME_MAX_LENGTH, EventKind, Passkey
from tending.security.services import record_event
from tending.security.twofactor import create_recovery_codes, has_second_factor

CHALLENGE_KEY = "tending_webauthn_challenge"
MAX_CREDENTIAL_JSON = 64 * 1024
PASSKEYS_PER_PERSON = 20
RP_NAME = "Tending"


class PasskeyError(Exception):
    """A passkey step that did not work; the message is shown to the person."""


def _site(request) -> tuple[str, str]:
    """The relying party id and the origin the browser must report."""
    site = settings.TENDING_SITE_URL
    if site:
        parts = urlsplit(site)
        return parts.hostname or "", f"{parts.scheme}://{parts.netloc}"
    origin = f"{request.scheme}://{request.get_host()}"
    return urlsplit(origin).hostname or "", origin


def _remember_challenge(request, purpose: str, challenge: bytes, user_id=None) -> None:
    request.session[CHALLENGE_KEY] = {
        "purpose": purpose,
        "challenge": bytes_to_base64url(challenge),
        "user": user_id,
        "at": timezone.now().timestamp(),
    }


def _take_challenge(request, purpose: str) -> dict:
    stored = request.session.pop(CHALLENGE_KEY, None)
    too_old = timezone.now().timestamp() - float((stored or {}).get("at", 0)) > 300
    if not isinstance(stored, dict) or stored.get("purpose") != purpose or too_old:
        raise PasskeyError("The passkey request expired. Please try again.")
    return stored


def _credential(body: bytes) -> dict:
    if len(body) > MAX_CREDENTIAL_JSON:
        raise PasskeyError("That passkey answer is too large.")
    try:
        credential = json.loads(body)
    except ValueError as error:
        raise PasskeyError("That passkey answer could not be read.") from error
    if not isinstance(credential, dict):
        raise PasskeyError("That passkey answer could not be read.")
    return credential


def _user_handle(user) -> str:
    existing = Passkey.objects.filter(user=user).values_list("user_handle", flat=True).first()
    return existing or bytes_to_base64url(secrets.token_bytes(32))


def registration_options(request, user) -> str:
    rp_id, _ = _site(request)
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name=RP_NAME,
        user_name=user.email,
        user_display_name=user.display_name or user.email,
        user_id=base64url_to_bytes(_user_handle(user)),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
        exclude_credentials=[
            PublicKeyCredentialDescriptor(id=base64url_to_bytes(key))
            for key in Passkey.objects.filter(user=user).values_list("credential_id", flat=True)
        ],
    )
    _remember_challenge(request, "register", options.challenge, user.pk)
    return options_to_json(options)


@transaction.atomic
def register(request, user, *, name: str, body: bytes) -> tuple[Passkey, list[str]]:
    """Keep the new passkey; the first second factor brings recovery codes, returned once."""
    stored = _take_challenge(request, "register")
    name = " ".join(name.split())[:PASSKEY_NAME_MAX_LENGTH] or "Passkey"
    if stored.get("user") != user.pk:
        raise PasskeyError("The passkey request expired. Please try again.")
    if Passkey.objects.filter(user=user).count() >= PASSKEYS_PER_PERSON:
        raise PasskeyError(f"You can keep at most {PASSKEYS_PER_PERSON} passkeys.")
    rp_id, origin = _site(request)
    try:
        verified = verify_registration_response(
            credential=_credential(body),
            expected_challenge=base64url_to_bytes(stored["challenge"]),
            expected_rp_id=rp_id,
            expected_origin=origin,
        )
    except (WebAuthnException, ValueError, KeyError, TypeError) as error:
        raise PasskeyError("That passkey could not be checked. Please try again.") from error
    credential_id = bytes_to_base64url(verified.credential_id)
    if Passkey.objects.filter(credential_id=credential_id).exists():
        raise PasskeyError("That passkey is already registered.")
    first = not has_second_factor(user)
    passkey = Passkey.objects.create(
        user=user,
        name=name,
        credential_id=credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        user_handle=_user_handle(user),
    )
    record_event(user=user, kind=EventKind.PASSKEY_ADDED, request=request)
    if first:
        record_event(user=user, kind=EventKind.TWO_FACTOR_ON, request=request)
        return passkey, create_recovery_codes(user=user, request=request)
    return passkey, []


def authentication_options(request, user=None) -> str:
    """Options to prove a passkey of ``user`` (a second step), or any passkey (sign-in)."""
    rp_id, _ = _site(request)
    allowed = (
        [
            PublicKeyCredentialDescriptor(id=base64url_to_bytes(key))
            for key in Passkey.objects.filter(user=user).values_list("credential_id", flat=True)
        ]
        if user is not None
        else []
    )
    options = generate_authentication_options(
        rp_id=rp_id,
        allow_credentials=allowed,
        user_verification=UserVerificationRequirement.PREFERRED
        if user is not None
        else UserVerificationRequirement.REQUIRED,
    )
    _remember_challenge(request, "authenticate", options.challenge, user.pk if user else None)
    return options_to_json(options)


@transaction.atomic
def authenticate(request, *, body: bytes) -> Passkey:
    """The passkey that signed this request's challenge, or PasskeyError. A sign-in without
    a password needs the authenticator to have verified the person (a PIN, a fingerprint)."""
    stored = _take_challenge(request, "authenticate")
    credential = _credential(body)
    passkey = (
        Passkey.objects.select_for_update()
        .select_related("user")
        .filter(credential_id=str(credential.get("id", ""))[:1400], user__is_active=True)
        .first()
    )
    expected_user = stored.get("user")
    if passkey is None or (expected_user is not None and passkey.user_id != expected_user):
        raise PasskeyError("That passkey is not one Tending knows for this account.")
    rp_id, origin = _site(request)
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=base64url_to_bytes(stored["challenge"]),
            expected_rp_id=rp_id,
            expected_origin=origin,
            credential_public_key=bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count,
            require_user_verification=expected_user is None,
        )
    except (WebAuthnException, ValueError, KeyError, TypeError) as error:
        raise PasskeyError("That passkey could not be checked. Please try again.") from error
    passkey.sign_count = verified.new_sign_count
    passkey.last_used_at = timezone.now()
    passkey.save(update_fields=["sign_count", "last_used_at"])
    return passkey
