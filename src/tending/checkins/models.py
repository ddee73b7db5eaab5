from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from tending.checkins.feelings import NEED_LABELS, SCALE_BY_KEY, requests_help
from tending.core.fields import EncryptedTextField

NOTE_MAX_LENGTH = 2000
MESSAGE_MAX_LENGTH = 500

scale_validators = [MinValueValidator(1), MaxValueValidator(5)]


def seen_by_partner_condition(couple, owner) -> Q:
    """The partner-visibility rule: ``owner``'s check-ins their partner in ``couple`` may
    open are those from the owner's own local day the couple began. Which parts of each
    the partner sees is that check-in's own sharing. A condition, so that a query asking
    for the viewer's own check-ins too is one filter: two querysets joined with ``|`` give
    the same SQL but cost the ORM more to build."""
    return seen_by_partner_from(owner, couple.first_day_for(owner))


def seen_by_partner_from(owner, first_day) -> Q:
    """The same rule given the owner's first day in the couple (``Couple.first_day_for``);
    both may be values bound at each run of a statement compiled once (``core.statements``)."""
    return Q(user=owner, local_date__gte=first_day)


def sharing_something_condition() -> Q:
    return Q(share_numbers=True) | Q(share_emotions=True) | Q(share_needs=True) | Q(share_note=True)


def sharing_nothing_condition() -> Q:
    """The check-ins ``sharing_something_condition`` leaves out (the four are never null)."""
    return Q(share_numbers=False, share_emotions=False, share_needs=False, share_note=False)


def visible_condition(viewer, partner=None, partners_first_day=None) -> Q:
    """What ``visible_to`` keeps, given the partner's first day in the couple; all three
    may be values bound at each run of a statement compiled once (``core.statements``)."""
    own = Q(user=viewer)
    if partner is None:
        return own
    return own | (seen_by_partner_from(partner, partners_first_day) & sharing_something_condition())


class CheckInQuerySet(models.QuerySet):
    def seen_by_partner(self, couple, owner):
        """``owner``'s check-ins their partner may open (``seen_by_partner_condition``)."""
        return self.filter(seen_by_partner_condition(couple, owner))

    def sharing_something(self):
        return self.filter(sharing_something_condition())

    def visible_to(self, viewer, *, couple, partner):
        """The viewer's own check-ins and those of their partner that share something."""
        if couple is None or partner is None:
            return self.filter(visible_condition(viewer))
        return self.filter(visible_condition(viewer, partner, couple.first_day_for(partner)))


class CheckIn(models.Model):
    """One person's check-in for one of their local days; each part shared or private."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    local_date = models.DateField()
    mood = models.PositiveSmallIntegerField(validators=scale_validators)
    stress = models.PositiveSmallIntegerField(validators=scale_validators)
    energy = models.PositiveSmallIntegerField(validators=scale_validators)
    connection = models.PositiveSmallIntegerField(validators=scale_validators)
    sleep_hours = models.DecimalField(
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(14)],
    )
    emotions = models.JSONField(default=list, blank=True)
    needs = models.JSONField(default=list, blank=True)
    note = EncryptedTextField(blank=True, max_length=NOTE_MAX_LENGTH)
    share_numbers = models.BooleanField(default=True)
    share_emotions = models.BooleanField(default=True)
    share_needs = models.BooleanField(default=True)
    share_note = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ["-local_date"]
        constraints = [
            models.UniqueConstraint(fields=["user", "local_date"], name="one_checkin_per_day"),
        ]
        indexes = [
            models.Index(fields=["user", "-local_date"]),
            # Only the few check-ins that share nothing: history counts a partner's
            # check-ins as all of them less these, each read from an index alone.
            models.Index(
                fields=["user", "local_date"],
                condition=sharing_nothing_condition(),
                name="checkins_sharing_nothing",
            ),
        ]

    def __str__(self) -> str:
        return f"Check-in of {self.user} on {self.local_date}"

    def scale_label(self, key: str) -> str:
        return SCALE_BY_KEY[key].label(getattr(self, key))

    @property
    def need_labels(self) -> list[str]:
        return [NEED_LABELS[need] for need in self.needs if need in NEED_LABELS]

    @property
    def asks_for_help(self) -> bool:
        return requests_help(self.needs)


class Response(models.Model):
    """A partner's answer to a shared request: a one-tap response or a short message."""

    class Kind(models.TextChoices):
        HERE = "here", "I'm here for you"
        TALK_TONIGHT = "talk_tonight", "Let's talk tonight"
        TAKE_SOMETHING = "take_something", "I'll take something off your plate"
        HUG = "hug", "Sending a hug"
        MESSAGE = "message", "A message"

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="responses")
    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    responder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="responses_sent"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    message = EncryptedTextField(blank=True, max_length=MESSAGE_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        # (checkin, couple) answers "this couple's responses to these check-ins" from the
        # check-ins' own entries; without it SQLite walks the couple's whole history.
        indexes = [
            models.Index(fields=["couple", "created_at"]),
            models.Index(fields=["checkin", "couple"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.responder}"

    @property
    def text(self) -> str:
        return self.message if self.kind == self.Kind.MESSAGE else self.get_kind_display()
