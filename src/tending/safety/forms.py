from django import forms

from tending.safety.models import PLAN_FIELD_MAX_LENGTH
from tending.safety.plan import PLAN_SECTIONS


class SafetyPlanForm(forms.Form):
    shared_with_partner = forms.BooleanField(
        label="Let my partner read my plan", required=False, initial=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section in PLAN_SECTIONS:
            self.fields[section.key] = forms.CharField(
                label=section.title,
                help_text=f"{section.prompt} {section.example}",
                required=False,
                max_length=PLAN_FIELD_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.order_fields([*(section.key for section in PLAN_SECTIONS), "shared_with_partner"])

    def section_fields(self):
        return [self[section.key] for section in PLAN_SECTIONS]

    def sections(self) -> dict[str, str]:
        return {section.key: self.cleaned_data[section.key] for section in PLAN_SECTIONS}
