"""Signed links that act for a person without a log-in: stop one kind of e-mail, snooze
today's reminders, turn reminders off. Each names the person and the one action, so a
forwarded e-mail can do nothing else."""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing

SALT = "tending.notifications.action"
SNOOZE = "snooze"
REMINDERS_OFF = "reminders-off"
UNSUBSCRIBE = "unsubscribe"
ACTIONS = frozenset({SNOOZE, REMINDERS_OFF, UNSUBSCRIBE})


@dataclass(frozen=True)
class Action:
    user_id: int
    action: str
    kind: str = ""


def make_token(*, user_id: int, action: str, kind: str = "") -> str:
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    return signing.dumps([user_id, action, kind], salt=SALT, compress=True)


def read_token(token: str) -> Action | None:
    """The action a token stands for, or None for a token Tending did not sign."""
    if len(token) > 300:
        return None
    try:
        user_id, action, kind = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(user_id, int) or action not in ACTIONS or not isinstance(kind, str):
        return None
    return Action(user_id, action, kind)
