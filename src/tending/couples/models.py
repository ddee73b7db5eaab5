import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from tending.core.timezones import zone_for


class Couple(models.Model):
    """Two people who share parts of their days. Ended couples share nothing any more."""

    started_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # Moves on whenever either partner does something the other's open pages show, so an
    # open page asks one cheap question ("still version N?") instead of re-reading them.
    live_version = models.PositiveBigIntegerField(default=0, db_default=0)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Couple {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None

    def first_day_for(self, person) -> dt.date:
        """The person's own local day on which the couple began."""
        return self.started_at.astimezone(zone_for(person)).date()


class Membership(models.Model):
    """One person's place in a couple; a person holds at most one active membership."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    active = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(active=True), name="one_active_couple_per_person"
            ),
            models.UniqueConstraint(fields=["couple", "user"], name="unique_member_per_couple"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.couple}"


def new_invite_token() -> str:
    return secrets.token_urlsafe(32)


class InviteQuerySet(models.QuerySet):
    def unanswered(self):
        """Neither withdrawn nor accepted, whether or not they have expired."""
        return self.filter(revoked_at__isnull=True, accepted_at__isnull=True)

    def open(self, now: dt.datetime | None = None):
        """Links that still work: unanswered and not expired."""
        return self.unanswered().filter(expires_at__gt=now or timezone.now())


class Invite(models.Model):
    """A single-use link that lets one other person pair with the inviter."""

    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invites_sent"
    )
    token = models.CharField(max_length=64, unique=True, default=new_invite_token)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = InviteQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invite from {self.inviter} ({self.created_at:%Y-%m-%d})"
