"""Shared fixtures: a couple (alice and bob), a stranger (charlie) and alice's former
partner (dana), so every view can be checked for who may and may not see it."""

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.test import Client

from tending.accounts.models import User
from tending.couples.services import accept_invite, create_invite, unpair

PASSWORD = "a calm Tuesday evening"


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


class QuickArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 at its lowest cost, so tests that create people stay fast."""

    time_cost = 1
    memory_cost = 8
    parallelism = 1


@pytest.fixture(autouse=True)
def quick_password_hashing(settings):
    settings.PASSWORD_HASHERS = [
        "conftest.QuickArgon2PasswordHasher",
        *settings.PASSWORD_HASHERS,
    ]


def make_user(name: str, **extra) -> User:
    extra.setdefault("timezone", "Europe/London")
    extra.setdefault("country", "GB")
    return User.objects.create_user(
        email=f"{name.lower()}@example.org", password=PASSWORD, display_name=name, **extra
    )


def pair(first: User, second: User):
    invite = create_invite(inviter=first)
    return accept_invite(token=invite.token, user=second)


@pytest.fixture
def people(db):
    """alice and bob are a couple; dana is alice's former partner; charlie is a stranger."""
    alice = make_user("Alice")
    bob = make_user("Bob", timezone="America/New_York", country="US")
    charlie = make_user("Charlie")
    dana = make_user("Dana")
    pair(alice, dana)
    unpair(user=dana)
    pair(alice, bob)
    return {"alice": alice, "bob": bob, "charlie": charlie, "dana": dana}


@pytest.fixture
def alice(people):
    return people["alice"]


@pytest.fixture
def bob(people):
    return people["bob"]


@pytest.fixture
def charlie(people):
    return people["charlie"]


@pytest.fixture
def dana(people):
    return people["dana"]


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def as_alice(alice):
    return client_for(alice)


@pytest.fixture
def as_bob(bob):
    return client_for(bob)
