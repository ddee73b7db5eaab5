"""Statements compiled once and run with each request's values."""

from decimal import Decimal

from django.db import connection
from django.db.models import CharField, F, IntegerField

from tending.checkins.models import CheckIn
from tending.core.statements import Bound, Statement, Update
from tests.support.builders import make_checkin
from tests.support.queries import assert_query_count


def _id_of(name: str) -> Bound:
    return Bound(lambda run: run[name].pk, IntegerField())


def test_one_statement_answers_for_whoever_it_is_run_for(alice, bob):
    make_checkin(alice, note="alice's note")
    make_checkin(bob, note="bob's note")
    notes = Statement(CheckIn.objects.filter(user=_id_of("person")).values("note"))
    assert notes.dicts({"person": alice}) == [{"note": "alice's note"}]
    assert notes.dicts({"person": bob}) == [{"note": "bob's note"}]


def test_a_statement_reads_what_is_there_at_each_run(alice):
    shared = Statement(
        CheckIn.objects.filter(user=_id_of("person"), share_note=True).values("share_note")
    )
    checkin = make_checkin(alice, share_note=True)
    assert shared.rows({"person": alice}) == [(True,)]
    CheckIn.objects.filter(pk=checkin.pk).update(share_note=False)
    assert shared.rows({"person": alice}) == []


def test_columns_are_converted_as_the_orm_converts_them(alice):
    make_checkin(alice, note="written in secret", emotions=["calm", "hopeful"], share_note=True)
    statement = Statement(
        CheckIn.objects.filter(user=_id_of("person")).values("note", "emotions", "share_note")
    )
    [row] = statement.dicts({"person": alice})
    assert row == {"note": "written in secret", "emotions": ["calm", "hopeful"], "share_note": True}


def test_repeated_values_are_converted_once_to_the_same_values(alice):
    for days_ago in range(4):
        make_checkin(alice, days_ago=days_ago, sleep_hours=Decimal("7.5"), note=f"day {days_ago}")
    statement = Statement(
        CheckIn.objects.filter(user=_id_of("person"))
        .order_by("local_date")
        .values_list("local_date", "sleep_hours", "note", "emotions")
    )
    rows = statement.rows({"person": alice}, repeated=True)
    assert rows == statement.rows({"person": alice})
    assert len({row[1] for row in rows}) == 1 and rows[0][1] == Decimal("7.5")
    assert [row[2] for row in rows] == ["day 3", "day 2", "day 1", "day 0"]


def test_a_bound_value_may_be_worked_out_from_the_arguments(alice, bob):
    make_checkin(alice, note="alice's note")
    by_email = Bound(lambda run: run["person"].email, CharField())
    notes = Statement(CheckIn.objects.filter(user__email=by_email).values("note"))
    assert notes.rows({"person": alice}) == [("alice's note",)]
    assert notes.rows({"person": bob}) == []


def test_a_run_is_one_query_and_compiles_nothing(alice, monkeypatch):
    notes = Statement(CheckIn.objects.filter(user=_id_of("person")).values("note"))

    def no_compiling(*arguments, **keywords):
        raise AssertionError("compiled again")

    monkeypatch.setattr("django.db.models.sql.compiler.SQLCompiler.as_sql", no_compiling)
    with assert_query_count(1):
        notes.rows({"person": alice})


def test_an_update_changes_the_rows_of_whoever_it_is_run_for(alice, bob):
    alices, bobs = make_checkin(alice, mood=1), make_checkin(bob, mood=1)
    raise_mood = Update(CheckIn.objects.filter(user=_id_of("person")), mood=F("mood") + 1)
    assert raise_mood.run({"person": alice}) == 1
    assert raise_mood.run({"person": alice}) == 1
    assert raise_mood.run({"person": bob}) == 1
    alices.refresh_from_db()
    bobs.refresh_from_db()
    assert (alices.mood, bobs.mood) == (3, 2)


def test_an_update_writes_bound_values_as_saving_a_model_writes_them(alice):
    checkin = make_checkin(alice, note="before")
    fields = CheckIn._meta
    write = Update(
        CheckIn.objects.filter(pk=_id_of("checkin")),
        note=Bound(lambda run: run["note"], fields.get_field("note"), saved=True),
        emotions=Bound(lambda run: run["emotions"], fields.get_field("emotions"), saved=True),
    )
    assert write.run({"checkin": checkin, "note": "written in secret", "emotions": ["calm"]}) == 1
    checkin.refresh_from_db()
    assert (checkin.note, checkin.emotions) == ("written in secret", ["calm"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM checkins_checkin WHERE id = %s", [checkin.pk])
        [(stored,)] = cursor.fetchall()
    assert "secret" not in stored


def test_an_update_runs_without_compiling_again(alice, monkeypatch):
    make_checkin(alice)
    share = Update(CheckIn.objects.filter(user=_id_of("person")), share_note=True)

    def no_compiling(*arguments, **keywords):
        raise AssertionError("compiled again")

    monkeypatch.setattr("django.db.models.sql.compiler.SQLUpdateCompiler.as_sql", no_compiling)
    with assert_query_count(1):
        assert share.run({"person": alice}) == 1
