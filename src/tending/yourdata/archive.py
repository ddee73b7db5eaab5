"""The export archive: a zip of JSON and CSV files with a README explaining each one."""

import csv
import datetime as dt
import io
import json
import textwrap
import zipfile

from django.core.serializers.json import DjangoJSONEncoder

from tending.core.exports import Document, Table

FORMAT_NAME = "tending-export"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
README = "README.txt"
MAX_ARCHIVE_MEMBER_BYTES = 200 * 1024 * 1024

README_INTRODUCTION = """\
Your data from Tending
======================

This archive holds everything Tending stores about you and that is yours: your
profile, your check-ins (every part, private and shared), the responses you sent, the
responses your partner sent to your check-ins, your invitations and what other parts of
Tending hold of yours.

It never holds your partner's private data. Responses your partner sent you are
included while you are paired with them, because they are addressed to you; your
partner's own check-ins, notes and answers are theirs and are not in your export.
Your password is not included: after importing this archive into another Tending,
set a new one with "Forgot your password?".

Each table is written twice, with the same rows: as JSON (<name>.json, a list of
objects; dates and times in ISO 8601, times in UTC) and as CSV (<name>.csv, one row
per object; lists are joined with "; "). manifest.json names the format, its version,
the time of export and every file.

An operator can restore you into a fresh Tending with `tending import <this file>`.
Pairing is not restored: invite your partner again from the new Tending.
"""


class ExportJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, but keeping every microsecond so an import restores exact times."""

    def default(self, o):
        if isinstance(o, dt.datetime):
            return o.isoformat().replace("+00:00", "Z")
        return super().default(o)


def _csv_value(value):
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, cls=ExportJSONEncoder, ensure_ascii=False)
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def table_csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(table.columns), extrasaction="ignore")
    writer.writeheader()
    for row in table.rows:
        writer.writerow({key: _csv_value(row.get(key)) for key in table.columns})
    return buffer.getvalue()


def to_json(content) -> str:
    return json.dumps(content, cls=ExportJSONEncoder, ensure_ascii=False, indent=2) + "\n"


def rows_json(rows: list[dict]) -> str:
    """A JSON list with one object a line: readable, and fast to write for long tables."""
    encoder = ExportJSONEncoder(ensure_ascii=False)
    return "[\n" + ",\n".join(encoder.encode(row) for row in rows) + "\n]\n"


def readme_text(parts: list[Table | Document]) -> str:
    sections = [README_INTRODUCTION]
    for part in parts:
        if isinstance(part, Table):
            heading = f"{part.name}.json and {part.name}.csv ({len(part.rows)} rows)"
            lines = [heading, "-" * len(heading), textwrap.fill(part.description, 80), ""]
            width = max(len(name) for name in part.columns)
            for name, meaning in part.columns.items():
                lines.append(
                    textwrap.fill(
                        meaning,
                        80,
                        initial_indent=f"  {name.ljust(width)}  ",
                        subsequent_indent=" " * (width + 4),
                    )
                )
        else:
            lines = [part.path, "-" * len(part.path), textwrap.fill(part.description, 80)]
        sections.append("\n".join(lines) + "\n")
    return "\n".join(sections)


def build_archive(parts: list[Table | Document], *, exported_at) -> bytes:
    tables = [part for part in parts if isinstance(part, Table)]
    documents = [part for part in parts if isinstance(part, Document)]
    manifest = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": exported_at,
        "tables": {table.name: [f"{table.name}.json", f"{table.name}.csv"] for table in tables},
        "documents": [document.path for document in documents],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(README, readme_text(parts))
        archive.writestr(MANIFEST, to_json(manifest))
        for table in tables:
            archive.writestr(f"{table.name}.json", rows_json(table.rows))
            archive.writestr(f"{table.name}.csv", table_csv(table))
        for document in documents:
            archive.writestr(document.path, to_json(document.content))
    return buffer.getvalue()


class UnreadableArchiveError(Exception):
    """The file is not a Tending export this version can read; the message says why."""


def read_tables(data: bytes) -> dict[str, list[dict]]:
    """The rows of every table of an export archive, keyed by table name."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise UnreadableArchiveError("This file is not a zip archive.") from error
    with archive:
        manifest = json.loads(_member(archive, MANIFEST))
        if manifest.get("format") != FORMAT_NAME:
            raise UnreadableArchiveError("This zip archive is not a Tending export.")
        if manifest.get("version") != FORMAT_VERSION:
            raise UnreadableArchiveError(
                f"This export has format version {manifest.get('version')}; "
                f"this Tending reads version {FORMAT_VERSION}."
            )
        return {name: json.loads(_member(archive, f"{name}.json")) for name in manifest["tables"]}


def _member(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError as error:
        raise UnreadableArchiveError(f"The export has no {name}.") from error
    if info.file_size > MAX_ARCHIVE_MEMBER_BYTES:
        raise UnreadableArchiveError(f"{name} is larger than any export Tending writes.")
    return archive.read(info)
