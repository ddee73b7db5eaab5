"""Second factors for tests: the code an authenticator app would show, and a person with
the app already turned on."""

import base64
import re
import time

from django_otp.oath import TOTP

from tending.security.models import TotpDevice
from tending.security.twofactor import create_recovery_codes, new_secret


def code_for(secret: str, *, steps_ahead: int = 0) -> str:
    """The 6 digits an authenticator app with ``secret`` (as shown, in groups or not) shows
    now, or some steps later."""
    key = secret.replace(" ", "")
    totp = TOTP(base64.b32decode(key + "=" * (-len(key) % 8)), step=30, digits=6)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def wrong_code(secret: str) -> str:
    """Six digits the app with ``secret`` shows at no step near now."""
    near = {code_for(secret, steps_ahead=step) for step in range(-3, 4)}
    return next(f"{n:06d}" for n in range(999_999, 0, -1) if f"{n:06d}" not in near)


def secret_on_page(html: str) -> str:
    return re.search(r'id="totp-secret">([A-Z2-7 ]+)<', html).group(1)


def with_authenticator(user) -> tuple[str, list[str]]:
    """Turn the app on for ``user``; its secret and ten recovery codes."""
    secret = new_secret()
    TotpDevice.objects.create(user=user, name="Authenticator app", secret=secret, confirmed=True)
    return secret, create_recovery_codes(user=user)
