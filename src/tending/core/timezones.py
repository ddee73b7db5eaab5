"""Time-zone helpers: a person's day starts and ends at their own local midnight."""

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from django.utils import timezone

DEFAULT_ZONE = "UTC"


@cache
def zone_names() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))


@cache
def _zone_name_set() -> frozenset[str]:
    return frozenset(zone_names())


def is_valid_zone(name: str) -> bool:
    return name in _zone_name_set()


def zone_for(user) -> ZoneInfo:
    name = getattr(user, "timezone", "") or DEFAULT_ZONE
    return ZoneInfo(name if is_valid_zone(name) else DEFAULT_ZONE)


def local_now(user, now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()).astimezone(zone_for(user))


def local_today(user, now: dt.datetime | None = None) -> dt.date:
    return local_now(user, now).date()
