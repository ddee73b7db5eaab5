from django import forms

from tending.breathing.patterns import DEFAULT_MINUTES, MINUTE_CHOICES, PATTERN_CHOICES
from tending.practices.forms import FeelingForm


class BreathingForm(forms.Form):
    pattern = forms.ChoiceField(
        label="Pattern", choices=PATTERN_CHOICES, initial="slow", widget=forms.RadioSelect
    )
    minutes = forms.TypedChoiceField(
        label="How long", choices=MINUTE_CHOICES, coerce=int, initial=DEFAULT_MINUTES
    )


class BreathingLogForm(BreathingForm, FeelingForm):
    pass
