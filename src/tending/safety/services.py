"""Changes around safety: the safety plan, and telling the partner about a hard time."""

import datetime as dt
from collections.abc import Mapping
from urllib.parse import urlencode

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from tending.couples import events
from tending.couples.selectors import couple_and_partner
from tending.safety.models import PLAN_FIELD_MAX_LENGTH, HardTimeNotice, SafetyPlan
from tending.safety.plan import PLAN_FIELDS, PLAN_SECTIONS

NOTICE_LASTS = dt.timedelta(days=3)


class SafetyError(Exception):
    """Something that cannot be done; the message is shown to the person."""


def safety_screen_url(next_url: str) -> str:
    """The safety screen, with a way back to ``next_url``."""
    return f"{reverse('safety:screen')}?{urlencode({'next': next_url})}"


def worried_url(next_url: str) -> str:
    """ "Worried about someone?", with a way back to ``next_url``."""
    return f"{reverse('safety:worried')}?{urlencode({'next': next_url})}"


@transaction.atomic
def save_safety_plan(*, user, sections: Mapping[str, str], shared_with_partner: bool) -> SafetyPlan:
    for section in PLAN_SECTIONS:
        if len(sections.get(section.key, "")) > PLAN_FIELD_MAX_LENGTH:
            raise SafetyError(
                f"“{section.title}” can be at most {PLAN_FIELD_MAX_LENGTH} characters."
            )
    values = {key: sections.get(key, "").strip() for key in PLAN_FIELDS}
    was_shared = SafetyPlan.objects.filter(user=user, shared_with_partner=True).exists()
    plan, _ = SafetyPlan.objects.update_or_create(
        user=user, defaults={**values, "shared_with_partner": shared_with_partner}
    )
    if shared_with_partner and not was_shared:
        couple, _partner = couple_and_partner(user)
        events.announce(
            kind="safety_plan",
            actor=user,
            couple=couple,
            occasion=f"plan-{plan.pk}-{timezone.now():%Y%m%d}",
        )
    return plan


@transaction.atomic
def tell_partner(*, user, now: dt.datetime | None = None) -> HardTimeNotice:
    """Let the partner know, without any content, that the person is having a hard time."""
    now = now or timezone.now()
    couple, partner = couple_and_partner(user)
    if couple is None or partner is None:
        raise SafetyError("You are not paired with a partner at the moment.")
    HardTimeNotice.objects.filter(
        user=user, couple=couple, withdrawn_at__isnull=True, expires_at__gt=now
    ).update(withdrawn_at=now)
    notice = HardTimeNotice.objects.create(
        user=user, couple=couple, created_at=now, expires_at=now + NOTICE_LASTS
    )
    events.announce(kind="hard_time", actor=user, couple=couple, occasion=f"notice-{notice.pk}")
    return notice


def withdraw_notice(*, user, now: dt.datetime | None = None) -> int:
    """End every notice the person has running; returns how many were ended."""
    now = now or timezone.now()
    ended = HardTimeNotice.objects.filter(
        user=user, withdrawn_at__isnull=True, expires_at__gt=now
    ).update(withdrawn_at=now)
    if ended:
        couple, _partner = couple_and_partner(user)
        events.changed(couple)
    return ended
