"""``tending rotate-key``: re-encrypt all free text under the current encryption key."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from tending.core.encryption import new_key, write_key_file
from tending.core.rotation import DEFAULT_BATCH_SIZE, rotate_all


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field under the first key of the key list. Put a new "
        "key first in TENDING_ENCRYPTION_KEY (keeping the old ones after it), or use "
        "--generate to add a new key to the encryption_key file in the data directory."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--generate",
            action="store_true",
            help="Write a new key first into the key file, keeping the old keys after it.",
        )
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)

    def handle(self, *args, generate: bool, batch_size: int, **options):
        keys = list(settings.ENCRYPTION_KEYS)
        if generate:
            keys = self._generate_key(keys)
        with override_settings(ENCRYPTION_KEYS=keys):
            results = rotate_all(batch_size=batch_size)
        total = 0
        for result in results:
            total += result.rows
            fields = ", ".join(result.fields)
            self.stdout.write(f"{result.label} ({fields}): {result.rows} rows re-encrypted")
        self.stdout.write(
            self.style.SUCCESS(
                f"{total} rows re-encrypted under the current key. Once this has run on "
                "every database that uses these keys, the older keys can be removed."
            )
        )

    def _generate_key(self, keys: list[str]) -> list[str]:
        if os.environ.get("TENDING_ENCRYPTION_KEY"):
            raise CommandError(
                "The keys come from TENDING_ENCRYPTION_KEY, which this command cannot change. "
                "Put a new key first in that variable (keep the old ones after it), restart, "
                "and run `tending rotate-key` without --generate. A new key: "
                f"{new_key()}"
            )
        keys = [new_key(), *keys]
        write_key_file(settings.ENCRYPTION_KEY_FILE, keys)
        self.stdout.write(f"A new key was written first into {settings.ENCRYPTION_KEY_FILE}.")
        return keys
