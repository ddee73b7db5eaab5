import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from tending.core.fields import EncryptedTextField

TOKEN_NAME_MAX_LENGTH = 80


class Scope(models.TextChoices):
    READ = "read", "Read your data"
    WRITE = "write", "Change your data"
    EXPORT = "export", "Download your whole export"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class TokenQuerySet(models.QuerySet):
    def usable(self, now=None):
        """Neither revoked nor expired, and its person still active."""
        now = now or timezone.now()
        return self.filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now),
            revoked_at__isnull=True,
            user__is_active=True,
        )


class PersonalAccessToken(models.Model):
    """A named key for the JSON API; only its SHA-256 hash is kept."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_tokens"
    )
    name = models.CharField(max_length=TOKEN_NAME_MAX_LENGTH)
    token_hash = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = TokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.has_expired

    @property
    def has_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def scope_labels(self) -> list[str]:
        return [Scope(scope).label for scope in Scope.values if scope in self.scopes]


class IdempotentRequest(models.Model):
    """A create request sent with an ``Idempotency-Key``, and the answer it got, so a
    retry of the same request gets the same answer instead of creating twice. Kept for a
    day; the answer may quote what the person wrote, so it is encrypted."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField(null=True)
    body = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="one_answer_per_idempotency_key")
        ]

    def __str__(self) -> str:
        return f"Idempotent request of {self.user_id} at {self.created_at:%Y-%m-%d %H:%M}"
