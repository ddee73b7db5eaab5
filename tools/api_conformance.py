"""Run schemathesis, with every check, against a live Tending for at most a few minutes.

Starts Tending on a free port of 127.0.0.1 with a temporary SQLite data directory, seeds
a couple (so partner routes have something to show) and a token with every scope, runs
``st run`` against the live OpenAPI document with the settings of
``tools/schemathesis.toml``, stops the server and exits with schemathesis' own status.
Used by ``.ci/run``; run it by hand with
``.venv/bin/python tools/api_conformance.py [--max-time SECONDS]``.
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SEED = """
import datetime as dt
from decimal import Decimal
from tending.accounts.models import User
from tending.api.services import create_token
from tending.appreciations.services import send_appreciation
from tending.checkins.services import CheckInInput, save_checkin
from tending.conversations.services import start_conversation
from tending.couples.services import accept_invite, create_invite
from tending.rituals.services import add_ritual
from tending.safety.services import save_safety_plan

alice = User.objects.create_user(email="alice@example.org", password="a calm Tuesday evening",
                                 display_name="Alice", timezone="Europe/London")
bob = User.objects.create_user(email="bob@example.org", password="a calm Tuesday evening",
                               display_name="Bob", timezone="America/New_York")
accept_invite(token=create_invite(inviter=alice).token, user=bob)
save_checkin(user=bob, data=CheckInInput(mood=2, stress=4, energy=2, connection=3,
             sleep_hours=Decimal("6.5"), emotions=("anxious",), needs=("hug",), note="Long day"))
save_safety_plan(user=bob, sections={"reasons_for_living": "Walks"}, shared_with_partner=True)
send_appreciation(author=bob, text="the tea this morning")
add_ritual(user=alice, title="Evening walk", rhythm="weekly", times_per_period=2)
start_conversation(user=bob, kind="meeting")
_, plain = create_token(user=alice, name="conformance", scopes=["read", "write", "export"])
print(plain)
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError as error:
            if time.monotonic() > deadline:
                raise SystemExit(
                    f"Tending did not answer at {url} within {seconds:.0f} s"
                ) from error
            time.sleep(0.3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-time", type=int, default=150, help="schemathesis' time budget")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tending-api-") as data_dir:
        env = {
            **os.environ,
            "TENDING_DATA_DIR": data_dir,
            "TENDING_DEBUG": "0",
            "TENDING_API_RATE": "1000000/m",
            "TENDING_LOG_LEVEL": "ERROR",
        }
        env.pop("TENDING_DATABASE_URL", None)
        tending = [str(BIN / "tending")]
        for command in (["migrate", "--noinput", "-v", "0"], ["createcachetable"]):
            subprocess.run(tending + command, env=env, check=True, cwd=data_dir)
        token = (
            subprocess.run(
                tending + ["shell", "-c", SEED],
                env=env,
                check=True,
                cwd=data_dir,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        port = free_port()
        server = subprocess.Popen(
            tending + ["runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
            env=env,
            cwd=data_dir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(f"{base}/api/openapi.json", 60)
            run = [
                str(BIN / "st"),
                "--config-file",
                str(ROOT / "tools" / "schemathesis.toml"),
                "run",
                f"{base}/api/openapi.json",
                "--checks",
                "all",
                "--max-time",
                str(options.max_time),
                "--header",
                f"Authorization: Bearer {token}",
                "--generation-database",
                "none",
                "--no-color",
                # One worker: Python 3.11's ast.parse is not safe to run in two threads
                # at once (CPython gh-106905), and schemathesis' generator calls it.
                "--workers",
                "1",
            ]
            return subprocess.run(run, cwd=data_dir, env=env).returncode
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
