from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Sharing(models.TextChoices):
    NOTHING = "nothing", "Nothing"
    BAND = "band", "The band only"
    BAND_AND_SCORE = "band_and_score", "The band and the score"


def shared_with_partner_condition(owner, couple_started_at) -> Q:
    """What ``owner`` chose to share with their partner: results taken since the couple
    began, with a sharing other than nothing. Both may be values bound at each run of a
    statement compiled once (``core.statements``)."""
    return Q(user=owner, taken_at__gte=couple_started_at) & ~Q(sharing=Sharing.NOTHING)


class ResultQuerySet(models.QuerySet):
    def shared_with_partner(self, couple, owner):
        """What ``owner`` chose to share with their partner in ``couple``
        (``shared_with_partner_condition``)."""
        return self.filter(shared_with_partner_condition(owner, couple.started_at))


class Result(models.Model):
    """One completed questionnaire: the raw answers and what they scored, for re-scoring."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_results"
    )
    instrument_key = models.CharField(max_length=20)
    instrument_version = models.PositiveSmallIntegerField()
    answers = models.JSONField(help_text="Option values by item number, as given.")
    total = models.SmallIntegerField()
    band_key = models.CharField(max_length=40, blank=True)
    safety_flag = models.BooleanField(default=False)
    sharing = models.CharField(max_length=20, choices=Sharing.choices, default=Sharing.NOTHING)
    nudge_dismissed = models.BooleanField(default=False)
    taken_at = models.DateTimeField(default=timezone.now)

    objects = ResultQuerySet.as_manager()

    class Meta:
        ordering = ["-taken_at", "-pk"]
        indexes = [models.Index(fields=["user", "instrument_key", "-taken_at"])]

    def __str__(self) -> str:
        return f"{self.instrument_key} of {self.user} at {self.taken_at:%Y-%m-%d}"

    @property
    def answers_by_item(self) -> dict[int, int]:
        return {int(number): value for number, value in self.answers.items()}


class ScheduleChoice(models.Model):
    """A person's own choice for one questionnaire: whether to be reminded, and how often."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_schedule"
    )
    instrument_key = models.CharField(max_length=20)
    active = models.BooleanField(default=False)
    every_days = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "instrument_key"], name="one_schedule_choice_per_instrument"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument_key} every {self.every_days} days for {self.user}"
