from django import forms

from tending.questions.models import ANSWER_MAX_LENGTH, MESSAGE_MAX_LENGTH


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
