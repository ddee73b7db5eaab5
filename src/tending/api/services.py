import datetime as dt
import secrets
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from tending.api.models import TOKEN_NAME_MAX_LENGTH, PersonalAccessToken, Scope, hash_token

TOKEN_PREFIX = "tending_"
LAST_USED_PRECISION = dt.timedelta(minutes=1)
EXPIRY_DAYS = (7, 30, 90, 365)


class TokenError(Exception):
    """Something that cannot be done; the message is shown to the person."""


def clean_scopes(scopes: Iterable[str]) -> list[str]:
    chosen = set(scopes)
    unknown = chosen - set(Scope.values)
    if unknown:
        raise TokenError(f"Unknown scope: {', '.join(sorted(unknown))}.")
    if not chosen:
        raise TokenError("Choose at least one thing the token may do.")
    return [scope for scope in Scope.values if scope in chosen]


@transaction.atomic
def create_token(
    *,
    user,
    name: str,
    scopes: Iterable[str] = (Scope.READ,),
    expires_in_days: int | None = None,
    now: dt.datetime | None = None,
) -> tuple[PersonalAccessToken, str]:
    """A new token for ``user``; the plain token is returned once and never stored."""
    name = " ".join(name.split())
    if not name:
        raise TokenError("Give the token a name, so you know later what uses it.")
    if len(name) > TOKEN_NAME_MAX_LENGTH:
        raise TokenError(f"A name can be at most {TOKEN_NAME_MAX_LENGTH} characters.")
    if expires_in_days is not None and expires_in_days not in EXPIRY_DAYS:
        raise TokenError("Please pick one of the expiry choices.")
    now = now or timezone.now()
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = PersonalAccessToken.objects.create(
        user=user,
        name=name,
        token_hash=hash_token(plain),
        scopes=clean_scopes(scopes),
        expires_at=now + dt.timedelta(days=expires_in_days) if expires_in_days else None,
    )
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


def token_for(plain: str, *, now: dt.datetime | None = None) -> PersonalAccessToken | None:
    """The usable token ``plain`` names, with its person, or None; notes when it was used."""
    if not plain.startswith(TOKEN_PREFIX) or len(plain) > 100:
        return None
    now = now or timezone.now()
    token = (
        PersonalAccessToken.objects.usable(now)
        .select_related("user")
        .filter(token_hash=hash_token(plain))
        .first()
    )
    if token is None:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        PersonalAccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def user_for_token(plain: str, *, now: dt.datetime | None = None):
    """The person a usable token belongs to, or None."""
    token = token_for(plain, now=now)
    return token.user if token else None
