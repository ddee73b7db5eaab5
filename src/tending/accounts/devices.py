"""Device cookies, OWASP's defence against locking people out of their own account.

A browser that logged in successfully gets a signed cookie for that account. Guesses made
without it count against the account and the address (django-axes pauses log-ins after
``TENDING_LOGIN_FAILURE_LIMIT`` of them), but never lock out a browser that has its
cookie: someone guessing from elsewhere cannot keep the owner out of their own devices.
Wrong passwords typed on a trusted browser count against that browser's cookie alone;
after as many failures it is treated like any other browser until the pause is over.

Each account has its own cookie, so two people sharing a tablet each keep theirs.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

from tending.accounts.forms import login_attempt_username
from tending.core.ratelimit import SlidingWindow

SALT = "tending.accounts.device"
COOKIE_PREFIX = "tending_device_"
COOKIE_AGE = dt.timedelta(days=365)


def _failures() -> SlidingWindow:
    return SlidingWindow(
        "device-failures",
        limit=settings.AXES_FAILURE_LIMIT,
        period=int(settings.AXES_COOLOFF_TIME * 3600),
    )


def _account_digest(email: str) -> str:
    return salted_hmac(SALT, email.strip().lower()).hexdigest()


def cookie_name(email: str) -> str:
    return COOKIE_PREFIX + _account_digest(email)[:16]


def new_cookie_value(email: str) -> str:
    return signing.dumps({"a": _account_digest(email), "n": secrets.token_urlsafe(16)}, salt=SALT)


def device_nonce(request, email: str | None) -> str | None:
    """The nonce of this browser's valid cookie for the account, if it has one."""
    if not email:
        return None
    value = request.COOKIES.get(cookie_name(email))
    if not value:
        return None
    try:
        payload = signing.loads(value, salt=SALT, max_age=COOKIE_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("a") != _account_digest(email):
        return None
    return payload.get("n")


def is_trusted_device(request, credentials=None) -> bool:
    """True when the browser has this account's cookie and has not used up its own tries.

    django-axes asks this before counting or refusing a log-in attempt.
    """
    nonce = device_nonce(request, login_attempt_username(request, credentials))
    return nonce is not None and _failures().count(nonce) < _failures().limit


def count_failure(sender, credentials, request=None, **kwargs) -> None:
    """A wrong password typed on a trusted browser counts against that browser."""
    if request is None:
        return
    nonce = device_nonce(request, login_attempt_username(request, credentials))
    if nonce is not None:
        _failures().hit(nonce)


def remember_login(sender, request, user, **kwargs) -> None:
    """Mark the request so the middleware gives the browser its cookie for this account."""
    if request is not None:
        request.logged_in_email = user.email


class DeviceCookieMiddleware:
    """Gives a browser that just logged in its device cookie (or renews it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        email = getattr(request, "logged_in_email", None)
        if email:
            nonce = device_nonce(request, email)
            if nonce is not None:
                _failures().clear(nonce)
            response.set_cookie(
                cookie_name(email),
                new_cookie_value(email),
                max_age=int(COOKIE_AGE.total_seconds()),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
