"""Appreciations: "I appreciate you for…" notes between partners.

The tables keep the names they had in the practices app, so no row moved."""

from django.conf import settings
from django.db import models

from tending.core.fields import EncryptedTextField

APPRECIATION_MAX_LENGTH = 500


class Appreciation(models.Model):
    """An "I appreciate you for…" note from one partner to the other."""

    class Reaction(models.TextChoices):
        HEART = "heart", "This warms my heart"
        THANKS = "thanks", "Thank you"
        SMILE = "smile", "You made me smile"
        HUG = "hug", "Sending a hug back"

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appreciations_given"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appreciations_received"
    )
    text = EncryptedTextField(max_length=APPRECIATION_MAX_LENGTH)
    reaction = models.CharField(max_length=10, choices=Reaction.choices, blank=True)
    reacted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "practices_appreciation"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["couple", "-created_at"])]

    def __str__(self) -> str:
        return f"Appreciation from {self.author}"
