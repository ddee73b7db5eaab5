from django import forms

from tending.api.models import TOKEN_NAME_MAX_LENGTH


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name",
        help_text="What will use it, e.g. “my notes app”.",
        max_length=TOKEN_NAME_MAX_LENGTH,
        error_messages={"required": "Give the token a name, so you know later what uses it."},
    )
