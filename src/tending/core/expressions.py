"""Query expressions Django writes in a way that is slow on one of our databases."""

import datetime as dt

from django.db.models import DateTimeField, F, Func


class LaterBy(Func):
    """A date-time column plus a fixed whole number of seconds.

    Django adds a duration on SQLite by calling back into Python for every row; SQLite's
    own ``strftime`` does it in SQL. Django keeps a date-time there as text,
    ``YYYY-MM-DD HH:MM:SS`` with ``.ffffff`` when there are microseconds, so the seconds
    are shifted and the fraction is carried over unchanged: the same value, to the
    microsecond, as Python's arithmetic, and it compares as text like the column does.
    Elsewhere it is Django's own ``F(column) + duration``.
    """

    template = "%(expressions)s"

    def __init__(self, column: str, duration: dt.timedelta) -> None:
        if duration.microseconds:
            raise ValueError("LaterBy takes whole seconds")
        self.column = F(column)
        self.seconds = int(duration.total_seconds())
        super().__init__(F(column) + duration, output_field=DateTimeField())

    def resolve_expression(self, *args, **kwargs):
        resolved = super().resolve_expression(*args, **kwargs)
        resolved.column = self.column.resolve_expression(*args, **kwargs)
        return resolved

    def relabeled_clone(self, change_map):
        # In a subquery the column's table is renamed along with the sum's.
        clone = super().relabeled_clone(change_map)
        clone.column = self.column.relabeled_clone(change_map)
        return clone

    def as_sqlite(self, compiler, connection, **extra_context):
        column, parameters = compiler.compile(self.column)
        sql = (
            f"(strftime('%%Y-%%m-%%d %%H:%%M:%%S', substr({column}, 1, 19), "
            f"'{self.seconds:+d} seconds') || substr({column}, 20))"
        )
        return sql, [*parameters, *parameters]
