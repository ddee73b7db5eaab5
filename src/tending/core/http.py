"""Small helpers for views: htmx requests, safe redirects, form problems in words."""

from django.http import HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def is_htmx(request) -> bool:
    """True for a request htmx made to swap part of a page."""
    return request.headers.get("HX-Request") == "true"


def safe_next(request, candidate: str | None, default: str) -> str:
    """``candidate`` when it points back into this site, otherwise ``default``."""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def form_problem(form) -> str:
    """Every error of a bound form, as one sentence to show next to it."""
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def go_to(request, url: str) -> HttpResponse:
    """Send the browser to ``url``: htmx follows HX-Redirect, a plain form a redirect."""
    if is_htmx(request):
        return HttpResponse(headers={"HX-Redirect": url})
    return HttpResponseRedirect(url)
