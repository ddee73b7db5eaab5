"""``tending restore``: bring back a zip written by ``tending backup``."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from tending.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a zip written by `tending backup` into the configured database and data "
        "directory, then apply migrations. Refuses a database that already has accounts "
        "unless --force. A SQLite backup restores only into SQLite; a JSON backup loads "
        "into any database. A key file already in the data directory that differs from "
        "the backup's is kept aside with a .replaced-<time> suffix."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the backup zip")
        parser.add_argument(
            "--force", action="store_true", help="restore even if the database has accounts"
        )

    def handle(self, *args, path, force, **options):
        if not path.is_file():
            raise CommandError(f"There is no backup at {path}.")
        try:
            result = restore_backup(
                path, data_dir=settings.DATA_DIR, connection=connection, force=force
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        for line in result.restored:
            self.stdout.write(f"Restored {line}.")
        self.stdout.write("Applied the migrations of this Tending version.")
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        self.stdout.write(
            self.style.SUCCESS("Restore complete. Restart Tending to use the restored keys.")
        )
