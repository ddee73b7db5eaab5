"""Who may load which report and share link, for views and API routes."""

from django.http import Http404

from tending.reports.models import Report, ShareLink


def own_report(user, report_id: int) -> Report:
    """One of the person's own reports, or 404."""
    found = Report.objects.select_related("owner").filter(pk=report_id, owner=user).first()
    if found is None:
        raise Http404("No such report")
    return found


def share_link_of(report: Report, link_id: int) -> ShareLink:
    """One of the report's share links, or 404."""
    found = report.share_links.filter(pk=link_id).first()
    if found is None:
        raise Http404("No such link")
    return found
