"""`tending serve` hands Granian the options an operator chose, and no access log unless
asked: which pages a person opens is theirs."""

import pytest
from django.core.management import call_command

from tending.core.management.commands import serve

pytestmark = pytest.mark.django_db


@pytest.fixture
def granian_options(monkeypatch):
    seen = {}

    class RecordingGranian:
        def __init__(self, target, **options):
            seen.update(options, target=target)

        def serve(self):
            seen["served"] = True

    monkeypatch.setattr(serve, "Granian", RecordingGranian)
    return seen


def serve_now(*arguments):
    call_command("serve", "--no-migrate", "--no-collectstatic", "--no-worker", *arguments)


def test_serving_keeps_no_access_log_by_default(granian_options):
    serve_now("--bind", "127.0.0.1:8123", "--workers", "2", "--threads", "3")
    assert granian_options["served"]
    assert granian_options["log_access"] is False
    assert granian_options["address"] == "127.0.0.1"
    assert granian_options["port"] == 8123
    assert granian_options["workers"] == 2
    assert granian_options["blocking_threads"] == 3


def test_an_operator_can_turn_the_access_log_on(granian_options):
    serve_now("--access-log")
    assert granian_options["log_access"] is True
