"""Changes to appreciations: sending one, and reacting to one received."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from tending.appreciations.models import APPRECIATION_MAX_LENGTH, Appreciation
from tending.couples import events
from tending.practices.services import (
    PracticeError,
    clean_text,
    couple_or_error,
)


@transaction.atomic
def send_appreciation(*, author, text: str) -> Appreciation:
    couple, partner = couple_or_error(
        author, "Appreciations go to your partner. Invite them first."
    )
    text = clean_text(text, limit=APPRECIATION_MAX_LENGTH, what="what you appreciate")
    appreciation = Appreciation.objects.create(
        couple=couple, author=author, recipient=partner, text=text
    )
    events.announce(
        kind="appreciation",
        actor=author,
        couple=couple,
        occasion=f"appreciation-{appreciation.pk}",
    )
    return appreciation


@transaction.atomic
def react_to_appreciation(*, user, appreciation_id: int, reaction: str) -> Appreciation:
    couple, _ = couple_or_error(user)
    appreciation = (
        Appreciation.objects.select_for_update()
        .filter(pk=appreciation_id, couple=couple, recipient=user)
        .first()
    )
    if appreciation is None:
        raise PracticeError("That appreciation is not one you received.")
    if reaction not in Appreciation.Reaction.values:
        raise PracticeError("Please pick one of the reactions.")
    appreciation.reaction = reaction
    appreciation.reacted_at = timezone.now()
    appreciation.save(update_fields=["reaction", "reacted_at"])
    events.changed(couple)
    return appreciation
