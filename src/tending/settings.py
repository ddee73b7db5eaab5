"""Tending's one settings module, read from ``TENDING_*`` environment variables.

Defaults are safe for production: debug off, secure cookies, strict headers. Every
variable is documented in the README's configuration table.
"""

import base64
import datetime as dt
import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from tending.core.clients import ProxyConfigurationError, parse_trusted_proxies

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off", ""})


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(f"TENDING_{name}", default)


def env_bool(name: str, default: bool = False) -> bool:
    """A yes/no variable; a word it does not know (a typo such as "Ture") stops start-up."""
    value = os.environ.get(f"TENDING_{name}")
    if value is None or not value.strip():
        return default
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"TENDING_{name} is {value!r}: set it to 1, true, yes or on, or to 0, false, no or off."
    )


def env_int(name: str, default: int) -> int:
    """A whole-number variable; anything else stops start-up."""
    value = os.environ.get(f"TENDING_{name}")
    if value is None or not value.strip():
        return default
    try:
        return int(value.strip())
    except ValueError:
        raise ImproperlyConfigured(
            f"TENDING_{name} is {value!r}: set it to a whole number, such as {default}."
        ) from None


def env_choice(name: str, choices: dict[str, str], default: str) -> str:
    """One of the named ``choices``; another name stops start-up."""
    value = env_str(name, default).strip().lower() or default
    if value not in choices:
        raise ImproperlyConfigured(
            f"TENDING_{name} is {value!r}: set it to one of {', '.join(sorted(choices))}."
        )
    return choices[value]


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only, unless it is already there."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def read_or_create_secret(path: Path) -> str:
    """Return the secret stored at ``path``, creating it (mode 0600) on first start."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(50)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(secret)
    return secret


def read_or_create_encryption_keys(path: Path) -> list[str]:
    """Return the encryption keys stored at ``path`` (one a line, current first),
    creating a single new key (mode 0600) on first start."""
    if path.exists():
        return [line.strip() for line in path.read_text().splitlines() if line.strip()]
    path.parent.mkdir(parents=True, exist_ok=True)
    key = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key + "\n")
    return [key]


PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("DATA_DIR", str(Path.cwd() / "data"))).resolve()
DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG")
SECRET_KEY = env_str("SECRET_KEY") or read_or_create_secret(DATA_DIR / "secret_key")
# Free text is encrypted at rest. The first key encrypts; every key listed can decrypt.
ENCRYPTION_KEY_FILE = DATA_DIR / "encryption_key"
ENCRYPTION_KEYS = env_list("ENCRYPTION_KEY", "") or read_or_create_encryption_keys(
    ENCRYPTION_KEY_FILE
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

# Demo mode seeds and advertises a demo couple; it can never be on without debug.
DEMO_MODE = DEBUG and env_bool("DEMO")

INSTALLED_APPS = [
    "tending.core",
    "tending.home",
    "tending.accounts",
    "tending.security",
    "tending.couples",
    "tending.checkins",
    "tending.assessments",
    "tending.insights",
    "tending.reports",
    "tending.safety",
    "tending.practices",
    "tending.questions",
    "tending.appreciations",
    "tending.conversations",
    "tending.breathing",
    "tending.rituals",
    "tending.learn",
    "tending.yourdata",
    "tending.coach",
    "tending.api",
    "tending.demo",
    "tending.notifications",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "ninja",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A live poll with nothing new is answered here, before the session is read.
    "tending.home.live.LivePollMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tending.accounts.devices.DeviceCookieMiddleware",
    "tending.security.middleware.SignedInDeviceMiddleware",
    "tending.core.middleware.UserPreferencesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

# The largest request body the app reads (1 MiB, below Django's 2.5 MB default). The
# longest form, the safety plan, is under 150 kB even in four-byte characters.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024

ROOT_URLCONF = "tending.urls"
WSGI_APPLICATION = "tending.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tending.core.context_processors.site",
                "tending.core.context_processors.navigation",
            ],
        },
    },
]

_database_url = env_str("DATABASE_URL")
if _database_url:
    # Each server thread keeps its connection between requests (connecting to PostgreSQL
    # costs more than most pages); it is checked before its first use in a request, so a
    # restarted database server costs one reconnect instead of a failed page.
    DATABASES = {
        "default": dj_database_url.parse(_database_url, conn_max_age=60, conn_health_checks=True)
    }
else:
    # Created readable by its owner only; SQLite gives its WAL and SHM files the same mode.
    SQLITE_FILE = DATA_DIR / "tending.sqlite3"
    create_private_file(SQLITE_FILE)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_FILE,
            # Each server thread keeps its connection (and its PRAGMAs) between requests.
            "CONN_MAX_AGE": 60,
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            # Tests use a file too (not shared memory), so workers in threads wait for each
            # other's write lock as separate processes do; one file per test run.
            "TEST": {"NAME": str(DATA_DIR / f"test-{os.getpid()}.sqlite3")},
        }
    }

CACHES = {
    # Shared by every app process, so rate limits count the same whatever process answers.
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "tending_cache",
    },
    # Rendered parts of pages that are the same for everyone ({% cache %}: the page header
    # and the crisis-line directory), kept in each process's memory. Nothing personal goes
    # in here. With debug on nothing is kept, so edited templates show at once.
    "template_fragments": {
        "BACKEND": (
            "django.core.cache.backends.dummy.DummyCache"
            if DEBUG
            else "django.core.cache.backends.locmem.LocMemCache"
        ),
        "LOCATION": "tending-template-fragments",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "tending.accounts.backends.AccountBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions in the database, read with one SQL statement (tending/core/sessions.py).
SESSION_ENGINE = "tending.core.sessions"

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:index"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3

# Proxies in front of Tending whose X-Forwarded-For is believed: a count or addresses
# (see tending/core/clients.py and the README).
try:
    TENDING_TRUSTED_PROXIES = parse_trusted_proxies(env_str("TRUSTED_PROXIES"))
except ProxyConfigurationError as error:
    raise ImproperlyConfigured(str(error)) from error

# Repeated failed log-ins (django-axes): five for one account, or from one address, pause
# log-ins from browsers the account has not been used on for 15 minutes. A browser with
# the account's device cookie is never paused by someone else's guesses
# (tending/accounts/devices.py).
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "tending.core.clients.address_of"
AXES_WHITELIST_CALLABLE = "tending.accounts.devices.is_trusted_device"
# The log-in form's field is "username"; axes would otherwise look for "email" and count
# every failure against no account at all.
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "tending.accounts.forms.login_attempt_username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# E-mail: console by default; "file" writes into the data directory; "smtp" uses the host.
_email_backends = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}
EMAIL_BACKEND = env_choice("EMAIL_BACKEND", _email_backends, "console")
EMAIL_FILE_PATH = DATA_DIR / "sent-mail"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
# A password reset sends its e-mail while the person waits: a mail server that stops
# answering gives up the server thread after this many seconds, not never.
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Tending <tending@localhost>")

# Headers and cookies.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0 if DEBUG else 31536000)
# HSTS covers only this host and its own subdomains (e.g. *.tending.example.org).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", True)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Operators can point to their own corrected copy of the crisis-line directory.
CRISIS_LINES_FILE = env_str("CRISIS_LINES_FILE") or None

# Shortest turn offered in guided conversations, in seconds (the other choices are 5-20 min).
TENDING_PRACTICE_MIN_TURN_SECONDS = env_int("PRACTICE_MIN_TURN_SECONDS", 60)

# Requests a person may make to the JSON API, per token or session, e.g. "60/m".
TENDING_API_RATE = env_str("API_RATE", "60/m")

# Sign-in security: a second factor for everyone (people without one set it up before
# anything else), the site's own address (the passkeys' relying party), and how long a
# person's security events are kept.
TENDING_REQUIRE_2FA = env_bool("REQUIRE_2FA")
TENDING_SITE_URL = env_str("SITE_URL").rstrip("/")
SECURITY_EVENT_DAYS = dt.timedelta(days=90)

# Web Push (VAPID): the private key, from the variable or generated once into the data
# directory like the secret key; the contact push services may write to.
VAPID_PRIVATE_KEY = env_str("VAPID_PRIVATE_KEY")
VAPID_PRIVATE_KEY_FILE = DATA_DIR / "vapid_private_key.pem"
VAPID_SUBJECT = env_str("VAPID_SUBJECT") or (
    f"mailto:{DEFAULT_FROM_EMAIL.rpartition('<')[2].rstrip('>').strip()}"
)
# Hosts of the push services Tending sends to (browsers' own services; * matches a label).
PUSH_SERVICE_HOSTS = env_list(
    "PUSH_SERVICE_HOSTS",
    "fcm.googleapis.com,android.googleapis.com,updates.push.services.mozilla.com,"
    "*.push.services.mozilla.com,*.push.apple.com,*.notify.windows.com",
)
# Only tests turn this on: it lets a push endpoint on this machine (127.0.0.1) through.
PUSH_ALLOW_LOCAL_ENDPOINTS = False
# Pushes and e-mails one worker sends at the same time.
TENDING_SEND_THREADS = env_int("SEND_THREADS", 16)

# Jobs for later and on a schedule (reminders, digests, weekly summaries, pruning) are
# queued in the database (django-tasks) and run by `tending worker`, which `tending serve`
# starts too.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TENDING_WORKER_POLL_SECONDS = env_int("WORKER_POLL_SECONDS", 1)
