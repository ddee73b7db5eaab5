import datetime as dt

from django.db import transaction
from django.utils import timezone

from tending.coach.models import GENTLE_MESSAGE_MAX_LENGTH, GentleMessage
from tending.couples import events
from tending.couples.selectors import couple_and_partner


class CoachError(Exception):
    """Something that cannot be done; the message is shown to the person."""


@transaction.atomic
def send_gentle_message(*, sender, text: str) -> GentleMessage:
    """Send words from the coach to the sender's partner; the only thing the coach stores."""
    couple, partner = couple_and_partner(sender)
    if couple is None or partner is None:
        raise CoachError("You can send a message once you are paired with your partner.")
    text = text.strip()
    if not text:
        raise CoachError("Write your message before sending it.")
    if len(text) > GENTLE_MESSAGE_MAX_LENGTH:
        raise CoachError(f"A message can be at most {GENTLE_MESSAGE_MAX_LENGTH:,} characters.")
    message = GentleMessage.objects.create(
        couple=couple, sender=sender, recipient=partner, text=text
    )
    events.changed(couple)
    return message


def mark_read(*, user, message_id: int, now: dt.datetime | None = None) -> bool:
    """Mark a message to ``user`` from their current partner as read; False if there is none."""
    couple, _ = couple_and_partner(user)
    if couple is None:
        return False
    updated = GentleMessage.objects.filter(
        pk=message_id, recipient=user, couple=couple, read_at__isnull=True
    ).update(read_at=now or timezone.now())
    return (
        updated == 1
        or GentleMessage.objects.filter(pk=message_id, recipient=user, couple=couple).exists()
    )
