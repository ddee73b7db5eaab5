from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class PracticeLog(models.Model):
    """One person's record of a completed practice, with how it felt if they said."""

    class Kind(models.TextChoices):
        STRESS = "stress", "Stress-reducing conversation"
        SPEAKER_LISTENER = "speaker_listener", "Speaker and listener"
        MEETING = "meeting", "Weekly check-in meeting"
        BREATHING = "breathing", "Paced breathing"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_logs"
    )
    couple = models.ForeignKey(
        "couples.Couple", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    conversation = models.ForeignKey(
        "conversations.Conversation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="logs",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    local_date = models.DateField()
    detail = models.CharField(max_length=120, blank=True)
    feeling = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_at"]
        indexes = [models.Index(fields=["user", "-completed_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} by {self.user} on {self.local_date}"
