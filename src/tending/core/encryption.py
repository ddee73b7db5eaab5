"""Authenticated encryption of free text at rest, with keys that can be rotated.

Keys come from ``settings.ENCRYPTION_KEYS``: the first encrypts, all of them decrypt, so
a new key can be put first while rows written under older keys stay readable until
``tending rotate-key`` has re-encrypted them.
"""

import base64
import binascii
import os
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

TOKEN_PREFIX = "gAAAAA"


class UndecryptableTextError(Exception):
    """Stored text that none of the configured keys can decrypt."""


@lru_cache(maxsize=4)
def _cipher_for(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured(
            "No encryption key is configured: set TENDING_ENCRYPTION_KEY or let Tending "
            "create the encryption_key file in the data directory."
        )
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except (ValueError, binascii.Error) as error:
        raise ImproperlyConfigured(
            "An encryption key is not valid: each key must be 32 url-safe base64-encoded "
            "bytes, as written by `tending rotate-key --generate`."
        ) from error


def cipher() -> MultiFernet:
    return _cipher_for(tuple(settings.ENCRYPTION_KEYS))


def new_key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


def encrypt(plaintext: str) -> str:
    return cipher().encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return cipher().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise UndecryptableTextError(
            "Stored text cannot be decrypted with the configured encryption keys. "
            "Check TENDING_ENCRYPTION_KEY or the encryption_key file in the data "
            "directory: the key that encrypted this data must be in the list."
        ) from error


def rotate(token: str) -> str:
    """The same text encrypted under the current (first) key."""
    try:
        return cipher().rotate(token.encode()).decode()
    except InvalidToken as error:
        raise UndecryptableTextError(
            "Stored text cannot be re-encrypted: none of the configured keys decrypts it."
        ) from error


def looks_encrypted(value: str) -> bool:
    return value.startswith(TOKEN_PREFIX)


def write_key_file(path: Path, keys: list[str]) -> None:
    """Replace the key file with ``keys`` (current first), readable by its owner only."""
    temporary = path.with_name(path.name + ".new")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write("".join(f"{key}\n" for key in keys))
    os.replace(temporary, path)


def encrypt_column(schema_editor, table: str, column: str, *, batch_size: int = 500) -> int:
    """Encrypt every plain value of one column in place; used by data migrations."""
    return _transform_column(
        schema_editor,
        table,
        column,
        lambda value: value if looks_encrypted(value) else encrypt(value),
        batch_size,
    )


def decrypt_column(schema_editor, table: str, column: str, *, batch_size: int = 500) -> int:
    """Turn every encrypted value of one column back into plain text (migrating back)."""
    return _transform_column(
        schema_editor,
        table,
        column,
        lambda value: decrypt(value) if looks_encrypted(value) else value,
        batch_size,
    )


def _transform_column(schema_editor, table, column, transform, batch_size) -> int:
    connection = schema_editor.connection
    quoted_table = connection.ops.quote_name(table)
    quoted_column = connection.ops.quote_name(column)
    changed = 0
    last_id = None
    with connection.cursor() as cursor:
        while True:
            after = "" if last_id is None else "AND id > %s"
            cursor.execute(
                f"SELECT id, {quoted_column} FROM {quoted_table} "
                f"WHERE {quoted_column} IS NOT NULL AND {quoted_column} <> '' {after} "
                f"ORDER BY id LIMIT {int(batch_size)}",
                [] if last_id is None else [last_id],
            )
            rows = cursor.fetchall()
            if not rows:
                return changed
            for row_id, value in rows:
                new_value = transform(value)
                if new_value != value:
                    cursor.execute(
                        f"UPDATE {quoted_table} SET {quoted_column} = %s WHERE id = %s",
                        [new_value, row_id],
                    )
                    changed += 1
            last_id = rows[-1][0]
