import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tending.couples.services import create_invite
from tests.support.builders import make_checkin
from tests.support.people import PASSWORD, client_for

ASSET_TAGS = re.compile(r"<(?:script|link|img)\b[^>]*>", re.I)
ASSET_URLS = re.compile(r'\b(?:src|href)\s*=\s*["\']?([^"\'\s>]+)', re.I)


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize("logged_in", [False, True])
def test_pages_send_strict_security_headers(alice, logged_in):
    response = client_for(alice if logged_in else None).get(reverse("home:index"))
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_the_session_cookie_is_http_only_same_site_and_secure(alice):
    client = client_for(None)
    login_page = client.get(reverse("accounts:login"))
    csrf = login_page.cookies["csrftoken"]
    assert csrf["samesite"] == "Lax"
    response = client.post(
        reverse("accounts:login"), {"username": alice.email, "password": PASSWORD}
    )
    session = response.cookies["sessionid"]
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    assert session["secure"] is True


def test_pages_use_no_inline_script(alice):
    page = client_for(alice).get(reverse("checkins:checkin")).content.decode()
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", page, flags=re.S)
    assert scripts
    for attributes, body in scripts:
        assert "src=" in attributes
        assert body.strip() == ""
    assert not re.search(r"\son[a-z]+\s*=", page)


def rendered_pages(alice, bob, charlie):
    make_checkin(alice, needs=["hug"], note="hello")
    invite = create_invite(inviter=charlie)
    anonymous = client_for(None)
    yield anonymous.get(reverse("home:index"))
    yield anonymous.get(reverse("accounts:login"))
    yield anonymous.get(reverse("accounts:signup"))
    yield anonymous.get(reverse("safety:get_help"))
    yield anonymous.get(reverse("couples:join", args=[invite.token]))
    for person in (alice, bob):
        client = client_for(person)
        for name in ("home:index", "checkins:checkin", "checkins:history", "couples:partner"):
            yield client.get(reverse(name))
        yield client.get(reverse("accounts:profile"))


def test_no_page_loads_anything_from_another_host(alice, bob, charlie):
    for response in rendered_pages(alice, bob, charlie):
        page = response.content.decode()
        for tag in ASSET_TAGS.findall(page):
            for url in ASSET_URLS.findall(tag):
                host = urlsplit(url).netloc
                assert host in ("", "testserver"), (response.request["PATH_INFO"], tag)
