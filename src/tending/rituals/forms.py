from django import forms

from tending.rituals.models import RITUAL_TITLE_MAX_LENGTH, Ritual
from tending.rituals.services import MAX_TIMES_PER_PERIOD


class RitualForm(forms.Form):
    title = forms.CharField(
        label="Your own ritual",
        max_length=RITUAL_TITLE_MAX_LENGTH,
        error_messages={"required": "Please give the ritual a name."},
        help_text="For example: a phone-free dinner, a walk after work.",
    )
    rhythm = forms.ChoiceField(label="How often", choices=Ritual.Rhythm.choices, initial="weekly")
    times_per_period = forms.IntegerField(
        label="Times each day or week",
        min_value=1,
        max_value=MAX_TIMES_PER_PERIOD,
        initial=1,
        error_messages={"required": "Please say how many times."},
    )


class SuggestionForm(forms.Form):
    key = forms.CharField(max_length=80)
