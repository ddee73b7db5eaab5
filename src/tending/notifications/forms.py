from types import SimpleNamespace

from django import forms

from tending.notifications import kinds
from tending.notifications.models import DEVICE_NAME_MAX_LENGTH, ENDPOINT_MAX_LENGTH

DAYS = (
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
)
EMAIL_OFF = ""
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def email_field_name(kind: str) -> str:
    return f"email_{kind}"


class SettingsForm(forms.Form):
    """Which of the partner's actions to hear of and how, quiet hours, and reminders."""

    push_kinds = forms.MultipleChoiceField(
        label="Notifications on this and your other devices",
        choices=[(kind.key, kind.label) for kind in kinds.EVENT_KINDS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    quiet_hours = forms.BooleanField(label="Quiet hours", required=False)
    quiet_start = forms.TimeField(label="From", required=False, widget=TIME_INPUT)
    quiet_end = forms.TimeField(label="Until", required=False, widget=TIME_INPUT)
    hard_time_through_quiet = forms.BooleanField(
        label="Let “I'm having a hard time” through quiet hours", required=False
    )
    digest_time = forms.TimeField(label="Daily e-mail at", widget=TIME_INPUT)
    reminder_time = forms.TimeField(label="Remind me at", widget=TIME_INPUT)
    checkin_reminder_days = forms.TypedMultipleChoiceField(
        label="Check-in reminder on",
        choices=DAYS,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Only on days you have not checked in yet by then.",
    )
    meeting_reminder_day = forms.TypedChoiceField(
        label="Weekly meeting reminder",
        choices=[("", "Off"), *DAYS],
        coerce=int,
        empty_value=None,
        required=False,
    )
    questionnaire_reminders = forms.BooleanField(
        label="Remind me when a questionnaire is due on my schedule", required=False
    )

    def __init__(self, *args, holds_meetings: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds.EVENT_KINDS:
            self.fields[email_field_name(kind.key)] = forms.ChoiceField(
                label=kind.label,
                choices=[(EMAIL_OFF, "No e-mail"), *kinds.EMAIL_CHOICES],
                required=False,
            )
        if not holds_meetings:
            del self.fields["meeting_reminder_day"]

    @classmethod
    def initial_from(cls, preferences) -> dict:
        initial = {
            "push_kinds": preferences.push_kinds,
            "quiet_hours": preferences.quiet_start is not None,
            "quiet_start": preferences.quiet_start,
            "quiet_end": preferences.quiet_end,
            "hard_time_through_quiet": preferences.hard_time_through_quiet,
            "digest_time": preferences.digest_time,
            "reminder_time": preferences.reminder_time,
            "checkin_reminder_days": preferences.checkin_reminder_days,
            "meeting_reminder_day": preferences.meeting_reminder_day,
            "questionnaire_reminders": preferences.questionnaire_reminders,
        }
        for kind in kinds.EVENT_KINDS:
            initial[email_field_name(kind.key)] = preferences.email_kinds.get(kind.key, EMAIL_OFF)
        return initial

    def email_fields(self):
        return [self[email_field_name(kind.key)] for kind in kinds.EVENT_KINDS]

    def clean(self):
        data = super().clean()
        if data.get("quiet_hours"):
            start, end = data.get("quiet_start"), data.get("quiet_end")
            if start is None or end is None:
                raise forms.ValidationError("Quiet hours need a start and an end time.")
            if start == end:
                raise forms.ValidationError("Quiet hours need to start and end at different times.")
            reminding = (
                data.get("checkin_reminder_days")
                or data.get("meeting_reminder_day") is not None
                or data.get("questionnaire_reminders")
            )
            reminder_time = data.get("reminder_time")
            if reminding and reminder_time and kinds.time_in_window(reminder_time, start, end):
                self.add_error(
                    "reminder_time",
                    "This time is inside your quiet hours. Pick a time outside them.",
                )
        return data

    def values(self) -> dict:
        """The validated choices, as the settings model holds them."""
        data = self.cleaned_data
        quiet = data["quiet_hours"]
        return {
            "push_kinds": list(data["push_kinds"]),
            "email_kinds": {
                kind.key: data[email_field_name(kind.key)]
                for kind in kinds.EVENT_KINDS
                if data.get(email_field_name(kind.key))
            },
            "quiet_start": data["quiet_start"] if quiet else None,
            "quiet_end": data["quiet_end"] if quiet else None,
            "hard_time_through_quiet": data["hard_time_through_quiet"],
            "digest_time": data["digest_time"],
            "reminder_time": data["reminder_time"],
            "checkin_reminder_days": sorted(set(data["checkin_reminder_days"])),
            "meeting_reminder_day": data.get("meeting_reminder_day"),
            "questionnaire_reminders": data["questionnaire_reminders"],
        }


class InvalidSettings(ValueError):
    """Choices the settings page refuses; ``errors`` holds each form field's messages
    (``__all__`` for those about the quiet hours as a whole)."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(message for found in errors.values() for message in found))
        self.errors = errors


def checked_settings(values: dict, *, holds_meetings: bool) -> dict:
    """Choices given as the settings model holds them, checked by the settings page's own
    rules and returned as that page would save them; raises ``InvalidSettings``."""
    form = SettingsForm(
        SettingsForm.initial_from(SimpleNamespace(**values)), holds_meetings=holds_meetings
    )
    if not form.is_valid():
        raise InvalidSettings({name: list(found) for name, found in form.errors.items()})
    return form.values()


class DeviceForm(forms.Form):
    """A push subscription as the page's script sends it."""

    endpoint = forms.CharField(max_length=ENDPOINT_MAX_LENGTH)
    p256dh = forms.CharField(max_length=100)
    auth = forms.CharField(max_length=40)
    name = forms.CharField(max_length=DEVICE_NAME_MAX_LENGTH, required=False)
