"""``tending backup``: the database and its key files in one zip."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection

from tending.core.backup import create_backup, default_backup_path


class Command(BaseCommand):
    help = (
        "Write a zip with a consistent copy of the database, the encryption_key and "
        "secret_key files of the data directory, and a manifest. SQLite is copied with "
        "SQLite's online backup API, safe while Tending runs; other databases (PostgreSQL) "
        "are written as a JSON dump (dumpdata with natural keys, without contenttypes, "
        "permissions and sessions). The zip holds the keys: keep it private."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="where to write the zip (default: DATA_DIR/backups/tending-<time>.zip)",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="write a JSON dump even from SQLite, e.g. to move to PostgreSQL",
        )

    def handle(self, *args, output, json, **options):
        output = output or default_backup_path(settings.DATA_DIR)
        result = create_backup(
            output, data_dir=settings.DATA_DIR, connection=connection, as_json=json
        )
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        keys = ", ".join(result.key_files) or "no key files"
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {result.path} ({result.size} bytes): "
                f"{result.kind} database, {keys}."
            )
        )
