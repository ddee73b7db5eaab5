"""Exact query counts that explain themselves: on a change, the SQL that ran is printed."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext


def numbered_sql(queries: list[dict]) -> str:
    return "\n".join(f"{number}. {query['sql']}" for number, query in enumerate(queries, 1))


@contextmanager
def assert_query_count(expected: int, what: str = "") -> Iterator[CaptureQueriesContext]:
    """Fail unless exactly ``expected`` queries run inside the block, listing them if not."""
    with CaptureQueriesContext(connection) as captured:
        yield captured
    count = len(captured.captured_queries)
    assert count == expected, (
        f"{what or 'The block'} ran {count} queries instead of {expected}:\n"
        f"{numbered_sql(captured.captured_queries)}"
    )
