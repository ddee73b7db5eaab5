"""The floor: a bare Django app served the same way as Tending, so Tending's figures can be
read as a ratio to what Django itself costs.

Without ``FLOOR_DATABASE`` it has no middleware and no database: ``/live/`` answers 204
and ``/events/`` is the Server-Sent Events alternative at its cheapest, a stream that
sends an event at once and then one a second, as a page's open stream would while it
watched for news, so the benchmark can count how many pages one server keeps streaming.

With ``FLOOR_DATABASE`` set to an SQLite file it is the floor of an ordinary page: the
same kind of middleware as Tending (security, sessions, common, CSRF, authentication,
messages, frame options), and ``/`` reads the session and the signed-in person from the
database and answers a small HTML page with a form. ``FLOOR_DATABASE=… python
bench/floor_app.py`` creates that database with one person signed in and prints the
session key."""

import os
import time

from django.conf import settings

FLOOR_DATABASE = os.environ.get("FLOOR_DATABASE", "")

if FLOOR_DATABASE:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="floor-" + "f" * 50,
        ROOT_URLCONF=__name__,
        ALLOWED_HOSTS=["127.0.0.1"],
        INSTALLED_APPS=[
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "django.contrib.sessions",
            "django.contrib.messages",
        ],
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
        ],
        # As Tending's SQLite database: each thread keeps its connection between requests.
        DATABASES={
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": FLOOR_DATABASE,
                "CONN_MAX_AGE": 60,
                "OPTIONS": {
                    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                    "transaction_mode": "IMMEDIATE",
                    "timeout": 20,
                },
            }
        },
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        USE_TZ=True,
    )
else:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="floor-" + "f" * 50,
        ROOT_URLCONF=__name__,
        ALLOWED_HOSTS=["127.0.0.1"],
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
    )

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse, StreamingHttpResponse  # noqa: E402
from django.middleware.csrf import get_token  # noqa: E402
from django.urls import path  # noqa: E402
from django.utils.html import format_html  # noqa: E402

FLOOR_EMAIL = "floor@bench.tending.local"


def nothing_new(request):
    return HttpResponse(status=204)


def events(request):
    def stream():
        for second in range(30):
            yield f"data: {second}\n\n"
            time.sleep(1)

    return StreamingHttpResponse(stream(), content_type="text/event-stream")


def page(request):
    """A signed-in person's smallest page: their name and a form with its CSRF token."""
    name = request.user.get_username() if request.user.is_authenticated else "stranger"
    return HttpResponse(
        format_html(
            '<!doctype html><html lang="en"><title>Floor</title><h1>Hello, {}</h1>'
            '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            "<button>Sign out</button></form></html>",
            name,
            get_token(request),
        )
    )


urlpatterns = [path("", page), path("live/", nothing_new), path("events/", events)]
application = get_wsgi_application()


def create_database() -> str:
    """Migrate, create the one person and a session for them; returns its key."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    person = User.objects.create_user(username=FLOOR_EMAIL, email=FLOOR_EMAIL)
    store = SessionStore()
    store[SESSION_KEY] = str(person.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = person.get_session_auth_hash()
    store.create()
    return store.session_key


if __name__ == "__main__":
    if not FLOOR_DATABASE:
        raise SystemExit("Set FLOOR_DATABASE to the SQLite file to create.")
    print(create_database())
