"""People for tests: alice and bob (a couple), charlie (a stranger), dana (alice's former
partner), and logged-in clients for each."""

from django.test import Client

from tending.accounts.backends import BACKEND
from tending.accounts.models import User
from tending.couples.models import Couple
from tending.couples.services import accept_invite, create_invite

PASSWORD = "a calm Tuesday evening"


def make_user(name: str, **extra) -> User:
    extra.setdefault("timezone", "Europe/London")
    extra.setdefault("country", "GB")
    return User.objects.create_user(
        email=f"{name.lower()}@example.org", password=PASSWORD, display_name=name, **extra
    )


def pair(first: User, second: User) -> Couple:
    invite = create_invite(inviter=first)
    return accept_invite(token=invite.token, user=second)


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend=BACKEND)
    return client
