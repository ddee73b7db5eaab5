"""Who may load which personal access token, for views and API routes."""

from django.http import Http404

from tending.api.models import PersonalAccessToken


def own_token(user, token_id: int) -> PersonalAccessToken:
    """One of the person's own tokens, or 404."""
    found = PersonalAccessToken.objects.filter(pk=token_id, user=user).first()
    if found is None:
        raise Http404("No such token")
    return found
