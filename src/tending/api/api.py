"""The JSON API, mounted at /api/, with its OpenAPI schema at /api/openapi.json and
interactive docs at /api/docs.

A person authenticates with a personal access token (``Authorization: Bearer …``) or,
from the browser, with their session plus the CSRF token. The docs page uses the Swagger
UI files shipped inside django-ninja and served from our own static files, so it needs
no outside host and no inline script.
"""

from django.conf import settings
from ninja import NinjaAPI, Schema, Status
from ninja.openapi.docs import Swagger
from ninja.security import HttpBearer, SessionAuth
from ninja.throttling import AuthRateThrottle

from tending.api.services import user_for_token
from tending.coach.analysis import analyse

ANALYSE_MAX_LENGTH = 5000


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


class AnalyseIn(Schema):
    text: str


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


class Problem(Schema):
    detail: str


@api.post(
    "/coach/analyse",
    response={200: AnalysisOut, 422: Problem},
    summary="Analyse a message before saying it",
    tags=["coach"],
)
def analyse_message(request, payload: AnalyseIn):
    """Find where a message may land as criticism, contempt, defensiveness, absolutes,
    blame or stonewalling, and what in it helps. Spans index the text as sent (Unicode
    code points). Nothing is stored."""
    if len(payload.text) > ANALYSE_MAX_LENGTH:
        return Status(422, {"detail": f"The text can be at most {ANALYSE_MAX_LENGTH} characters."})
    analysis = analyse(payload.text)
    return {
        "findings": [vars(finding) for finding in analysis.findings],
        "tone": analysis.tone,
        "emotions": analysis.emotions,
        "needs": analysis.needs,
    }
