"""The person's check-ins and responses, for their export, and restoring check-ins."""

from django.utils.dateparse import parse_date, parse_datetime

from tending.checkins.models import CheckIn, Response
from tending.core.exports import Table
from tending.couples.selectors import active_couple_for

CHECKIN_COLUMNS = {
    "local_date": "The day of the check-in, in your time zone then (YYYY-MM-DD).",
    "mood": "Mood, 1 (very low) to 5 (very good).",
    "stress": "Stress, 1 (very calm) to 5 (overwhelmed).",
    "energy": "Energy, 1 (drained) to 5 (full of energy).",
    "connection": "How connected you felt to your partner, 1 (distant) to 5 (very close).",
    "sleep_hours": "Hours slept the night before, if given.",
    "emotions": "Emotion words you picked from the feelings wheel.",
    "needs": "What would help that day (talk, hug, space, practical, reassurance, fun, nothing).",
    "note": "Your note, if any.",
    "share_numbers": "Whether your partner could see the numbers (mood to sleep).",
    "share_emotions": "Whether your partner could see the emotion words.",
    "share_needs": "Whether your partner could see what would help.",
    "share_note": "Whether your partner could see the note.",
    "created_at": "When you first saved this check-in (UTC).",
    "updated_at": "When you last changed it (UTC).",
}
RESPONSE_SENT_COLUMNS = {
    "created_at": "When you sent it (UTC).",
    "kind": "here, talk_tonight, take_something, hug, or message.",
    "text": "What your partner saw: the words of the one-tap response, or your message.",
}
RESPONSE_RECEIVED_COLUMNS = {
    "checkin_local_date": "The day of your check-in that this answered.",
    "created_at": "When your partner sent it (UTC).",
    "kind": "here, talk_tonight, take_something, hug, or message.",
    "text": "The words of the one-tap response, or your partner's message to you.",
}
SCALAR_FIELDS = (
    "mood",
    "stress",
    "energy",
    "connection",
    "share_numbers",
    "share_emotions",
    "share_needs",
    "share_note",
)


CHECKIN_VALUES = ("local_date", *SCALAR_FIELDS, "sleep_hours", "emotions", "needs", "note")


def _response_text(kind: str, message: str) -> str:
    return message if kind == Response.Kind.MESSAGE else Response.Kind(kind).label


def export_tables(user) -> list[Table]:
    checkins = (
        CheckIn.objects.filter(user=user)
        .order_by("local_date")
        .values(*CHECKIN_VALUES, "created_at", "updated_at")
    )
    sent = (
        Response.objects.filter(responder=user)
        .order_by("created_at")
        .values_list("created_at", "kind", "message")
    )
    couple = active_couple_for(user)
    received = (
        Response.objects.filter(checkin__user=user, couple=couple)
        .exclude(responder=user)
        .order_by("created_at")
        .values_list("checkin__local_date", "created_at", "kind", "message")
        if couple is not None
        else []
    )
    return [
        Table(
            "checkins",
            "Every check-in of yours, with every part, private or shared.",
            CHECKIN_COLUMNS,
            list(checkins.iterator(chunk_size=2000)),
        ),
        Table(
            "responses_sent",
            "Responses you sent to your partner's check-ins. Which check-in they answered "
            "is not included: it is your partner's.",
            RESPONSE_SENT_COLUMNS,
            [
                {"created_at": created_at, "kind": kind, "text": _response_text(kind, message)}
                for created_at, kind, message in sent.iterator(chunk_size=2000)
            ],
        ),
        Table(
            "responses_received",
            "Responses your current partner sent to your check-ins. They are yours to keep "
            "while you are paired; after unpairing, they are no longer part of your export.",
            RESPONSE_RECEIVED_COLUMNS,
            [
                {
                    "checkin_local_date": local_date,
                    "created_at": created_at,
                    "kind": kind,
                    "text": _response_text(kind, message),
                }
                for local_date, created_at, kind, message in received
            ],
        ),
    ]


def import_tables(user, tables: dict[str, list[dict]]) -> None:
    """Restore check-ins. Responses need a couple, which an import never restores."""
    rows = tables.get("checkins") or []
    checkins = [
        CheckIn(
            user=user,
            local_date=parse_date(row["local_date"]),
            **{name: row[name] for name in SCALAR_FIELDS},
            sleep_hours=row.get("sleep_hours"),
            emotions=row.get("emotions") or [],
            needs=row.get("needs") or [],
            note=row.get("note") or "",
        )
        for row in rows
    ]
    created = CheckIn.objects.bulk_create(checkins, batch_size=500)
    for checkin, row in zip(created, rows, strict=True):
        checkin.created_at = parse_datetime(row["created_at"])
        checkin.updated_at = parse_datetime(row["updated_at"])
    CheckIn.objects.bulk_update(created, ["created_at", "updated_at"], batch_size=500)
