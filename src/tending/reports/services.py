import datetime as dt

from django.db import transaction
from django.utils import timezone

from tending.core.browsers import coarse_browser
from tending.core.timezones import local_today
from tending.reports.models import (
    MAX_REPORT_DAYS,
    MAX_SHARE_DAYS,
    PartnerReportConsent,
    Report,
    ShareAccess,
    ShareLink,
)
from tending.security.models import EventKind
from tending.security.services import record_event


class ReportError(Exception):
    """A choice that cannot be saved; the message is shown to the person."""


@transaction.atomic
def create_report(
    *,
    owner,
    start_date: dt.date,
    end_date: dt.date,
    include_checkins: bool = True,
    include_notes: bool = False,
    include_assessments: bool = False,
    include_practices: bool = False,
    include_partner: bool = False,
    now: dt.datetime | None = None,
) -> Report:
    if start_date > end_date:
        raise ReportError("The first day must come before the last day.")
    if end_date > local_today(owner, now):
        raise ReportError("The last day cannot be in the future.")
    if (end_date - start_date).days + 1 > MAX_REPORT_DAYS:
        raise ReportError("A report can cover at most two years.")
    if not (include_checkins or include_assessments or include_practices):
        raise ReportError("Choose at least one thing to include.")
    return Report.objects.create(
        owner=owner,
        start_date=start_date,
        end_date=end_date,
        include_checkins=include_checkins,
        include_notes=include_checkins and include_notes,
        include_assessments=include_assessments,
        include_practices=include_practices,
        include_partner=include_checkins and include_partner,
    )


def delete_report(*, report: Report) -> None:
    report.delete()


def create_share_link(
    *, report: Report, expires_in_days: int, now: dt.datetime | None = None, request=None
) -> ShareLink:
    if not 1 <= expires_in_days <= MAX_SHARE_DAYS:
        raise ReportError(f"A link can last from 1 to {MAX_SHARE_DAYS} days.")
    now = now or timezone.now()
    link = ShareLink.objects.create(
        report=report, expires_at=now + dt.timedelta(days=expires_in_days)
    )
    record_event(
        user=report.owner,
        kind=EventKind.SHARE_LINK_CREATED,
        request=request,
        details={"days": expires_in_days},
    )
    return link


def revoke_share_link(*, link: ShareLink, now: dt.datetime | None = None) -> ShareLink:
    if link.revoked_at is None:
        link.revoked_at = now or timezone.now()
        link.save(update_fields=["revoked_at"])
    return link


def record_access(*, link: ShareLink, kind: str, user_agent: str) -> ShareAccess:
    """Log an opening of the link with a coarse browser name and no network address, and
    tell the report's owner in their security events."""
    access = ShareAccess.objects.create(link=link, kind=kind, browser=coarse_browser(user_agent))
    record_event(
        user=link.report.owner,
        kind=EventKind.SHARE_LINK_OPENED,
        user_agent=user_agent,
        details={"opened": kind},
    )
    return access


def set_partner_consent(*, user, allowed: bool) -> PartnerReportConsent:
    consent, _ = PartnerReportConsent.objects.update_or_create(
        user=user, defaults={"allowed": allowed}
    )
    return consent
