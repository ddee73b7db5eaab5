"""Checks ``tending check`` runs on the data directory: what is in it (the database, the
keys, backups and sent mail) is for the operator's eyes only."""

import stat
from pathlib import Path

from django.conf import settings
from django.core.checks import Warning, register

PRIVATE_FILES = (
    "tending.sqlite3",
    "tending.sqlite3-wal",
    "tending.sqlite3-shm",
    "secret_key",
    "encryption_key",
    "vapid_private_key.pem",
)


def _open_to_others(path: Path) -> bool:
    return path.exists() and bool(path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))


@register()
def data_directory_is_private(app_configs=None, **kwargs):
    data_dir = Path(settings.DATA_DIR)
    warnings = []
    if _open_to_others(data_dir):
        warnings.append(
            Warning(
                f"The data directory {data_dir} can be read by other users of this machine.",
                hint=f"It holds the database and its keys: run chmod 700 {data_dir}",
                id="tending.W001",
            )
        )
    for name in PRIVATE_FILES:
        path = data_dir / name
        if _open_to_others(path):
            warnings.append(
                Warning(
                    f"{path} can be read by other users of this machine.",
                    hint=f"run chmod 600 {path}",
                    id="tending.W002",
                )
            )
    return warnings
