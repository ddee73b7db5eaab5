import datetime as dt

from django import forms

from tending.reports.models import DEFAULT_SHARE_DAYS, MAX_SHARE_DAYS

DEFAULT_REPORT_DAYS = 90


class ReportForm(forms.Form):
    start_date = forms.DateField(
        label="From", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end_date = forms.DateField(
        label="To", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    include_checkins = forms.BooleanField(
        label="My daily check-ins (numbers, feelings, what would help)",
        required=False,
        initial=True,
    )
    include_notes = forms.BooleanField(label="My check-in notes", required=False)
    include_assessments = forms.BooleanField(label="My questionnaire results", required=False)
    include_practices = forms.BooleanField(
        label="Shared practices (name, day and how each felt to me; nothing my partner wrote)",
        required=False,
    )
    include_partner = forms.BooleanField(
        label="The numbers my partner shared with me, if they have agreed",
        required=False,
    )

    @classmethod
    def initial_for(cls, today: dt.date) -> dict:
        return {
            "start_date": today - dt.timedelta(days=DEFAULT_REPORT_DAYS - 1),
            "end_date": today,
            "include_checkins": True,
        }


class ShareLinkForm(forms.Form):
    expires_in_days = forms.IntegerField(
        label="The link works for (days)",
        min_value=1,
        max_value=MAX_SHARE_DAYS,
        initial=DEFAULT_SHARE_DAYS,
        help_text=f"From 1 to {MAX_SHARE_DAYS} days. You can revoke it at any time.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
