from django import forms

from tending.security.models import PASSKEY_NAME_MAX_LENGTH


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=40,
        help_text="The 6 digits your authenticator app shows, or one of your recovery codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
        error_messages={"required": "Type the code first."},
    )


class ConfirmAppForm(forms.Form):
    code = forms.CharField(
        label="The 6-digit code your app shows",
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"required": "Type the code your app shows."},
    )


class PasskeyNameForm(forms.Form):
    name = forms.CharField(
        label="Name this passkey",
        max_length=PASSKEY_NAME_MAX_LENGTH,
        required=False,
        help_text="So you know it later, e.g. “my phone”.",
    )
