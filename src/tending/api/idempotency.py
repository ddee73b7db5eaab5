"""``Idempotency-Key`` on creates: a retry of the same request gets the answer the first
one got, for a day, instead of creating a second check-in, message or result.

A route opts in with ``@idempotent``. The first request with a key claims it; its
successful answer is stored (encrypted: it may quote what the person wrote) when the API
renders it (``remember``). The same key with another body is refused; a key whose first
request is still running answers 409. Answers that were not a success are not kept, so a
retry after fixing the problem goes through.
"""

import datetime as dt
import hashlib
import re
from functools import wraps

from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.utils import timezone
from ninja.errors import HttpError

from tending.api.models import IdempotentRequest

HEADER = "Idempotency-Key"
KEPT_FOR = dt.timedelta(hours=24)
KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")
KEY_SCHEMA = {"type": "string", "minLength": 1, "maxLength": 255, "pattern": KEY_PATTERN.pattern}


def _fingerprint(request) -> str:
    digest = hashlib.sha256()
    for part in (request.method, request.path, request.body):
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _replay(record: IdempotentRequest) -> HttpResponse:
    response = HttpResponse(
        record.body, status=record.status, content_type="application/json; charset=utf-8"
    )
    response["Idempotent-Replayed"] = "true"
    return response


def _claim(user, key: str, fingerprint: str) -> IdempotentRequest | HttpResponse:
    """This request's claim on ``key``, or the answer already given under it."""
    now = timezone.now()
    IdempotentRequest.objects.filter(user=user, created_at__lt=now - KEPT_FOR).delete()
    try:
        with transaction.atomic():
            return IdempotentRequest.objects.create(
                user=user, key=key, fingerprint=fingerprint, created_at=now
            )
    except IntegrityError:
        pass
    earlier = IdempotentRequest.objects.filter(user=user, key=key).first()
    if earlier is None:
        raise HttpError(409, "A request with this Idempotency-Key is still being answered.")
    if earlier.fingerprint != fingerprint:
        raise HttpError(
            409, "This Idempotency-Key was already used for a different request: use a new key."
        )
    if earlier.status is None:
        raise HttpError(409, "A request with this Idempotency-Key is still being answered.")
    return _replay(earlier)


def idempotent(view):
    """Answer a repeated create with the same ``Idempotency-Key`` as it was first answered."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = request.headers.get(HEADER)
        if key is None:
            return view(request, *args, **kwargs)
        if not KEY_PATTERN.match(key):
            raise HttpError(
                422, "Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID."
            )
        claim = _claim(request.auth, key, _fingerprint(request))
        if isinstance(claim, HttpResponse):
            return claim
        request.idempotent_claim = claim
        try:
            return view(request, *args, **kwargs)
        except BaseException:
            claim.delete()
            request.idempotent_claim = None
            raise

    wrapper.idempotent = True
    return wrapper


def remember(request, response) -> None:
    """Keep a successful answer for the request's claim; forget a claim that failed."""
    claim = getattr(request, "idempotent_claim", None)
    if claim is None:
        return
    request.idempotent_claim = None
    if 200 <= response.status_code < 300:
        claim.status = response.status_code
        claim.body = response.content.decode()
        claim.save(update_fields=["status", "body"])
    else:
        claim.delete()
