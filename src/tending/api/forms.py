from django import forms

from tending.api.models import TOKEN_NAME_MAX_LENGTH, Scope
from tending.api.services import EXPIRY_DAYS

EXPIRY_CHOICES = [("", "Never")] + [
    (str(days), f"In {days} days" if days < 365 else "In a year") for days in EXPIRY_DAYS
]


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name",
        help_text="What will use it, e.g. “my notes app”.",
        max_length=TOKEN_NAME_MAX_LENGTH,
        error_messages={"required": "Give the token a name, so you know later what uses it."},
    )
    scopes = forms.MultipleChoiceField(
        label="It may",
        choices=Scope.choices,
        initial=[Scope.READ],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one thing the token may do."},
        help_text="Give a program only what it needs.",
    )
    expires_in_days = forms.TypedChoiceField(
        label="It stops working",
        choices=EXPIRY_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        initial="90",
    )
