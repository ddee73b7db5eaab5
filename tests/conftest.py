"""Shared fixtures: a couple (alice and bob), a stranger (charlie) and alice's former
partner (dana), so every view can be checked for who may and may not see it. Helpers
live in ``tests/support``."""

import pytest

from tending.couples.services import unpair
from tests.support.hashers import QUICK_HASHER
from tests.support.people import client_for, make_user, pair


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def quick_password_hashing(settings):
    settings.PASSWORD_HASHERS = [QUICK_HASHER, *settings.PASSWORD_HASHERS]


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


@pytest.fixture
def as_alice(alice):
    return client_for(alice)


@pytest.fixture
def as_bob(bob):
    return client_for(bob)
