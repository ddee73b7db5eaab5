"""The parts of ``bench/pages.py`` that run inside one version of Tending (or the floor
app), in a process of their own with that version's settings and code:

- ``seed [--years N]``: migrate, seed the demo couple (60 days) and, with ``--years``,
  give the couple N years of daily check-ins before those 60 days; prints the person to
  sign in as, as JSON;
- ``measure [--floor]``: sign the demo person (or the floor's person) in with Django's
  test client and answer commands read from standard input, one JSON object a line:
  ``{"method", "path", "form", "vary", "runs"}``; answers each with the status, every
  run's time in milliseconds and the number of database queries of one more run.
"""

import argparse
import datetime as dt
import json
import os
import random
import sys
import time


def seed(years: int) -> dict:
    from serving import prepare_database

    prepare_database()
    from django.db import connection, transaction
    from django.utils import timezone

    from tending.checkins.models import CheckIn
    from tending.core.timezones import local_today
    from tending.couples.models import Couple, Membership
    from tending.demo.seed import DEMO_DAYS, DEMO_PASSWORD, seed_demo

    robin, sam = seed_demo(days=DEMO_DAYS)
    if years:
        from data_scale import DailyHistory

        days = years * 365 + years // 4
        today = local_today(robin)
        couple_id = Membership.objects.get(user=robin).couple_id
        with transaction.atomic(), connection.cursor() as cursor:
            Couple.objects.filter(pk=couple_id).update(
                started_at=timezone.now() - dt.timedelta(days=days + 10)
            )
            history = DailyHistory(random.Random(20261202))
            dates = [today - dt.timedelta(days=day) for day in range(DEMO_DAYS + 1, days + 1)]
            history.write(cursor, couple_id, (robin.pk, sam.pk), dates)
            history.finish(cursor)
    return {
        "email": robin.email,
        "password": DEMO_PASSWORD,
        "checkins": CheckIn.objects.filter(user=robin).count(),
    }


def signed_in_client(floor: bool):
    if floor:
        import floor_app
        from django.contrib.auth.models import User

        person = User.objects.get(username=floor_app.FLOOR_EMAIL)
    else:
        import django

        django.setup()
        from tending.accounts.models import User
        from tending.demo.seed import DEMO_PEOPLE

        person = User.objects.get(email=DEMO_PEOPLE[0]["email"])
    from django.conf import settings
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    # The password backend, last in every version's list (axes comes first).
    client.force_login(person, backend=settings.AUTHENTICATION_BACKENDS[-1])
    return client


def answer(client, command: dict) -> dict:
    from django.db import connection

    form = dict(command.get("form") or {})
    vary = command.get("vary")
    counter = 0

    def once():
        nonlocal counter
        counter += 1
        if command["method"] == "POST":
            if vary:
                form[vary] = 1 + counter % 5
            return client.post(command["path"], form)
        return client.get(command["path"])

    times = []
    for _ in range(command["runs"]):
        began = time.perf_counter()
        once()
        times.append((time.perf_counter() - began) * 1000)
    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        status = once().status_code
    return {"status": status, "times_ms": times, "queries": queries}


def measure(floor: bool) -> None:
    client = signed_in_client(floor)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        print(json.dumps(answer(client, json.loads(line))), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    seeding = commands.add_parser("seed")
    seeding.add_argument("--years", type=int, default=0)
    measuring = commands.add_parser("measure")
    measuring.add_argument("--floor", action="store_true")
    args = parser.parse_args()
    if args.command == "seed":
        print(json.dumps(seed(args.years)))
    else:
        if not args.floor:
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tending.settings")
        measure(args.floor)


if __name__ == "__main__":
    main()
