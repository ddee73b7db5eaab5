"""The JSON API, mounted at /api/, with its OpenAPI schema at /api/openapi.json and
interactive docs at /api/docs. Version 1 lives under /api/v1/.

A person authenticates with a personal access token (``Authorization: Bearer …``) whose
scopes allow the route (``read`` for reading, ``write`` for changing, ``export`` for the
whole export), or, from the browser, with their session plus the CSRF token. The docs
page uses the Swagger UI files shipped inside django-ninja and served from our own static
files, so it needs no outside host and no inline script.

Every answer that is not a success has the shape of ``Problem``; successful reads carry
an ``ETag`` and answer ``If-None-Match`` with 304; creates honour ``Idempotency-Key``.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpResponseNotModified
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.docs import Swagger

from tending.api import idempotency
from tending.api.auth import READ, PerTokenThrottle
from tending.api.openapi import document_conventions
from tending.api.v1 import mount


class TendingAPI(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        if request.method == "GET" and response.status_code == 200:
            etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
            response["ETag"] = etag
            response["Cache-Control"] = "private, no-cache"
            seen = [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]
            if etag in seen or f"W/{etag}" in seen:
                not_modified = HttpResponseNotModified()
                not_modified["ETag"] = etag
                return not_modified
        idempotency.remember(request, response)
        return response

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return document_conventions(schema)


api = TendingAPI(
    title="Tending API",
    version="1",
    description=(
        "Tending's JSON API: your check-ins, questionnaires, safety plan, practices, insights "
        "and export. Authenticate with a personal access token from Profile → API tokens "
        "(`Authorization: Bearer tending_…`); its scopes decide what it may do: `read`, "
        "`write` and `export`. Times are ISO 8601 in your own time zone, with its offset; "
        "days are your own local days. Lists are cursor-paged: pass `next_cursor` back as "
        "`cursor`. Reads carry an `ETag` (send it as `If-None-Match` to get 304 when nothing "
        "changed); creates honour an `Idempotency-Key` header for a day. Every error has "
        'the shape `{"detail": …, "errors": […]}`.'
    ),
    auth=READ,
    throttle=[PerTokenThrottle()],
    docs=Swagger(settings={"validatorUrl": None, "persistAuthorization": False}),
    docs_url="/docs",
    urls_namespace="api-v1",
)


UNAUTHENTICATED = (
    "Send a personal access token as “Authorization: Bearer …” (Profile → API tokens), or log in."
)


def _field_name(location: list) -> str:
    """The field a validation error is about: ["body", "payload", "text"] is "text"."""
    parts = location[2:] if location[:1] == ["body"] else location[1:]
    return ".".join(str(part) for part in parts) or str(location[0])


def problem(request, detail: str, status: int, errors: list | None = None):
    return api.create_response(request, {"detail": detail, "errors": errors or []}, status=status)


@api.exception_handler(ValidationError)
def invalid_request(request, exc: ValidationError):
    errors = [
        {"field": _field_name(list(error.get("loc", ["body"]))), "message": error.get("msg", "")}
        for error in exc.errors
    ]
    detail = "; ".join(f"{error['field']}: {error['message']}" for error in errors)
    return problem(request, detail or "The request is not valid.", 422, errors)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    if isinstance(exc, AuthenticationError):
        return problem(request, UNAUTHENTICATED, 401)
    return problem(request, str(exc), exc.status_code)


@api.exception_handler(Http404)
def not_found(request, exc: Http404):
    return problem(request, str(exc) or "Not found.", 404)


@api.exception_handler(RequestDataTooBig)
def too_big(request, exc: RequestDataTooBig):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return problem(request, f"The request body is larger than the {limit:,} bytes allowed.", 413)


mount(api)
