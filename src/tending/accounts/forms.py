from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    BaseUserCreationForm,
    PasswordResetForm,
)

from tending.accounts.models import User
from tending.core.timezones import is_valid_zone, zone_names


def zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in zone_names()]


class TimeZoneField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=zone_choices, **kwargs)

    def validate(self, value):
        super().validate(value)
        if value and not is_valid_zone(value):
            raise forms.ValidationError("Please pick a time zone from the list.")


class SignupForm(BaseUserCreationForm):
    timezone = TimeZoneField(
        label="Time zone",
        initial="UTC",
        help_text="Your day starts at midnight here. We fill it in from your device.",
        widget=forms.Select(attrs={"data-browser-default": "true"}),
    )

    class Meta:
        model = User
        fields = ("display_name", "email", "timezone", "country")
        labels = {"display_name": "Your name", "email": "E-mail"}
        help_texts = {"display_name": "What your partner will see. A first name is fine."}
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                "An account with this e-mail already exists. Log in, or reset your password."
            )
        return email


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label="E-mail", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )
    error_messages = {
        "invalid_login": "That e-mail and password do not match. Please try again.",
        "inactive": "This account is not active.",
    }

    def clean_username(self):
        """Addresses are stored lowercase; phones often capitalise the first letter."""
        return self.cleaned_data["username"].strip().lower()


def login_attempt_username(request, credentials=None) -> str | None:
    """The address a log-in attempt was for, lowercase, so throttling ignores letter case."""
    source = credentials if credentials is not None else getattr(request, "POST", {})
    username = source.get("username")
    return username.strip().lower() if username else None


class ProfileForm(forms.ModelForm):
    timezone = TimeZoneField(label="Time zone")

    class Meta:
        model = User
        fields = ("display_name", "timezone", "country", "language")
        labels = {"display_name": "Your name", "country": "Country"}
        help_texts = {
            "display_name": "What your partner sees.",
            "country": "We show the crisis lines for this country first.",
        }


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label="I understand that my check-ins, notes and messages will be deleted for good."
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your current password.")
        return password


class ResetRequestForm(PasswordResetForm):
    """Asks for the e-mail address with the same label as signing up and logging in."""

    email = forms.EmailField(
        label="E-mail",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
