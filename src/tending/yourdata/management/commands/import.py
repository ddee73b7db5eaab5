"""``tending import file.zip``: restore one person from their export into this Tending."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tending.yourdata.archive import UnreadableArchiveError
from tending.yourdata.services import ImportRefusedError, import_archive


class Command(BaseCommand):
    help = (
        "Create the person of an export archive with their profile, check-ins and other "
        "data of their own. Pairing is not restored, and they set a new password by "
        "resetting it by e-mail."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="A zip written by `tending export`.")

    def handle(self, *args, archive: Path, **options):
        if not archive.is_file():
            raise CommandError(f"There is no file at {archive}.")
        try:
            user = import_archive(data=archive.read_bytes())
        except (ImportRefusedError, UnreadableArchiveError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {user.email}. They can now set a password with "
                "'Forgot your password?' on the log-in page, and invite their partner again."
            )
        )
