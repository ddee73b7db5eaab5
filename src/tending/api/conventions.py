"""What every route of the JSON API shares: the one error shape, the statuses each kind of
route may answer, times in the person's own zone, cursors, and text that must say something.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from django.db.models import Q
from django.http import Http404
from ninja import Field, Query, Schema
from ninja.errors import HttpError
from ninja.schema import DjangoGetter
from pydantic import BeforeValidator, ConfigDict, StringConstraints, model_validator

from tending.core.timezones import zone_for


class FieldProblem(Schema):
    field: str
    message: str


class Problem(Schema):
    """Every error the API answers with: a sentence for people, and for a request that
    did not validate, what was wrong with which field."""

    detail: str
    errors: list[FieldProblem] = []


# What routes may answer besides success. Every route: a body it cannot parse, no or a
# bad token, a token without the scope (or a session without its CSRF token), a body
# over the size limit, values that do not validate, too many requests.
COMMON = frozenset({400, 401, 403, 413, 422, 429})
ERRORS = {COMMON: Problem}
# Routes that load something that may not be there, or not be the caller's to see.
ERRORS_404 = {COMMON | {404}: Problem}
# Routes that change something whose current state may not allow it.
ERRORS_409 = {COMMON | {409}: Problem}
ERRORS_404_409 = {COMMON | {404, 409}: Problem}


class Strict(Schema):
    """A request body: a JSON object, its text read with Python's own idea of whitespace
    (as the services strip text)."""

    model_config = ConfigDict(regex_engine="python-re", strict=True)

    @model_validator(mode="before")
    @classmethod
    def an_object(cls, data):
        sent = data._obj if isinstance(data, DjangoGetter) else data
        if not isinstance(sent, dict):
            raise ValueError("The body must be a JSON object.")
        return data


def whole_number(value):
    """JSON's 4.0 is the whole number 4 (as JSON Schema reads it); "4" and true are not."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Whole = Annotated[int, BeforeValidator(whole_number)]


ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def iso_date(value):
    """Only a date written YYYY-MM-DD is a date here (not a number of seconds)."""
    if isinstance(value, str) and not ISO_DATE.match(value):
        raise ValueError("Write the date as YYYY-MM-DD.")
    if not isinstance(value, str | dt.date) and value is not None:
        raise ValueError("Write the date as YYYY-MM-DD.")
    return value


def Text(max_length: int):  # noqa: N802 - a type factory, named like the types it makes
    """Text that must hold something besides whitespace, at most ``max_length`` long, and
    no NUL character (which no database stores)."""
    return Annotated[
        str,
        StringConstraints(max_length=max_length, pattern=r"^[^\x00]*[^\s\x00][^\x00]*$"),
    ]


def local(moment: dt.datetime | None, user) -> dt.datetime | None:
    """A stored instant in the person's own time zone, so it is written with their offset."""
    return moment.astimezone(zone_for(user)) if moment is not None else None


def not_found(message: str) -> Http404:
    return Http404(message)


def conflict(message: str) -> HttpError:
    return HttpError(409, message)


# Cursors: the sort key of the last item of a page and its id, written as two numbers so
# every cursor that matches the documented pattern names a position (an ordinal day or a
# microsecond since 1970, then an id). Clients pass ``next_cursor`` back unchanged.
CURSOR_PATTERN = r"^[0-9]{1,18}\.[0-9]{1,18}$"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
MAX_ORDINAL = dt.date.max.toordinal()
MAX_MICROSECONDS = int((dt.datetime(9999, 12, 31, tzinfo=dt.UTC) - EPOCH).total_seconds() * 1e6)


class PageQuery(Schema):
    cursor: str | None = Field(
        None,
        pattern=CURSOR_PATTERN,
        description="Where the page starts: the `next_cursor` of the page before. "
        "Leave it out for the first page.",
    )
    limit: int = Field(20, ge=1, le=100, description="How many items a page holds.")


PageParams = Query[PageQuery]


def date_cursor(day: dt.date, item_id: int) -> str:
    return f"{day.toordinal()}.{item_id}"


def read_date_cursor(cursor: str) -> tuple[dt.date, int]:
    ordinal, item_id = cursor.split(".")
    return dt.date.fromordinal(min(max(int(ordinal), 1), MAX_ORDINAL)), int(item_id)


def time_cursor(moment: dt.datetime, item_id: int) -> str:
    delta = moment - EPOCH
    micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
    return f"{micros}.{item_id}"


def read_time_cursor(cursor: str) -> tuple[dt.datetime, int]:
    micros, item_id = cursor.split(".")
    capped = min(int(micros), MAX_MICROSECONDS)
    return EPOCH + dt.timedelta(microseconds=capped), int(item_id)


def id_limit(item_id: int) -> int:
    """Ids beyond what the database stores mean "after everything"."""
    return min(item_id, 2**63 - 1)


class Page(Schema):
    next_cursor: str | None = Field(
        description="The cursor of the next page, or null on the last page."
    )


def keyset_page(queryset, *, page: PageQuery, field: str, by_day: bool) -> tuple[list, str | None]:
    """One page of ``queryset`` (ordered newest first by ``field`` then id) after the cursor,
    and the cursor of the next page."""
    if page.cursor:
        key, item_id = (read_date_cursor if by_day else read_time_cursor)(page.cursor)
        queryset = queryset.filter(
            Q(**{f"{field}__lt": key}) | Q(**{field: key, "pk__lt": id_limit(item_id)})
        )
    items = list(queryset[: page.limit + 1])
    if len(items) <= page.limit:
        return items, None
    items = items[: page.limit]
    last = items[-1]
    return items, (date_cursor if by_day else time_cursor)(getattr(last, field), last.pk)
