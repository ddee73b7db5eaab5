"""Answering the live poll cheaply.

An open page polls ``/live/?v=<version>&t=<token>`` every two seconds. The token, signed
when the page was rendered and good for twelve hours, names the person; so a poll with
nothing new is answered here, before sessions, log-in and the rest of the middleware, with
one query (the person's couple and its version). Anything else (a changed version, a token
that is missing, forged or old) goes on to the ``live`` view, which checks the session
like any page and hands out a new token.
"""

from __future__ import annotations

from django.core import signing
from django.http import HttpResponse
from django.urls import reverse

from tending.couples.selectors import live_version_of_id

SALT = "tending.home.live"
TOKEN_LIFETIME = 12 * 60 * 60


def token_for(user) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(user.pk))


def user_id_in(token: str) -> int | None:
    if not token or len(token) > 100:
        return None
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=TOKEN_LIFETIME)
    except signing.BadSignature:
        return None
    return int(value) if value.isdigit() else None


class LivePollMiddleware:
    """Answers 204 to a live poll whose page is up to date; passes every other request on."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.path = reverse("home:live")

    def __call__(self, request):
        if request.path == self.path and request.method == "GET":
            user_id = user_id_in(request.GET.get("t", ""))
            if user_id is not None and request.GET.get("v") == live_version_of_id(user_id):
                return HttpResponse(status=204)
        return self.get_response(request)
