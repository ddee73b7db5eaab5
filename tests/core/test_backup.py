import json
import stat
import zipfile
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import override_settings

from tending.accounts.models import User
from tending.checkins.models import CheckIn
from tending.core.backup import (
    BackupError,
    check_restorable,
    create_backup,
    default_backup_path,
    restore_backup,
)
from tending.core.encryption import new_key
from tests.support.builders import make_checkin
from tests.support.people import make_user

NOTE = "We walked by the river and finally talked about the move."


def data_dir_with_keys(path, encryption_key):
    path.mkdir()
    (path / "encryption_key").write_text(encryption_key + "\n")
    (path / "secret_key").write_text("a secret key kept with the data")
    return path


def keys_in(data_dir):
    return (data_dir / "encryption_key").read_text().split()


def zip_contents(path) -> list[bytes]:
    with zipfile.ZipFile(path) as archive:
        return [path.read_bytes(), *(archive.read(name) for name in archive.namelist())]


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="copies the SQLite file; other databases are backed up as JSON (tested below)",
)
@pytest.mark.django_db(transaction=True)
def test_sqlite_backup_restores_into_a_fresh_data_dir_and_the_note_reads_back(tmp_path):
    key = new_key()
    source = data_dir_with_keys(tmp_path / "source", key)
    with override_settings(ENCRYPTION_KEYS=[key]):
        make_checkin(make_user("Alice"), note=NOTE)
    backup = create_backup(tmp_path / "backup.zip", data_dir=source, connection=connection)

    assert backup.kind == "sqlite"
    assert stat.S_IMODE(backup.path.stat().st_mode) == 0o600
    assert all(NOTE.encode() not in content for content in zip_contents(backup.path))
    with zipfile.ZipFile(backup.path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert set(archive.namelist()) == {
            "manifest.json",
            "tending.sqlite3",
            "encryption_key",
            "secret_key",
        }
    assert manifest["database_vendor"] == "sqlite"
    assert manifest["migrations"]["checkins"].startswith("00")

    User.objects.all().delete()
    target = tmp_path / "restored"
    result = restore_backup(backup.path, data_dir=target, connection=connection)

    assert any("encryption_key" in line for line in result.restored)
    assert keys_in(target) == [key]
    assert stat.S_IMODE((target / "encryption_key").stat().st_mode) == 0o600
    with override_settings(ENCRYPTION_KEYS=keys_in(target)):
        assert CheckIn.objects.get(user__email="alice@example.org").note == NOTE


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_already_has_accounts(tmp_path):
    make_user("Alice")
    source = data_dir_with_keys(tmp_path / "source", new_key())
    backup = create_backup(tmp_path / "backup.zip", data_dir=source, connection=connection)

    with pytest.raises(BackupError, match="already has accounts"):
        restore_backup(backup.path, data_dir=tmp_path / "target", connection=connection)
    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(backup.path))
    assert not (tmp_path / "target").exists()


@pytest.mark.django_db
def test_json_backup_round_trips_through_dumpdata_and_loaddata(tmp_path, settings):
    settings.DATA_DIR = tmp_path
    make_checkin(make_user("Alice"), note=NOTE)
    output = StringIO()
    call_command("backup", "--json", "--output", str(tmp_path / "dump.zip"), stdout=output)
    assert "dump.zip" in output.getvalue()
    with zipfile.ZipFile(tmp_path / "dump.zip") as archive:
        assert json.loads(archive.read("manifest.json"))["kind"] == "json"
        assert "data.json" in archive.namelist()

    User.objects.all().delete()
    output = StringIO()
    call_command("restore", str(tmp_path / "dump.zip"), stdout=output)

    assert "JSON dump" in output.getvalue()
    assert CheckIn.objects.get(user__email="alice@example.org").note == NOTE


def test_default_backup_path_is_timestamped_under_the_data_dir(tmp_path):
    path = default_backup_path(tmp_path)
    assert path.parent == tmp_path / "backups"
    assert path.name.startswith("tending-") and path.suffix == ".zip"


def test_a_sqlite_backup_is_refused_by_another_database():
    manifest = {"kind": "sqlite", "migrations": {}}
    with pytest.raises(BackupError, match="postgresql"):
        check_restorable(manifest, SimpleNamespace(vendor="postgresql"), force=True)


def test_a_backup_from_a_newer_version_is_refused():
    manifest = {"kind": "json", "migrations": {"checkins": "9999_from_the_future"}}
    with pytest.raises(BackupError, match="newer Tending"):
        check_restorable(manifest, SimpleNamespace(vendor="sqlite"), force=True)
