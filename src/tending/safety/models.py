from django.conf import settings
from django.db import models
from django.utils import timezone

from tending.core.fields import EncryptedTextField

PLAN_FIELD_MAX_LENGTH = 2000


class SafetyPlan(models.Model):
    """A person's own plan for hard moments, written ahead of time. Private unless shared."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_plan"
    )
    warning_signs = EncryptedTextField(blank=True, max_length=PLAN_FIELD_MAX_LENGTH)
    coping_strategies = EncryptedTextField(blank=True, max_length=PLAN_FIELD_MAX_LENGTH)
    distractions = EncryptedTextField(blank=True, max_length=PLAN_FIELD_MAX_LENGTH)
    people_to_ask = EncryptedTextField(blank=True, max_length=PLAN_FIELD_MAX_LENGTH)
    professionals = EncryptedTextField(blank=True, max_length=PLAN_FIELD_MAX_LENGTH)
    safe_environment = EncryptedTextField(blank=True, max_length=PLAN_FIELD_MAX_LENGTH)
    reasons_for_living = EncryptedTextField(blank=True, max_length=PLAN_FIELD_MAX_LENGTH)
    shared_with_partner = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Safety plan of {self.user}"


class HardTimeNotice(models.Model):
    """'I'm having a hard time', told to the partner by the person's own choice.

    It carries no content: the partner learns only that it was sent. It ends when the
    person withdraws it, when it expires, or when the couple ends.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hard_time_notices"
    )
    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["couple", "user", "expires_at"])]

    def __str__(self) -> str:
        return f"Hard-time notice from {self.user} ({self.created_at:%Y-%m-%d})"
