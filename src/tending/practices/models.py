from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from tending.core.fields import EncryptedTextField
from tending.practices.breathing import PATTERNS

ANSWER_MAX_LENGTH = 2000
MESSAGE_MAX_LENGTH = 1000
APPRECIATION_MAX_LENGTH = 500
NOTES_MAX_LENGTH = 4000
RITUAL_TITLE_MAX_LENGTH = 120


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
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "question_id"], name="one_favourite_each")
        ]

    def __str__(self) -> str:
        return f"{self.question_id} saved by {self.user}"


class Appreciation(models.Model):
    """An "I appreciate you for…" note from one partner to the other."""

    class Reaction(models.TextChoices):
        HEART = "heart", "This warms my heart"
        THANKS = "thanks", "Thank you"
        SMILE = "smile", "You made me smile"
        HUG = "hug", "Sending a hug back"

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appreciations_given"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appreciations_received"
    )
    text = EncryptedTextField(max_length=APPRECIATION_MAX_LENGTH)
    reaction = models.CharField(max_length=10, choices=Reaction.choices, blank=True)
    reacted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["couple", "-created_at"])]

    def __str__(self) -> str:
        return f"Appreciation from {self.author}"


class Conversation(models.Model):
    """A guided conversation for two, with the state both devices follow."""

    class Kind(models.TextChoices):
        STRESS = "stress", "Stress-reducing conversation"
        SPEAKER_LISTENER = "speaker_listener", "Speaker and listener"
        MEETING = "meeting", "Weekly check-in meeting"

    class Status(models.TextChoices):
        READY = "ready", "Ready to begin"
        RUNNING = "running", "Under way"
        DONE = "done", "Completed"

    couple = models.ForeignKey(
        "couples.Couple", on_delete=models.CASCADE, related_name="conversations"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.READY)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    first_speaker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    second_speaker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    turn_seconds = models.PositiveIntegerField(default=600)
    turn = models.PositiveSmallIntegerField(default=0)
    turn_started_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    local_date = models.DateField()
    appreciations_notes = EncryptedTextField(blank=True, max_length=NOTES_MAX_LENGTH)
    went_well_notes = EncryptedTextField(blank=True, max_length=NOTES_MAX_LENGTH)
    work_on_notes = EncryptedTextField(blank=True, max_length=NOTES_MAX_LENGTH)
    support_notes = EncryptedTextField(blank=True, max_length=NOTES_MAX_LENGTH)
    notes_version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["couple", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.couple} on {self.local_date}"


class PracticeLog(models.Model):
    """One person's record of a completed practice, with how it felt if they said."""

    class Kind(models.TextChoices):
        STRESS = "stress", "Stress-reducing conversation"
        SPEAKER_LISTENER = "speaker_listener", "Speaker and listener"
        MEETING = "meeting", "Weekly check-in meeting"
        BREATHING = "breathing", "Paced breathing"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_logs"
    )
    couple = models.ForeignKey(
        "couples.Couple", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    conversation = models.ForeignKey(
        Conversation, on_delete=models.SET_NULL, null=True, blank=True, related_name="logs"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    local_date = models.DateField()
    detail = models.CharField(max_length=120, blank=True)
    feeling = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_at"]
        indexes = [models.Index(fields=["user", "-completed_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} by {self.user} on {self.local_date}"


class BreathingInvite(models.Model):
    """An invitation to the partner to start the same breathing session now."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    pattern = models.CharField(max_length=10)
    minutes = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    joined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Breathing invite from {self.sender}"

    @property
    def pattern_title(self) -> str:
        pattern = PATTERNS.get(self.pattern)
        return pattern.title if pattern else self.pattern


class Ritual(models.Model):
    """A ritual of connection a couple chose, with how often they mean to do it."""

    class Rhythm(models.TextChoices):
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="rituals")
    title = models.CharField(max_length=RITUAL_TITLE_MAX_LENGTH)
    why = EncryptedTextField(blank=True)
    suggestion_key = models.CharField(max_length=80, blank=True)
    rhythm = models.CharField(max_length=10, choices=Rhythm.choices)
    times_per_period = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(14)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    stopped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.title


class RitualDone(models.Model):
    """One time a ritual was done, marked by either partner."""

    ritual = models.ForeignKey(Ritual, on_delete=models.CASCADE, related_name="marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    local_date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["ritual", "local_date"])]

    def __str__(self) -> str:
        return f"{self.ritual} on {self.local_date}"
