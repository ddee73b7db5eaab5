from django import forms

from tending.assessments import scoring
from tending.assessments.models import Sharing
from tending.assessments.services import MAX_EVERY_DAYS, MIN_EVERY_DAYS


def field_name(item: scoring.Item) -> str:
    return f"item_{item.number}"


class QuestionnaireForm(forms.Form):
    """One radio group per item, in the published order, with the published options."""

    def __init__(self, instrument: scoring.Instrument, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        for item in instrument.all_items:
            self.fields[field_name(item)] = forms.TypedChoiceField(
                label=item.text,
                choices=[(option.value, option.label) for option in item.options],
                coerce=int,
                empty_value=None,
                required=item.required,
                widget=forms.RadioSelect,
                error_messages={"required": "Please choose an answer."},
            )

    def clean(self):
        cleaned = super().clean()
        missing = [
            str(position)
            for position, item in enumerate(self.instrument.all_items, start=1)
            if item.required and cleaned.get(field_name(item)) is None
        ]
        if missing:
            which = missing[0] if len(missing) == 1 else ", ".join(missing[:-1])
            if len(missing) > 1:
                which += f" and {missing[-1]}"
            noun = "question" if len(missing) == 1 else "questions"
            raise forms.ValidationError(
                f"Please answer {noun} {which}. Your other answers are kept."
            )
        return cleaned

    def answers(self) -> dict[int, int]:
        return {
            item.number: self.cleaned_data[field_name(item)]
            for item in self.instrument.all_items
            if self.cleaned_data.get(field_name(item)) is not None
        }

    def items(self):
        """Each item with its bound field and position, for the template."""
        total = len(self.instrument.all_items)
        return [
            {
                "item": item,
                "field": self[field_name(item)],
                "position": position,
                "total": total,
            }
            for position, item in enumerate(self.instrument.all_items, start=1)
        ]


class SharingForm(forms.Form):
    sharing = forms.ChoiceField(choices=Sharing.choices, widget=forms.RadioSelect)


class ScheduleForm(forms.Form):
    """For each questionnaire: whether to be reminded, and every how many days."""

    def __init__(self, rows, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            key = row.instrument.key
            self.fields[f"{key}_active"] = forms.BooleanField(
                label=f"Remind me to take the {row.instrument.short_name}",
                required=False,
                initial=row.active,
            )
            self.fields[f"{key}_every_days"] = forms.IntegerField(
                label="Every how many days",
                min_value=MIN_EVERY_DAYS,
                max_value=MAX_EVERY_DAYS,
                initial=row.every_days,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )

    def choices(self) -> dict[str, tuple[bool, int]]:
        return {
            row.instrument.key: (
                self.cleaned_data[f"{row.instrument.key}_active"],
                self.cleaned_data[f"{row.instrument.key}_every_days"],
            )
            for row in self.rows
        }

    def groups(self):
        return [
            {
                "row": row,
                "active": self[f"{row.instrument.key}_active"],
                "every_days": self[f"{row.instrument.key}_every_days"],
            }
            for row in self.rows
        ]
