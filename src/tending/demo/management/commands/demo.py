from django.core.management.base import BaseCommand

from tending.demo.seed import DEMO_DAYS, DEMO_PASSWORD, demo_exists, seed_demo


class Command(BaseCommand):
    help = "Create (or re-create) the demo couple with 60 days of check-ins and responses."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DEMO_DAYS)
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="keep an existing demo couple (and what was added to it) as it is",
        )

    def handle(self, *args, days, if_missing, **options):
        if if_missing and demo_exists():
            self.stdout.write("The demo couple is already there.")
            return
        robin, sam = seed_demo(days=days)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo couple ready: {robin.email} and {sam.email}, password {DEMO_PASSWORD}"
            )
        )
