"""Invitations to breathe together.

The tables keep the names they had in the practices app, so no row moved."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from tending.breathing.patterns import PATTERNS

BREATHING_INVITE_LIFETIME = dt.timedelta(minutes=15)


class BreathingInviteQuerySet(models.QuerySet):
    def fresh(self, now: dt.datetime | None = None):
        """Not joined yet, and sent within the last fifteen minutes."""
        return self.open_since(fresh_since(now or timezone.now()))

    def open_since(self, since):
        """Not joined yet, and sent at ``since`` or later (a time from ``fresh_since``, or
        a query expression for one)."""
        return self.filter(created_at__gte=since, joined_at__isnull=True)


def fresh_since(now: dt.datetime) -> dt.datetime:
    """The oldest an invitation may be at ``now`` and still be joined."""
    return now - BREATHING_INVITE_LIFETIME


class BreathingInvite(models.Model):
    """An invitation to the partner to start the same breathing session now."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    pattern = models.CharField(max_length=10)
    minutes = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    joined_at = models.DateTimeField(null=True, blank=True)

    objects = BreathingInviteQuerySet.as_manager()

    class Meta:
        db_table = "practices_breathinginvite"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Breathing invite from {self.sender}"

    @property
    def pattern_title(self) -> str:
        pattern = PATTERNS.get(self.pattern)
        return pattern.title if pattern else self.pattern
