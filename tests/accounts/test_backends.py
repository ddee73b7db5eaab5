import importlib
from types import SimpleNamespace

from django.apps import apps
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

from tending.accounts.backends import BACKEND, AccountBackend
from tending.accounts.models import User
from tests.support.people import client_for

renaming = importlib.import_module(
    "tending.accounts.migrations.0002_sessions_name_the_account_backend"
)


def test_the_person_read_is_the_one_the_orm_reads(alice):
    alice.is_staff = True
    alice.save()
    client_for(alice)  # sets last_login
    read = AccountBackend().get_user(alice.pk)
    expected = User.objects.get(pk=alice.pk)
    fields = [field.attname for field in User._meta.concrete_fields]
    assert {name: getattr(read, name) for name in fields} == {
        name: getattr(expected, name) for name in fields
    }
    assert read.is_staff is True and read.is_superuser is False
    assert read.last_login.tzinfo is not None
    assert read.country.code == "GB"
    assert read._state.adding is False and read._state.db == "default"


def test_an_inactive_or_missing_person_is_not_signed_in(alice):
    User.objects.filter(pk=alice.pk).update(is_active=False)
    assert AccountBackend().get_user(alice.pk) is None
    assert AccountBackend().get_user(alice.pk + 1000) is None


def test_sessions_that_name_djangos_backend_are_renamed(alice):
    store = SessionStore()
    store.update({BACKEND_SESSION_KEY: renaming.BEFORE, "colour": "teal"})
    store.create()
    editor = SimpleNamespace(connection=connection)

    renaming.forwards(apps, editor)
    assert SessionStore(store.session_key).load() == {
        BACKEND_SESSION_KEY: BACKEND,
        "colour": "teal",
    }
    renaming.backwards(apps, editor)
    assert SessionStore(store.session_key).load()[BACKEND_SESSION_KEY] == renaming.BEFORE
