"""The second step of signing in, and signing in with a passkey alone.

A correct password for an account with a second factor does not sign the browser in: it
leaves a pending sign-in in the session for five minutes, which a code from the app, a
recovery code or a passkey completes. Each wrong second factor counts like a wrong
password (django-axes and the device cookies hear the same ``user_login_failed``), so the
same pause applies, and a browser paused for the account cannot try codes either.
"""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth import get_user_model, login
from django.contrib.auth.signals import user_login_failed
from django.utils import timezone

from tending.core.clients import address_of
from tending.core.ratelimit import SlidingWindow
from tending.security.signals import METHOD_ATTRIBUTE, SECOND_FACTOR_ATTRIBUTE

# Asking for a passkey challenge writes a session; one client may ask this often.
PASSKEY_ATTEMPTS = SlidingWindow("passkey-sign-in", limit=30, period=15 * 60)
PENDING_KEY = "tending_pending_sign_in"
PENDING_SECONDS = 5 * 60
PASSWORD_BACKEND = "tending.accounts.backends.AccountBackend"


def begin_second_step(request, user, *, next_url: str) -> None:
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": getattr(user, "backend", PASSWORD_BACKEND),
        "next": next_url,
        "at": timezone.now().timestamp(),
    }


def pending(request) -> tuple[object | None, dict]:
    """The person whose password was right, while their sign-in waits; else (None, {})."""
    stored = request.session.get(PENDING_KEY)
    if not isinstance(stored, dict):
        return None, {}
    if timezone.now().timestamp() - float(stored.get("at", 0)) > PENDING_SECONDS:
        request.session.pop(PENDING_KEY, None)
        return None, {}
    user = get_user_model().objects.filter(pk=stored.get("user"), is_active=True).first()
    return user, stored if user is not None else {}


def may_try(request, user) -> bool:
    """False while log-ins for this account from this browser are paused."""
    return AxesProxyHandler.is_allowed(request, {"username": user.email})


def passkey_attempt_allowed(request) -> bool:
    """Whether this client may start another passkey sign-in (counted either way)."""
    return PASSKEY_ATTEMPTS.allow(address_of(request))


def count_failure(request, user) -> None:
    setattr(request, SECOND_FACTOR_ATTRIBUTE, True)
    user_login_failed.send(sender=__name__, credentials={"username": user.email}, request=request)


def finish(request, user, *, method: str, backend: str = PASSWORD_BACKEND) -> None:
    """Sign the browser in, noting how."""
    request.session.pop(PENDING_KEY, None)
    setattr(request, METHOD_ATTRIBUTE, method)
    login(request, user, backend=backend)
