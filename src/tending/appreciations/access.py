"""Who may load which appreciation, for views and API routes."""

from django.http import Http404

from tending.appreciations.models import Appreciation
from tending.couples.selectors import active_couple_for


def appreciation_received_by(user, appreciation_id: int) -> Appreciation:
    """An appreciation the person received from their current partner, or 404."""
    couple = active_couple_for(user)
    found = (
        Appreciation.objects.filter(pk=appreciation_id, couple=couple, recipient=user)
        .select_related("author")
        .first()
        if couple is not None
        else None
    )
    if found is None:
        raise Http404("No such appreciation")
    return found
