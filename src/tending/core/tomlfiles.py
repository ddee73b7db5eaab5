"""Checked content files: TOML read with clear messages naming the file and the field."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class ContentError(ValueError):
    """A content file is missing, unreadable or malformed."""


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ContentError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{path}: invalid TOML ({exc})") from exc


def check_fields(table: dict[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ContentError(f"{where}: unknown field(s) {', '.join(unknown)}")
    missing = sorted(allowed - set(table))
    if missing:
        raise ContentError(f"{where}: missing field(s) {', '.join(missing)}")


def text(table: dict[str, Any], name: str, where: str) -> str:
    value = table[name]
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"{where}: {name} must be a non-empty string")
    return value.strip()


def key(table: dict[str, Any], name: str, where: str) -> str:
    value = text(table, name, where)
    if not KEY.fullmatch(value):
        raise ContentError(f"{where}: {name} {value!r} must be lowercase words joined by hyphens")
    return value


def positive_int(table: dict[str, Any], name: str, where: str) -> int:
    value = table[name]
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ContentError(f"{where}: {name} must be a whole number of at least 1")
    return value
