"""What one partner does that the other should learn of: open pages and notifications.

Apps call ``changed(couple)`` when something the partner's open pages show has changed,
and ``announce(...)`` when it is also worth telling the partner about (a request for
help, a response, an appreciation…). ``announce`` sends ``partner_event`` inside the
caller's transaction, so whoever records a notification records it with the action
itself; nothing in ``couples`` knows who listens (the ``notifications`` app does).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.db.models import F, IntegerField
from django.dispatch import Signal

from tending.core.statements import Bound, Update
from tending.couples.models import Couple

# Sent with ``event`` (a PartnerEvent) inside the transaction of the action.
partner_event = Signal()


@dataclass(frozen=True)
class PartnerEvent:
    """``actor`` did something of ``kind`` that their partner in ``couple`` may hear of.

    ``occasion`` names the thing it is about (a check-in, an appreciation…), so the same
    occasion is told once; ``detail`` holds what the text needs, never what anyone wrote.
    """

    kind: str
    actor: Any
    couple: Couple
    occasion: str
    detail: dict = field(default_factory=dict)


def changed(couple: Couple | None) -> None:
    """Tell open pages of this couple that something they show has changed."""
    if couple is not None:
        _next_live_version().run({"couple": couple})


@cache
def _next_live_version() -> Update:
    """Moves a couple's ``live_version`` on, compiled once per process."""
    couple = Bound(lambda run: run["couple"].pk, IntegerField())
    return Update(Couple.objects.filter(pk=couple), live_version=F("live_version") + 1)


def announce(
    *, kind: str, actor, couple: Couple | None, occasion: str, detail: dict | None = None
) -> None:
    """Record that ``actor`` did something their partner may be told about."""
    if couple is None or not couple.is_active:
        return
    changed(couple)
    event = PartnerEvent(kind, actor, couple, occasion, detail or {})
    partner_event.send(sender=PartnerEvent, event=event)
