"""Notification preferences: what of the partner's actions to hear of and how, quiet hours
and reminders; and the devices notifications go to. Only ever the caller's own. Changes are
checked by the settings page's own rules and saved by the notifications services."""

import datetime as dt
import re
from typing import Annotated, Literal

from ninja import Field, Router, Schema
from ninja.errors import ValidationError
from pydantic import AfterValidator

from tending.api.auth import WRITE
from tending.api.conventions import ERRORS, Strict, Whole, local
from tending.notifications import kinds, selectors, services
from tending.notifications.forms import InvalidSettings, email_field_name

router = Router(tags=["notifications"])

EventKind = Literal[kinds.EVENT_KIND_KEYS]  # type: ignore[valid-type]
EmailChoice = Literal[kinds.EMAIL_NOW, kinds.EMAIL_DIGEST]
Weekday = Annotated[Whole, Field(ge=0, le=6)]
# ISO 8601 local time of day, to the minute or the second.
CLOCK_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"


def whole_clock(value: str) -> str:
    """The pattern, over the whole text (Python's ``$`` also matches before a final newline)."""
    if not re.fullmatch(CLOCK_PATTERN, value):
        raise ValueError("Write the time as HH:MM.")
    return value


Clock = Annotated[str, Field(pattern=CLOCK_PATTERN), AfterValidator(whole_clock)]
KIND_COUNT = len(kinds.EVENT_KIND_KEYS)
WEEKDAYS = Field(
    max_length=7, description="Weekdays, Monday = 0 to Sunday = 6; empty for no reminder."
)
PUSH_KINDS = Field(
    max_length=KIND_COUNT, description="Your partner's actions you hear of on your devices."
)
EMAIL_KINDS = Field(
    max_length=KIND_COUNT,
    description="Your partner's actions you hear of by e-mail: `now` for an e-mail straight "
    "away, `digest` for your daily e-mail; a kind left out gets no e-mail.",
)
MEETING_DAY = Field(
    description="The weekday of your weekly meeting reminder, or null for none. It is kept "
    "only once your couple has held a weekly meeting (as on the settings page)."
)
SNOOZED = Field(description="No reminders today, as “Not today” on a reminder does.")


class QuietHours(Strict):
    start: Clock = Field(examples=["22:00"])
    end: Clock = Field(
        description="May be the next morning, e.g. 22:00 to 07:00.", examples=["07:00"]
    )


class PreferencesOut(Schema):
    push_kinds: list[EventKind]
    email_kinds: dict[EventKind, EmailChoice]
    quiet_hours: QuietHours | None = Field(
        description="When nothing is sent (held until they end); null when off."
    )
    hard_time_through_quiet: bool = Field(
        description="Let “I'm having a hard time” through quiet hours."
    )
    digest_time: Clock = Field(description="When your daily e-mail goes out.")
    reminder_time: Clock = Field(description="When your reminders come.")
    checkin_reminder_days: list[int]
    meeting_reminder_day: int | None
    questionnaire_reminders: bool = Field(
        description="Remind you when a questionnaire is due on your schedule."
    )
    snoozed: bool = SNOOZED
    next_reminder_at: dt.datetime | None = Field(description="When your next reminder is due.")
    updated_at: dt.datetime | None = Field(description="Null while you keep the defaults.")


class PreferencesIn(Strict):
    """All your choices; `snoozed` left out stays as it is."""

    push_kinds: list[EventKind] = PUSH_KINDS
    email_kinds: dict[EventKind, EmailChoice] = EMAIL_KINDS
    quiet_hours: QuietHours | None
    hard_time_through_quiet: bool
    digest_time: Clock
    reminder_time: Clock
    checkin_reminder_days: list[Weekday] = WEEKDAYS
    meeting_reminder_day: Weekday | None = MEETING_DAY
    questionnaire_reminders: bool
    snoozed: bool = Field(None, description=SNOOZED.description)


class PreferencesPatch(Strict):
    """Only what is sent changes."""

    push_kinds: list[EventKind] = Field(None, max_length=KIND_COUNT)
    email_kinds: dict[EventKind, EmailChoice] = Field(None, max_length=KIND_COUNT)
    quiet_hours: QuietHours | None = None
    hard_time_through_quiet: bool = Field(None)
    digest_time: Clock = Field(None)
    reminder_time: Clock = Field(None)
    checkin_reminder_days: list[Weekday] = Field(None, max_length=7)
    meeting_reminder_day: Weekday | None = None
    questionnaire_reminders: bool = Field(None)
    snoozed: bool = Field(None)


class DeviceOut(Schema):
    id: int
    name: str
    push_service: str = Field(description="The host of the browser's push service.")
    created_at: dt.datetime
    last_sent_at: dt.datetime | None


RULES = (
    "Quiet hours start and end at different times, and a reminder time (while any reminder "
    "is on) lies outside them; otherwise 422 says which field, as the settings page does."
)


def clock(moment: dt.time | None) -> str | None:
    if moment is None:
        return None
    return moment.isoformat(timespec="minutes" if not moment.second else "seconds")


def preferences_out(preferences, user) -> dict:
    quiet = preferences.quiet_start is not None and preferences.quiet_end is not None
    return {
        "push_kinds": [kind for kind in kinds.EVENT_KIND_KEYS if kind in preferences.push_kinds],
        "email_kinds": preferences.email_kinds,
        "quiet_hours": {
            "start": clock(preferences.quiet_start),
            "end": clock(preferences.quiet_end),
        }
        if quiet
        else None,
        "hard_time_through_quiet": preferences.hard_time_through_quiet,
        "digest_time": clock(preferences.digest_time),
        "reminder_time": clock(preferences.reminder_time),
        "checkin_reminder_days": preferences.checkin_reminder_days,
        "meeting_reminder_day": preferences.meeting_reminder_day,
        "questionnaire_reminders": preferences.questionnaire_reminders,
        "snoozed": selectors.is_snoozed(preferences, user),
        "next_reminder_at": local(preferences.next_reminder_at, user),
        "updated_at": local(preferences.updated_at, user),
    }


def _field_of(form_field: str) -> str:
    """The request field a settings-page field's message is about."""
    if form_field in ("__all__", "quiet_hours", "quiet_start", "quiet_end"):
        return "quiet_hours"
    for kind in kinds.EVENT_KIND_KEYS:
        if form_field == email_field_name(kind):
            return f"email_kinds.{kind}"
    return form_field


def _save(user, choices: dict):
    """Save ``choices`` (the request's shape) through the notifications services."""
    quiet = choices["quiet_hours"]
    values = {
        **{key: value for key, value in choices.items() if key not in ("quiet_hours", "snoozed")},
        "quiet_start": quiet["start"] if quiet else None,
        "quiet_end": quiet["end"] if quiet else None,
    }
    try:
        return services.change_settings(user=user, values=values, snoozed=choices.get("snoozed"))
    except InvalidSettings as invalid:
        raise ValidationError(
            [
                {"loc": ["body", "payload", _field_of(name)], "msg": message}
                for name, found in invalid.errors.items()
                for message in found
            ]
        ) from invalid


@router.get(
    "/notifications/preferences",
    response={200: PreferencesOut, **ERRORS},
    summary="My notification preferences",
    description="What of your partner's actions you hear of and how, your quiet hours and "
    "your reminders; the defaults until you change them.",
)
def read_notification_preferences(request):
    return preferences_out(selectors.settings_for(request.auth), request.auth)


@router.put(
    "/notifications/preferences",
    auth=WRITE,
    response={200: PreferencesOut, **ERRORS},
    summary="Set my notification preferences",
    description=f"Replace all your choices, as the settings page saves them. {RULES}",
)
def write_notification_preferences(request, payload: PreferencesIn):
    return preferences_out(_save(request.auth, payload.model_dump()), request.auth)


@router.patch(
    "/notifications/preferences",
    auth=WRITE,
    response={200: PreferencesOut, **ERRORS},
    summary="Change some of my notification preferences",
    description=f"Change only the choices sent; the others stay. {RULES}",
)
def edit_notification_preferences(request, payload: PreferencesPatch):
    current = preferences_out(selectors.settings_for(request.auth), request.auth)
    for derived in ("snoozed", "next_reminder_at", "updated_at"):
        del current[derived]
    changes = payload.model_dump(exclude_unset=True)
    return preferences_out(_save(request.auth, {**current, **changes}), request.auth)


@router.get(
    "/notifications/devices",
    response={200: list[DeviceOut], **ERRORS},
    summary="My devices",
    description="The browsers and phones your notifications go to, oldest first. Turn "
    "notifications on or off on a device from the settings page in its browser.",
)
def list_notification_devices(request):
    return [
        {
            "id": device.pk,
            "name": device.name,
            "push_service": device.service_host,
            "created_at": local(device.created_at, request.auth),
            "last_sent_at": local(device.last_sent_at, request.auth),
        }
        for device in selectors.devices_of(request.auth)
    ]
