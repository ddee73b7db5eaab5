import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from tending.checkins.feelings import NEED_LABELS
from tending.checkins.models import CheckIn
from tending.core.timezones import zone_for
from tending.couples.selectors import active_couple_for, couple_and_partner
from tending.insights import series
from tending.insights.display import MEASURES, Chart, format_number, measure_chart
from tending.insights.readings import DayReading, assessment_rows, visible_readings
from tending.practices.models import PracticeLog
from tending.reports.models import PartnerReportConsent, Report, ShareAccess, ShareLink

HEADING = "Prepared by the person for their clinician; not a diagnosis"
DAILY_ROWS_MAX_DAYS = 92
TOP_WORDS = 10


@dataclass(frozen=True)
class PracticeRow:
    """One completed practice: its name, its day and how it felt to the report's owner."""

    day: dt.date
    name: str
    feeling: str


@dataclass(frozen=True)
class ReportContent:
    """Exactly what a report shows, the same on the page, in the PDF and behind a link."""

    heading: str
    owner_name: str
    start: dt.date
    end: dt.date
    prepared_on: dt.date
    included: tuple[str, ...]
    checkins_included: bool
    checkin_days: int
    averages: tuple[tuple[str, ...], ...]
    average_headers: tuple[str, ...]
    charts: tuple[Chart, ...]
    table_headers: tuple[str, ...]
    table_rows: tuple[tuple[str, ...], ...]
    top_feelings: tuple[tuple[str, int], ...]
    top_needs: tuple[tuple[str, int], ...]
    notes: tuple[tuple[dt.date, str], ...]
    notes_included: bool
    partner_name: str | None
    partner_left_out: str
    assessments: tuple = ()
    assessments_included: bool = False
    practices: tuple[PracticeRow, ...] = ()
    practices_included: bool = False
    practices_left_out: str = ""


def partner_has_consented(partner) -> bool:
    return PartnerReportConsent.objects.filter(user=partner, allowed=True).exists()


def _table(days: list[dt.date], mine: list[DayReading]) -> tuple[tuple, tuple]:
    by_day = {r.local_date: r for r in mine}
    names = tuple(m.title for m in MEASURES)
    if len(days) <= DAILY_ROWS_MAX_DAYS:
        rows = []
        for day in days:
            reading = by_day.get(day)
            if reading is None:
                continue
            rows.append(
                (
                    day.isoformat(),
                    *(format_number(reading.numbers.get(m.key)) for m in MEASURES),
                    ", ".join(reading.emotions) or "–",
                    ", ".join(NEED_LABELS.get(n, n) for n in reading.needs) or "–",
                )
            )
        return ("Day", *names, "Feelings", "What would help"), tuple(rows)
    periods = series.periods_for(days, 7)
    columns = [
        series.period_means(
            days,
            series.daily_values({r.local_date: r.numbers.get(m.key) for r in mine}, days),
            periods,
        )
        for m in MEASURES
    ]
    rows = [
        (p.label, *(format_number(column[i]) for column in columns)) for i, p in enumerate(periods)
    ]
    return ("Week", *(f"{name} (average)" for name in names)), tuple(rows)


def feeling_text(feeling: int | None) -> str:
    return f"{feeling} of 5" if feeling else "–"


def shared_practice_rows(owner, start: dt.date, *, end: dt.date) -> tuple[PracticeRow, ...] | None:
    """The owner's own completed practices with their current partner, oldest first.

    Only the name, the day and the owner's rating: never notes, answers or the partner's
    rating. None when the owner is not paired now.
    """
    couple = active_couple_for(owner)
    if couple is None:
        return None
    kinds = dict(PracticeLog.Kind.choices)
    logs = (
        PracticeLog.objects.filter(
            user=owner, couple=couple, local_date__gte=start, local_date__lte=end
        )
        .order_by("local_date", "completed_at", "pk")
        .values_list("local_date", "kind", "feeling")
    )
    return tuple(
        PracticeRow(day=day, name=kinds.get(kind, kind), feeling=feeling_text(feeling))
        for day, kind, feeling in logs
    )


def report_content(report: Report, *, now: dt.datetime | None = None) -> ReportContent:
    """Build the report from the owner's data and, only with consent, the partner's shared
    numbers since the couple began."""
    owner = report.owner
    couple, partner = couple_and_partner(owner) if report.include_partner else (None, None)
    partner_left_out = ""
    if report.include_partner and partner is not None and not partner_has_consented(partner):
        partner_left_out = (
            f"{partner} has not agreed to be included in your reports, so nothing of theirs is."
        )
        couple, partner = None, None
    elif report.include_partner and partner is None:
        partner_left_out = "You are not paired with anyone now, so no partner data is included."

    included = []
    charts_out: list[Chart] = []
    averages: list[tuple[str, ...]] = []
    table_headers: tuple = ()
    table_rows: tuple = ()
    top_feelings: list = []
    top_needs: list = []
    notes: list = []
    checkin_days = 0
    partner_name = str(partner) if partner is not None else None
    if report.include_checkins:
        included.append("Daily check-ins")
        readings = visible_readings(
            owner, couple, partner=partner, start=report.start_date, end=report.end_date
        )
        mine = [r for r in readings if r.is_mine]
        theirs = [r for r in readings if not r.is_mine and r.numbers]
        days = series.days_between(report.start_date, report.end_date)
        checkin_days = len(mine)
        charts_out = [
            measure_chart(m, days, mine, theirs, partner_name, chart_prefix="report")
            for m in MEASURES
        ]
        for m in MEASURES:
            row = [m.title, format_number(series.mean(r.numbers.get(m.key) for r in mine))]
            if partner_name:
                row.append(format_number(series.mean(r.numbers.get(m.key) for r in theirs)))
            averages.append(tuple(row))
        table_headers, table_rows = _table(days, mine)
        top_feelings = series.top_words((r.emotions for r in mine), TOP_WORDS)
        top_needs = series.top_words(
            ([NEED_LABELS.get(n, n) for n in r.needs] for r in mine), TOP_WORDS
        )
        if partner_name:
            included.append(f"Numbers {partner_name} shared, with their consent")
        if report.include_notes:
            included.append("Notes")
            notes = list(
                CheckIn.objects.filter(
                    user=owner,
                    local_date__gte=report.start_date,
                    local_date__lte=report.end_date,
                )
                .exclude(note="")
                .order_by("local_date")
                .values_list("local_date", "note")
            )
    assessments: tuple = ()
    if report.include_assessments:
        included.append("Questionnaire results")
        zone = zone_for(owner)
        assessments = assessment_rows(
            owner,
            None,
            partner=None,
            since=dt.datetime.combine(report.start_date, dt.time.min, tzinfo=zone),
            until=dt.datetime.combine(
                report.end_date + dt.timedelta(days=1), dt.time.min, tzinfo=zone
            ),
        )
    practices: tuple[PracticeRow, ...] = ()
    practices_left_out = ""
    if report.include_practices:
        included.append("Shared practices")
        rows = shared_practice_rows(owner, report.start_date, end=report.end_date)
        if rows is None:
            practices_left_out = (
                "You are not paired with anyone now, so no shared practices are included."
            )
        else:
            practices = rows
    average_headers = ("Measure", "Average", *((partner_name,) if partner_name else ()))
    return ReportContent(
        heading=HEADING,
        owner_name=str(owner),
        start=report.start_date,
        end=report.end_date,
        prepared_on=(now or timezone.now()).date(),
        included=tuple(included),
        checkins_included=report.include_checkins,
        checkin_days=checkin_days,
        averages=tuple(averages),
        average_headers=average_headers,
        charts=tuple(charts_out),
        table_headers=table_headers,
        table_rows=table_rows,
        top_feelings=tuple(top_feelings),
        top_needs=tuple(top_needs),
        notes=tuple(notes),
        notes_included=report.include_notes,
        partner_name=partner_name,
        partner_left_out=partner_left_out,
        assessments=assessments,
        assessments_included=report.include_assessments,
        practices=practices,
        practices_included=report.include_practices,
        practices_left_out=practices_left_out,
    )


def reports_of(user) -> list[Report]:
    return list(Report.objects.filter(owner=user))


def share_links_of(report: Report) -> list[ShareLink]:
    return list(
        report.share_links.prefetch_related(
            Prefetch("accesses", queryset=ShareAccess.objects.order_by("-accessed_at", "-pk"))
        )
    )


def link_is_live(link: ShareLink, now: dt.datetime | None = None) -> bool:
    return link.revoked_at is None and link.ends_at > (now or timezone.now())


def share_link_by_token(token: str) -> ShareLink | None:
    return ShareLink.objects.select_related("report", "report__owner").filter(token=token).first()
