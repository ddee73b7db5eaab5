"""Who may load which practice log entry, for views and API routes."""

from django.http import Http404

from tending.practices.models import PracticeLog


def own_practice_log(user, log_id: int) -> PracticeLog:
    """One of the person's own completed practices, or 404."""
    found = PracticeLog.objects.filter(pk=log_id, user=user).first()
    if found is None:
        raise Http404("No such practice")
    return found
