"""Export a person's data as an archive, and restore a person from one."""

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from tending.accounts.models import User
from tending.core.exports import Document, Table
from tending.core.registry import contributions
from tending.yourdata.archive import build_archive, read_tables

PROFILE_TABLE = "profile"


def collect(user) -> list[Table | Document]:
    """Every app's part of the person's export, in the order the apps are installed."""
    parts: list[Table | Document] = []
    for export_tables in contributions("export_tables"):
        parts.extend(export_tables(user))
    return parts


def restore(user, tables: dict[str, list[dict]]) -> None:
    for import_tables in contributions("import_tables"):
        import_tables(user, tables)


def export_filename(user, *, now=None) -> str:
    return f"tending-export-{(now or timezone.now()):%Y-%m-%d}.zip"


def export_archive(*, user, now=None) -> bytes:
    """Everything of ``user``'s, as the bytes of a zip archive."""
    return build_archive(collect(user), exported_at=now or timezone.now())


class ImportRefusedError(Exception):
    """An archive that cannot be imported here; the message says why."""


@transaction.atomic
def import_archive(*, data: bytes) -> User:
    """Create the person of an export archive, with their own data, without a couple.

    They get no usable password: they set one by resetting it by e-mail.
    """
    tables = read_tables(data)
    profiles = tables.get(PROFILE_TABLE) or []
    if len(profiles) != 1:
        raise ImportRefusedError("The export has no profile to restore.")
    profile = profiles[0]
    email = User.objects.normalize_email(profile["email"]).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ImportRefusedError(
            f"Someone with the e-mail address {email} already has an account here, so this "
            "export was not imported. Delete that account first, or import into a fresh Tending."
        )
    user = User.objects.create_user(
        email=email,
        password=None,
        display_name=profile["display_name"],
        timezone=profile["timezone"],
        country=profile.get("country") or "",
        language=profile.get("language") or User._meta.get_field("language").default,
    )
    joined = parse_datetime(profile.get("date_joined") or "")
    if joined is not None:
        User.objects.filter(pk=user.pk).update(date_joined=joined)
        user.date_joined = joined
    restore(user, tables)
    return user
