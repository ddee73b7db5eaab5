import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from tending.checkins import compiled
from tending.checkins.feelings import EMOTION_WORDS, NEED_LABELS, NOTHING, SCALES
from tending.checkins.models import MESSAGE_MAX_LENGTH, NOTE_MAX_LENGTH, CheckIn, Response
from tending.core.timezones import local_today
from tending.couples import events
from tending.couples.selectors import active_couple_for, couple_and_partner, partner_of

# A second tap of the same response within this time is the same response.
DUPLICATE_RESPONSE_WINDOW = dt.timedelta(minutes=1)


class CheckInError(Exception):
    """Input that cannot be saved; the message is shown to the person."""


@dataclass(frozen=True)
class CheckInInput:
    mood: int
    stress: int
    energy: int
    connection: int
    sleep_hours: Decimal | None = None
    emotions: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    note: str = ""
    share_numbers: bool = True
    share_emotions: bool = True
    share_needs: bool = True
    share_note: bool = False


def validate_checkin(data: CheckInInput) -> None:
    for scale in SCALES:
        value = getattr(data, scale.key)
        if not isinstance(value, int) or not 1 <= value <= 5:
            raise CheckInError(f"{scale.question} needs an answer from 1 to 5.")
    if data.sleep_hours is not None and (
        not 0 <= data.sleep_hours <= 14 or (data.sleep_hours * 2) % 1 != 0
    ):
        raise CheckInError("Sleep is counted from 0 to 14 hours in half hours.")
    unknown = [word for word in data.emotions if word not in EMOTION_WORDS]
    if unknown:
        raise CheckInError(f"Unknown feeling: {', '.join(unknown)}.")
    if any(need not in NEED_LABELS for need in data.needs):
        raise CheckInError("Please pick what would help from the list.")
    if NOTHING in data.needs and len(data.needs) > 1:
        raise CheckInError("“Nothing today” cannot be combined with other requests.")
    if len(data.note) > NOTE_MAX_LENGTH:
        raise CheckInError(f"The note can be at most {NOTE_MAX_LENGTH} characters.")


@dataclass(frozen=True)
class SavedCheckIn:
    checkin: CheckIn
    is_new: bool


def save_checkin(*, user, data: CheckInInput, now: dt.datetime | None = None) -> CheckIn:
    """Create or update today's check-in, where today is the person's own local day."""
    return save_todays_checkin(user=user, data=data, now=now).checkin


@transaction.atomic
def save_todays_checkin(
    *, user, data: CheckInInput, now: dt.datetime | None = None
) -> SavedCheckIn:
    """``save_checkin``, also saying whether the check-in is the day's first."""
    validate_checkin(data)
    fields = {
        "mood": data.mood,
        "stress": data.stress,
        "energy": data.energy,
        "connection": data.connection,
        "sleep_hours": data.sleep_hours,
        "emotions": list(dict.fromkeys(data.emotions)),
        "needs": list(dict.fromkeys(data.needs)),
        "note": data.note.strip(),
        "share_numbers": data.share_numbers,
        "share_emotions": data.share_emotions,
        "share_needs": data.share_needs,
        "share_note": data.share_note,
    }
    saved = _write_todays_checkin(user, local_today(user, now), fields)
    checkin = saved.checkin
    couple, _partner = couple_and_partner(user)
    if checkin.share_needs and checkin.asks_for_help:
        events.announce(
            kind="partner_request", actor=user, couple=couple, occasion=f"checkin-{checkin.pk}"
        )
    else:
        events.changed(couple)
    return saved


def _write_todays_checkin(user, day: dt.date, fields: dict) -> SavedCheckIn:
    """Update the day's check-in, locked first, or create it: the note about to be replaced
    is neither read nor decrypted. Two first check-ins at once end as one, edited."""
    checkin = _checkin_to_save(user, day)
    if checkin is None:
        try:
            with transaction.atomic():
                return SavedCheckIn(
                    CheckIn.objects.create(user=user, local_date=day, **fields), is_new=True
                )
        except IntegrityError:
            checkin = _checkin_to_save(user, day)
            if checkin is None:
                raise
    for name, value in fields.items():
        setattr(checkin, name, value)
    checkin.updated_at = timezone.now()
    if not compiled.checkin_edit((*fields, "updated_at")).run({"checkin": checkin}):
        raise DatabaseError("The check-in to update was not found.")
    return SavedCheckIn(checkin, is_new=False)


def _checkin_to_save(user, day: dt.date) -> CheckIn | None:
    """The person's check-in of ``day``, locked, its note left unread."""
    statement = compiled.checkin_of_day_to_save()
    rows = statement.rows({"viewer": user, "day": day})
    if not rows:
        return None
    return CheckIn.from_db(statement.alias, compiled.FIELDS_BUT_NOTE, rows[0])


@transaction.atomic
def respond_to_checkin(*, responder, checkin: CheckIn, kind: str, message: str = "") -> Response:
    """Answer a partner's shared request with a one-tap response or a short message."""
    couple = active_couple_for(responder)
    if couple is None or partner_of(responder) != checkin.user:
        raise CheckInError("You can only respond to your partner's check-in.")
    if not (checkin.share_needs and checkin.asks_for_help):
        raise CheckInError("This check-in has no request to respond to.")
    if kind not in Response.Kind.values:
        raise CheckInError("Please pick one of the responses.")
    message = message.strip()
    if kind == Response.Kind.MESSAGE:
        if not message:
            raise CheckInError("Write a few words before sending.")
        if len(message) > MESSAGE_MAX_LENGTH:
            raise CheckInError(f"A message can be at most {MESSAGE_MAX_LENGTH} characters.")
    else:
        message = ""
    # Taps on two devices at once answer one after the other, so the second sees the first.
    CheckIn.objects.select_for_update().filter(pk=checkin.pk).first()
    same = _same_response_just_sent(checkin, responder, kind, message)
    if same is not None:
        return same
    response = Response.objects.create(
        checkin=checkin, couple=couple, responder=responder, kind=kind, message=message
    )
    events.announce(
        kind="response", actor=responder, couple=couple, occasion=f"response-{response.pk}"
    )
    return response


def _same_response_just_sent(checkin: CheckIn, responder, kind: str, message: str):
    """The same response from the same person within a minute (a second tap), if any."""
    since = timezone.now() - DUPLICATE_RESPONSE_WINDOW
    recent = Response.objects.filter(
        checkin=checkin, responder=responder, kind=kind, created_at__gte=since
    ).order_by("-created_at")
    return next((earlier for earlier in recent if earlier.message == message), None)
