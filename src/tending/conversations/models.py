"""Guided conversations for two, with the state both devices follow.

The tables keep the names they had in the practices app, so no row moved."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from tending.core.fields import EncryptedTextField

NOTES_MAX_LENGTH = 4000
OPEN_CONVERSATION_WINDOW = dt.timedelta(hours=6)


class ConversationQuerySet(models.QuerySet):
    def open(self, now: dt.datetime | None = None):
        """Ready or under way, and started within the last six hours."""
        return self.filter(
            status__in=["ready", "running"],
            created_at__gte=(now or timezone.now()) - OPEN_CONVERSATION_WINDOW,
        )


class Conversation(models.Model):
    """A guided conversation for two, with the state both devices follow."""

    class Kind(models.TextChoices):
        STRESS = "stress", "Stress-reducing conversation"
        SPEAKER_LISTENER = "speaker_listener", "Speaker and listener"
        MEETING = "meeting", "Weekly check-in meeting"

    class Status(models.TextChoices):
        READY = "ready", "Ready to begin"
        RUNNING = "running", "Under way"
        DONE = "done", "Completed"

    couple = models.ForeignKey(
        "couples.Couple", on_delete=models.CASCADE, related_name="conversations"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.READY)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    first_speaker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    second_speaker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    turn_seconds = models.PositiveIntegerField(default=600)
    turn = models.PositiveSmallIntegerField(default=0)
    turn_started_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    local_date = models.DateField()
    appreciations_notes = EncryptedTextField(blank=True, max_length=NOTES_MAX_LENGTH)
    went_well_notes = EncryptedTextField(blank=True, max_length=NOTES_MAX_LENGTH)
    work_on_notes = EncryptedTextField(blank=True, max_length=NOTES_MAX_LENGTH)
    support_notes = EncryptedTextField(blank=True, max_length=NOTES_MAX_LENGTH)
    notes_version = models.PositiveIntegerField(default=0)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        db_table = "practices_conversation"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["couple", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.couple} on {self.local_date}"
