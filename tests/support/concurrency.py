"""Calls made at the same moment from several threads, for tests of races."""

import threading
from collections.abc import Callable

import pytest
from django.db import connection

ONLY_ON_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the in-memory SQLite test database cannot be written from two threads at once; "
    "a SQLite file is written one transaction at a time (IMMEDIATE) and cannot race",
)


def races(test):
    """Marks a race test: run on PostgreSQL only, with real transactions."""
    return ONLY_ON_POSTGRESQL(pytest.mark.django_db(transaction=True)(test))


def run_at_once(calls: list[Callable[[], object]]) -> list[object]:
    """Run each call in its own thread, all released together; each outcome is what the
    call returned or the exception that escaped it. Each thread closes its own database
    connection."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[object] = [None] * len(calls)

    def run(index: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # noqa: BLE001 - the test reports whatever escaped
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
