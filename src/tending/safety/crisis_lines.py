"""Directory of crisis lines by country, read from an operator-editable TOML file.

Countries without a line of their own still get their emergency numbers, from the
generated ``data/emergency_numbers.toml``.
"""

from __future__ import annotations

import datetime
import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

DEFAULT_PATH = Path(__file__).parent / "data" / "crisis_lines.toml"
EMERGENCY_NUMBERS_PATH = Path(__file__).parent / "data" / "emergency_numbers.toml"
STALE_AFTER = datetime.timedelta(days=365)

_LINE_FIELDS = frozenset(
    {
        "name",
        "phone",
        "text",
        "chat_label",
        "chat_url",
        "email",
        "hours",
        "source",
        "source_url",
        "checked",
        "verified_against",
    }
)
_REQUIRED_LINE_FIELDS = ("name", "hours", "source", "source_url")
_CONTACT_FIELDS = ("phone", "text", "chat_url", "email")
_COUNTRY_FIELDS = frozenset({"code", "name", "emergency", "lines"})
_DIRECTORY_LINK_FIELDS = frozenset({"name", "url", "description"})
_TOP_LEVEL_FIELDS = frozenset({"general_advice", "international", "countries"})

_COUNTRY_CODE = re.compile(r"[A-Z]{2}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

_PHONE_SEPARATOR = re.compile(r"\s*(?:/|,|;|\bor\b)\s*", re.IGNORECASE)
_WORDS_IN_PARENTHESES = re.compile(r"\([^)]*[^\W\d_][^)]*\)")
_DIALLABLE = re.compile(r"\+?[\d\s().\-]+")
_TEXT_KEYWORD_TO_NUMBER = re.compile(
    r"(?:text|sms)\s+([A-Za-z0-9]+)\s+to\s+(\+?\d[\d\s\-]*)", re.IGNORECASE
)
_TEXT_NUMBER = re.compile(r"(?:text|sms)\s+(\+?\d[\d\s\-]*)", re.IGNORECASE)
_MIN_DIGITS = 3


class CrisisLinesError(ValueError):
    """The crisis-line file is missing, unreadable or has a malformed entry."""


@dataclass(frozen=True)
class CrisisLine:
    """One service people can call, text, chat with or write to."""

    name: str
    hours: str
    source: str
    source_url: str
    phone: str | None = None
    text: str | None = None
    chat_label: str | None = None
    chat_url: str | None = None
    email: str | None = None
    checked: str = ""
    verified_against: str | None = None

    @property
    def checked_date(self) -> datetime.date | None:
        return datetime.date.fromisoformat(self.checked) if self.checked else None

    def is_stale(self, today: datetime.date) -> bool:
        """True when nobody has verified the line, or not within the last year."""
        checked = self.checked_date
        return checked is None or today - checked > STALE_AFTER

    @property
    def phone_href(self) -> str | None:
        return tel_href(self.phone)

    @property
    def text_href(self) -> str | None:
        return sms_href(self.text)

    @property
    def email_href(self) -> str | None:
        return f"mailto:{self.email}" if self.email else None

    @property
    def is_checked(self) -> bool:
        return bool(self.checked)


@dataclass(frozen=True)
class CountryLines:
    """The emergency number and crisis lines of one country."""

    code: str
    name: str
    emergency: str
    lines: tuple[CrisisLine, ...]

    @property
    def emergency_href(self) -> str | None:
        return tel_href(self.emergency)

    @property
    def has_lines(self) -> bool:
        return bool(self.lines)


@dataclass(frozen=True)
class EmergencyNumbers:
    """Where the emergency numbers of countries without a crisis line come from."""

    source: str
    source_url: str
    checked: str
    by_code: dict[str, CountryLines]


def spoken_list(numbers: list[str] | tuple[str, ...]) -> str:
    """["112", "110", "118"] gives "112, 110 or 118"; the first is dialled from a link."""
    if len(numbers) < 2:
        return "".join(numbers)
    return f"{', '.join(numbers[:-1])} or {numbers[-1]}"


@dataclass(frozen=True)
class DirectoryLink:
    """An international directory of helplines, for countries not listed."""

    name: str
    url: str
    description: str = ""


@dataclass(frozen=True)
class Directory:
    """All countries' crisis lines, the international directories and general advice."""

    countries: tuple[CountryLines, ...]
    international: tuple[DirectoryLink, ...]
    general_advice: str
    path: Path
    emergency_numbers: EmergencyNumbers | None = None
    # Names this reading of the file (its path and when it was last changed), so pages
    # rendered from it can be kept until the file changes.
    version: str = ""
    _by_code: dict[str, CountryLines] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {country.code: country for country in self.countries})

    def for_country(self, code: str | None) -> CountryLines | None:
        """The country with this ISO code: its lines, or at least its emergency numbers.

        None when the code is unknown, or the country has neither.
        """
        if not code:
            return None
        code = code.strip().upper()
        listed = self._by_code.get(code)
        if listed is not None or self.emergency_numbers is None:
            return listed
        return self.emergency_numbers.by_code.get(code)

    def ordered_for(self, code: str | None) -> tuple[CountryLines | None, list[CountryLines]]:
        """The person's own country (or None) and every other country with lines, by name."""
        own = self.for_country(code)
        others = [country for country in self.countries if country.code != getattr(own, "code", "")]
        return own, sorted(others, key=lambda country: country.name.casefold())

    def every_country(self) -> list[CountryLines]:
        """Every country with lines or emergency numbers, by name, for a country picker."""
        by_code = dict(self.emergency_numbers.by_code) if self.emergency_numbers else {}
        by_code.update(self._by_code)
        return sorted(by_code.values(), key=lambda country: country.name.casefold())

    def lines_to_verify(self, today: datetime.date) -> list[tuple[CountryLines, CrisisLine]]:
        """Lines nobody has verified, or not within the last year, for the operator."""
        return [
            (country, line)
            for country in self.countries
            for line in country.lines
            if line.is_stale(today)
        ]


def load_directory(path: str | Path | None = None) -> Directory:
    """Read and validate the crisis-line file; without a path, the one shipped with Tending.

    The result is cached per file and reread when the file changes.
    """
    resolved = Path(path) if path else DEFAULT_PATH
    try:
        modified = resolved.stat().st_mtime_ns
    except OSError as error:
        raise CrisisLinesError(f"{resolved}: cannot read crisis-line file ({error})") from error
    return _load_cached(resolved, modified)


def load_emergency_numbers(path: Path = EMERGENCY_NUMBERS_PATH) -> EmergencyNumbers:
    """The generated emergency numbers of every country (see tools/emergency_numbers.py)."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise CrisisLinesError(f"{path}: cannot read emergency numbers ({error})") from error
    by_code = {}
    for index, entry in enumerate(_table_list(data, "countries", f"{path}")):
        where = f"{path}: countries[{index}]"
        numbers = entry.get("numbers")
        if (
            not isinstance(numbers, list)
            or not numbers
            or not all(isinstance(number, str) and number.isdigit() for number in numbers)
        ):
            raise CrisisLinesError(f"{where}: 'numbers' must list numbers in quotes")
        code = _required_text(entry, "code", where)
        by_code[code] = CountryLines(
            code=code,
            name=_required_text(entry, "name", where),
            emergency=spoken_list(numbers),
            lines=(),
        )
    return EmergencyNumbers(
        source=_required_text(data, "source", f"{path}"),
        source_url=_required_text(data, "source_url", f"{path}"),
        checked=_checked_date(data.get("checked", ""), f"{path}"),
        by_code=by_code,
    )


@functools.lru_cache(maxsize=8)
def _load_cached(path: Path, modified: int) -> Directory:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise CrisisLinesError(f"{path}: cannot read crisis-line file ({error})") from error
    except tomllib.TOMLDecodeError as error:
        raise CrisisLinesError(f"{path}: not valid TOML ({error})") from error
    return _parse_directory(data, path, version=f"{path}@{modified}")


def _parse_directory(data: dict, path: Path, *, version: str) -> Directory:
    _reject_unknown(data, _TOP_LEVEL_FIELDS, f"{path}")
    general_advice = _optional_text(data, "general_advice", f"{path}") or ""

    international = []
    for index, entry in enumerate(_table_list(data, "international", f"{path}")):
        where = f"{path}: international[{index}]"
        _reject_unknown(entry, _DIRECTORY_LINK_FIELDS, where)
        link = DirectoryLink(
            name=_required_text(entry, "name", where),
            url=_required_text(entry, "url", where),
            description=_optional_text(entry, "description", where) or "",
        )
        _require_web_address(link.url, "url", where)
        international.append(link)

    countries = []
    seen_codes: set[str] = set()
    for index, entry in enumerate(_table_list(data, "countries", f"{path}")):
        country = _parse_country(entry, f"{path}: countries[{index}]")
        if country.code in seen_codes:
            raise CrisisLinesError(
                f"{path}: countries[{index}] ({country.code}): country listed twice"
            )
        seen_codes.add(country.code)
        countries.append(country)
    if not countries:
        raise CrisisLinesError(f"{path}: no countries listed")

    countries.sort(key=lambda country: country.name.casefold())
    return Directory(
        countries=tuple(countries),
        international=tuple(international),
        general_advice=general_advice,
        path=path,
        emergency_numbers=_emergency_numbers(),
        version=version,
    )


@functools.lru_cache(maxsize=1)
def _emergency_numbers() -> EmergencyNumbers:
    return load_emergency_numbers()


def _parse_country(entry: object, where: str) -> CountryLines:
    if not isinstance(entry, dict):
        raise CrisisLinesError(f"{where}: expected a [[countries]] table")
    _reject_unknown(entry, _COUNTRY_FIELDS, where)
    code = _required_text(entry, "code", where)
    where = f"{where} ({code})"
    if not _COUNTRY_CODE.fullmatch(code):
        raise CrisisLinesError(f"{where}: 'code' must be two capital letters, e.g. \"GB\"")
    name = _required_text(entry, "name", where)
    emergency = _required_text(entry, "emergency", where)
    lines = tuple(
        _parse_line(line, f"{where} lines[{index}]")
        for index, line in enumerate(_table_list(entry, "lines", where))
    )
    if not lines:
        raise CrisisLinesError(f"{where}: no [[countries.lines]] listed")
    return CountryLines(code=code, name=name, emergency=emergency, lines=lines)


def _parse_line(entry: object, where: str) -> CrisisLine:
    if not isinstance(entry, dict):
        raise CrisisLinesError(f"{where}: expected a [[countries.lines]] table")
    _reject_unknown(entry, _LINE_FIELDS, where)
    name = _required_text(entry, "name", where)
    where = f"{where} ({name!r})"
    values = {key: _required_text(entry, key, where) for key in _REQUIRED_LINE_FIELDS}
    for key in ("phone", "text", "chat_label", "chat_url", "email", "verified_against"):
        values[key] = _optional_text(entry, key, where)
    values["checked"] = _checked_date(entry.get("checked", ""), where)

    if not any(values[key] for key in _CONTACT_FIELDS):
        raise CrisisLinesError(f"{where}: needs at least one of {', '.join(_CONTACT_FIELDS)}")
    _require_web_address(values["source_url"], "source_url", where)
    if values["chat_url"]:
        _require_web_address(values["chat_url"], "chat_url", where)
    if values["chat_label"] and not values["chat_url"]:
        raise CrisisLinesError(f"{where}: 'chat_label' given without 'chat_url'")
    if values["phone"] and tel_href(values["phone"]) is None:
        raise CrisisLinesError(f"{where}: 'phone' has no number to dial: {values['phone']!r}")
    if values["email"] and not _EMAIL.fullmatch(values["email"]):
        raise CrisisLinesError(f"{where}: 'email' is not an e-mail address: {values['email']!r}")
    return CrisisLine(**values)


def _checked_date(value: object, where: str) -> str:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if not isinstance(value, str):
        raise CrisisLinesError(f'{where}: \'checked\' must be "" or a date as "YYYY-MM-DD"')
    value = value.strip()
    if not value:
        return ""
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise CrisisLinesError(
            f'{where}: \'checked\' must be "" or a date as "YYYY-MM-DD", not {value!r}'
        ) from error


def _table_list(data: dict, key: str, where: str) -> list[dict]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise CrisisLinesError(f"{where}: '{key}' must be a list of [[{key}]] tables")
    return value


def _required_text(entry: dict, key: str, where: str) -> str:
    value = _optional_text(entry, key, where)
    if not value:
        raise CrisisLinesError(f"{where}: missing '{key}'")
    return value


def _optional_text(entry: dict, key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise CrisisLinesError(f"{where}: '{key}' must be text in quotes, not {value!r}")
    return value.strip() or None


def _reject_unknown(entry: dict, allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise CrisisLinesError(
            f"{where}: unknown field(s) {', '.join(unknown)}; "
            f"expected some of {', '.join(sorted(allowed))}"
        )


def _require_web_address(value: str, key: str, where: str) -> None:
    if not value.startswith(("https://", "http://")):
        raise CrisisLinesError(f"{where}: '{key}' must start with https://, not {value!r}")


def tel_href(phone: str | None) -> str | None:
    """A ``tel:`` link for the first number in a displayed phone text, or None.

    "0800 111 0 111 / 116 123" gives "tel:08001110111"; "112 (15 medical)" gives "tel:112".
    """
    if not phone:
        return None
    first = _PHONE_SEPARATOR.split(phone.strip(), maxsplit=1)[0]
    first = _WORDS_IN_PARENTHESES.sub("", first).strip()
    if not first or not _DIALLABLE.fullmatch(first):
        return None
    digits = re.sub(r"\D", "", first)
    if len(digits) < _MIN_DIGITS:
        return None
    return f"tel:{'+' if first.startswith('+') else ''}{digits}"


def sms_href(text: str | None) -> str | None:
    """An ``sms:`` link for a published text service, or None when it is not clear.

    "text HOME to 741741" gives "sms:741741?&body=HOME"; "text 988" gives "sms:988".
    """
    if not text:
        return None
    text = text.strip()
    keyword_match = _TEXT_KEYWORD_TO_NUMBER.fullmatch(text)
    if keyword_match:
        keyword, number = keyword_match.groups()
        digits = _sms_number(number)
        return f"sms:{digits}?&body={quote(keyword)}" if digits else None
    number_match = _TEXT_NUMBER.fullmatch(text)
    if number_match:
        digits = _sms_number(number_match.group(1))
        return f"sms:{digits}" if digits else None
    return None


def _sms_number(number: str) -> str | None:
    digits = re.sub(r"\D", "", number)
    if len(digits) < _MIN_DIGITS:
        return None
    return f"{'+' if number.startswith('+') else ''}{digits}"
