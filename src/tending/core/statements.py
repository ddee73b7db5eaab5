"""Queries built and compiled once per process, run with each request's values.

Building a queryset and compiling it to SQL costs Django more than running it on a small
page. A ``Statement`` is compiled once from a queryset in which every value that differs
between requests is a ``Bound``: a parameter of the SQL whose value is picked from the
arguments of each run. Everything else in the queryset (its filters, the privacy rules
among them) stays in the SQL as written, so a rule is still one QuerySet method or
condition, only compiled less often.

Nothing a request reads is kept: only the SQL text, the constants of the query and how to
convert its columns. A value that is not a ``Bound`` is frozen into the statement for the
life of the process, so the time, a day or anybody's id must always be a ``Bound``.
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.db import connections, router, transaction
from django.db.models import Expression, Field
from django.db.models.sql import UpdateQuery


class Bound(Expression):
    """One value of a statement, given at each run: ``pick`` takes it from the run's
    arguments, ``output_field`` turns it into what the database expects."""

    def __init__(
        self,
        pick: Callable[[Mapping[str, Any]], Any],
        output_field: Field,
        *,
        saved: bool = False,
    ) -> None:
        """With ``saved``, the value is written to a column (an ``Update``'s value), and
        prepared as saving a model prepares it."""
        super().__init__(output_field=output_field)
        self.pick = pick
        self.saved = saved

    def as_sql(self, compiler, connection):
        return "%s", [self]

    def value_for(self, arguments: Mapping[str, Any], connection) -> Any:
        if self.saved:
            return self.output_field.get_db_prep_save(self.pick(arguments), connection)
        return self.output_field.get_db_prep_value(self.pick(arguments), connection)


class Statement:
    """A queryset's SQL, its parameters (constants and ``Bound`` values) and the
    converters of its columns, compiled once."""

    def __init__(self, queryset, *, counting: bool = False) -> None:
        """With ``counting``, the statement counts the queryset's rows instead (one row,
        one column, ``count``)."""
        self.alias = queryset.db
        compiler = queryset.query.get_compiler(self.alias)
        self.sql, self.parameters = compiler.as_sql()
        columns = compiler.select[: compiler.col_count]
        self.names = tuple(alias for _, _, alias in columns)
        converters = compiler.get_converters([column for column, _, _ in columns])
        self.converters = tuple(
            (position, convert, expression)
            for position, (functions, expression) in converters.items()
            for convert in functions
        )
        if counting:
            self.sql = f"SELECT COUNT(*) FROM ({self.sql}) counted"
            self.names, self.converters = ("count",), ()

    def rows(self, arguments: Mapping[str, Any], *, repeated: bool = False) -> list[tuple]:
        """The rows for these arguments, each column converted as the ORM would.
        ``repeated`` converts each distinct value of a column once, for many rows whose
        columns repeat few values (days, scores) converted to values never changed."""
        connection = connections[self.alias]
        parameters = _bound(self.parameters, arguments, connection)
        with connection.cursor() as cursor:
            cursor.execute(self.sql, parameters)
            rows = cursor.fetchall()
        if not self.converters:
            return rows
        if repeated:
            return self._converted_once(rows, connection)
        converted = []
        for row in rows:
            values = list(row)
            for position, convert, expression in self.converters:
                values[position] = convert(values[position], expression, connection)
            converted.append(tuple(values))
        return converted

    def _converted_once(self, rows: list[tuple], connection) -> list[tuple]:
        by_position: dict[int, tuple[list[Any], Any]] = {}
        for position, convert, expression in self.converters:
            by_position.setdefault(position, ([], expression))[0].append(convert)
        columns: list[tuple[int, list[Any], Any, dict[Any, Any]]] = [
            (position, functions, expression, {})
            for position, (functions, expression) in by_position.items()
        ]
        converted = []
        for row in rows:
            values = list(row)
            for position, functions, expression, seen in columns:
                raw = values[position]
                try:
                    values[position] = seen[raw]
                    continue
                except KeyError:
                    remember = True
                except TypeError:  # a value that cannot be a key: converted each time
                    remember = False
                value = raw
                for convert in functions:
                    value = convert(value, expression, connection)
                if remember:
                    seen[raw] = value
                values[position] = value
            converted.append(tuple(values))
        return converted

    def dicts(self, arguments: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The rows as dictionaries under the queryset's column names."""
        return [dict(zip(self.names, row, strict=True)) for row in self.rows(arguments)]

    def instances(self, model, arguments: Mapping[str, Any]) -> list:
        """The rows as ``model`` objects, for a statement of ``whole_rows``."""
        names = field_names(model)
        return [model.from_db(self.alias, names, row) for row in self.rows(arguments)]


class Update:
    """``queryset.update(**values)`` compiled once: the values, like the queryset's
    filters, may be expressions and ``Bound`` values (given with ``saved``)."""

    def __init__(self, queryset, **values: Any) -> None:
        self.alias = router.db_for_write(queryset.model)
        query = queryset.query.chain(UpdateQuery)
        query.add_update_values(values)
        self.sql, self.parameters = query.get_compiler(self.alias).as_sql()

    def run(self, arguments: Mapping[str, Any]) -> int:
        """Update the rows for these arguments; how many were updated."""
        connection = connections[self.alias]
        parameters = _bound(self.parameters, arguments, connection)
        with (
            transaction.mark_for_rollback_on_error(using=self.alias),
            connection.cursor() as cursor,
        ):
            cursor.execute(self.sql, parameters)
            return cursor.rowcount


def _bound(parameters: Sequence[Any], arguments: Mapping[str, Any], connection) -> list[Any]:
    """A statement's parameters, each ``Bound`` one given its value for these arguments."""
    return [
        value.value_for(arguments, connection) if isinstance(value, Bound) else value
        for value in parameters
    ]


def field_names(model) -> tuple[str, ...]:
    """The columns of a model's whole row, as ``Model.from_db`` takes them."""
    return tuple(field.attname for field in model._meta.concrete_fields)


def whole_rows(queryset) -> Statement:
    """A statement reading whole rows of the queryset's model (see ``instances``)."""
    return Statement(queryset.values_list(*field_names(queryset.model)))
