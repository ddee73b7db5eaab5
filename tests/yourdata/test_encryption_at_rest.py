"""Free text is stored encrypted: the raw database holds tokens, never the words."""

import datetime as dt
import io
import stat
from types import SimpleNamespace

import pytest
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, models

from conftest import make_user, pair
from tending.checkins.models import NOTE_MAX_LENGTH, CheckIn, Response
from tending.coach.models import GentleMessage
from tending.core.encryption import (
    UndecryptableTextError,
    decrypt_column,
    encrypt_column,
    looks_encrypted,
)
from tending.core.fields import EncryptedTextField
from tending.couples.selectors import active_couple_for
from tending.learn.models import Reflection
from tending.practices.models import Answer, Conversation
from tending.safety.models import SafetyPlan
from yourdata.records import checkin_for, response_to

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

NOTE = "I told nobody about the lighthouse dream"
MESSAGE = "Thinking of you, love, and the lighthouse"


def raw_column(table: str, column: str, row_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [row_id])
        return cursor.fetchone()[0]


def test_a_note_is_stored_as_a_token_and_read_back_as_text(alice):
    checkin = checkin_for(alice, note=NOTE)
    stored = raw_column("checkins_checkin", "note", checkin.pk)
    assert looks_encrypted(stored)
    assert "lighthouse" not in stored
    assert CheckIn.objects.get(pk=checkin.pk).note == NOTE


def test_a_response_message_is_stored_encrypted(alice, bob):
    response = response_to(checkin_for(alice), bob, message=MESSAGE)
    stored = raw_column("checkins_response", "message", response.pk)
    assert looks_encrypted(stored) and "lighthouse" not in stored
    assert Response.objects.get(pk=response.pk).message == MESSAGE


def test_an_empty_note_stays_empty(alice):
    checkin = checkin_for(alice, note="")
    assert raw_column("checkins_checkin", "note", checkin.pk) == ""
    assert CheckIn.objects.filter(note="").count() == 1


def test_the_length_limit_applies_to_the_plain_text(alice):
    checkin = checkin_for(alice, note="x" * NOTE_MAX_LENGTH)
    checkin.full_clean()
    checkin.note = "x" * (NOTE_MAX_LENGTH + 1)
    with pytest.raises(ValidationError):
        checkin.full_clean()


@pytest.mark.django_db(transaction=True)
def test_the_sqlite_file_holds_no_plaintext_note(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("reads the bytes of an SQLite database file")
    alice, bob = make_user("Alice"), make_user("Bob")
    pair(alice, bob)
    couple = active_couple_for(alice)
    response_to(checkin_for(bob), alice, message=MESSAGE)
    checkin_for(alice, days_ago=1, note=NOTE)
    Answer.objects.create(couple=couple, question_id="closeness/1", user=alice, text=NOTE)
    Conversation.objects.create(
        couple=couple, kind="meeting", local_date=dt.date(2026, 1, 5), support_notes=NOTE
    )
    SafetyPlan.objects.create(user=alice, reasons_for_living=NOTE)
    Reflection.objects.create(article_slug="finding-words", author=alice, text=NOTE)
    GentleMessage.objects.create(couple=couple, sender=alice, recipient=bob, text=MESSAGE)
    copy = tmp_path / "copy.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("VACUUM INTO %s", [str(copy)])
    stored = copy.read_bytes()
    assert b"alice@example.org" in stored
    assert b"lighthouse" not in stored


def test_rotation_makes_old_data_readable_with_only_the_new_key(alice, bob, settings):
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.ENCRYPTION_KEYS = [old_key]
    checkin = checkin_for(alice, note=NOTE)
    response = response_to(checkin, bob, message=MESSAGE)
    checkin_for(alice, days_ago=1, note="")
    old_token = raw_column("checkins_checkin", "note", checkin.pk)

    settings.ENCRYPTION_KEYS = [new_key, old_key]
    output = io.StringIO()
    call_command("rotate_key", batch_size=1, stdout=output)

    settings.ENCRYPTION_KEYS = [new_key]
    assert CheckIn.objects.get(pk=checkin.pk).note == NOTE
    assert Response.objects.get(pk=response.pk).message == MESSAGE
    assert raw_column("checkins_checkin", "note", checkin.pk) != old_token
    assert "checkins.CheckIn (note): 1 rows re-encrypted" in output.getvalue()
    assert "checkins.Response (message): 1 rows re-encrypted" in output.getvalue()


def test_generate_writes_a_new_key_first_and_keeps_the_old_one(alice, settings, tmp_path):
    old_key = Fernet.generate_key().decode()
    key_file = tmp_path / "encryption_key"
    key_file.write_text(old_key + "\n")
    settings.ENCRYPTION_KEY_FILE = key_file
    settings.ENCRYPTION_KEYS = [old_key]
    checkin = checkin_for(alice, note=NOTE)

    call_command("rotate_key", generate=True, stdout=io.StringIO())

    keys = key_file.read_text().split()
    assert len(keys) == 2 and keys[1] == old_key
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    settings.ENCRYPTION_KEYS = [keys[0]]
    assert CheckIn.objects.get(pk=checkin.pk).note == NOTE


def test_a_wrong_key_gives_a_clear_error(alice, settings):
    checkin = checkin_for(alice, note=NOTE)
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(UndecryptableTextError, match="TENDING_ENCRYPTION_KEY"):
        CheckIn.objects.get(pk=checkin.pk)


def test_the_data_migration_helpers_encrypt_and_decrypt_existing_rows(alice):
    checkin = checkin_for(alice)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE checkins_checkin SET note = %s WHERE id = %s", [NOTE, checkin.pk])
    editor = SimpleNamespace(connection=connection)
    assert encrypt_column(editor, "checkins_checkin", "note", batch_size=1) == 1
    assert encrypt_column(editor, "checkins_checkin", "note") == 0
    assert looks_encrypted(raw_column("checkins_checkin", "note", checkin.pk))
    assert CheckIn.objects.get(pk=checkin.pk).note == NOTE
    decrypt_column(editor, "checkins_checkin", "note")
    assert raw_column("checkins_checkin", "note", checkin.pk) == NOTE


def test_every_free_text_field_of_tending_is_encrypted():
    plain = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model.__module__.startswith("tending.")
        for field in model._meta.concrete_fields
        if isinstance(field, models.TextField) and not isinstance(field, EncryptedTextField)
    ]
    assert plain == []
