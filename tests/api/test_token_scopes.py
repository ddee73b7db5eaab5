"""What a token may do: only its scopes, only until it expires, is revoked or the password
changes; and when it was last used."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tending.api.api import api
from tending.api.models import PersonalAccessToken
from tending.api.services import create_token, token_for
from tests.support.api import send
from tests.support.people import PASSWORD, client_for


def bearer(plain: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {plain}"})


def operations():
    """Every documented API operation: its path, method and the scope it needs."""
    schema = api.get_openapi_schema(path_prefix="")
    for path, methods in schema["paths"].items():
        for method in methods:
            needs = "export" if path.endswith("/export") else "read"
            if method != "get" and not path.endswith("/analyse"):
                needs = "write"
            yield f"/api{path}", method, needs


@pytest.mark.parametrize(("path", "method", "needs"), list(operations()))
def test_a_token_without_the_scope_is_refused_with_a_reason(alice, path, method, needs):
    _, plain = create_token(
        user=alice, name="narrow", scopes=[s for s in ("read", "write", "export") if s != needs]
    )
    url = path.replace("{checkin_id}", "1").replace("{result_id}", "1")
    for name in ("question_id", "appreciation_id", "ritual_id"):
        url = url.replace("{" + name + "}", "1")
    response = send(bearer(plain), method, url, {} if method != "get" else None)
    assert response.status_code == 403, (method, url, response.status_code)
    assert f"“{needs}” scope" in response.json()["detail"]


def test_an_expired_token_stops_working(alice):
    token, plain = create_token(user=alice, name="week", scopes=["read"], expires_in_days=7)
    assert send(bearer(plain), "get", "/api/v1/me").status_code == 200
    PersonalAccessToken.objects.filter(pk=token.pk).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    refused = send(bearer(plain), "get", "/api/v1/me")
    assert refused.status_code == 401 and refused.json()["detail"]
    page = client_for(alice).get(reverse("api:tokens")).content.decode()
    assert "expired" in page


def test_a_password_change_ends_every_token(alice):
    _, plain = create_token(user=alice, name="dashboard", scopes=["read", "write"])
    client = client_for(alice)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a brand new evening walk",
            "new_password2": "a brand new evening walk",
        },
    )
    assert response.status_code == 302
    assert token_for(plain) is None
    assert send(bearer(plain), "get", "/api/v1/me").status_code == 401


def test_the_last_use_is_noted_at_most_once_a_minute(alice):
    token, plain = create_token(user=alice, name="script", scopes=["read"])
    send(bearer(plain), "get", "/api/v1/me")
    first = PersonalAccessToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    send(bearer(plain), "get", "/api/v1/me")
    assert PersonalAccessToken.objects.get(pk=token.pk).last_used_at == first


def test_a_reading_token_may_use_the_coach_but_change_nothing(alice):
    _, plain = create_token(user=alice, name="old", scopes=["read"])
    assert send(bearer(plain), "post", "/api/v1/appreciations", {"text": "hi"}).status_code == 403
    assert send(bearer(plain), "post", "/api/coach/analyse", {"text": "hi"}).status_code == 200
