"""Sign-in security: the second factors a person set up (an authenticator app, recovery
codes, passkeys), the browsers they are signed in on, and their security events.

Nothing here holds words a person wrote: an event has a kind, a time and details from fixed
vocabularies (a browser family, a factor, scopes), so operators can be shown it safely.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_otp.models import Device, ThrottlingMixin, TimestampMixin

from tending.core.fields import EncryptedTextField

PASSKEY_NAME_MAX_LENGTH = 60


class EventKind(models.TextChoices):
    SIGNED_IN = "signed_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "A sign-in failed: wrong password"
    SECOND_FACTOR_FAILED = "second_factor_failed", "A sign-in failed: wrong second factor"
    SIGNED_OUT_DEVICE = "signed_out_device", "Signed out a device"
    SIGNED_OUT_EVERYWHERE = "signed_out_everywhere", "Signed out everywhere else"
    PASSWORD_CHANGED = "password_changed", "Password changed"
    TWO_FACTOR_ON = "two_factor_on", "Two-factor authentication turned on"
    TWO_FACTOR_OFF = "two_factor_off", "Two-factor authentication turned off"
    RECOVERY_CODES_CREATED = "recovery_codes_created", "New recovery codes made"
    RECOVERY_CODE_USED = "recovery_code_used", "A recovery code was used"
    PASSKEY_ADDED = "passkey_added", "Passkey added"
    PASSKEY_REMOVED = "passkey_removed", "Passkey removed"
    TOKEN_CREATED = "token_created", "API token created"
    TOKEN_REVOKED = "token_revoked", "API token revoked"
    EXPORT = "export", "Your data exported"
    SHARE_LINK_CREATED = "share_link_created", "Report share link created"
    SHARE_LINK_OPENED = "share_link_opened", "Report share link opened"


class SecurityEventQuerySet(models.QuerySet):
    def recent(self, now=None):
        """The events a person is shown: those of the last 90 days."""
        return self.filter(created_at__gte=(now or timezone.now()) - settings.SECURITY_EVENT_DAYS)


class SecurityEvent(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="security_events"
    )
    kind = models.CharField(max_length=40, choices=EventKind.choices)
    created_at = models.DateTimeField(default=timezone.now)
    browser = models.CharField(max_length=40, blank=True)
    system = models.CharField(max_length=20, blank=True)
    details = models.JSONField(
        default=dict, blank=True, help_text="Values from fixed vocabularies only, never text."
    )

    objects = SecurityEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.created_at:%Y-%m-%d %H:%M}"


class SignedInDevice(models.Model):
    """One browser session of a person: which browser, since when, last seen when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signed_in_devices"
    )
    session_key = models.CharField(max_length=40, unique=True)
    browser = models.CharField(max_length=40, blank=True)
    system = models.CharField(max_length=20, blank=True)
    signed_in_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-last_seen_at"]

    def __str__(self) -> str:
        return f"{self.browser} on {self.system or 'an unknown system'}"


class TotpDevice(TimestampMixin, ThrottlingMixin, Device):
    """An authenticator app (TOTP, RFC 6238). The shared secret is encrypted at rest.

    django-otp gives the device model, the TOTP arithmetic and exponential throttling of
    wrong codes; ``last_t`` refuses a code that was already used.
    """

    secret = EncryptedTextField(help_text="The shared secret, base32.")
    drift = models.SmallIntegerField(default=0)
    last_t = models.BigIntegerField(default=-1)

    class Meta(Device.Meta):
        verbose_name = "authenticator app"

    def get_throttle_factor(self):
        return 1


class RecoveryCode(models.Model):
    """A single-use code for when no other factor is at hand; only its hash is kept."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Recovery code of {self.user_id}"


class Passkey(models.Model):
    """A WebAuthn credential: a second factor, or a sign-in without a password."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="passkeys"
    )
    name = models.CharField(max_length=PASSKEY_NAME_MAX_LENGTH)
    credential_id = models.CharField(max_length=1400, unique=True, help_text="base64url")
    public_key = models.BinaryField()
    sign_count = models.PositiveBigIntegerField(default=0)
    user_handle = models.CharField(max_length=100, help_text="base64url")
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Passkey {self.name} of {self.user_id}"
