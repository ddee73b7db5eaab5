"""The API tokens page: create a token (shown once, stored hashed) and revoke it."""

import hashlib

from django.urls import reverse

from tending.api.models import PersonalAccessToken
from tending.api.services import create_token
from tests.support.people import client_for

TOKENS = reverse("api:tokens")


def test_anonymous_visitors_are_sent_to_log_in(db):
    response = client_for(None).get(TOKENS)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_the_profile_links_to_the_tokens_page(alice):
    assert TOKENS in client_for(alice).get(reverse("accounts:profile")).content.decode()


def test_a_new_token_is_shown_once_and_stored_only_as_a_hash(alice):
    client = client_for(alice)
    page = client.post(TOKENS, {"name": "notes app", "scopes": ["read"]}).content.decode()
    token = PersonalAccessToken.objects.get()
    plain = page.split('id="new-token" value="')[1].split('"')[0]
    assert plain.startswith("tending_")
    assert token.token_hash == hashlib.sha256(plain.encode()).hexdigest()
    assert plain not in token.token_hash
    again = client.get(TOKENS).content.decode()
    assert plain not in again
    assert "notes app" in again and "never used" in again
    assert token.scopes == ["read"] and token.expires_at is None


def test_a_token_needs_a_name_and_keeps_what_was_typed(alice):
    response = client_for(alice).post(TOKENS, {"name": "  "})
    assert response.status_code == 400
    assert "Give the token a name" in response.content.decode()
    long_name = "n" * 81
    response = client_for(alice).post(TOKENS, {"name": long_name})
    assert response.status_code == 400
    assert long_name in response.content.decode()
    assert not PersonalAccessToken.objects.exists()


def test_a_token_can_be_revoked_by_its_owner_only(alice, bob, charlie):
    token, _ = create_token(user=alice, name="laptop")
    url = reverse("api:revoke", args=[token.pk])
    for other in (bob, charlie):
        assert client_for(other).post(url).status_code == 404
    token.refresh_from_db()
    assert token.is_active
    response = client_for(alice).post(url, follow=True)
    assert "The token is revoked." in response.content.decode()
    token.refresh_from_db()
    assert not token.is_active


def test_people_see_only_their_own_tokens(alice, bob):
    create_token(user=alice, name="alice's laptop")
    page = client_for(bob).get(TOKENS).content.decode()
    assert "alice&#x27;s laptop" not in page
    assert "You have no tokens." in page


def test_a_token_gets_the_scopes_and_expiry_chosen(alice):
    client = client_for(alice)
    client.post(
        TOKENS, {"name": "backup script", "scopes": ["read", "export"], "expires_in_days": "30"}
    )
    token = PersonalAccessToken.objects.get()
    assert token.scopes == ["read", "export"]
    assert 29 <= (token.expires_at - token.created_at).days <= 30
    page = client.get(TOKENS).content.decode()
    assert "Read your data, Download your whole export" in page and "expires" in page


def test_a_token_needs_a_scope_and_a_known_expiry(alice):
    client = client_for(alice)
    response = client.post(TOKENS, {"name": "nothing", "expires_in_days": "30"})
    assert response.status_code == 400
    assert "Choose at least one thing the token may do." in response.content.decode()
    response = client.post(TOKENS, {"name": "odd", "scopes": ["read"], "expires_in_days": "3"})
    assert response.status_code == 400
    assert not PersonalAccessToken.objects.exists()


def test_the_profile_shows_when_each_token_was_last_used(alice):
    token, _ = create_token(user=alice, name="home dashboard")
    page = client_for(alice).get(reverse("accounts:profile")).content.decode()
    assert "<title>Profile · Tending</title>" in page
    assert page.count("home dashboard") == 1 and "never used" in page
