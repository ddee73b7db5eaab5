"""Reads for sign-in security: the person's factors, devices and recent events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.sessions.models import Session
from django.utils import timezone

from tending.security.models import Passkey, RecoveryCode, SecurityEvent, SignedInDevice, TotpDevice


@dataclass(frozen=True)
class Factors:
    authenticator: TotpDevice | None
    passkeys: list[Passkey]
    recovery_codes_left: int

    @property
    def two_factor_on(self) -> bool:
        return self.authenticator is not None or bool(self.passkeys)


def factors_of(user) -> Factors:
    return Factors(
        authenticator=TotpDevice.objects.filter(user=user, confirmed=True).first(),
        passkeys=list(Passkey.objects.filter(user=user)),
        recovery_codes_left=RecoveryCode.objects.filter(user=user, used_at__isnull=True).count(),
    )


@dataclass(frozen=True)
class DeviceView:
    device: SignedInDevice
    is_this_one: bool


def signed_in_devices(user, *, current_key: str | None, now: dt.datetime | None = None):
    """The person's browsers whose session is still open, this one first."""
    now = now or timezone.now()
    open_sessions = Session.objects.filter(expire_date__gt=now).values("session_key")
    devices = SignedInDevice.objects.filter(user=user, session_key__in=open_sessions)
    views = [DeviceView(device, device.session_key == current_key) for device in devices]
    return sorted(views, key=lambda view: not view.is_this_one)


def recent_events(user):
    return SecurityEvent.objects.recent().filter(user=user).order_by("-created_at", "-pk")
