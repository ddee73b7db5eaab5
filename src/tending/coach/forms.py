from django import forms

from tending.checkins.feelings import EMOTION_WORDS, FEELINGS_WHEEL
from tending.coach.models import GENTLE_MESSAGE_MAX_LENGTH
from tending.coach.statements import IStatementParts

MESSAGE_MAX_LENGTH = 2000
STEP_MAX_LENGTH = 300


class MessageForm(forms.Form):
    message = forms.CharField(
        label="What do you want to say?",
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Type or paste a message to look at it together."},
    )


class IStatementForm(forms.Form):
    feeling = forms.ChoiceField(
        label="How do you feel?",
        choices=[(word, word) for word in sorted(EMOTION_WORDS)],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Please pick a feeling from the list."},
    )
    situation = forms.CharField(
        label="What happened?",
        help_text=(
            "One moment, the way a camera would have seen it, without judging: "
            "“the dishes were still in the sink when I got home”."
        ),
        max_length=STEP_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    need = forms.CharField(
        label="What do you need?",
        help_text="Say what you would love, not what you don't want: “some time together”.",
        max_length=STEP_MAX_LENGTH,
        required=False,
    )
    request = forms.CharField(
        label="A small request",
        help_text="Something your partner could do soon: “sit with me after dinner”.",
        max_length=STEP_MAX_LENGTH,
        required=False,
    )
    statement = forms.CharField(
        label="Your message",
        help_text="Change any words you like before you copy or send it.",
        max_length=GENTLE_MESSAGE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def parts(self) -> IStatementParts:
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        return IStatementParts(
            feeling=data.get("feeling") or "",
            situation=data.get("situation") or "",
            need=data.get("need") or "",
            request=data.get("request") or "",
        )

    def feeling_groups(self):
        """The feelings wheel with the chosen word, for open and closed groups."""
        chosen = self["feeling"].value() or ""
        return [
            {
                "label": core.label,
                "key": core.key,
                "words": [(word, word == chosen) for word in core.words],
                "open": chosen in core.words,
            }
            for core in FEELINGS_WHEEL
        ]
