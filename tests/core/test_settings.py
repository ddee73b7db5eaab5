"""Settings read from the environment: a value Tending cannot read stops start-up with a
message naming the variable, instead of quietly meaning something else."""

import importlib
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

import tending.settings as production_settings


@pytest.fixture
def reload_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("TENDING_DATA_DIR", str(tmp_path))

    def reload(**variables):
        for name, value in variables.items():
            monkeypatch.setenv(f"TENDING_{name}", value)
        return importlib.reload(production_settings)

    yield reload
    monkeypatch.undo()
    importlib.reload(production_settings)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("true", True), (" Yes ", True), ("ON", True)]
    + [("0", False), ("false", False), ("No", False), ("off", False)],
)
def test_yes_and_no_words_are_read(reload_settings, value, expected):
    assert reload_settings(SECURE_COOKIES=value).SESSION_COOKIE_SECURE is expected


def test_an_empty_yes_no_variable_keeps_the_default(reload_settings):
    assert reload_settings(SECURE_COOKIES="", DEBUG="0").SESSION_COOKIE_SECURE is True


@pytest.mark.parametrize("variable", ["SECURE_COOKIES", "EMAIL_USE_TLS", "DEBUG", "SSL_REDIRECT"])
@pytest.mark.parametrize("typo", ["Ture", "yess", "fasle", "2"])
def test_a_typo_in_a_yes_no_variable_stops_start_up(reload_settings, variable, typo):
    with pytest.raises(ImproperlyConfigured, match=f"TENDING_{variable} is '{typo}'"):
        reload_settings(**{variable: typo})


@pytest.mark.parametrize("variable", ["EMAIL_PORT", "HSTS_SECONDS", "LOGIN_FAILURE_LIMIT"])
def test_a_number_that_is_not_one_stops_start_up(reload_settings, variable):
    with pytest.raises(ImproperlyConfigured, match=f"TENDING_{variable} is '5 tries'"):
        reload_settings(**{variable: "5 tries"})


def test_a_number_is_read(reload_settings):
    assert reload_settings(EMAIL_PORT=" 2525 ").EMAIL_PORT == 2525


def test_an_unknown_email_backend_stops_start_up(reload_settings):
    with pytest.raises(ImproperlyConfigured, match="TENDING_EMAIL_BACKEND is 'smpt'.*smtp"):
        reload_settings(EMAIL_BACKEND="smpt")


def test_the_tending_command_names_the_variable_and_stops(tmp_path):
    environment = {
        **os.environ,
        "TENDING_DATA_DIR": str(tmp_path),
        "TENDING_SECURE_COOKIES": "Ture",
    }
    finished = subprocess.run(
        [sys.executable, "-c", "from tending.cli import main; main(['check'])"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 1
    assert "tending: TENDING_SECURE_COOKIES is 'Ture'" in finished.stderr
    assert "Traceback" not in finished.stderr


def test_a_postgresql_connection_is_kept_and_checked_before_reuse(reload_settings):
    database = reload_settings(DATABASE_URL="postgres://tending@db.example:5432/tending")
    assert database.DATABASES["default"]["CONN_MAX_AGE"] == 60
    assert database.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def test_a_mail_server_that_stops_answering_is_given_up_on():
    from django.core.mail.backends.smtp import EmailBackend

    assert EmailBackend().timeout == 20
