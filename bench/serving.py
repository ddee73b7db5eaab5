"""What the serving benchmarks share: a production environment in a throw-away data
directory, free loopback ports, a small HTTP client that logs in like a browser, and
starting and stopping servers in sessions of their own."""

import contextlib
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

HOST = "127.0.0.1"
BIN_DIR = Path(sys.executable).parent
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def production_env(data_dir: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("TENDING_")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "tending.settings",
            "TENDING_DATA_DIR": str(data_dir),
            "TENDING_SECRET_KEY": "bench-" + "k" * 50,
            "TENDING_ALLOWED_HOSTS": HOST,
            "TENDING_SECURE_COOKIES": "0",
        }
    )
    return env


def prepare_database() -> None:
    """Set Django up, migrate, create the cache table and collect static files, as
    ``tending serve`` does before it serves."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@dataclass
class Client:
    """One person's browser: cookies, the CSRF token and a keep-alive connection."""

    port: int
    cookies: dict[str, str] = field(default_factory=dict)
    csrf_token: str = ""
    connection: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str]:
        headers = {"Host": HOST}
        if self.cookies:
            headers["Cookie"] = self.cookie_header()
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                text = response.read().decode()
            except (ConnectionError, http.client.HTTPException):
                self.close()
                if attempt == 2:
                    raise
                continue
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status, text
        raise AssertionError("unreachable")

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def log_in(self, email: str, password: str, attempts: int = 3) -> None:
        """Log in through the form and fetch a CSRF token from the check-in form."""
        for attempt in range(1, attempts + 1):
            try:
                self.try_log_in(email, password)
                return
            except RuntimeError as problem:
                print(f"  {problem} (attempt {attempt} of {attempts})", flush=True)
                self.cookies.clear()
        raise RuntimeError(f"could not log in {email}")

    def try_log_in(self, email: str, password: str) -> None:
        status, page = self.request("GET", "/accounts/login/")
        match = CSRF_INPUT.search(page)
        if status != 200 or match is None:
            raise RuntimeError(f"log-in form answered HTTP {status}")
        token = match.group(1)
        form = {"username": email, "password": password, "csrfmiddlewaretoken": token}
        status, _ = self.request("POST", "/accounts/login/", form)
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"log-in of {email} failed with HTTP {status}")
        status, page = self.request("GET", "/check-in/")
        match = CSRF_INPUT.search(page)
        if status != 200 or match is None:
            raise RuntimeError(f"check-in form for {email} answered HTTP {status}")
        self.csrf_token = match.group(1)


def tending_command(workers: int, threads: int) -> list[str]:
    """``tending serve`` as the serving benchmarks run it: no worker beside it, the data
    directory already migrated and static files collected; ``--bind`` still to add."""
    return [
        str(BIN_DIR / "tending"),
        "serve",
        "--no-worker",
        "--no-migrate",
        "--no-collectstatic",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
    ]


def floor_command(workers: int, threads: int) -> list[str]:
    """Granian serving ``bench/floor_app.py`` (run from ``bench/``); ``--port`` still to add."""
    return [
        str(BIN_DIR / "granian"),
        "--interface",
        "wsgi",
        "--workers",
        str(workers),
        "--blocking-threads",
        str(threads),
        "--host",
        HOST,
        "floor_app:application",
    ]


def start_server(
    command: list[str], env: dict, log: Path, port: int, *, probe: str, cwd: Path | None = None
) -> subprocess.Popen:
    """Start ``command`` in a session of its own and wait until ``probe`` answers."""
    with log.open("a") as out:
        process = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_until_up(port, process, probe)
    except BaseException:
        stop(process)
        raise
    return process


def wait_until_up(port: int, process: subprocess.Popen, probe: str, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode}")
        try:
            status, _ = Client(port).request("GET", probe)
            if status in (200, 204, 286):
                return
        except OSError:
            pass
        time.sleep(0.25)
    raise RuntimeError("server did not answer in time")


def stop(process: subprocess.Popen) -> None:
    """Stop a server started in its own session: SIGTERM, then SIGKILL to the session."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # whatever the server left behind


def session_cpu_seconds(session_id: int) -> float:
    """User plus system CPU time of every live process in a session (Linux /proc)."""
    total_ticks = 0
    for stat_path in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_path.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session_id:
            total_ticks += int(fields[11]) + int(fields[12])
    return total_ticks / os.sysconf("SC_CLK_TCK")


def remove_unless_kept(directory: Path, keep: bool) -> None:
    if keep:
        print(f"Data kept in {directory}")
    else:
        shutil.rmtree(directory, ignore_errors=True)
