import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from tending.notifications.scheduler import run_clock


class Command(BaseCommand):
    help = (
        "Run a worker: notifications, reminders, e-mails, weekly summaries and pruning. "
        "Several workers may share one PostgreSQL database; each job runs once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            help="seconds between looks at the queue when it is empty "
            "(default: TENDING_WORKER_POLL_SECONDS)",
        )

    def handle(self, *args, interval=None, verbosity=1, **options):
        stop = threading.Event()
        clock = threading.Thread(target=run_clock, args=(stop,), name="tending-clock", daemon=True)
        clock.start()
        try:
            call_command(
                "db_worker",
                interval=interval if interval is not None else settings.TENDING_WORKER_POLL_SECONDS,
                reload=False,
                verbosity=verbosity,
            )
        finally:
            stop.set()
            clock.join(timeout=5)
