"""What the security app hears from Django's authentication: sign-ins, sign-outs and
failed attempts become security events and device records."""

from django.contrib.auth import get_user_model

from tending.security.models import EventKind
from tending.security.services import forget_device, note_device, record_event

# A view that signs someone in sets this on the request to say how (password, passkey…).
METHOD_ATTRIBUTE = "tending_sign_in_method"
SECOND_FACTOR_ATTRIBUTE = "tending_second_factor_step"


def signed_in(sender, request, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    note_device(request, user)
    method = getattr(request, METHOD_ATTRIBUTE, "password")
    record_event(user=user, kind=EventKind.SIGNED_IN, request=request, details={"with": method})


def signed_out(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        forget_device(request.session.session_key)


def sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    """A wrong password (or second factor) for an existing account becomes one of its events."""
    username = (credentials or {}).get("username")
    if not username:
        return
    user = get_user_model().objects.filter(email__iexact=str(username).strip()).first()
    if user is None:
        return
    second_step = request is not None and getattr(request, SECOND_FACTOR_ATTRIBUTE, False)
    kind = EventKind.SECOND_FACTOR_FAILED if second_step else EventKind.SIGN_IN_FAILED
    record_event(user=user, kind=kind, request=request)
