from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from tending.accounts.models import User
from tending.core.ratelimit import SlidingWindow
from tending.couples.models import Membership
from tending.couples.selectors import active_couple_for
from tending.couples.services import unpair
from tending.practices.models import Conversation, Ritual

# Password-reset links: at most three an hour for one address, ten an hour from one client.
RESET_LINKS_PER_ADDRESS = SlidingWindow("reset-address", limit=3, period=60 * 60)
RESET_LINKS_PER_CLIENT = SlidingWindow("reset-client", limit=10, period=60 * 60)


def reset_link_allowed(*, email: str, client: str) -> bool:
    """Whether another reset link may go out for ``email`` to a request from ``client``;
    counts the request either way."""
    client_ok = RESET_LINKS_PER_CLIENT.allow(client)
    address_ok = RESET_LINKS_PER_ADDRESS.allow(email.strip().lower())
    return client_ok and address_ok


def register(*, email: str, password: str, display_name: str, timezone: str, country="") -> User:
    return User.objects.create_user(
        email=email,
        password=password,
        display_name=display_name.strip(),
        timezone=timezone,
        country=country,
    )


def forget_what_couples_kept_together(user) -> None:
    """Remove the guided conversations (with their shared notes) and rituals of every couple
    the person was in: ended couples share nothing, so nobody could see them again."""
    couples = Membership.objects.filter(user=user).values("couple_id")
    Conversation.objects.filter(couple__in=couples).delete()
    Ritual.objects.filter(couple__in=couples).delete()


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Delete the person and everything of theirs; their partner's own data stays."""
    if active_couple_for(user) is not None:
        unpair(user=user)
    forget_what_couples_kept_together(user)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=user.email).delete()
    # The admin's history names the person (and may quote their e-mail address).
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).delete()
    user.delete()
