"""Reminders: 10,000 people due in the same minute, written to the outbox and sent.

Seeds 10,000 people whose reminder falls in one minute (half with a device that gets Web
Push from a push service on this machine, half by e-mail to Django's in-memory mailbox),
then times ``dispatch_reminders`` and ``deliver_due`` as the worker runs them, with one
worker and with two worker processes side by side (each claims its own rows). Every
reminder must be sent exactly once: the push service counts what it received.

Run: ``.venv/bin/python bench/reminders.py`` (``--database-url postgres://…`` for
PostgreSQL; ``--help`` lists the knobs).
"""

import argparse
import datetime as dt
import multiprocessing
import os
import platform
import shutil
import tempfile
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DUE = dt.datetime(2027, 3, 10, 19, 0, tzinfo=dt.UTC)
TABLE_HEADER = (
    "\n| Workers | Written | Sent | Pushes | E-mails | Dispatch s | Deliver s | Total s |\n"
    "|---:|---:|---:|---:|---:|---:|---:|---:|"
)
ZONES = ("Europe/London", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: SQLite)")
    parser.add_argument(
        "--workers",
        type=lambda text: [int(number) for number in text.split(",")],
        default=[1, 2],
        help="comma-separated numbers of worker processes to measure",
    )
    return parser.parse_args()


def push_service(port_queue, counts) -> None:
    """A push service on 127.0.0.1 in its own process: answers 201 and counts per path."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            counts[self.path] = counts.get(self.path, 0) + 1
            self.send_response(201)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            return

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 256

    server = Server(("127.0.0.1", 0), Handler)
    port_queue.put(server.server_address[1])
    server.serve_forever()


def setup_django(env: dict) -> None:
    os.environ.update(env)
    import django

    django.setup()
    from django.conf import settings

    settings.PUSH_ALLOW_LOCAL_ENDPOINTS = True


def seed(people: int, push_port: int) -> None:
    from django.core.management import call_command
    from django.db import connections, transaction

    from tending.accounts.models import User
    from tending.notifications.models import NotificationSettings, PushSubscription

    call_command("flush", interactive=False, verbosity=0)
    p256dh, auth = browser_keys()
    with transaction.atomic():
        users = User.objects.bulk_create(
            (
                User(
                    email=f"due{index}@bench.tending.local",
                    display_name=f"Due {index}",
                    timezone=ZONES[index % len(ZONES)],
                )
                for index in range(people)
            ),
            batch_size=1000,
        )
        NotificationSettings.objects.bulk_create(
            (
                NotificationSettings(
                    user=user,
                    checkin_reminder_days=list(range(7)),
                    reminder_time=DUE.astimezone(user_zone(user)).time(),
                    next_reminder_at=DUE,
                )
                for user in users
            ),
            batch_size=1000,
        )
        PushSubscription.objects.bulk_create(
            (
                PushSubscription(
                    user=user,
                    endpoint=f"http://127.0.0.1:{push_port}/push/{user.pk}",
                    p256dh=p256dh,
                    auth=auth,
                )
                for user in users[::2]
            ),
            batch_size=1000,
        )
    connections.close_all()


def browser_keys() -> tuple[str, str]:
    """The public key and auth secret a browser makes when it subscribes (base64url)."""
    import base64

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    point = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )
    encode = lambda data: base64.urlsafe_b64encode(data).rstrip(b"=").decode()  # noqa: E731
    return encode(point), encode(os.urandom(16))


def user_zone(user):
    from zoneinfo import ZoneInfo

    return ZoneInfo(user.timezone)


def work(env: dict, start_at: float, results) -> None:
    """One worker: what the every-minute job does at the minute the reminders fall due."""
    setup_django(env)
    from django.core import mail
    from django.db import connections

    from tending.notifications.delivery import deliver_due
    from tending.notifications.reminders import dispatch_reminders

    time.sleep(max(0.0, start_at - time.time()))
    began = time.perf_counter()
    written = dispatch_reminders(now=DUE)
    dispatched = time.perf_counter()
    handled = deliver_due(now=DUE + dt.timedelta(seconds=1))
    done = time.perf_counter()
    results.append(
        {
            "written": written,
            "handled": handled,
            "dispatch_s": dispatched - began,
            "deliver_s": done - dispatched,
            "emails": len(getattr(mail, "outbox", [])),
        }
    )
    connections.close_all()


def main() -> None:
    args = parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="tending-reminders-"))
    env = {
        "DJANGO_SETTINGS_MODULE": "tending.settings",
        "TENDING_DATA_DIR": str(data_dir),
        "TENDING_SECRET_KEY": "bench-" + "k" * 50,
        "TENDING_EMAIL_BACKEND": "locmem",
        "TENDING_SITE_URL": "https://tending.example.org",
    }
    if args.database_url:
        env["TENDING_DATABASE_URL"] = args.database_url
    manager = multiprocessing.Manager()
    counts = manager.dict()
    ports = manager.Queue()
    service = multiprocessing.Process(target=push_service, args=(ports, counts), daemon=True)
    service.start()
    push_port = ports.get()
    try:
        setup_django(env)
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
        print(
            f"{args.people:,} people due at {DUE:%H:%M} UTC; {os.cpu_count()} cores, Python "
            f"{platform.python_version()}; "
            f"{'PostgreSQL' if args.database_url else 'SQLite'}; load {os.getloadavg()[0]:.1f}"
        )
        print(TABLE_HEADER)
        for workers in args.workers:
            seed(args.people, push_port)
            counts.clear()
            results = manager.list()
            start_at = time.time() + 1.0
            processes = [
                multiprocessing.Process(target=work, args=(env, start_at, results))
                for _ in range(workers)
            ]
            began = time.perf_counter()
            for process in processes:
                process.start()
            for process in processes:
                process.join()
            total = time.perf_counter() - began - 1.0
            from tending.notifications.models import Notification

            statuses = Counter(Notification.objects.values_list("status", flat=True))
            pushes = sum(counts.values())
            twice = sum(1 for value in counts.values() if value > 1)
            print(
                f"| {workers} | {sum(r['written'] for r in results):,} | "
                f"{statuses.get('sent', 0):,} | {pushes:,} | {sum(r['emails'] for r in results):,} "
                f"| {max(r['dispatch_s'] for r in results):.1f} "
                f"| {max(r['deliver_s'] for r in results):.1f} | {total:.1f} |",
                flush=True,
            )
            if twice or statuses.get("sent", 0) != args.people:
                raise SystemExit(f"not sent exactly once: {dict(statuses)}, {twice} pushed twice")
        print(f"\nload average after: {os.getloadavg()[0]:.1f}")
    finally:
        service.terminate()
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
