"""Serving benchmark: granian (``tending serve``) against gunicorn on home and check-in submit.

Creates a throw-away data directory with production settings, seeds the demo couple and
paired extra people with weeks of check-ins, then for each server: starts it on a free
loopback port, logs virtual users in over HTTP, warms up and drives concurrent load on
``GET /`` and ``POST /check-in/``. Prints requests per second, p50/p99 latency and errors.

Run: ``.venv/bin/python bench/serve_load.py`` (``--help`` lists the knobs).
"""

import argparse
import datetime as dt
import http.client
import os
import platform
import random
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path
from statistics import median

from serving import (
    BIN_DIR,
    HOST,
    Client,
    free_port,
    prepare_database,
    production_env,
    remove_unless_kept,
    session_cpu_seconds,
    start_server,
    stop,
)

from tending.checkins.feelings import EMOTION_WORDS, NEEDS

PASSWORD = "bench-password-7319"
ENDPOINTS = ("home", "check-in")
MAX_REQUESTS_PER_CLIENT = 200_000
ZONES = ("Europe/London", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200, help="extra seeded people (paired)")
    parser.add_argument("--days", type=int, default=60, help="days of check-ins per person")
    parser.add_argument("--virtual-users", type=int, default=64, help="people logged in")
    parser.add_argument(
        "--concurrency",
        type=lambda text: [int(part) for part in text.split(",")],
        default=[16, 32],
        help="comma-separated numbers of concurrent clients",
    )
    parser.add_argument("--duration", type=float, default=15.0, help="seconds per measurement")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds of warm-up per server")
    parser.add_argument("--workers", type=int, default=2, help="worker processes per server")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument(
        "--servers",
        type=lambda text: text.split(","),
        default=["gunicorn", "granian"],
        help="comma-separated servers to measure: gunicorn, granian",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=2,
        help="rounds; servers take turns, in reverse order every second round",
    )
    parser.add_argument("--keep", action="store_true", help="keep the data directory")
    args = parser.parse_args()
    unknown = set(args.servers) - {"gunicorn", "granian"}
    if unknown:
        parser.error(f"unknown server: {', '.join(sorted(unknown))}")
    if args.virtual_users > args.users:
        parser.error("--virtual-users cannot exceed --users")
    return args


def seed(extra_people: int, days: int) -> list[str]:
    """Migrate, seed the demo couple and paired extra people; return the extra e-mails."""
    prepare_database()
    from django.contrib.auth.hashers import make_password
    from django.db import connections, transaction

    from tending.accounts.models import User
    from tending.checkins.models import CheckIn
    from tending.core.timezones import local_today
    from tending.couples.models import Couple, Membership
    from tending.demo.seed import seed_demo

    seed_demo(days=days)
    rng = random.Random(7)
    words = sorted(EMOTION_WORDS)
    needs = [key for key, _ in NEEDS if key != "nothing"]
    password_hash = make_password(PASSWORD)
    with transaction.atomic():
        people = User.objects.bulk_create(
            User(
                email=f"person{index}@bench.tending.local",
                display_name=f"Person {index}",
                timezone=ZONES[index % len(ZONES)],
                country="GB",
                password=password_hash,
            )
            for index in range(extra_people - extra_people % 2)
        )
        couples = Couple.objects.bulk_create(Couple() for _ in range(len(people) // 2))
        Membership.objects.bulk_create(
            Membership(couple=couples[index // 2], user=person)
            for index, person in enumerate(people)
        )
        checkins = []
        for person in people:
            today = local_today(person)
            for offset in range(days, 0, -1):
                if rng.random() < 0.12:
                    continue
                checkins.append(
                    CheckIn(
                        user=person,
                        local_date=today - dt.timedelta(days=offset),
                        mood=rng.randint(1, 5),
                        stress=rng.randint(1, 5),
                        energy=rng.randint(1, 5),
                        connection=rng.randint(1, 5),
                        sleep_hours=Decimal(rng.randint(10, 18)) / 2,
                        emotions=rng.sample(words, rng.randint(1, 3)),
                        needs=rng.sample(needs, rng.randint(0, 2)),
                        note="A slow day, but a good walk in the evening."
                        if rng.random() < 0.3
                        else "",
                        share_note=rng.random() < 0.4,
                    )
                )
        CheckIn.objects.bulk_create(checkins, batch_size=1000)
    connections.close_all()
    return [person.email for person in people]


def server_command(server: str, port: int, workers: int, threads: int) -> list[str]:
    """Granian as ``tending serve`` runs it; gunicorn as ``tending serve`` used to run it."""
    if server == "granian":
        return [
            str(BIN_DIR / "tending"),
            "serve",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--access-log",  # as gunicorn's below
        ]
    return [
        str(BIN_DIR / "gunicorn"),
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--worker-class",
        "gthread",
        "--access-logfile",
        "-",
        "--no-control-socket",
        "tending.wsgi:application",
    ]


def checkin_form(client: Client, rng: random.Random) -> dict:
    return {
        "csrfmiddlewaretoken": client.csrf_token,
        "mood": rng.randint(1, 5),
        "stress": rng.randint(1, 5),
        "energy": rng.randint(1, 5),
        "connection": rng.randint(1, 5),
        "sleep_hours": "7.5",
        "emotions": sorted(EMOTION_WORDS)[:2],
        "needs": ["talk"],
        "note": "Long day at work; glad to be home.",
        "share_numbers": "on",
        "share_emotions": "on",
        "share_needs": "on",
    }


@dataclass
class Result:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    server_cpu_seconds: float

    @property
    def rate(self) -> float:
        return (self.requests - self.errors) / self.seconds

    @property
    def cpu_ms_per_request(self) -> float:
        return 1000 * self.server_cpu_seconds / max(1, self.requests)

    def percentile(self, fraction: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def drive(
    clients: list[Client], endpoint: str, concurrency: int, seconds: float, server_pid: int
) -> Result:
    """Run ``concurrency`` clients in a closed loop for ``seconds``; each owns its people."""
    lock = threading.Lock()
    latencies: list[float] = []
    errors = 0
    start_barrier = threading.Barrier(concurrency)

    def run(slot: int) -> None:
        nonlocal errors
        own = clients[slot::concurrency]
        rng = random.Random(slot)
        local_latencies: list[float] = []
        local_errors = 0
        start_barrier.wait()
        deadline = time.monotonic() + seconds
        for count in range(MAX_REQUESTS_PER_CLIENT):
            if time.monotonic() >= deadline:
                break
            client = own[count % len(own)]
            began = time.perf_counter()
            try:
                if endpoint == "home":
                    status, _ = client.request("GET", "/")
                    ok = status == 200
                else:
                    status, _ = client.request("POST", "/check-in/", checkin_form(client, rng))
                    ok = status == 302
            except (OSError, http.client.HTTPException):
                ok = False
            elapsed = (time.perf_counter() - began) * 1000
            if ok:
                local_latencies.append(elapsed)
            else:
                local_errors += 1
        with lock:
            latencies.extend(local_latencies)
            errors += local_errors

    cpu_before = session_cpu_seconds(server_pid)
    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(run, range(concurrency)))
    elapsed = time.monotonic() - began
    cpu_seconds = session_cpu_seconds(server_pid) - cpu_before
    return Result(len(latencies) + errors, errors, elapsed, latencies, cpu_seconds)


def measure_server(server: str, args, env: dict, emails: list[str], log_dir: Path) -> list:
    port = free_port()
    command = server_command(server, port, args.workers, args.threads)
    log_path = log_dir / f"{server}.log"
    print(f"\n{server}: {' '.join(command)}", flush=True)
    process = start_server(command, env, log_path, port, probe="/accounts/login/")
    try:
        clients = [Client(port) for _ in range(args.virtual_users)]
        began = time.monotonic()
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(
                pool.map(
                    lambda client, email: client.log_in(email, PASSWORD),
                    clients,
                    emails[: args.virtual_users],
                )
            )
        print(f"  logged in {len(clients)} people in {time.monotonic() - began:.1f} s")
        for endpoint in ENDPOINTS:
            drive(
                clients,
                endpoint,
                max(args.concurrency),
                args.warmup / len(ENDPOINTS),
                process.pid,
            )
        rows = []
        for endpoint in ENDPOINTS:
            for concurrency in args.concurrency:
                result = drive(clients, endpoint, concurrency, args.duration, process.pid)
                row = (server, endpoint, concurrency, result)
                print("  " + format_row(row), flush=True)
                rows.append(row)
        for client in clients:
            client.close()
        return rows
    finally:
        stop(process)


TABLE_HEADER = (
    "| Server | Endpoint | Clients | Req/s | p50 ms | p99 ms | Errors | Server CPU ms/req |\n"
    "|---|---|---:|---:|---:|---:|---:|---:|"
)


def format_row(row) -> str:
    server, endpoint, concurrency, result = row
    return (
        f"| {server} | {endpoint} | {concurrency} | {result.rate:.1f} | "
        f"{result.percentile(0.50):.1f} | {result.percentile(0.99):.1f} | {result.errors} | "
        f"{result.cpu_ms_per_request:.1f} |"
    )


def print_summary(rows: list) -> None:
    """One line per server, endpoint and concurrency: medians over rounds, errors summed."""
    grouped: dict[tuple, list[Result]] = {}
    for server, endpoint, concurrency, result in rows:
        grouped.setdefault((server, endpoint, concurrency), []).append(result)
    print(f"\nMedian of {len(next(iter(grouped.values())))} round(s):\n")
    print(TABLE_HEADER)
    for (server, endpoint, concurrency), results in sorted(
        grouped.items(), key=lambda item: (item[0][1], item[0][2], item[0][0])
    ):
        rate = median(r.rate for r in results)
        p50 = median(r.percentile(0.50) for r in results)
        p99 = median(r.percentile(0.99) for r in results)
        errors = sum(r.errors for r in results)
        cpu = median(r.cpu_ms_per_request for r in results)
        print(
            f"| {server} | {endpoint} | {concurrency} | {rate:.1f} | {p50:.1f} | {p99:.1f} "
            f"| {errors} | {cpu:.1f} |"
        )


def main() -> None:
    args = parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="tending-bench-"))
    env = production_env(data_dir)
    os.environ.clear()
    os.environ.update(env)
    try:
        began = time.monotonic()
        emails = seed(args.users, args.days)
        print(
            f"Seeded {len(emails)} people with {args.days} days of check-ins in "
            f"{time.monotonic() - began:.1f} s into {data_dir}"
        )
        print(
            f"{os.cpu_count()} cores, Python {platform.python_version()}, "
            f"gunicorn {version('gunicorn')}, granian {version('granian')}, "
            f"{dt.date.today().isoformat()}; {args.workers} workers x {args.threads} threads, "
            f"{args.virtual_users} people logged in, {args.duration:g} s per row"
        )
        rows = []
        for round_number in range(1, args.rounds + 1):
            print(f"\nRound {round_number} of {args.rounds}")
            order = args.servers if round_number % 2 else args.servers[::-1]
            for server in order:
                rows.extend(measure_server(server, args, env, emails, data_dir))
        print_summary(rows)
    finally:
        remove_unless_kept(data_dir, args.keep)


if __name__ == "__main__":
    main()
