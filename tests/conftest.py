"""Shared fixtures: a couple (alice and bob), a stranger (charlie) and alice's former
partner (dana), so every view can be checked for who may and may not see it.

A test that reasons about days runs on a clock that starts at a named instant: marked
``@pytest.mark.frozen("2027-03-10T12:00:00+00:00")``, or ``@pytest.mark.on_edge_days`` to
run once at each of the instants below, where days, weeks, months and years turn
differently in alice's London and bob's New York.
"""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.test import Client

from tending.accounts.models import User
from tending.couples.services import accept_invite, create_invite, unpair

PASSWORD = "a calm Tuesday evening"

EDGE_INSTANTS = {
    # Friday: New Year's Day in London, still New Year's Eve (and 2026) in New York.
    "new-year": "2027-01-01T00:30:00+00:00",
    # Sunday: London has just moved its clocks forward; New York is on Saturday evening.
    "europe-clocks-forward": "2027-03-28T01:30:00+00:00",
    # Sunday: New York repeats the hour from 01:00 to 02:00 as its clocks go back.
    "new-york-clocks-back": "2027-11-07T06:30:00+00:00",
    # Monday morning in London, Sunday evening in New York: a week apart.
    "week-turns-in-london": "2027-06-06T23:15:00+00:00",
    # Leap day, late evening in London.
    "leap-day": "2028-02-29T23:30:00+00:00",
}


def pytest_generate_tests(metafunc):
    """A test of a module ``on_edge_days`` runs at each edge, unless it names its own instant."""
    own_instant = any(marker.name == "frozen" for marker in metafunc.definition.own_markers)
    if metafunc.definition.get_closest_marker("on_edge_days") and not own_instant:
        metafunc.parametrize(
            "clock_instant", list(EDGE_INSTANTS.values()), ids=list(EDGE_INSTANTS), indirect=True
        )


@pytest.fixture
def clock_instant(request) -> str | None:
    marker = request.node.get_closest_marker("frozen")
    return getattr(request, "param", None) or (marker.args[0] if marker else None)


@pytest.fixture(autouse=True)
def clock(clock_instant):
    """Start the clock at the test's instant, if it names one; time then moves on as usual,
    so records made one after another keep their order."""
    if clock_instant is None:
        yield None
        return
    with time_machine.travel(dt.datetime.fromisoformat(clock_instant), tick=True) as traveller:
        yield traveller


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
