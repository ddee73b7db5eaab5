"""Calls made at the same moment from several threads, for tests of races."""

import threading
from collections.abc import Callable

from django.db import connection


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
