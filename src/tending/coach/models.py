from django.conf import settings
from django.db import models

from tending.core.fields import EncryptedTextField

GENTLE_MESSAGE_MAX_LENGTH = 1000


class GentleMessage(models.Model):
    """Words one partner chose to send the other from the coach; nothing else is kept."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gentle_messages_sent"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="gentle_messages_received",
    )
    text = EncryptedTextField(max_length=GENTLE_MESSAGE_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["recipient", "couple", "read_at"])]

    def __str__(self) -> str:
        return f"Gentle message from {self.sender} ({self.created_at:%Y-%m-%d})"
