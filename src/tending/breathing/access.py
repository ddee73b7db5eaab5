"""Who may load which invitation to breathe together, for views and API routes."""

from django.http import Http404

from tending.breathing.models import BreathingInvite
from tending.couples.selectors import active_couple_for


def _of_current_couple(user):
    couple = active_couple_for(user)
    if couple is None:
        raise Http404("No partner")
    return BreathingInvite.objects.filter(couple=couple)


def invite_sent_by(user, invite_id: int) -> BreathingInvite:
    """An invitation the person sent in their current couple, or 404."""
    found = _of_current_couple(user).filter(pk=invite_id, sender=user).first()
    if found is None:
        raise Http404("No such invitation")
    return found


def invite_sent_to(user, invite_id: int) -> BreathingInvite:
    """An invitation the person's current partner sent them, or 404."""
    found = _of_current_couple(user).filter(pk=invite_id).exclude(sender=user).first()
    if found is None:
        raise Http404("No such invitation")
    return found
