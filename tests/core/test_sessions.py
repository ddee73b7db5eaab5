import datetime as dt

from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from tending.core.sessions import SessionStore


def saved_by_django(data: dict) -> str:
    store = DjangoSessionStore()
    store.update(data)
    store.create()
    return store.session_key


def test_a_session_saved_by_django_reads_the_same(db):
    key = saved_by_django({"colour": "teal", "count": 3})
    store = SessionStore(key)
    assert store.load() == {"colour": "teal", "count": 3}
    assert store.session_key == key


def test_an_expired_session_reads_empty_and_loses_its_key(db):
    key = saved_by_django({"colour": "teal"})
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    store = SessionStore(key)
    assert store.load() == {}
    assert store.session_key is None


def test_an_unknown_key_reads_empty(db):
    store = SessionStore("x" * 32)
    assert store.load() == {}
    assert store.session_key is None


def test_a_session_it_saves_django_reads(db):
    store = SessionStore()
    store["colour"] = "teal"
    store.create()
    assert DjangoSessionStore(store.session_key).load() == {"colour": "teal"}
