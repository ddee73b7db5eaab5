"""Questions for two: the day's question, private answers revealed together, threads.

The tables keep the names they had in the practices app, so no row moved."""

from django.conf import settings
from django.db import models

from tending.core.fields import EncryptedTextField

ANSWER_MAX_LENGTH = 2000
MESSAGE_MAX_LENGTH = 1000


class QuestionDay(models.Model):
    """A couple's own choice of question for one day, replacing the day's usual question."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    question_id = models.CharField(max_length=80)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    skips = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "practices_questionday"
        constraints = [
            models.UniqueConstraint(fields=["couple", "day"], name="one_question_per_couple_day")
        ]

    def __str__(self) -> str:
        return f"{self.question_id} for {self.couple} on {self.day}"


class Answer(models.Model):
    """One partner's private answer to a question, revealed only once both have answered."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    question_id = models.CharField(max_length=80)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_answers"
    )
    text = EncryptedTextField(max_length=ANSWER_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "practices_answer"
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "question_id", "user"], name="one_answer_per_person"
            )
        ]
        indexes = [models.Index(fields=["couple", "-created_at"])]

    def __str__(self) -> str:
        return f"Answer of {self.user} to {self.question_id}"


class QuestionMessage(models.Model):
    """A message in the two-person thread under a revealed question."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    question_id = models.CharField(max_length=80)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = EncryptedTextField(max_length=MESSAGE_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "practices_questionmessage"
        ordering = ["created_at"]
        indexes = [models.Index(fields=["couple", "question_id"])]

    def __str__(self) -> str:
        return f"Message of {self.author} on {self.question_id}"


class FavouriteQuestion(models.Model):
    """A question one person saved to come back to."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourite_questions"
    )
    question_id = models.CharField(max_length=80)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "practices_favouritequestion"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "question_id"], name="one_favourite_each")
        ]

    def __str__(self) -> str:
        return f"{self.question_id} saved by {self.user}"
