"""The person's therapist reports, their share links (without the secret link) and who
opened them."""

from django.db.models import F

from tending.core.exports import Table
from tending.reports.models import Report, ShareAccess, ShareLink

REPORT_COLUMNS = {
    "start_date": "First day of the report.",
    "end_date": "Last day of the report.",
    "include_checkins": "Whether your check-in numbers were in it.",
    "include_notes": "Whether your notes were in it.",
    "include_assessments": "Whether your questionnaire results were in it.",
    "include_practices": "Whether shared practices were in it.",
    "include_partner": "Whether your partner's shared data was in it (with their consent).",
    "created_at": "When you created it (UTC).",
}
LINK_COLUMNS = {
    "report_created_at": "Which report: the time it was created (UTC).",
    "created_at": "When you made the share link (UTC).",
    "expires_at": "When it stops or stopped working (UTC).",
    "revoked_at": "When you revoked it, if you did (UTC).",
}
ACCESS_COLUMNS = {
    "link_created_at": "Which share link: the time it was made (UTC).",
    "accessed_at": "When it was opened (UTC).",
    "kind": "page (viewed) or pdf (downloaded).",
    "browser": "A coarse name of the browser that opened it.",
}


def export_tables(user) -> list[Table]:
    reports = Report.objects.filter(owner=user).order_by("created_at")
    links = ShareLink.objects.filter(report__owner=user).order_by("created_at")
    accesses = ShareAccess.objects.filter(link__report__owner=user).order_by("accessed_at")
    return [
        Table(
            "reports",
            "Reports you prepared for a clinician: what each covered.",
            REPORT_COLUMNS,
            list(reports.values(*REPORT_COLUMNS)),
        ),
        Table(
            "report_share_links",
            "Share links you made for your reports. The links themselves are not included.",
            LINK_COLUMNS,
            list(
                links.values(
                    "created_at",
                    "expires_at",
                    "revoked_at",
                    report_created_at=F("report__created_at"),
                )
            ),
        ),
        Table(
            "report_link_openings",
            "Each time one of your share links was opened.",
            ACCESS_COLUMNS,
            [
                {
                    "link_created_at": link_created_at,
                    "accessed_at": accessed_at,
                    "kind": kind,
                    "browser": browser,
                }
                for link_created_at, accessed_at, kind, browser in accesses.values_list(
                    "link__created_at", "accessed_at", "kind", "browser"
                )
            ],
        ),
    ]
