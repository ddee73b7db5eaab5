"""Data at scale: time one person's export and insights page over years of history.

Seeds many couples (1,000 by default) with years of daily check-ins for both partners
(5 by default), some notes (encrypted at rest like all free text) and partner responses,
with ``bulk_create``. Then, for one person in the middle of the data, it times the
export archive and the insights page (30 and 365 days) and prints the median and p99 of
the runs, with the number of database queries each takes.

Uses PostgreSQL when ``TENDING_DATABASE_URL`` is set, otherwise an SQLite file in a
throw-away data directory (or ``--data-dir``, which keeps the seeded database so a
second run skips seeding).

Run: ``.venv/bin/python bench/data_scale.py`` (``--help`` lists the knobs).
"""

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

SRC_DIR = Path(__file__).resolve().parent.parent / "src"
EMAIL_DOMAIN = "scale.example.org"
NOTES = (
    "Long day, but the walk helped.",
    "Felt far away from everything this afternoon.",
    "We laughed at dinner for the first time in a while.",
    "Work worries kept me up again.",
    "Grateful for the quiet morning.",
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--couples", type=int, default=1000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=30, help="timed runs per measurement")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first")
    parser.add_argument("--data-dir", type=Path, help="keep the database here between runs")
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


def set_up_django(data_dir: Path) -> None:
    os.environ["TENDING_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("TENDING_ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tending.settings")
    sys.path.insert(0, str(SRC_DIR))
    import django
    from django.conf import settings

    django.setup()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


class DailyHistory:
    """Writes daily check-ins for both partners of a couple, some notes (encrypted at rest
    like all free text) and partner responses, through ``executemany`` with ids assigned
    here: millions of rows in minutes. Each distinct note is encrypted once and its token
    reused, so the rows read back like real encrypted notes."""

    def __init__(self, rng: random.Random):
        from django.db import connection

        from tending.checkins.feelings import EMOTION_WORDS, NEEDS
        from tending.checkins.models import CheckIn, Response
        from tending.core.encryption import encrypt

        self.rng = rng
        self.ops = connection.ops
        self.emotion_words = sorted(EMOTION_WORDS)
        self.need_keys = [key for key, _ in NEEDS]
        self.note_tokens = [encrypt(note) for note in NOTES]
        self.message_token = encrypt("Thinking of you. Tonight?")
        self.here, self.message = Response.Kind.HERE, Response.Kind.MESSAGE
        self.checkin_sql = (
            f"INSERT INTO {CheckIn._meta.db_table} (id, user_id, local_date, mood, stress, "
            "energy, connection, sleep_hours, emotions, needs, note, share_numbers, "
            "share_emotions, share_needs, share_note, created_at, updated_at) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
        )
        self.response_sql = (
            f"INSERT INTO {Response._meta.db_table} (id, checkin_id, couple_id, responder_id, "
            "kind, message, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s)"
        )
        self.checkin_id = self._next_id(CheckIn)
        self.response_id = self._next_id(Response)

    @staticmethod
    def _next_id(model) -> int:
        return (model.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1

    def write(self, cursor, couple_id: int, people: tuple[int, int], dates) -> int:
        """A check-in a day on each of ``dates`` for both people; returns the rows written."""
        from django.utils import timezone

        rng, ops = self.rng, self.ops
        sleep_choices = (None, "5.0", "6.0", "6.5", "7.0", "7.5", "8.0", "9.0")
        checkin_rows, response_rows = [], []
        for person, partner in (people, people[::-1]):
            for local_date in dates:
                written = ops.adapt_datetimefield_value(
                    timezone.make_aware(dt.datetime.combine(local_date, dt.time(20)), dt.UTC)
                )
                needs = rng.sample(self.need_keys, rng.randint(0, 2))
                checkin_rows.append(
                    (
                        self.checkin_id,
                        person,
                        ops.adapt_datefield_value(local_date),
                        rng.randint(1, 5),
                        rng.randint(1, 5),
                        rng.randint(1, 5),
                        rng.randint(1, 5),
                        rng.choice(sleep_choices),
                        json.dumps(rng.sample(self.emotion_words, rng.randint(0, 3))),
                        json.dumps(needs),
                        rng.choice(self.note_tokens) if rng.random() < 0.2 else "",
                        True,
                        True,
                        True,
                        rng.random() < 0.5,
                        written,
                        written,
                    )
                )
                if needs and rng.random() < 0.6:
                    is_message = rng.random() < 0.1
                    response_rows.append(
                        (
                            self.response_id,
                            self.checkin_id,
                            couple_id,
                            partner,
                            self.message if is_message else self.here,
                            self.message_token if is_message else "",
                            written,
                        )
                    )
                    self.response_id += 1
                self.checkin_id += 1
        cursor.executemany(self.checkin_sql, checkin_rows)
        cursor.executemany(self.response_sql, response_rows)
        return len(checkin_rows) + len(response_rows)

    def finish(self, cursor) -> None:
        """Move the tables' id sequences past the ids assigned here (PostgreSQL)."""
        from django.core.management.color import no_style

        from tending.checkins.models import CheckIn, Response

        for statement in self.ops.sequence_reset_sql(no_style(), [CheckIn, Response]):
            cursor.execute(statement)


def seed(couples: int, days: int, rng: random.Random) -> None:
    """People, couples and memberships through ``bulk_create``; their days through
    ``DailyHistory``."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.utils import timezone

    from tending.accounts.models import User
    from tending.couples.models import Couple, Membership

    password = make_password("scale-bench-password")
    today = timezone.localdate()
    began = timezone.now() - dt.timedelta(days=days + 1)
    dates = [today - dt.timedelta(days=day) for day in range(days)]
    history = DailyHistory(rng)
    started = time.perf_counter()
    rows = 0
    for couple_number in range(couples):
        with transaction.atomic(), connection.cursor() as cursor:
            first, second = User.objects.bulk_create(
                [
                    User(
                        email=f"person{couple_number}-{side}@{EMAIL_DOMAIN}",
                        password=password,
                        display_name=f"Person {couple_number}{side}",
                        timezone="UTC",
                    )
                    for side in "ab"
                ]
            )
            couple = Couple.objects.create()
            Couple.objects.filter(pk=couple.pk).update(started_at=began)
            Membership.objects.bulk_create(
                [Membership(couple=couple, user=first), Membership(couple=couple, user=second)]
            )
            rows += history.write(cursor, couple.pk, (first.pk, second.pk), dates)
        if (couple_number + 1) % 100 == 0:
            elapsed = time.perf_counter() - started
            print(f"  seeded {couple_number + 1} couples, {rows:,} rows, {elapsed:.0f} s")
    with connection.cursor() as cursor:
        history.finish(cursor)


def timed(label: str, action, *, runs: int, warmup: int) -> None:
    from django.db import connection

    for _ in range(warmup):
        action()
    queries = []

    def count_query(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count_query):
        action()
    durations = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        durations.append((time.perf_counter() - started) * 1000)
    durations.sort()
    p99 = statistics.quantiles(durations, n=100, method="inclusive")[98]
    print(
        f"{label:<28} median {statistics.median(durations):8.1f} ms   p99 {p99:8.1f} ms   "
        f"max {durations[-1]:8.1f} ms   {len(queries)} queries"
    )


def measure(runs: int, warmup: int) -> None:
    from django.apps import apps
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection
    from django.test import Client
    from django.urls import reverse

    from tending.accounts.backends import BACKEND
    from tending.accounts.models import User
    from tending.checkins.models import CheckIn, Response
    from tending.yourdata.services import export_archive

    people = User.objects.filter(email__endswith=EMAIL_DOMAIN).count()
    person = User.objects.filter(email__endswith=EMAIL_DOMAIN).order_by("pk")[people // 2]
    print(
        f"database: {connection.vendor}, {people:,} people, {CheckIn.objects.count():,} "
        f"check-ins, {Response.objects.count():,} responses"
    )
    print(
        f"measured person: {CheckIn.objects.filter(user=person).count():,} check-ins, "
        f"{len(export_archive(user=person)) / 1024:.0f} KiB export"
    )
    # Keep one connection across requests, as a long-lived app process would.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    client = Client()
    client.force_login(person, backend=BACKEND)
    download = reverse("yourdata:download")

    def get_ok(url):
        response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"

    timed("export (service)", lambda: export_archive(user=person), runs=runs, warmup=warmup)
    timed("export (GET download)", lambda: get_ok(download), runs=runs, warmup=warmup)
    if apps.is_installed("tending.insights"):
        overview = reverse("insights:overview")
        for days in (30, 365):
            timed(
                f"insights page ({days} days)",
                lambda days=days: get_ok(f"{overview}?days={days}"),
                runs=runs,
                warmup=warmup,
            )
    else:
        print("insights page: the insights app is not installed, so it was not measured")


def main() -> None:
    args = parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="tending-scale-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    set_up_django(data_dir)
    from django.core.management import call_command

    from tending.accounts.models import User

    print(f"Python {platform.python_version()} on {platform.machine()}, data in {data_dir}")
    call_command("migrate", verbosity=0)
    days = args.years * 365 + args.years // 4
    if User.objects.filter(email__endswith=EMAIL_DOMAIN).count() < 2 * args.couples:
        print(f"seeding {args.couples:,} couples with {days:,} days of check-ins each")
        started = time.perf_counter()
        seed(args.couples, days, random.Random(args.seed))
        print(f"seeded in {time.perf_counter() - started:.0f} s")
    measure(args.runs, args.warmup)


if __name__ == "__main__":
    main()
