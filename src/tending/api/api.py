"""The JSON API, mounted at /api/, with its OpenAPI schema at /api/openapi.json and
interactive docs at /api/docs.

A person authenticates with a personal access token (``Authorization: Bearer …``) or,
from the browser, with their session plus the CSRF token. The docs page uses the Swagger
UI files shipped inside django-ninja and served from our own static files, so it needs
no outside host and no inline script.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from ninja import Field, NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError
from ninja.openapi.docs import Swagger
from ninja.security import HttpBearer, SessionAuth
from ninja.throttling import AuthRateThrottle

from tending.api.services import user_for_token
from tending.coach.analysis import analyse
from tending.coach.forms import MESSAGE_MAX_LENGTH

# The longest text the coach reads anywhere: the "Before you say it" box.
ANALYSE_MAX_LENGTH = MESSAGE_MAX_LENGTH


class AccessToken(HttpBearer):
    def authenticate(self, request, token):
        return user_for_token(token)


class Session(SessionAuth):
    """The browser's session; CSRF is checked only once someone is logged in, so an
    anonymous request is told to authenticate rather than that its form is stale."""

    def _get_key(self, request):
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)


class PerPersonThrottle(AuthRateThrottle):
    """Counts each person's requests, whichever token or session they use, in the shared
    cache; the rate is read from settings on every request."""

    def __init__(self):
        super().__init__(settings.TENDING_API_RATE)

    def get_cache_key(self, request):
        auth = getattr(request, "auth", None)
        ident = f"person-{auth.pk}" if auth is not None else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def allow_request(self, request):
        self.rate = settings.TENDING_API_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


api = NinjaAPI(
    title="Tending API",
    version="1",
    description="Tending's JSON API. Authenticate with a personal access token from your profile.",
    auth=[AccessToken(), Session()],
    throttle=[PerPersonThrottle()],
    docs=Swagger(settings={"validatorUrl": None, "persistAuthorization": False}),
    docs_url="/docs",
    urls_namespace="api-v1",
)


class FieldProblem(Schema):
    field: str
    message: str


class Problem(Schema):
    """Every error the API answers with: a sentence for people, and for a request that
    did not validate, what was wrong with which field."""

    detail: str
    errors: list[FieldProblem] = []


# What any route may answer besides success: a body it cannot parse, no or a bad token, a
# session without its CSRF token, a body over the size limit, values that do not validate,
# too many requests.
ERRORS = {frozenset({400, 401, 403, 413, 422, 429}): Problem}


def _field_name(location: list) -> str:
    """The field a validation error is about: ["body", "payload", "text"] is "text"."""
    parts = location[2:] if location[:1] == ["body"] else location[1:]
    return ".".join(str(part) for part in parts) or str(location[0])


@api.exception_handler(ValidationError)
def invalid_request(request, exc: ValidationError):
    errors = [
        {"field": _field_name(list(error.get("loc", ["body"]))), "message": error.get("msg", "")}
        for error in exc.errors
    ]
    detail = "; ".join(f"{error['field']}: {error['message']}" for error in errors)
    return api.create_response(
        request, {"detail": detail or "The request is not valid.", "errors": errors}, status=422
    )


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return api.create_response(request, {"detail": str(exc), "errors": []}, status=exc.status_code)


@api.exception_handler(RequestDataTooBig)
def too_big(request, exc: RequestDataTooBig):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return api.create_response(
        request,
        {"detail": f"The request body is larger than the {limit:,} bytes allowed.", "errors": []},
        status=413,
    )


class AnalyseIn(Schema):
    text: str = Field(max_length=ANALYSE_MAX_LENGTH)


class FindingOut(Schema):
    kind: str
    start: int
    end: int
    text: str
    explanation: str
    suggestion: str


class AnalysisOut(Schema):
    findings: list[FindingOut]
    tone: str
    emotions: list[str]
    needs: list[str]


@api.post(
    "/coach/analyse",
    response={200: AnalysisOut, **ERRORS},
    summary="Analyse a message before saying it",
    description=(
        "Find where a message may land as criticism, contempt, defensiveness, absolutes, "
        "blame or stonewalling, and what in it helps. Spans index the text as sent (Unicode "
        f"code points). Nothing is stored. The text can be at most {ANALYSE_MAX_LENGTH:,} "
        "characters."
    ),
    tags=["coach"],
)
def analyse_message(request, payload: AnalyseIn):
    analysis = analyse(payload.text)
    return {
        "findings": [vars(finding) for finding in analysis.findings],
        "tone": analysis.tone,
        "emotions": analysis.emotions,
        "needs": analysis.needs,
    }
