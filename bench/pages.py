"""Pages: how fast each daily page answers, as a ratio to the floor measured in the same run.

Creates a throw-away data directory with production settings, seeds the demo couple
(60 days, as ``tending demo`` does) and measures every daily page two ways:

- in process: Django's test client in a process of its own on the same data (DEBUG off),
  warmed up, then many runs interleaved across versions; the median time and the number
  of database queries (counted with a connection execute wrapper);
- served: ``tending serve`` (Granian, 2 workers) against the floor app
  (``bench/floor_app.py`` with session and authentication middleware, on its own SQLite
  database, under Granian WSGI with the same workers and threads), each page loaded by
  ``wrk -t2 -c32 --latency`` with the person's session cookie; the check-in post is a Lua
  script that sends the form with its CSRF token, every request a valid edit. Prints
  requests a second, p50 and p99, and the ratio to the floor's requests a second measured
  just before.

``--years N`` also measures the couple with N years of daily check-ins; ``--against REV``
also measures the revision REV (checked out with ``git worktree add``, its own data
directory), interleaved with the current tree; ``--database-url postgres://…`` runs
Tending on PostgreSQL (a database of its own per version, dropped at the end; the floor
stays on SQLite).

Run: ``.venv/bin/python bench/pages.py`` (``--help`` lists the knobs).
"""

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from statistics import median
from urllib.parse import urlsplit, urlunsplit

import serving
from serving import BIN_DIR, HOST, Client
from wrk_runs import WrkResult, parse_wrk, post_script, wrk_command

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    method: str = "GET"
    status: int = 200
    served: bool = True  # measured under wrk too, not only in process


PAGES = (
    Page("home", "/"),
    Page("check-in", "/check-in/"),
    Page("check-in-post", "/check-in/", method="POST", status=302),
    Page("history", "/check-in/history/"),
    Page("partner", "/partner/"),
    Page("practices", "/practices/"),
    Page("question", "/practices/questions/"),
    Page("appreciations", "/practices/appreciations/"),
    Page("insights-7", "/insights/?days=7"),
    Page("insights-30", "/insights/?days=30"),
    Page("insights-90", "/insights/?days=90"),
    Page("insights-365", "/insights/?days=365"),
    Page("get-help", "/help/"),
    Page("not-found", "/no-such-page/", status=404, served=False),
)
FLOOR_PAGE = Page("floor", "/")
CHECKIN_FORM = {
    "mood": 3,
    "stress": 3,
    "energy": 3,
    "connection": 4,
    "sleep_hours": "7.5",
    "emotions": ["calm", "hopeful"],
    "needs": ["talk"],
    "note": "Long day at work; glad to be home.",
    "share_numbers": "on",
    "share_emotions": "on",
    "share_needs": "on",
}
VARIED_FIELD = "mood"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    names = [page.name for page in PAGES]
    parser.add_argument(
        "--pages",
        type=lambda text: text.split(","),
        default=names,
        help=f"comma-separated pages to measure (default: all): {', '.join(names)}",
    )
    parser.add_argument(
        "--serve-pages",
        type=lambda text: text.split(","),
        help="comma-separated pages to load with wrk (default: those of --pages)",
    )
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of wrk per row")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of wrk first")
    parser.add_argument("--rounds", type=int, default=1, help="wrk rounds, order reversed")
    parser.add_argument("--runs", type=int, default=60, help="in-process runs per page")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per server worker")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections")
    parser.add_argument("--years", type=int, default=0, help="also a couple with N years")
    parser.add_argument("--against", metavar="REV", help="also measure git revision REV")
    parser.add_argument("--database-url", default="", help="PostgreSQL URL for Tending")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--in-process-only", action="store_true")
    only.add_argument("--serve-only", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the data directories")
    args = parser.parse_args()
    unknown = set(args.pages) - set(names)
    if unknown:
        parser.error(f"unknown page: {', '.join(sorted(unknown))}")
    unknown = set(args.serve_pages or ()) - set(names)
    if unknown:
        parser.error(f"unknown page: {', '.join(sorted(unknown))}")
    served = args.serve_pages or args.pages
    args.serve_pages = [page for page in PAGES if page.name in served and page.served]
    args.pages = [page for page in PAGES if page.name in args.pages]
    if args.database_url and not args.database_url.startswith(("postgres://", "postgresql://")):
        parser.error("--database-url takes a postgres:// URL")
    return args


@dataclass
class Target:
    """One version of Tending on one set of data, or the floor."""

    name: str
    src: Path | None  # None for the floor
    data_dir: Path
    years: int = 0
    database_url: str = ""
    env: dict = field(default_factory=dict)
    email: str = ""
    password: str = ""
    session_cookie: str = ""  # the floor's

    @property
    def is_floor(self) -> bool:
        return self.src is None


def missing_tools(args) -> list[str]:
    missing = []
    if not args.in_process_only and shutil.which("wrk") is None:
        missing.append("wrk (Debian: apt-get install wrk)")
    if not (BIN_DIR / "granian").exists():
        missing.append(f"granian in {BIN_DIR} (pip install -e '.[dev]')")
    if args.against and shutil.which("git") is None:
        missing.append("git")
    return missing


def checkout(revision: str, workdir: Path) -> Path:
    """``git worktree add`` the revision into the work directory; returns its root."""
    tree = workdir / "against"
    subprocess.run(
        ["git", "worktree", "add", "--detach", "--quiet", str(tree), revision],
        cwd=ROOT,
        check=True,
    )
    return tree


def remove_checkout(tree: Path) -> None:
    subprocess.run(
        ["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, capture_output=True
    )
    subprocess.run(["git", "worktree", "prune"], cwd=ROOT, capture_output=True)


def maintenance_url(url: str) -> str:
    """The same PostgreSQL server's ``postgres`` database, to create and drop others from."""
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def database_for(url: str, suffix: str) -> str:
    """A fresh PostgreSQL database named after the one in ``url``; returns its URL."""
    import psycopg

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'tending'}_pages_{suffix}"
    with psycopg.connect(maintenance_url(url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def drop_database(url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(maintenance_url(url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_python(target: Target, *arguments: str, **options) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BENCH_DIR / "pages_worker.py"), *arguments],
        env=target.env,
        cwd=BENCH_DIR,
        text=True,
        check=True,
        stdout=subprocess.PIPE,
        **options,
    )


def prepare(target: Target) -> None:
    target.data_dir.mkdir(parents=True)
    if target.is_floor:
        target.env = {**os.environ, "FLOOR_DATABASE": str(target.data_dir / "floor.sqlite3")}
        created = subprocess.run(
            [sys.executable, str(BENCH_DIR / "floor_app.py")],
            env=target.env,
            cwd=BENCH_DIR,
            text=True,
            check=True,
            stdout=subprocess.PIPE,
        )
        target.session_cookie = f"sessionid={created.stdout.strip()}"
        return
    target.env = serving.production_env(target.data_dir)
    target.env["PYTHONPATH"] = str(target.src)
    if target.database_url:
        target.env["TENDING_DATABASE_URL"] = target.database_url
    began = time.monotonic()
    log_path = target.data_dir / "seed.log"
    with log_path.open("w") as log:
        try:
            seeded = run_python(
                target, "seed", "--years", str(target.years), stderr=log
            ).stdout.splitlines()
        except subprocess.CalledProcessError:
            tail = "\n".join(log_path.read_text().splitlines()[-15:])
            raise RuntimeError(f"seeding {target.name} failed:\n{tail}") from None
    person = json.loads(seeded[-1])
    target.email, target.password = person["email"], person["password"]
    print(
        f"  {target.name}: {person['checkins']:,} check-ins for {person['email']}, "
        f"seeded in {time.monotonic() - began:.0f} s",
        flush=True,
    )


# In process ---------------------------------------------------------------------------


class InProcess:
    """A ``pages_worker.py measure`` process for one target, answering one page at a time."""

    def __init__(self, target: Target):
        self.target = target
        arguments = ["measure", "--floor"] if target.is_floor else ["measure"]
        self.log = (target.data_dir / "in-process.log").open("a")
        self.process = subprocess.Popen(
            [sys.executable, str(BENCH_DIR / "pages_worker.py"), *arguments],
            env=target.env,
            cwd=BENCH_DIR,
            text=True,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
        )
        self.read()

    def read(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(
                f"the in-process measurement of {self.target.name} stopped; "
                f"see {self.target.data_dir / 'in-process.log'}"
            )
        return json.loads(line)

    def run(self, page: Page, runs: int) -> dict:
        command = {"method": page.method, "path": page.path, "runs": runs}
        if page.method == "POST":
            command.update(form=CHECKIN_FORM, vary=VARIED_FIELD)
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        answer = self.read()
        if answer["status"] != page.status:
            raise RuntimeError(
                f"{page.name} on {self.target.name} answered {answer['status']}, not {page.status}"
            )
        return answer

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def in_process(targets: list[Target], floor: Target, pages: list[Page], runs: int) -> dict:
    """Median time and queries per (target, page): warm-up, then runs in batches of ten,
    the targets taking turns, in reverse order every other batch."""
    workers = {target.name: InProcess(target) for target in [floor, *targets]}
    try:
        batches = max(1, runs // 10)
        results = {}
        for page in [FLOOR_PAGE, *pages]:
            names = [floor.name] if page is FLOOR_PAGE else [target.name for target in targets]
            times: dict[str, list[float]] = {name: [] for name in names}
            queries = {}
            for name in names:
                workers[name].run(page, 5)  # warm-up
            for batch in range(batches):
                for name in names if batch % 2 == 0 else names[::-1]:
                    answer = workers[name].run(page, runs // batches)
                    times[name] += answer["times_ms"]
                    queries[name] = answer["queries"]
            for name in names:
                results[name, page.name] = (median(times[name]), queries[name])
        return results
    finally:
        for worker in workers.values():
            worker.close()


# Served -------------------------------------------------------------------------------


def start(
    target: Target, workers: int, threads: int, log_dir: Path
) -> tuple[subprocess.Popen, Client]:
    port = serving.free_port()
    log = log_dir / f"{re.sub(r'[^a-z0-9]+', '-', target.name.lower())}.log"
    if target.is_floor:
        command = [
            *serving.floor_command(workers, threads),
            "--no-ws",
            "--port",
            str(port),
        ]
        process = serving.start_server(command, target.env, log, port, probe="/", cwd=BENCH_DIR)
        client = Client(port)
        client.cookies["sessionid"] = target.session_cookie.split("=", 1)[1]
        return process, client
    command = [*serving.tending_command(workers, threads), "--bind", f"{HOST}:{port}"]
    process = serving.start_server(command, target.env, log, port, probe="/accounts/login/")
    client = Client(port)
    client.log_in(target.email, target.password)
    return process, client


def check(client: Client, page: Page, target: Target) -> None:
    """The page answers as it should for the signed-in person (else wrk would time a
    redirect to the log-in page)."""
    form = None
    if page.method == "POST":
        form = {**CHECKIN_FORM, "csrfmiddlewaretoken": client.csrf_token}
    status, text = client.request(page.method, page.path, form)
    expected = page.status
    if status != expected or (page is FLOOR_PAGE and "floor@" not in text):
        raise RuntimeError(f"{page.name} on {target.name} answered {status}, not {expected}")


def load(
    client: Client,
    page: Page,
    seconds: float,
    args,
    script_dir: Path,
    connections: int | None = None,
) -> WrkResult:
    script = None
    if page.method == "POST":
        script = script_dir / "post.lua"
        form = {**CHECKIN_FORM, "csrfmiddlewaretoken": client.csrf_token}
        script.write_text(post_script(form, VARIED_FIELD, range(1, 6)))
    command = wrk_command(
        f"http://{HOST}:{client.port}{page.path}",
        client.cookie_header(),
        seconds=seconds,
        connections=connections or args.connections,
        script=str(script) if script else None,
    )
    report = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse_wrk(report)


def warm_up(client: Client, target: Target, args, workdir: Path, limit: float = 180) -> None:
    """Load the first page, a few requests at a time, until every worker has imported the
    code on its first request (seconds each on a busy machine) and answers steadily."""
    page = FLOOR_PAGE if target.is_floor else PAGES[0]
    check(client, page, target)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        result = load(client, page, 2, args, workdir, connections=4)
        if result.requests and not result.errors and result.p99_ms < 1000:
            return
    print(f"  {target.name} still answered slowly after {limit:.0f} s of warm-up", flush=True)


def served(targets: list[Target], floor: Target, args, workdir: Path) -> list[tuple]:
    """Rows of (page, target, wrk result, server CPU ms a request, the same two for the
    floor): per page, the floor first, then the targets, in reverse order every other
    round."""
    servers: dict[str, tuple[subprocess.Popen, Client]] = {}
    rows = []
    try:
        for target in [floor, *targets]:
            servers[target.name] = start(target, args.workers, args.threads, workdir)
            warm_up(servers[target.name][1], target, args, workdir)
        pages = args.serve_pages
        for round_number in range(args.rounds):
            order = targets if round_number % 2 == 0 else targets[::-1]
            for page in pages:
                measured = {}
                for target in [floor, *order]:
                    process, client = servers[target.name]
                    floor_page = FLOOR_PAGE if target.is_floor else page
                    check(client, floor_page, target)
                    if args.warmup:
                        load(client, floor_page, args.warmup, args, workdir)
                    cpu = serving.session_cpu_seconds(process.pid)
                    result = load(client, floor_page, args.duration, args, workdir)
                    cpu = serving.session_cpu_seconds(process.pid) - cpu
                    cpu_ms = 1000 * cpu / max(1, result.requests)
                    measured[target.name] = (result, cpu_ms)
                    check(client, floor_page, target)
                for target in order:
                    row = (page.name, target.name, *measured[target.name], *measured[floor.name])
                    print("  " + served_row(row), flush=True)
                    rows.append(row)
        return rows
    finally:
        for process, client in servers.values():
            client.close()
            serving.stop(process)


# Output -------------------------------------------------------------------------------


def ratio(one: float, other: float) -> float:
    return one / other if other else float("nan")


def served_row(row: tuple) -> str:
    page, name, result, cpu_ms, floor, floor_cpu_ms = row
    share = ratio(result.good_rate, floor.good_rate)
    return (
        f"| {page} | {name} | {result.good_rate:.0f} | {result.p50_ms:.1f} | "
        f"{result.p99_ms:.1f} | {result.errors} | {cpu_ms:.1f} | {floor.good_rate:.0f} | "
        f"{floor_cpu_ms:.2f} | {share:.0%} |"
    )


def comparisons(targets: list[Target]) -> list[tuple[Target, Target]]:
    """Pairs worth a ratio: years of data against 60 days on the same code, and the
    current tree against the older revision on the same data."""
    current = ROOT / "src"
    pairs = []
    for target in targets:
        for other in targets:
            more_data = target.src == other.src and target.years and not other.years
            newer_code = (
                target.src == current and other.src != current and target.years == other.years
            )
            if more_data or newer_code:
                pairs.append((target, other))
    return pairs


SERVED_HEADER = (
    "| Page | Version | Req/s | p50 ms | p99 ms | Errors | CPU ms/req | Floor req/s "
    "| Floor CPU ms/req | Of floor |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def summarise(rows: list[tuple]) -> dict[tuple[str, str], tuple]:
    """Per (page, version): req/s, p50, p99, errors (summed), CPU ms/req, the floor's req/s
    and CPU ms/req; medians over rounds."""
    grouped: dict[tuple[str, str], list[tuple]] = {}
    for row in rows:
        grouped.setdefault(row[:2], []).append(row)
    return {
        key: (
            median(row[2].good_rate for row in group),
            median(row[2].p50_ms for row in group),
            median(row[2].p99_ms for row in group),
            sum(row[2].errors for row in group),
            median(row[3] for row in group),
            median(row[4].good_rate for row in group),
            median(row[5] for row in group),
        )
        for key, group in grouped.items()
    }


def print_served(rows: list[tuple], targets: list[Target]) -> None:
    summary = summarise(rows)
    print(f"\nMedian of the rounds:\n\n{SERVED_HEADER}")
    for (page, name), figures in summary.items():
        rate, p50, p99, errors, cpu_ms, floor_rate, floor_cpu_ms = figures
        share = ratio(rate, floor_rate)
        print(
            f"| {page} | {name} | {rate:.0f} | {p50:.1f} | {p99:.1f} | {errors} | {cpu_ms:.1f} "
            f"| {floor_rate:.0f} | {floor_cpu_ms:.2f} | {share:.0%} |"
        )
    pairs = comparisons(targets)
    if not pairs:
        return
    print("\n| Page | Versions | Req/s ratio | p99 ratio | CPU ms/req ratio |")
    print("|---|---|---:|---:|---:|")
    for page in dict.fromkeys(page for page, _ in summary):
        for first, second in pairs:
            one, other = summary[page, first.name], summary[page, second.name]
            print(
                f"| {page} | {first.name} / {second.name} | {ratio(one[0], other[0]):.2f} | "
                f"{ratio(one[2], other[2]):.2f} | {ratio(one[4], other[4]):.2f} |"
            )


def print_in_process(results: dict, targets: list[Target], floor: Target, pages) -> None:
    pairs = comparisons(targets)
    header = " | ".join(f"{target.name} ms | queries" for target in targets)
    header += "".join(f" | {first.name} / {second.name}" for first, second in pairs)
    print(f"\n| Page | {header} |")
    print("|---|" + "---:|---:|" * len(targets) + "---:|" * len(pairs))
    for page in pages:
        cells = []
        for target in targets:
            milliseconds, queries = results[target.name, page.name]
            cells.append(f"{milliseconds:.1f} | {queries}")
        for first, second in pairs:
            times = results[first.name, page.name][0], results[second.name, page.name][0]
            cells.append(f"{ratio(*times):.2f}")
        print(f"| {page.name} | {' | '.join(cells)} |")
    milliseconds, queries = results[floor.name, FLOOR_PAGE.name]
    blanks = " | |" * (len(targets) - 1) + " |" * len(pairs)
    print(f"| floor app (bare page) | {milliseconds:.1f} | {queries} |{blanks}")


def machine() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{os.cpu_count()} cores, load average {one:.1f} / {five:.1f} / {fifteen:.1f}"


def stop_on_sigterm(signum, frame) -> None:
    raise SystemExit(f"stopped by signal {signum}")


def main() -> None:
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    args = parse_args()
    missing = missing_tools(args)
    if missing:
        sys.exit(f"pages.py needs: {'; '.join(missing)}")
    workdir = Path(tempfile.mkdtemp(prefix="tending-pages-"))
    checkout_tree = None
    databases = []
    try:
        sources = [("current", ROOT / "src")]
        if args.against:
            checkout_tree = checkout(args.against, workdir)
            sources.append((f"at {args.against}", checkout_tree / "src"))
        targets = []
        for name, src in sources:
            for years in [0, args.years] if args.years else [0]:
                label = f"{name}, {years} years" if years else name
                targets.append(Target(label, src, workdir / f"data-{len(targets)}", years))
        floor = Target("floor", None, workdir / "floor")
        database = "PostgreSQL" if args.database_url else "SQLite"
        for index, target in enumerate(targets):
            if args.database_url:
                target.database_url = database_for(args.database_url, f"{os.getpid()}_{index}")
                databases.append(target.database_url)
        print(
            f"Pages benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
            f"{machine()}; Python {platform.python_version()}, granian {version('granian')}; "
            f"Tending on {database}, the floor on SQLite; {args.workers} workers x "
            f"{args.threads} threads",
            flush=True,
        )
        print("Seeding:", flush=True)
        for target in [floor, *targets]:
            prepare(target)
        if not args.serve_only:
            print(f"\nIn process ({args.runs} runs a page, median), {machine()}", flush=True)
            results = in_process(targets, floor, args.pages, args.runs)
            print_in_process(results, targets, floor, args.pages)
        if not args.in_process_only:
            print(
                f"\nServed: wrk -t2 -c{args.connections} -d{args.duration:g}s, "
                f"{args.rounds} round(s), {machine()}",
                flush=True,
            )
            rows = served(targets, floor, args, workdir)
            print_served(rows, targets)
        print(f"\nDone; {machine()}")
    finally:
        for url in databases:
            with contextlib.suppress(Exception):
                drop_database(url)
        if checkout_tree is not None:
            remove_checkout(checkout_tree)
        serving.remove_unless_kept(workdir, args.keep)


if __name__ == "__main__":
    main()
