from django.core.management.base import BaseCommand

from tending.core.demo import DEMO_DAYS, DEMO_PASSWORD, seed_demo


class Command(BaseCommand):
    help = "Create (or re-create) the demo couple with 60 days of check-ins and responses."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DEMO_DAYS)

    def handle(self, *args, days, **options):
        robin, sam = seed_demo(days=days)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo couple ready: {robin.email} and {sam.email}, password {DEMO_PASSWORD}"
            )
        )
