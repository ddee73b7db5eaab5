import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection, transaction

from tending.checkins import compiled, services
from tending.checkins.feelings import EMOTION_WORDS, FEELINGS_WHEEL
from tending.checkins.models import CheckIn
from tending.checkins.services import CheckInError, save_checkin, save_todays_checkin
from tending.core.encryption import decrypt
from tending.core.timezones import local_today
from tests.support.builders import checkin_input, make_checkin
from tests.support.people import make_user

pytestmark = pytest.mark.on_edge_days

UTC = dt.UTC


def test_a_second_check_in_the_same_day_edits_the_first(charlie):
    first = save_checkin(user=charlie, data=checkin_input(mood=2, emotions=("tired",)))
    second = save_checkin(
        user=charlie, data=checkin_input(mood=4, emotions=("hopeful",), needs=("fun",))
    )
    assert second.pk == first.pk
    assert CheckIn.objects.filter(user=charlie).count() == 1
    saved = CheckIn.objects.get(user=charlie)
    assert saved.mood == 4
    assert saved.emotions == ["hopeful"]
    assert saved.needs == ["fun"]


@pytest.mark.django_db
def test_local_midnight_in_the_persons_time_zone_starts_a_new_day():
    auckland = make_user("Kiri", timezone="Pacific/Auckland")
    london = make_user("Lou", timezone="UTC")
    # In July Auckland is on NZST, UTC+12: 11:59 UTC is 23:59 there, 12:01 UTC is 00:01.
    before_midnight = dt.datetime(2026, 7, 1, 11, 59, tzinfo=UTC)
    after_midnight = dt.datetime(2026, 7, 1, 12, 1, tzinfo=UTC)

    evening = save_checkin(user=auckland, data=checkin_input(mood=2), now=before_midnight)
    morning = save_checkin(user=auckland, data=checkin_input(mood=4), now=after_midnight)
    assert evening.local_date == dt.date(2026, 7, 1)
    assert morning.local_date == dt.date(2026, 7, 2)
    assert CheckIn.objects.filter(user=auckland).count() == 2

    first = save_checkin(user=london, data=checkin_input(mood=2), now=before_midnight)
    second = save_checkin(user=london, data=checkin_input(mood=4), now=after_midnight)
    assert first.pk == second.pk
    assert second.local_date == dt.date(2026, 7, 1)


@pytest.mark.django_db
def test_the_day_follows_daylight_saving_time():
    auckland = make_user("Kiri", timezone="Pacific/Auckland")
    # In January Auckland is on NZDT, UTC+13: 10:59 UTC is 23:59, 11:01 UTC is 00:01.
    late = save_checkin(
        user=auckland, data=checkin_input(), now=dt.datetime(2026, 1, 10, 10, 59, tzinfo=UTC)
    )
    early = save_checkin(
        user=auckland, data=checkin_input(), now=dt.datetime(2026, 1, 10, 11, 1, tzinfo=UTC)
    )
    assert (late.local_date, early.local_date) == (dt.date(2026, 1, 10), dt.date(2026, 1, 11))


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"mood": 9}, "How is your mood? needs an answer from 1 to 5."),
        ({"stress": 0}, "How stressed do you feel? needs an answer from 1 to 5."),
        ({"sleep_hours": Decimal("14.5")}, "Sleep is counted from 0 to 14 hours"),
        ({"sleep_hours": Decimal("7.25")}, "Sleep is counted from 0 to 14 hours"),
        ({"emotions": ("sad", "blorpy")}, "Unknown feeling: sad, blorpy."),
        ({"needs": ("massage",)}, "Please pick what would help from the list."),
        ({"needs": ("nothing", "hug")}, "cannot be combined with other requests"),
        ({"note": "x" * 2001}, "The note can be at most 2000 characters."),
    ],
)
def test_invalid_input_is_refused_with_a_clear_message(charlie, overrides, message):
    with pytest.raises(CheckInError, match=message.replace("?", r"\?")):
        save_checkin(user=charlie, data=checkin_input(**overrides))
    assert not CheckIn.objects.filter(user=charlie).exists()


def test_a_note_of_exactly_2000_characters_is_kept(charlie):
    saved = save_checkin(user=charlie, data=checkin_input(note="y" * 2000))
    assert len(CheckIn.objects.get(pk=saved.pk).note) == 2000


def test_sharing_defaults_keep_the_note_private(charlie):
    saved = save_checkin(user=charlie, data=checkin_input(note="just for me"))
    assert (saved.share_numbers, saved.share_emotions, saved.share_needs) == (True, True, True)
    assert saved.share_note is False


def test_repeated_words_and_needs_are_stored_once(charlie):
    saved = save_checkin(
        user=charlie, data=checkin_input(emotions=("calm", "calm"), needs=("talk", "talk"))
    )
    assert saved.emotions == ["calm"]
    assert saved.needs == ["talk"]


def test_a_check_in_from_an_earlier_day_is_left_as_it_was(charlie):
    yesterday = make_checkin(charlie, days_ago=1, mood=1, note="yesterday")
    today = save_checkin(user=charlie, data=checkin_input(mood=5))
    yesterday.refresh_from_db()
    assert today.pk != yesterday.pk
    assert (yesterday.mood, yesterday.note) == (1, "yesterday")


def test_the_feelings_wheel_has_at_least_sixty_words_under_core_feelings():
    assert len(EMOTION_WORDS) >= 60
    assert len(FEELINGS_WHEEL) >= 5
    assert all(len(core.words) >= 6 for core in FEELINGS_WHEEL)


def test_a_first_check_in_written_meanwhile_is_edited_not_doubled(charlie, monkeypatch):
    # Another request wrote the day's first check-in between this one's read and insert.
    meanwhile = save_checkin(user=charlie, data=checkin_input(mood=2))
    reads = []
    real_read = services._checkin_to_save

    def read_before_the_other_wrote(user, day):
        reads.append(day)
        return None if len(reads) == 1 else real_read(user, day)

    monkeypatch.setattr(services, "_checkin_to_save", read_before_the_other_wrote)
    saved = save_todays_checkin(user=charlie, data=checkin_input(mood=5))
    assert len(reads) == 2
    assert (saved.checkin.pk, saved.is_new) == (meanwhile.pk, False)
    assert list(CheckIn.objects.filter(user=charlie).values_list("mood", flat=True)) == [5]


def test_an_edit_writes_every_answer_and_leaves_the_day_and_creation_alone(charlie):
    first = save_todays_checkin(user=charlie, data=checkin_input(mood=2, note="first")).checkin
    edited = save_todays_checkin(
        user=charlie,
        data=checkin_input(
            mood=5,
            stress=1,
            energy=4,
            connection=3,
            sleep_hours=Decimal("6.5"),
            emotions=("calm",),
            needs=("talk",),
            note="  second  ",
            share_numbers=False,
            share_emotions=False,
            share_needs=False,
            share_note=True,
        ),
    )
    assert not edited.is_new
    saved = CheckIn.objects.get(pk=first.pk)
    assert (saved.mood, saved.stress, saved.energy, saved.connection) == (5, 1, 4, 3)
    assert saved.sleep_hours == Decimal("6.5")
    assert (saved.emotions, saved.needs, saved.note) == (["calm"], ["talk"], "second")
    assert (saved.share_numbers, saved.share_emotions, saved.share_needs) == (False,) * 3
    assert saved.share_note
    assert (saved.user_id, saved.local_date, saved.created_at) == (
        first.user_id,
        first.local_date,
        first.created_at,
    )
    assert saved.updated_at == edited.checkin.updated_at >= first.updated_at
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM checkins_checkin WHERE id = %s", [first.pk])
        [(stored,)] = cursor.fetchall()
    assert "second" not in stored and decrypt(stored) == "second"


def test_the_check_in_to_save_is_locked_where_the_database_locks_rows(charlie):
    save_checkin(user=charlie, data=checkin_input())
    with transaction.atomic():
        services._checkin_to_save(charlie, local_today(charlie))
    statement = compiled.checkin_of_day_to_save()
    assert ("FOR UPDATE" in statement.sql) == connection.features.has_select_for_update
