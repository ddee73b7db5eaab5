from django import forms

FEELING_CHOICES = [
    ("", "Rather not say"),
    ("1", "1 · Hard"),
    ("2", "2 · Uneasy"),
    ("3", "3 · Okay"),
    ("4", "4 · Good"),
    ("5", "5 · Close and calm"),
]


class FeelingForm(forms.Form):
    feeling = forms.TypedChoiceField(
        label="How did it feel?",
        choices=FEELING_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )
