"""Rituals of connection a couple chose, and each time one was done.

The tables keep the names they had in the practices app, so no row moved."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from tending.core.fields import EncryptedTextField

RITUAL_TITLE_MAX_LENGTH = 120


class RitualQuerySet(models.QuerySet):
    def live(self):
        """Rituals the couple has not set aside."""
        return self.filter(stopped_at__isnull=True)


class Ritual(models.Model):
    """A ritual of connection a couple chose, with how often they mean to do it."""

    class Rhythm(models.TextChoices):
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="rituals")
    title = models.CharField(max_length=RITUAL_TITLE_MAX_LENGTH)
    why = EncryptedTextField(blank=True)
    suggestion_key = models.CharField(max_length=80, blank=True)
    rhythm = models.CharField(max_length=10, choices=Rhythm.choices)
    times_per_period = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(14)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    stopped_at = models.DateTimeField(null=True, blank=True)

    objects = RitualQuerySet.as_manager()

    class Meta:
        db_table = "practices_ritual"
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.title


class RitualDone(models.Model):
    """One time a ritual was done, marked by either partner."""

    ritual = models.ForeignKey(Ritual, on_delete=models.CASCADE, related_name="marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    local_date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "practices_ritualdone"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["ritual", "local_date"])]

    def __str__(self) -> str:
        return f"{self.ritual} on {self.local_date}"
