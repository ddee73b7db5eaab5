"""``tending export --email X --output file.zip``: one person's data as an archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tending.accounts.models import User
from tending.yourdata.services import export_archive


class Command(BaseCommand):
    help = "Write everything of one person's into a zip of JSON and CSV files with a README."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="The person's e-mail address.")
        parser.add_argument("--output", required=True, type=Path, help="The zip file to write.")

    def handle(self, *args, email: str, output: Path, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"Nobody here has the e-mail address {email}.")
        data = export_archive(user=user)
        output.write_bytes(data)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(data)} bytes to {output}."))
