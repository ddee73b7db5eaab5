"""Absolute links for e-mails and notifications, from ``TENDING_SITE_URL``."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from tending.notifications.tokens import make_token


def site_url() -> str:
    """The address of this Tending: the setting, or the first allowed host as a guess."""
    if settings.TENDING_SITE_URL:
        return settings.TENDING_SITE_URL
    host = next((h for h in settings.ALLOWED_HOSTS if h not in {"*", ""}), "localhost")
    scheme = "http" if settings.DEBUG or host in {"localhost", "127.0.0.1", "[::1]"} else "https"
    return f"{scheme}://{host.lstrip('.')}"


def absolute(path: str) -> str:
    return site_url() + path


def action_path(*, user_id: int, action: str, kind: str = "") -> str:
    token = make_token(user_id=user_id, action=action, kind=kind)
    return reverse("notifications:act", args=[token])
