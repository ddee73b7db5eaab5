from django import forms

from tending.appreciations.models import APPRECIATION_MAX_LENGTH, Appreciation


class AppreciationForm(forms.Form):
    text = forms.CharField(
        label="I appreciate you for…",
        max_length=APPRECIATION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Please write what you appreciate first."},
    )


class ReactionForm(forms.Form):
    reaction = forms.ChoiceField(choices=Appreciation.Reaction.choices)
