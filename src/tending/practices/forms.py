from django import forms

from tending.practices.breathing import DEFAULT_MINUTES, MINUTE_CHOICES, PATTERN_CHOICES
from tending.practices.models import (
    ANSWER_MAX_LENGTH,
    APPRECIATION_MAX_LENGTH,
    MESSAGE_MAX_LENGTH,
    NOTES_MAX_LENGTH,
    RITUAL_TITLE_MAX_LENGTH,
    Appreciation,
    Conversation,
    Ritual,
)
from tending.practices.services import (
    AGENDA_FIELDS,
    DEFAULT_TURN_SECONDS,
    MAX_TIMES_PER_PERIOD,
    turn_second_choices,
)

FEELING_CHOICES = [
    ("", "Rather not say"),
    ("1", "1 · Hard"),
    ("2", "2 · Uneasy"),
    ("3", "3 · Okay"),
    ("4", "4 · Good"),
    ("5", "5 · Close and calm"),
]


def duration_label(seconds: int) -> str:
    if seconds % 60 == 0:
        minutes = seconds // 60
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{seconds} seconds"


class AnswerForm(forms.Form):
    text = forms.CharField(
        label="Your answer",
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Please write your answer first."},
    )


class MessageForm(forms.Form):
    text = forms.CharField(
        label="Add to your conversation",
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Please write a message first."},
    )


class QuestionChoiceForm(forms.Form):
    question_id = forms.CharField(max_length=80)


class AppreciationForm(forms.Form):
    text = forms.CharField(
        label="I appreciate you for…",
        max_length=APPRECIATION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Please write what you appreciate first."},
    )


class ReactionForm(forms.Form):
    reaction = forms.ChoiceField(choices=Appreciation.Reaction.choices)


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


class FeelingForm(forms.Form):
    feeling = forms.TypedChoiceField(
        label="How did it feel?",
        choices=FEELING_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )


class BreathingForm(forms.Form):
    pattern = forms.ChoiceField(
        label="Pattern", choices=PATTERN_CHOICES, initial="slow", widget=forms.RadioSelect
    )
    minutes = forms.TypedChoiceField(
        label="How long", choices=MINUTE_CHOICES, coerce=int, initial=DEFAULT_MINUTES
    )


class BreathingLogForm(BreathingForm, FeelingForm):
    pass


class RitualForm(forms.Form):
    title = forms.CharField(
        label="Your own ritual",
        max_length=RITUAL_TITLE_MAX_LENGTH,
        error_messages={"required": "Please give the ritual a name."},
        help_text="For example: a phone-free dinner, a walk after work.",
    )
    rhythm = forms.ChoiceField(label="How often", choices=Ritual.Rhythm.choices, initial="weekly")
    times_per_period = forms.IntegerField(
        label="Times each day or week",
        min_value=1,
        max_value=MAX_TIMES_PER_PERIOD,
        initial=1,
        error_messages={"required": "Please say how many times."},
    )


class SuggestionForm(forms.Form):
    key = forms.CharField(max_length=80)
