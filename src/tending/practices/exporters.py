"""The person's practice log, for their export, and restoring it."""

from django.utils.dateparse import parse_date, parse_datetime

from tending.core.exports import Table
from tending.practices.models import PracticeLog

PRACTICE_LOG_COLUMNS = {
    "kind": "stress, speaker_listener, meeting, or breathing.",
    "local_date": "The day you did it.",
    "detail": "For breathing, the pattern and length.",
    "feeling": "How it felt, 1 to 5, if you said.",
    "completed_at": "When you finished it (UTC).",
}


def _rows(queryset, columns) -> list[dict]:
    return list(queryset.values(*columns))


def export_tables(user) -> list[Table]:
    return [
        Table(
            "practice_log",
            "Practices you completed.",
            PRACTICE_LOG_COLUMNS,
            _rows(
                PracticeLog.objects.filter(user=user).order_by("completed_at"),
                PRACTICE_LOG_COLUMNS,
            ),
        ),
    ]


def import_tables(user, tables: dict[str, list[dict]]) -> None:
    """Restore the practice log: what the person did needs no couple."""
    rows = tables.get("practice_log") or []
    logs = PracticeLog.objects.bulk_create(
        PracticeLog(
            user=user,
            kind=row["kind"],
            local_date=parse_date(row["local_date"]),
            detail=row.get("detail") or "",
            feeling=row.get("feeling"),
        )
        for row in rows
    )
    for log, row in zip(logs, rows, strict=True):
        log.completed_at = parse_datetime(row["completed_at"])
    PracticeLog.objects.bulk_update(logs, ["completed_at"])
