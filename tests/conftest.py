"""Shared fixtures: a couple (alice and bob), a stranger (charlie) and alice's former
partner (dana), so every view can be checked for who may and may not see it. Helpers
live in ``tests/support``.

A test that reasons about days runs on a clock that starts at a named instant: marked
``@pytest.mark.frozen("2027-03-10T12:00:00+00:00")``, or ``@pytest.mark.on_edge_days`` to
run once at each instant of ``tests/support/clock.py``.
"""

import datetime as dt

import pytest
import time_machine

from tending.couples.services import unpair
from tests.support.clock import EDGE_INSTANTS
from tests.support.hashers import QUICK_HASHER
from tests.support.people import client_for, make_user, pair


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
