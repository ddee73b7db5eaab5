from django import forms

from tending.conversations.models import NOTES_MAX_LENGTH, Conversation
from tending.conversations.services import AGENDA_FIELDS, DEFAULT_TURN_SECONDS, turn_second_choices


def duration_label(seconds: int) -> str:
    if seconds % 60 == 0:
        minutes = seconds // 60
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{seconds} seconds"


class ConversationStartForm(forms.Form):
    kind = forms.ChoiceField(
        label="Which conversation?", choices=Conversation.Kind.choices, widget=forms.RadioSelect
    )
    turn_seconds = forms.TypedChoiceField(
        label="Length of each turn",
        coerce=int,
        required=False,
        empty_value=DEFAULT_TURN_SECONDS,
        help_text="For the stress-reducing conversation. You can always switch early.",
    )
    first_speaker = forms.ChoiceField(
        label="Who speaks first?",
        choices=[("me", "I do"), ("partner", "My partner does")],
        initial="me",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, partner_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if partner_name:
            self.fields["first_speaker"].choices = [("me", "I do"), ("partner", partner_name)]
        self.fields["turn_seconds"].choices = [
            (seconds, duration_label(seconds)) for seconds in turn_second_choices()
        ]
        self.fields["turn_seconds"].initial = DEFAULT_TURN_SECONDS


class AdvanceForm(forms.Form):
    from_turn = forms.IntegerField(min_value=0)


class NotesForm(forms.Form):
    field = forms.ChoiceField(choices=[(name, name) for name in AGENDA_FIELDS])
    text = forms.CharField(required=False, strip=False)

    def clean_text(self):
        text = self.cleaned_data["text"]
        if len(text) > NOTES_MAX_LENGTH:
            raise forms.ValidationError(
                f"These notes are too long to save: please keep them under "
                f"{NOTES_MAX_LENGTH:,} characters. What you typed is still in the box."
            )
        return text
