"""Who may load which check-in, for views and API routes: one function per use."""

from django.http import Http404

from tending.checkins.models import CheckIn
from tending.couples.selectors import couple_and_partner


def partner_checkin_for(user, checkin_id: int) -> CheckIn:
    """A check-in of the user's current partner that the user may see, or 404."""
    couple, partner = couple_and_partner(user)
    if partner is None:
        raise Http404("No partner")
    checkin = CheckIn.objects.seen_by_partner(couple, partner).filter(pk=checkin_id).first()
    if checkin is None:
        raise Http404("No such check-in")
    return checkin
