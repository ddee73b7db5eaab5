"""Whole-instance backups: the database and the key files needed to read it, in one zip.

SQLite is copied with SQLite's online backup API, which is safe while the app runs. Other
databases are written as a JSON dump (Django's ``dumpdata``), which loads into any
database Tending supports; its free text is decrypted in the dump and encrypted again
under the target's key when loaded.
"""

import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.test.utils import override_settings

from tending import __version__

MANIFEST = "manifest.json"
SQLITE_MEMBER = "tending.sqlite3"
JSON_MEMBER = "data.json"
KEY_FILES = {
    "encryption_key": "TENDING_ENCRYPTION_KEY",
    "secret_key": "TENDING_SECRET_KEY",
    "vapid_private_key.pem": "TENDING_VAPID_PRIVATE_KEY",
}
DUMP_EXCLUDES = ["contenttypes", "auth.permission", "sessions"]
FORMAT_VERSION = 1


class BackupError(Exception):
    """A backup that cannot be written or restored as asked."""


@dataclass
class BackupResult:
    path: Path
    size: int
    kind: str
    key_files: list[str]
    warnings: list[str] = field(default_factory=list)


@dataclass
class RestoreResult:
    restored: list[str]
    warnings: list[str] = field(default_factory=list)


def default_backup_path(data_dir: Path, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return data_dir / "backups" / f"tending-{stamp}.zip"


def latest_migrations(connection) -> dict[str, str]:
    """The latest applied migration of each app, as recorded in the database."""
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))


def create_backup(
    output: Path, *, data_dir: Path, connection, as_json: bool = False
) -> BackupResult:
    """Write a zip (mode 0600) holding the database, the key files and a manifest."""
    kind = "sqlite" if connection.vendor == "sqlite" and not as_json else "json"
    key_files, warnings = [], []
    for name, variable in KEY_FILES.items():
        if os.environ.get(variable):
            warnings.append(
                f"{variable} is set in the environment, so that key is not in the backup: "
                "keep a copy of it with the backup."
            )
        elif (data_dir / name).exists():
            key_files.append(name)
    manifest = {
        "format": FORMAT_VERSION,
        "tending_version": __version__,
        "database_vendor": connection.vendor,
        "kind": kind,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "migrations": latest_migrations(connection),
        "key_files": key_files,
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        if kind == "sqlite":
            database_copy = Path(scratch) / SQLITE_MEMBER
            copy_sqlite_database(connection, database_copy)
        else:
            database_copy = Path(scratch) / JSON_MEMBER
            dump_json(database_copy, connection)
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with (
            os.fdopen(fd, "wb") as handle,
            zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
            archive.write(database_copy, database_copy.name)
            for name in key_files:
                archive.write(data_dir / name, name)
    return BackupResult(output, output.stat().st_size, kind, key_files, warnings)


def copy_sqlite_database(connection, destination: Path) -> None:
    """Copy the live SQLite database into a new file with SQLite's online backup API."""
    if connection.in_atomic_block:
        raise BackupError("A SQLite database cannot be copied from inside a transaction.")
    connection.ensure_connection()
    target = sqlite3.connect(destination)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


def dump_json(destination: Path, connection) -> None:
    call_command(
        "dumpdata",
        natural_foreign=True,
        natural_primary=True,
        exclude=DUMP_EXCLUDES,
        database=connection.alias,
        output=str(destination),
        verbosity=0,
    )


def read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError as error:
        raise BackupError("This zip has no manifest.json: it is not a Tending backup.") from error
    if manifest.get("format") != FORMAT_VERSION or manifest.get("kind") not in {"sqlite", "json"}:
        raise BackupError("This backup was written in a format this Tending cannot read.")
    return manifest


def has_people(connection) -> bool:
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    if user_model._meta.db_table not in connection.introspection.table_names():
        return False
    return user_model.objects.using(connection.alias).exists()


def check_restorable(manifest: dict, connection, *, force: bool) -> None:
    """Raise BackupError if restoring this backup here would be unsafe or cannot work."""
    if manifest["kind"] == "sqlite" and connection.vendor != "sqlite":
        raise BackupError(
            f"This is a SQLite backup and the configured database is {connection.vendor}. "
            "Restore it into a SQLite install, then write a JSON backup with "
            "`tending backup --json` to move to another database."
        )
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    newer = sorted(
        f"{app}.{name}"
        for app, name in manifest["migrations"].items()
        if any(known_app == app for known_app, _ in known) and (app, name) not in known
    )
    if newer:
        raise BackupError(
            "This backup comes from a newer Tending (migrations unknown here: "
            f"{', '.join(newer)}). Upgrade Tending before restoring it."
        )
    if has_people(connection) and not force:
        raise BackupError(
            "The configured database already has accounts; restoring would replace or mix "
            "with them. Use --force to restore anyway."
        )


def restore_backup(path: Path, *, data_dir: Path, connection, force: bool = False) -> RestoreResult:
    """Restore the database and key files of a backup, then bring it up to date."""
    result = RestoreResult(restored=[])
    with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as scratch:
        manifest = read_manifest(archive)
        check_restorable(manifest, connection, force=force)
        for name in manifest.get("key_files", []):
            result.restored.append(restore_key_file(archive, name, data_dir))
            if os.environ.get(KEY_FILES[name]):
                result.warnings.append(
                    f"{KEY_FILES[name]} is set in the environment and is used instead of the "
                    f"restored {name} file: it must hold the backup's key."
                )
        member = SQLITE_MEMBER if manifest["kind"] == "sqlite" else JSON_MEMBER
        extracted = Path(archive.extract(member, scratch))
        with override_settings(ENCRYPTION_KEYS=encryption_keys_in_effect(data_dir)):
            if manifest["kind"] == "sqlite":
                load_sqlite_database(extracted, connection)
                result.restored.append(
                    f"the SQLite database into {connection.settings_dict['NAME']}"
                )
                call_command("migrate", database=connection.alias, interactive=False, verbosity=0)
            else:
                call_command("migrate", database=connection.alias, interactive=False, verbosity=0)
                call_command("loaddata", str(extracted), database=connection.alias, verbosity=0)
                result.restored.append(f"the JSON dump into the {connection.vendor} database")
    return result


def restore_key_file(archive: zipfile.ZipFile, name: str, data_dir: Path) -> str:
    """Write a key file from the backup; an existing, different one is kept aside."""
    content = archive.read(name)
    target = data_dir / name
    if target.exists() and target.read_bytes() == content:
        return f"{name}: the same key is already in {data_dir}"
    kept = ""
    if target.exists():
        aside = target.with_name(f"{name}.replaced-{datetime.now():%Y%m%d-%H%M%S}")
        shutil.move(target, aside)
        kept = f" (the key it replaced is kept as {aside.name})"
    data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
    return f"{name} into {data_dir}{kept}"


def encryption_keys_in_effect(data_dir: Path) -> list[str]:
    key_file = data_dir / "encryption_key"
    if os.environ.get("TENDING_ENCRYPTION_KEY") or not key_file.exists():
        return list(settings.ENCRYPTION_KEYS)
    return [line.strip() for line in key_file.read_text().splitlines() if line.strip()]


def load_sqlite_database(source: Path, connection) -> None:
    """Replace the configured SQLite database's content with a backup copy, in place."""
    if connection.in_atomic_block:
        raise BackupError("A SQLite database cannot be restored inside a transaction.")
    connection.ensure_connection()
    backup_copy = sqlite3.connect(source)
    try:
        backup_copy.backup(connection.connection)
    finally:
        backup_copy.close()
