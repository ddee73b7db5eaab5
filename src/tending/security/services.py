"""Security events and signed-in devices: recording what happened to an account, and
signing out one browser or all others."""

from __future__ import annotations

import datetime as dt
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tending.core.browsers import browser_and_system
from tending.security.models import EventKind, SecurityEvent, SignedInDevice

SEEN_PRECISION = dt.timedelta(minutes=5)
SESSION_MARK = "_tending_device"


def _client(request, user_agent: str | None = None) -> tuple[str, str]:
    if user_agent is None:
        user_agent = request.headers.get("User-Agent", "") if request is not None else ""
    if not user_agent:
        return "", ""
    browser, system = browser_and_system(user_agent[:500])
    return browser[:40], system[:20]


def record_event(
    *,
    user,
    kind: str,
    request=None,
    user_agent: str | None = None,
    details: dict | None = None,
    now: dt.datetime | None = None,
) -> SecurityEvent:
    """Note what happened to ``user``'s account, with the browser family it came from;
    events older than 90 days go."""
    now = now or timezone.now()
    SecurityEvent.objects.filter(
        user=user, created_at__lt=now - settings.SECURITY_EVENT_DAYS
    ).delete()
    browser, system = _client(request, user_agent)
    return SecurityEvent.objects.create(
        user=user,
        kind=EventKind(kind),
        created_at=now,
        browser=browser,
        system=system,
        details=details or {},
    )


def prune_events(*, now: dt.datetime | None = None) -> int:
    """Delete everyone's events older than 90 days; how many went."""
    cutoff = (now or timezone.now()) - settings.SECURITY_EVENT_DAYS
    deleted, _ = SecurityEvent.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def _session_store(session_key: str):
    engine = import_module(settings.SESSION_ENGINE)
    return engine.SessionStore(session_key=session_key)


def note_device(request, user, *, now: dt.datetime | None = None) -> None:
    """Remember (or refresh) this browser session as one of ``user``'s devices."""
    session = request.session
    if not session.session_key:
        session.save()
    now = now or timezone.now()
    browser, system = _client(request)
    device, created = SignedInDevice.objects.get_or_create(
        session_key=session.session_key,
        defaults={"user": user, "browser": browser, "system": system, "signed_in_at": now},
    )
    if not created:
        SignedInDevice.objects.filter(pk=device.pk).update(last_seen_at=now, user=user)
    session[SESSION_MARK] = {"key": session.session_key, "at": now.timestamp()}


def needs_noting(request, *, now: dt.datetime | None = None) -> bool:
    """Whether this session's device record is missing or was last refreshed a while ago;
    so a person's browsing writes at most once every few minutes."""
    mark = request.session.get(SESSION_MARK)
    if not isinstance(mark, dict) or mark.get("key") != request.session.session_key:
        return True
    seen = (now or timezone.now()).timestamp() - float(mark.get("at", 0))
    return seen >= SEEN_PRECISION.total_seconds()


def forget_device(session_key: str | None) -> None:
    if session_key:
        SignedInDevice.objects.filter(session_key=session_key).delete()


def _end(devices) -> int:
    ended = 0
    for device in devices:
        _session_store(device.session_key).delete()
        device.delete()
        ended += 1
    return ended


@transaction.atomic
def sign_out_device(*, user, device_id: int, current_key: str | None, request=None) -> bool:
    """End one of the person's other sessions; False when there is no such other device."""
    device = (
        SignedInDevice.objects.filter(user=user, pk=device_id)
        .exclude(session_key=current_key or "")
        .first()
    )
    if device is None:
        return False
    _end([device])
    record_event(user=user, kind=EventKind.SIGNED_OUT_DEVICE, request=request)
    return True


@transaction.atomic
def sign_out_everywhere_else(*, user, current_key: str | None, request=None) -> int:
    """End every session of the person's but this one; how many were ended."""
    others = SignedInDevice.objects.filter(user=user).exclude(session_key=current_key or "")
    ended = _end(list(others))
    record_event(
        user=user, kind=EventKind.SIGNED_OUT_EVERYWHERE, request=request, details={"ended": ended}
    )
    return ended


def after_password_change(sender, user, **kwargs) -> None:
    """A changed password ends every session: the browser that changed it is given a new
    one by Django; every other one is signed out."""
    _end(list(SignedInDevice.objects.filter(user=user)))
    record_event(user=user, kind=EventKind.PASSWORD_CHANGED)


def forget_account(user) -> None:
    """Sign out every browser of a person whose account is being deleted."""
    _end(list(SignedInDevice.objects.filter(user=user)))
