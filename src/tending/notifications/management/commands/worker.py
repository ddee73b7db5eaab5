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
        parser.add_argument(
            "--batch",
            action="store_true",
            help="run the jobs already queued, then stop (without the clock)",
        )

    def handle(self, *args, interval=None, batch=False, verbosity=1, **options):
        stop = threading.Event()
        clock = threading.Thread(target=run_clock, args=(stop,), name="tending-clock", daemon=True)
        if not batch:
            clock.start()
        try:
            call_command(
                "db_worker",
                interval=interval if interval is not None else settings.TENDING_WORKER_POLL_SECONDS,
                reload=False,
                batch=batch,
                startup_delay=not batch,
                verbosity=verbosity,
            )
        finally:
            stop.set()
            if clock.is_alive():
                clock.join(timeout=5)
