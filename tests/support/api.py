"""Clients for the JSON API: a person's token with chosen scopes, and JSON requests."""

import json

from django.test import Client
from django.utils import timezone

from tending.api.models import PersonalAccessToken, Scope
from tending.api.services import create_token

EVERY_SCOPE = tuple(Scope.values)


def token_client(user, scopes=EVERY_SCOPE) -> Client:
    """A client that sends a new token of ``user`` with ``scopes``, already marked used so
    the first request makes no extra write."""
    token, plain = create_token(user=user, name="test", scopes=scopes)
    PersonalAccessToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return Client(headers={"Authorization": f"Bearer {plain}"})


def send(client: Client, method: str, url: str, body=None, **headers):
    """A request with a JSON body (when given) and extra headers."""
    if body is None:
        return getattr(client, method)(url, headers=headers)
    return getattr(client, method)(
        url, json.dumps(body), content_type="application/json", headers=headers
    )
