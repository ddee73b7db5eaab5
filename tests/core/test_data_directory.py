"""The data directory and the SQLite files in it are for the operator's eyes only."""

import contextlib
import os
import sqlite3
import stat
import subprocess
import sys

from tending.core.checks import data_directory_is_private


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_sqlite_database_and_its_wal_files_are_readable_by_their_owner_only(tmp_path):
    data_dir = tmp_path / "data"
    env = {key: value for key, value in os.environ.items() if key != "TENDING_DATABASE_URL"}
    env["TENDING_DATA_DIR"] = str(data_dir)
    subprocess.run(
        [sys.executable, "-c", "from tending.cli import main; main()", "migrate", "-v", "0"],
        env=env,
        check=True,
        umask=0o022,
    )
    assert mode(data_dir) == 0o700
    database = data_dir / "tending.sqlite3"
    for path in (database, data_dir / "secret_key", data_dir / "encryption_key"):
        assert mode(path) == 0o600, path
    with contextlib.closing(sqlite3.connect(database)) as open_database:
        open_database.execute("PRAGMA journal_mode=WAL")
        open_database.execute("CREATE TABLE probe (value)")
        open_database.commit()
        for suffix in ("-wal", "-shm"):
            companion = database.with_name(database.name + suffix)
            assert mode(companion) == 0o600, companion


def test_check_warns_when_other_users_can_read_the_data(tmp_path, settings):
    settings.DATA_DIR = tmp_path
    (tmp_path / "tending.sqlite3").write_text("")
    os.chmod(tmp_path / "tending.sqlite3", 0o600)
    os.chmod(tmp_path, 0o700)
    assert data_directory_is_private() == []

    os.chmod(tmp_path, 0o755)
    os.chmod(tmp_path / "tending.sqlite3", 0o644)
    warnings = data_directory_is_private()
    assert [warning.id for warning in warnings] == ["tending.W001", "tending.W002"]
    assert f"chmod 700 {tmp_path}" in warnings[0].hint
