import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from tending.core.calendar import week_start
from tending.core.timezones import local_today
from tending.insights.models import InsightPreferences, WeeklySummarySent
from tending.insights.selectors import weekly_summary

logger = logging.getLogger(__name__)

MONDAY = 0


def set_weekly_summary_email(*, user, enabled: bool) -> InsightPreferences:
    preferences, _ = InsightPreferences.objects.update_or_create(
        user=user, defaults={"weekly_summary_email": enabled}
    )
    return preferences


def summary_week_due(user, now: dt.datetime) -> dt.date | None:
    """On the person's local Monday, the week that just ended; on other days, none."""
    today = local_today(user, now)
    if today.weekday() != MONDAY:
        return None
    return week_start(today) - dt.timedelta(days=7)


def send_weekly_summary(*, user, week: dt.date, site_url: str = "") -> bool:
    """E-mail one week's summary unless it was already sent; True when sent now."""
    try:
        with transaction.atomic():
            record = WeeklySummarySent.objects.create(user=user, week_start=week)
    except IntegrityError:
        return False
    content = weekly_summary(user, week=week)
    context = {"user": user, "summary": content, "site_url": site_url.rstrip("/")}
    try:
        send_mail(
            subject=render_to_string("insights/email/weekly_summary_subject.txt", context).strip(),
            message=render_to_string("insights/email/weekly_summary.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
    except Exception:
        record.delete()
        raise
    return True


def send_weekly_summaries(*, now: dt.datetime | None = None, site_url: str = "") -> int:
    """Send last week's summary to everyone who asked for it and whose Monday it is."""
    now = now or timezone.now()
    sent = 0
    opted_in = InsightPreferences.objects.filter(
        weekly_summary_email=True, user__is_active=True
    ).select_related("user")
    for preferences in opted_in:
        week = summary_week_due(preferences.user, now)
        if week is None:
            continue
        try:
            sent += send_weekly_summary(user=preferences.user, week=week, site_url=site_url)
        except Exception:
            logger.exception("Weekly summary for user %s could not be sent", preferences.user_id)
    return sent
