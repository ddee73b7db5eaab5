"""Logging in with e-mail address and password: Django's ``ModelBackend``, except that the
signed-in person is read with one statement written out once.

Every request from a signed-in browser loads its person, and building that query through
the ORM cost each page more than running it. The person read here is the same full
``User`` the ORM would give (every column, each converted as the ORM converts it), and an
inactive person is refused as before.
"""

from functools import cache

from django.contrib.auth.backends import ModelBackend
from django.db import connections, router

from tending.accounts.models import User

BACKEND = "tending.accounts.backends.AccountBackend"


@cache
def _select(alias: str) -> str:
    quote = connections[alias].ops.quote_name
    columns = ", ".join(quote(field.column) for field in User._meta.concrete_fields)
    return (
        f"SELECT {columns} FROM {quote(User._meta.db_table)} "
        f"WHERE {quote(User._meta.pk.column)} = %s"
    )


def person_by_id(user_id) -> User | None:
    alias = router.db_for_read(User)
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(_select(alias), [user_id])
        row = cursor.fetchone()
    if row is None:
        return None
    fields = User._meta.concrete_fields
    values = []
    for field, value in zip(fields, row, strict=True):
        column = field.cached_col
        for convert in connection.ops.get_db_converters(column) + field.get_db_converters(
            connection
        ):
            value = convert(value, column, connection)
        values.append(value)
    return User.from_db(alias, [field.attname for field in fields], values)


class AccountBackend(ModelBackend):
    def get_user(self, user_id):
        user = person_by_id(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
