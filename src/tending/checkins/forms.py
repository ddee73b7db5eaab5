import copy
from decimal import Decimal

from django import forms

from tending.checkins.feelings import EMOTION_WORDS, FEELINGS_WHEEL, NEEDS, SCALE_BY_KEY, SCALES
from tending.checkins.models import MESSAGE_MAX_LENGTH, NOTE_MAX_LENGTH, Response
from tending.checkins.services import CheckInInput

SLEEP_CHOICES = [("", "Not recorded")] + [
    (str(Decimal(half) / 2), f"{Decimal(half) / 2:g} h") for half in range(0, 29)
]


class FixedChoices:
    """For a choice field whose choices are the same in every form: each form copies its
    fields deeply, and this one's list of choices, and its widget's, is then shared rather
    than copied and checked again."""

    def __deepcopy__(self, memo):
        widget = copy.copy(self.widget)
        widget.attrs = self.widget.attrs.copy()
        memo[id(self.widget)] = widget
        return forms.Field.__deepcopy__(self, memo)


class FixedTypedChoiceField(FixedChoices, forms.TypedChoiceField):
    pass


class FixedMultipleChoiceField(FixedChoices, forms.MultipleChoiceField):
    pass


def scale_field(key: str) -> FixedTypedChoiceField:
    """A 1-to-5 scale asked with its question, each answer named by its word."""
    scale = SCALE_BY_KEY[key]
    return FixedTypedChoiceField(
        label=scale.question,
        choices=[(value, scale.label(value)) for value in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )


class CheckInForm(forms.Form):
    mood = scale_field("mood")
    stress = scale_field("stress")
    energy = scale_field("energy")
    connection = scale_field("connection")
    sleep_hours = FixedTypedChoiceField(
        label="Hours of sleep last night",
        choices=SLEEP_CHOICES,
        coerce=Decimal,
        empty_value=None,
        required=False,
    )
    emotions = FixedMultipleChoiceField(
        choices=[(word, word) for word in sorted(EMOTION_WORDS)],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    needs = FixedMultipleChoiceField(
        label="What would help today?",
        choices=NEEDS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label="Anything else? (optional)",
        max_length=NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    share_numbers = forms.BooleanField(label="Share my numbers", required=False)
    share_emotions = forms.BooleanField(label="Share my feelings", required=False)
    share_needs = forms.BooleanField(label="Share what would help", required=False)
    share_note = forms.BooleanField(label="Share my note", required=False)

    def clean(self):
        cleaned = super().clean()
        needs = cleaned.get("needs") or []
        if "nothing" in needs and len(needs) > 1:
            self.add_error("needs", "“Nothing today” cannot be combined with other requests.")
        return cleaned

    def scale_fields(self):
        """Each scale's field beside the scale, whose icons and colour tones its choices show."""
        return [{"field": self[scale.key], "scale": scale} for scale in SCALES]

    def sharing_fields(self):
        return [
            self[name] for name in ("share_numbers", "share_emotions", "share_needs", "share_note")
        ]

    def emotion_groups(self):
        """The feelings wheel with what is ticked, for the template's open/closed groups."""
        chosen = set(self["emotions"].value() or [])
        return [
            {
                "label": core.label,
                "key": core.key,
                "words": [(word, word in chosen) for word in core.words],
                "open": bool(chosen.intersection(core.words)),
            }
            for core in FEELINGS_WHEEL
        ]

    def to_input(self) -> CheckInInput:
        data = self.cleaned_data
        return CheckInInput(
            mood=data["mood"],
            stress=data["stress"],
            energy=data["energy"],
            connection=data["connection"],
            sleep_hours=data["sleep_hours"],
            emotions=tuple(data["emotions"]),
            needs=tuple(data["needs"]),
            note=data["note"],
            share_numbers=data["share_numbers"],
            share_emotions=data["share_emotions"],
            share_needs=data["share_needs"],
            share_note=data["share_note"],
        )


class ResponseForm(forms.Form):
    kind = forms.ChoiceField(choices=Response.Kind.choices)
    message = forms.CharField(
        label="Or write a few words",
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Response.Kind.MESSAGE and not cleaned.get("message", "").strip():
            self.add_error("message", "Write a few words before sending.")
        return cleaned
