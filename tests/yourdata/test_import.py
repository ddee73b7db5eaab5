"""An export restores its person into a fresh Tending, and never over someone else."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from conftest import make_user
from tending.accounts.models import User
from tending.checkins.models import CheckIn, Response
from tending.couples.models import Couple, Invite
from tending.couples.selectors import active_couple_for
from tending.yourdata.archive import UnreadableArchiveError
from tending.yourdata.services import ImportRefusedError, export_archive, import_archive
from yourdata.records import checkin_for, response_to

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

CHECKIN_FIELDS = (
    "local_date",
    "mood",
    "stress",
    "energy",
    "connection",
    "sleep_hours",
    "emotions",
    "needs",
    "note",
    "share_numbers",
    "share_emotions",
    "share_needs",
    "share_note",
    "created_at",
    "updated_at",
)


def checkin_values(user) -> list[tuple]:
    return list(
        CheckIn.objects.filter(user=user).order_by("local_date").values_list(*CHECKIN_FIELDS)
    )


def empty_the_database():
    Response.objects.all().delete()
    Invite.objects.all().delete()
    Couple.objects.all().delete()
    User.objects.all().delete()


def test_export_then_import_into_a_fresh_database_restores_the_same_data(alice, bob):
    for days_ago in range(5):
        checkin_for(
            alice,
            days_ago=days_ago,
            mood=1 + days_ago,
            sleep_hours="6.5",
            emotions=["tender", "tired"],
            note=f"day {days_ago}: the kettle sang" if days_ago % 2 else "",
            share_note=bool(days_ago % 2),
        )
    response_to(checkin_for(bob), alice, message="see you tonight")
    alice.refresh_from_db()
    profile = (alice.email, alice.display_name, alice.timezone, alice.country, alice.language)
    joined = alice.date_joined
    before = checkin_values(alice)
    archive = export_archive(user=alice)

    empty_the_database()
    restored = import_archive(data=archive)

    assert (
        restored.email,
        restored.display_name,
        restored.timezone,
        restored.country,
        restored.language,
    ) == profile
    assert User.objects.get(pk=restored.pk).date_joined == joined
    assert checkin_values(restored) == before
    assert not restored.has_usable_password()
    assert active_couple_for(restored) is None
    assert User.objects.count() == 1


def test_import_refuses_an_e_mail_address_that_already_exists(alice):
    checkin_for(alice, note="only once")
    archive = export_archive(user=alice)
    with pytest.raises(ImportRefusedError, match="alice@example.org already has an account"):
        import_archive(data=archive)
    assert CheckIn.objects.count() == 1


def test_import_refuses_what_is_not_an_export(db):
    with pytest.raises(UnreadableArchiveError, match="not a zip"):
        import_archive(data=b"hello")


def test_the_import_command_restores_and_refuses_clearly(db, tmp_path: Path):
    erin = make_user("Erin")
    checkin_for(erin, note="a letter to future me")
    archive = tmp_path / "erin.zip"
    call_command("export", email=erin.email, output=archive, stdout=io.StringIO())

    with pytest.raises(CommandError, match="already has an account"):
        call_command("import", str(archive), stdout=io.StringIO())

    erin.delete()
    output = io.StringIO()
    call_command("import", str(archive), stdout=output)
    assert "Imported erin@example.org" in output.getvalue()
    assert CheckIn.objects.get().note == "a letter to future me"
