"""Who may call the JSON API: a personal access token with the route's scope, or the
browser's session; and how often (per token, or per person for a session)."""

from django.conf import settings
from ninja.errors import AuthorizationError
from ninja.security import HttpBearer, SessionAuth
from ninja.throttling import AuthRateThrottle

from tending.api.models import Scope
from tending.api.services import token_for


class AccessToken(HttpBearer):
    """A personal access token that holds ``scope``."""

    def __init__(self, scope: str):
        super().__init__()
        self.scope = scope

    def authenticate(self, request, token):
        found = token_for(token)
        if found is None:
            return None
        if self.scope not in found.scopes:
            raise AuthorizationError(
                message=f"This token may not {Scope(self.scope).label.lower()}: create a token "
                f"with the “{self.scope}” scope under Profile → API tokens."
            )
        request.api_token = found
        return found.user


class Session(SessionAuth):
    """The browser's session; CSRF is checked only once someone is logged in, so an
    anonymous request is told to authenticate rather than that its form is stale."""

    def _get_key(self, request):
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)

    def authenticate(self, request, key):
        request.api_token = None
        return super().authenticate(request, key)


READ = [AccessToken(Scope.READ), Session()]
WRITE = [AccessToken(Scope.WRITE), Session()]
EXPORT = [AccessToken(Scope.EXPORT), Session()]


class PerTokenThrottle(AuthRateThrottle):
    """Counts each token's requests (a browser session counts as its person's), in the
    shared cache; the rate is read from settings on every request."""

    def __init__(self):
        super().__init__(settings.TENDING_API_RATE)

    def get_cache_key(self, request):
        token = getattr(request, "api_token", None)
        if token is not None:
            ident = f"token-{token.pk}"
        else:
            auth = getattr(request, "auth", None)
            ident = f"person-{auth.pk}" if auth is not None else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def allow_request(self, request):
        self.rate = settings.TENDING_API_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)
