import contextlib
import ctypes
import os
import signal
import subprocess
import sys
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
            "--access-log",
            action="store_true",
            help="log every request's address, path and status (off by default: which pages "
            "a person opens, such as Get help, is theirs to keep)",
        )
        parser.add_argument(
            "--no-collectstatic", action="store_true", help="skip collecting static files"
        )
        parser.add_argument(
            "--no-migrate", action="store_true", help="skip applying database migrations"
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="do not start a worker (run `tending worker` elsewhere instead)",
        )

    def handle(
        self,
        *args,
        bind,
        workers,
        threads,
        access_log,
        no_collectstatic,
        no_migrate,
        no_worker,
        **options,
    ):
        listen = listen_options(bind)
        if not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
            call_command("createcachetable", verbosity=0)
        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        connections.close_all()
        worker = None if no_worker else start_worker()
        try:
            serve(listen, workers=workers, threads=threads, access_log=access_log)
        finally:
            if worker is not None:
                stop_worker(worker)


def _end_with_parent() -> None:
    """In the worker process: be sent SIGTERM when `tending serve` itself goes away."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def start_worker() -> subprocess.Popen:
    """`tending worker` beside the web server, so one command runs everything.

    It runs in a session of its own, so a Ctrl+C meant for the server reaches it once,
    from `stop_worker`, and it can finish what it is sending."""
    return subprocess.Popen(
        [sys.executable, "-m", "tending.cli", "worker"],
        preexec_fn=_end_with_parent if sys.platform.startswith("linux") else None,
        start_new_session=True,
    )


def stop_worker(worker: subprocess.Popen) -> None:
    """Let the worker finish what it is sending, then stop it."""
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()


def serve(listen: dict, *, workers: int, threads: int, access_log: bool) -> None:
    Granian(
        "tending.wsgi:application",
        interface=Interfaces.WSGI,
        workers=workers,
        blocking_threads=threads,
        websockets=False,
        respawn_failed_workers=True,
        log_access=access_log,
        **listen,
    ).serve()
