import os
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from granian import Granian
from granian.constants import Interfaces


def listen_options(bind: str) -> dict:
    """Granian's address options for ``host:port``, ``[ipv6]:port`` or ``unix:/path``."""
    if bind.startswith("unix:"):
        return {"uds": Path(bind.removeprefix("unix:"))}
    host, _, port = bind.rpartition(":")
    if not host or not port.isdigit():
        raise CommandError(f"--bind takes host:port or unix:/path, not {bind!r}")
    return {"address": host.removeprefix("[").removesuffix("]"), "port": int(port)}


class Command(BaseCommand):
    help = "Serve Tending with a production WSGI server (Granian)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind", default="127.0.0.1:8000", help="host:port or unix:/path to listen on"
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=min(4, os.cpu_count() or 1),
            help="worker processes (default: one per core, at most 4)",
        )
        parser.add_argument("--threads", type=int, default=4, help="threads per worker")
        parser.add_argument(
            "--no-collectstatic", action="store_true", help="skip collecting static files"
        )
        parser.add_argument(
            "--no-migrate", action="store_true", help="skip applying database migrations"
        )

    def handle(self, *args, bind, workers, threads, no_collectstatic, no_migrate, **options):
        listen = listen_options(bind)
        if not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
            call_command("createcachetable", verbosity=0)
        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        connections.close_all()
        Granian(
            "tending.wsgi:application",
            interface=Interfaces.WSGI,
            workers=workers,
            blocking_threads=threads,
            websockets=False,
            respawn_failed_workers=True,
            log_access=True,
            **listen,
        ).serve()
