"""What `tending check --deploy` says about reaching people."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def site_url_is_set(app_configs=None, **kwargs):
    if settings.TENDING_SITE_URL:
        return []
    return [
        Warning(
            "TENDING_SITE_URL is not set, so links in e-mails (notifications, reminders, "
            "unsubscribe links, weekly summaries) are guessed from TENDING_ALLOWED_HOSTS.",
            hint="Set TENDING_SITE_URL to the address people use, e.g. https://tending.example.org",
            id="notifications.W001",
        )
    ]
