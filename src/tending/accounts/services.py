from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from tending.accounts.models import User
from tending.core.registry import contributions
from tending.couples.selectors import active_couple_for
from tending.couples.services import unpair


def register(*, email: str, password: str, display_name: str, timezone: str, country="") -> User:
    return User.objects.create_user(
        email=email,
        password=password,
        display_name=display_name.strip(),
        timezone=timezone,
        country=country,
    )


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Delete the person and everything of theirs; their partner's own data stays."""
    if active_couple_for(user) is not None:
        unpair(user=user)
    for forget_account in contributions("forget_account"):
        forget_account(user)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=user.email).delete()
    # The admin's history names the person (and may quote their e-mail address).
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).delete()
    user.delete()
