"""Sessions in the database, read with one statement written out once.

Every request from a signed-in browser reads its session. Django's database store reads
it through the ORM, and building that query cost each page more than running it. This
store reads the same row with the same rule (the key, and not yet expired) as plain SQL;
writing a session (log-in, log-out, a device's mark) stays Django's.

``SESSION_ENGINE = "tending.core.sessions"``.
"""

from functools import cache

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import connections, router
from django.utils import timezone


@cache
def _select(alias: str, model) -> str:
    connection = connections[alias]
    quote = connection.ops.quote_name
    column = {field.name: quote(field.column) for field in model._meta.concrete_fields}
    return (
        f"SELECT {column['session_data']} FROM {quote(model._meta.db_table)} "
        f"WHERE {column['session_key']} = %s AND {column['expire_date']} > %s"
    )


class SessionStore(DatabaseSessionStore):
    def load(self) -> dict:
        alias = router.db_for_read(self.model)
        connection = connections[alias]
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(_select(alias, self.model), [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return {}
        return self.decode(row[0])
