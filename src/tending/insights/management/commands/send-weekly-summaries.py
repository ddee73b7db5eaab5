from django.core.management.base import BaseCommand

from tending.insights.services import send_weekly_summaries


class Command(BaseCommand):
    help = (
        "E-mail last week's summary to everyone who turned it on, on their local Monday. "
        "Safe to run every hour: each week is sent once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            default="",
            help="Address of this Tending, for the link in the e-mail (e.g. https://tending.example.org).",
        )

    def handle(self, *args, site_url: str = "", **options):
        sent = send_weekly_summaries(site_url=site_url)
        self.stdout.write(f"Sent {sent} weekly summar{'y' if sent == 1 else 'ies'}.")
