import datetime as dt
import secrets

from django.conf import settings
from django.db import models

MAX_SHARE_DAYS = 30
DEFAULT_SHARE_DAYS = 14
MAX_REPORT_DAYS = 731


def new_share_token() -> str:
    return secrets.token_urlsafe(32)


class Report(models.Model):
    """What a person chose to bring to a clinician: a date range and the parts to include."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports"
    )
    start_date = models.DateField()
    end_date = models.DateField()
    include_checkins = models.BooleanField(default=True)
    include_notes = models.BooleanField(default=False)
    include_assessments = models.BooleanField(default=False)
    include_practices = models.BooleanField(default=False)
    include_partner = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Report of {self.owner} for {self.start_date} to {self.end_date}"


class ShareLink(models.Model):
    """A read-only link to one report for a professional; it expires and can be revoked.

    The token is kept as is (like invitations) so the person can copy the link again; it
    opens only this report, which the same database already holds.
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="share_links")
    token = models.CharField(max_length=64, unique=True, default=new_share_token)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Share link for {self.report}"

    @property
    def ends_at(self) -> dt.datetime:
        """When the link stops working: its expiry, and never later than the longest allowed."""
        return min(self.expires_at, self.created_at + dt.timedelta(days=MAX_SHARE_DAYS))


class ShareAccess(models.Model):
    """One opening of a share link: when, what, and a coarse browser name. No IP address."""

    class Kind(models.TextChoices):
        PAGE = "page", "Viewed the page"
        PDF = "pdf", "Downloaded the PDF"

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="accesses")
    accessed_at = models.DateTimeField(auto_now_add=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    browser = models.CharField(max_length=60)

    class Meta:
        ordering = ["-accessed_at", "-pk"]
        indexes = [models.Index(fields=["link", "-accessed_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.accessed_at:%Y-%m-%d %H:%M}"


class PartnerReportConsent(models.Model):
    """A person's own choice to let their partner include what they shared in reports."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_report_consent"
    )
    allowed = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Report consent of {self.user}: {'yes' if self.allowed else 'no'}"
