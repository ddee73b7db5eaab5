from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tending.core.demo import DEMO_DAYS, DEMO_PASSWORD, demo_exists, seed_demo


class Command(BaseCommand):
    help = "Create (or re-create) the demo couple with 60 days of check-ins and responses."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DEMO_DAYS)
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="keep an existing demo couple (and what was added to it) as it is",
        )
        parser.add_argument(
            "--i-know-this-is-public",
            action="store_true",
            dest="public_is_fine",
            help="seed the demo couple even though TENDING_DEBUG is off",
        )

    def handle(self, *args, days, if_missing, public_is_fine, **options):
        if not settings.DEBUG and not public_is_fine:
            raise CommandError(
                "The demo accounts' password is printed in the README, so anyone could log "
                "in as them. Seed them only on a development machine with TENDING_DEBUG=1, "
                "or pass --i-know-this-is-public if this server is a public demo."
            )
        if if_missing and demo_exists():
            self.stdout.write("The demo couple is already there.")
            return
        robin, sam = seed_demo(days=days)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo couple ready: {robin.email} and {sam.email}, password {DEMO_PASSWORD}"
            )
        )
