"""Keeps each signed-in browser's device record fresh (at most one write every few
minutes), and, when the operator requires it, sends people without a second factor to set
one up before anything else."""

from django.conf import settings
from django.shortcuts import redirect

from tending.security.services import needs_noting, note_device
from tending.security.twofactor import has_second_factor

SECOND_FACTOR_CHECKED = "tending_has_second_factor"
OPEN_WITHOUT_SECOND_FACTOR = ("/accounts/security/", "/accounts/logout/", "/help/", "/static/")


class SignedInDeviceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and needs_noting(request):
            note_device(request, user)
        if settings.TENDING_REQUIRE_2FA and self.must_set_up(request):
            return redirect("security:index")
        return self.get_response(request)

    @staticmethod
    def must_set_up(request) -> bool:
        user = request.user
        if not user.is_authenticated or request.path.startswith(OPEN_WITHOUT_SECOND_FACTOR):
            return False
        if request.path.startswith("/api/") or request.session.get(SECOND_FACTOR_CHECKED):
            return False
        if has_second_factor(user):
            request.session[SECOND_FACTOR_CHECKED] = True
            return False
        return True
