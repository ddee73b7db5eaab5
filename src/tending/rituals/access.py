"""Who may load which ritual, for views and API routes."""

from django.http import Http404

from tending.couples.selectors import active_couple_for
from tending.rituals.models import Ritual


def live_ritual_for_couple(user, ritual_id: int) -> Ritual:
    """A ritual of the person's current couple that is not set aside, or 404."""
    couple = active_couple_for(user)
    found = (
        Ritual.objects.live().filter(pk=ritual_id, couple=couple).first()
        if couple is not None
        else None
    )
    if found is None:
        raise Http404("No such ritual")
    return found
