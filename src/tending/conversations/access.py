"""Who may load which guided conversation, for views and API routes."""

from django.http import Http404

from tending.conversations.models import Conversation
from tending.couples.selectors import active_couple_for


def conversation_for_couple(user, conversation_id: int) -> Conversation:
    """A guided conversation of the person's current couple, or 404."""
    couple = active_couple_for(user)
    found = (
        Conversation.objects.select_related("first_speaker", "second_speaker")
        .filter(pk=conversation_id, couple=couple)
        .first()
        if couple is not None
        else None
    )
    if found is None:
        raise Http404("No such conversation")
    return found
