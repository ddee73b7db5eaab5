"""Live updates: what 1,000 open pages cost the server while they poll for news.

Each open page asks ``GET /live/?v=<version>`` every two seconds and gets 204 while nothing
changed. This seeds 1,000 people (500 couples) with sessions, serves Tending as
``tending serve`` does (Granian, 2 workers x 4 threads, no worker), and serves the floor
app (``bench/floor_app.py``: bare Django answering 204) the same way. It measures, for
each: the most polls a second it sustains in a closed loop, the server's CPU time per
poll, and then 1,000 open pages polling at their real pace (one poll each per 2 s) for the
same time: polls answered per second, latency, and the share of the two cores used.

Run: ``.venv/bin/python bench/live_updates.py`` (``--database-url postgres://…`` for
PostgreSQL; ``--help`` lists the knobs).
"""

import argparse
import os
import platform
import random
import selectors
import shutil
import socket
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlencode

from serving import (
    HOST,
    Client,
    floor_command,
    free_port,
    production_env,
    session_cpu_seconds,
    start_server,
    stop,
    tending_command,
)

BENCH_DIR = Path(__file__).resolve().parent
POLL_SECONDS = 2.0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="open pages (people)")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per measurement")
    parser.add_argument("--concurrency", type=int, default=16, help="closed-loop clients")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: SQLite)")
    return parser.parse_args()


def seed(pages: int) -> list[tuple[str, str]]:
    """Migrate, create ``pages`` people in couples, and a session for each; returns each
    person's session key and the poll their page sends."""
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import connections, transaction

    from tending.accounts.backends import BACKEND
    from tending.accounts.models import User
    from tending.couples.models import Couple, Membership
    from tending.couples.selectors import live_version_of
    from tending.home.live import token_for

    call_command("migrate", interactive=False, verbosity=0)
    call_command("flush", interactive=False, verbosity=0)  # a PostgreSQL database is reused
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    with transaction.atomic():
        people = User.objects.bulk_create(
            User(email=f"page{index}@bench.tending.local", display_name=f"Page {index}")
            for index in range(pages)
        )
        couples = Couple.objects.bulk_create(Couple() for _ in range(pages // 2))
        Membership.objects.bulk_create(
            Membership(couple=couples[index // 2], user=person)
            for index, person in enumerate(people)
        )
    sessions = []
    for person in people:
        store = SessionStore()
        store[SESSION_KEY] = str(person.pk)
        store[BACKEND_SESSION_KEY] = BACKEND
        store[HASH_SESSION_KEY] = person.get_session_auth_hash()
        store.create()
        poll = f"/live/?{urlencode({'v': live_version_of(person), 't': token_for(person)})}"
        sessions.append((store.session_key, poll))
    connections.close_all()
    return sessions


class Polls:
    """Polls sent by several threads: how long each took and how many were not 204."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors = 0

    def send(self, client: Client, path: str, mine: list[float]) -> int:
        began = time.perf_counter()
        status, _ = client.request("GET", path)
        mine.append((time.perf_counter() - began) * 1000)
        return status != 204

    def add(self, mine: list[float], wrong: int) -> None:
        with self.lock:
            self.latencies.extend(mine)
            self.errors += wrong

    def measure(self, run, threads: int, server_pid: int) -> dict:
        cpu = session_cpu_seconds(server_pid)
        began = time.monotonic()
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(run, range(threads)))
        elapsed = time.monotonic() - began
        cpu = session_cpu_seconds(server_pid) - cpu
        return summary(len(self.latencies), self.errors, elapsed, self.latencies, cpu)


def closed_loop(port, pages, concurrency, seconds, server_pid, strip=None) -> dict:
    """As many polls as ``concurrency`` clients can send, one after the other."""
    polls = Polls()
    strip = strip or (lambda poll: poll)

    def run(slot: int) -> None:
        own = pages[slot::concurrency]
        clients = [Client(port, cookies={"sessionid": key}) for key, _ in own]
        mine: list[float] = []
        wrong = 0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            index = len(mine) % len(own)
            wrong += polls.send(clients[index], strip(own[index][1]), mine)
        for client in clients:
            client.close()
        polls.add(mine, wrong)

    return polls.measure(run, concurrency, server_pid)


def open_pages(port, pages, seconds, server_pid, threads: int = 50) -> dict:
    """Every page polls once every two seconds, as htmx does, for ``seconds``."""
    polls = Polls()
    threads = min(threads, len(pages))

    def run(slot: int) -> None:
        own = pages[slot::threads]
        client = Client(port)
        rng = random.Random(slot)
        due = [time.monotonic() + rng.random() * POLL_SECONDS for _ in own]
        end = time.monotonic() + seconds
        mine: list[float] = []
        wrong = 0
        while True:
            index = min(range(len(own)), key=due.__getitem__)
            if due[index] >= end:
                break
            time.sleep(max(0.0, due[index] - time.monotonic()))
            key, poll = own[index]
            client.cookies = {"sessionid": key}
            wrong += polls.send(client, poll, mine)
            due[index] += POLL_SECONDS
        client.close()
        polls.add(mine, wrong)

    return polls.measure(run, threads, server_pid)


def streams_served(port: int, pages: int, within: float = 5.0) -> int:
    """Open ``pages`` event streams at once; how many get their first event within 5 s."""
    chooser = selectors.DefaultSelector()
    request = f"GET /events/ HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode()
    opened = []
    for _ in range(pages):
        connection = socket.create_connection((HOST, port))
        connection.sendall(request)
        connection.setblocking(False)
        chooser.register(connection, selectors.EVENT_READ)
        opened.append(connection)
    answered = set()
    deadline = time.monotonic() + within
    while time.monotonic() < deadline and len(answered) < pages:
        for key, _ in chooser.select(timeout=0.2):
            if key.fileobj not in answered and b"data:" in key.fileobj.recv(4096):
                answered.add(key.fileobj)
                chooser.unregister(key.fileobj)
    for connection in opened:
        connection.close()
    return len(answered)


def summary(count, errors, elapsed, latencies, cpu) -> dict:
    ordered = sorted(latencies) or [float("nan")]
    return {
        "rate": count / elapsed,
        "p50": ordered[len(ordered) // 2],
        "p99": ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))],
        "errors": errors,
        "cpu_ms": 1000 * cpu / max(1, count),
        "cores": cpu / elapsed,
    }


def without_token(poll: str) -> str:
    """The poll as a page without its token sends it: answered from the session."""
    return poll.split("&t=", 1)[0]


def row(name: str, what: str, result: dict) -> str:
    return (
        f"| {name} | {what} | {result['rate']:.0f} | {result['p50']:.1f} | {result['p99']:.1f} "
        f"| {result['errors']} | {result['cpu_ms']:.2f} | {result['cores']:.2f} |"
    )


def main() -> None:
    args = parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="tending-live-"))
    env = production_env(data_dir)
    if args.database_url:
        env["TENDING_DATABASE_URL"] = args.database_url
    os.environ.clear()
    os.environ.update(env)
    try:
        pages = seed(args.pages)
        load = os.getloadavg()
        print(
            f"{len(pages)} open pages; {os.cpu_count()} cores, load {load[0]:.1f}; Python "
            f"{platform.python_version()}, granian {version('granian')}; "
            f"{'PostgreSQL' if args.database_url else 'SQLite'}; {args.workers} workers x "
            f"{args.threads} threads; {args.duration:g} s per row"
        )
        servers = {
            "floor": floor_command(args.workers, args.threads),
            "tending": tending_command(args.workers, args.threads),
        }
        rows = []
        for name, command in servers.items():
            port = free_port()
            command = (
                [*command, "--port", str(port)]
                if name == "floor"
                else [*command, "--bind", f"{HOST}:{port}"]
            )
            process = start_server(
                command, env, data_dir / f"{name}.log", port, probe="/live/", cwd=BENCH_DIR
            )
            try:
                if name == "floor":
                    streaming = streams_served(port, len(pages))
                    print(
                        f"Server-Sent Events: {streaming} of {len(pages)} pages got their first "
                        f"event within 5 s ({args.workers} workers x {args.threads} threads)",
                        flush=True,
                    )
                closed_loop(port, pages, args.concurrency, 3, process.pid)  # warm up
                result = closed_loop(port, pages, args.concurrency, args.duration, process.pid)
                rows.append(row(name, f"closed loop, {args.concurrency} clients", result))
                print(rows[-1], flush=True)
                if name == "tending":
                    result = closed_loop(
                        port,
                        pages,
                        args.concurrency,
                        args.duration,
                        process.pid,
                        strip=without_token,
                    )
                    rows.append(row(name, "closed loop, no token (session)", result))
                    print(rows[-1], flush=True)
                result = open_pages(port, pages, args.duration, process.pid)
                rows.append(row(name, f"{len(pages)} pages, 1 poll / {POLL_SECONDS:g} s", result))
                print(rows[-1], flush=True)
            finally:
                stop(process)
        print(f"\nload average after: {os.getloadavg()[0]:.1f}\n")
        print("| Server | Load | Polls/s | p50 ms | p99 ms | Not 204 | CPU ms/poll | Cores |")
        print("|---|---|---:|---:|---:|---:|---:|---:|")
        print("\n".join(rows))
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
