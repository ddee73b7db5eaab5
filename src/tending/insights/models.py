from django.conf import settings
from django.db import models


class InsightPreferences(models.Model):
    """A person's choices about insights, such as the weekly summary by e-mail."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="insight_preferences"
    )
    weekly_summary_email = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "insight preferences"

    def __str__(self) -> str:
        return f"Insight preferences of {self.user}"


class WeeklySummarySent(models.Model):
    """A weekly summary e-mailed to a person, so each week is sent at most once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="weekly_summaries_sent"
    )
    week_start = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-week_start"]
        constraints = [
            models.UniqueConstraint(fields=["user", "week_start"], name="one_summary_per_week")
        ]

    def __str__(self) -> str:
        return f"Weekly summary of {self.user} for {self.week_start}"
