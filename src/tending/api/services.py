import datetime as dt
import secrets

from django.db import transaction
from django.utils import timezone

from tending.api.models import TOKEN_NAME_MAX_LENGTH, PersonalAccessToken, hash_token

TOKEN_PREFIX = "tending_"
LAST_USED_PRECISION = dt.timedelta(minutes=1)


class TokenError(Exception):
    """Something that cannot be done; the message is shown to the person."""


@transaction.atomic
def create_token(*, user, name: str) -> tuple[PersonalAccessToken, str]:
    """A new token for ``user``; the plain token is returned once and never stored."""
    name = " ".join(name.split())
    if not name:
        raise TokenError("Give the token a name, so you know later what uses it.")
    if len(name) > TOKEN_NAME_MAX_LENGTH:
        raise TokenError(f"A name can be at most {TOKEN_NAME_MAX_LENGTH} characters.")
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = PersonalAccessToken.objects.create(user=user, name=name, token_hash=hash_token(plain))
    return token, plain


def revoke_token(*, user, token_id: int, now: dt.datetime | None = None) -> bool:
    """Revoke one of ``user``'s tokens at once; False if there is no such active token."""
    revoked = PersonalAccessToken.objects.filter(
        pk=token_id, user=user, revoked_at__isnull=True
    ).update(revoked_at=now or timezone.now())
    return revoked == 1


def revoke_all_tokens(*, user, now: dt.datetime | None = None) -> int:
    """Revoke every active token of ``user``; how many there were."""
    return PersonalAccessToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=now or timezone.now()
    )


def revoke_tokens_after_password_change(sender, user, **kwargs) -> None:
    revoke_all_tokens(user=user)


def user_for_token(plain: str, *, now: dt.datetime | None = None):
    """The person an active token belongs to, or None; notes when it was last used."""
    if not plain.startswith(TOKEN_PREFIX):
        return None
    token = (
        PersonalAccessToken.objects.select_related("user")
        .filter(token_hash=hash_token(plain), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = now or timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        PersonalAccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
