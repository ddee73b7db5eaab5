from django import forms

from tending.learn.models import REFLECTION_MAX_LENGTH


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label="Your reflection",
        max_length=REFLECTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Please write your reflection first."},
    )
