"""Who may load which questionnaire result, for views and API routes."""

from django.http import Http404

from tending.assessments.models import Result


def own_result(user, result_id: int) -> Result:
    """One of the person's own results, or 404: a partner sees only what is shared, elsewhere."""
    found = Result.objects.filter(pk=result_id, user=user).first()
    if found is None:
        raise Http404("No such result")
    return found
