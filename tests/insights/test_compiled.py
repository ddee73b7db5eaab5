"""The insights statements, compiled once: each run answers for its own viewer, couple
and days, with the partner-visibility rules and today's sharing."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from tending.assessments.models import Result, Sharing
from tending.assessments.selectors import instrument_for
from tending.assessments.services import record_result, set_sharing
from tending.checkins.models import CheckIn
from tending.couples.models import Couple
from tending.couples.selectors import couple_and_partner
from tending.insights.readings import (
    assessment_rows,
    first_visible_day,
    visible_readings,
    word_list,
)
from tests.support.builders import backdate_couple, make_checkin, make_response
from tests.support.people import client_for

pytestmark = pytest.mark.frozen("2027-03-10T12:00:00+00:00")

TODAY = dt.date(2027, 3, 10)
GAD7_MODERATE = {number: 2 for number in range(1, 8)} | {7: 0}


def readings_of(person, *, days=30, with_answers=True):
    couple, partner = couple_and_partner(person)
    start = TODAY - dt.timedelta(days=days - 1)
    readings = visible_readings(
        person, couple, partner=partner, start=start, end=TODAY, with_answers=with_answers
    )
    return [
        (reading.is_mine, reading.local_date, reading.numbers.get("mood")) for reading in readings
    ]


def test_each_viewer_reads_their_own_and_what_their_partner_shared(alice, bob, charlie, dana):
    backdate_couple(alice, days=10)
    make_checkin(alice, days_ago=1, mood=2)
    make_checkin(bob, days_ago=1, mood=4, share_numbers=True)
    make_checkin(charlie, mood=5)
    make_checkin(dana, mood=1, share_numbers=True)
    yesterday = TODAY - dt.timedelta(days=1)
    assert readings_of(alice) == [(True, yesterday, 2), (False, yesterday, 4)]
    assert readings_of(bob) == [(False, yesterday, 2), (True, yesterday, 4)]
    assert readings_of(charlie) == [(True, TODAY, 5)]
    assert readings_of(dana) == [(True, TODAY, 1)]
    assert readings_of(dana, with_answers=False) == [(True, TODAY, 1)]


def test_only_the_days_asked_about_and_the_couples_time_are_read(alice, bob):
    backdate_couple(alice, days=10)
    make_checkin(alice, days_ago=40)
    make_checkin(bob, days_ago=20, share_numbers=True)  # before the couple began
    make_checkin(bob, days_ago=5, share_numbers=True)
    assert [day for _, day, _ in readings_of(alice, days=7)] == [TODAY - dt.timedelta(days=5)]
    assert len(readings_of(alice, days=30)) == 1
    assert len(readings_of(alice, days=90)) == 2


def test_a_part_made_private_disappears_from_the_next_reading(alice, bob):
    backdate_couple(alice, days=10)
    theirs = make_checkin(bob, mood=4, share_numbers=True)
    assert readings_of(alice) == [(False, TODAY, 4)]
    CheckIn.objects.filter(pk=theirs.pk).update(share_numbers=False)
    assert readings_of(alice) == [(False, TODAY, None)]
    CheckIn.objects.filter(pk=theirs.pk).update(
        share_emotions=False, share_needs=False, share_note=False
    )
    assert readings_of(alice) == []


def test_a_partners_number_made_private_leaves_the_next_page(alice, bob):
    backdate_couple(alice, days=10)
    theirs = make_checkin(bob, mood=4, share_numbers=True)
    client = client_for(alice)
    url = reverse("insights:overview") + "?days=7"
    assert '<th scope="col">Bob</th>' in client.get(url).content.decode()
    CheckIn.objects.filter(pk=theirs.pk).update(share_numbers=False)
    assert '<th scope="col">Bob</th>' not in client.get(url).content.decode()


def test_answers_are_counted_within_the_couple_only(alice, bob, dana):
    backdate_couple(alice, days=10)
    mine = make_checkin(alice, needs=["talk"], share_needs=True)
    make_response(mine, bob)
    former_couple = Couple.objects.get(memberships__user=dana)
    make_response(mine, dana, couple=former_couple)
    couple, partner = couple_and_partner(alice)
    (reading,) = visible_readings(
        alice, couple, partner=partner, start=TODAY, end=TODAY, with_answers=True
    )
    assert (reading.answer_count, reading.answered_in_a_day) == (1, True)
    (reading,) = visible_readings(alice, couple, partner=partner, start=TODAY, end=TODAY)
    assert (reading.answer_count, reading.answered_in_a_day) == (0, False)


def test_an_answer_after_a_day_is_counted_but_not_as_within_a_day(alice, bob):
    backdate_couple(alice, days=10)
    mine = make_checkin(alice, days_ago=2, needs=["talk"], share_needs=True)
    late = make_response(mine, bob)
    type(late).objects.filter(pk=late.pk).update(
        created_at=mine.created_at + dt.timedelta(hours=24, microseconds=1)
    )
    couple, partner = couple_and_partner(alice)
    start = TODAY - dt.timedelta(days=2)
    (reading,) = visible_readings(
        alice, couple, partner=partner, start=start, end=start, with_answers=True
    )
    assert (reading.answer_count, reading.answered_in_a_day) == (1, False)
    type(late).objects.filter(pk=late.pk).update(
        created_at=mine.created_at + dt.timedelta(hours=24)
    )
    (reading,) = visible_readings(
        alice, couple, partner=partner, start=start, end=start, with_answers=True
    )
    assert (reading.answer_count, reading.answered_in_a_day) == (1, True)


@pytest.mark.parametrize(
    "created_at",
    [
        dt.datetime(2027, 3, 8, 9, 30, tzinfo=dt.UTC),
        dt.datetime(2027, 3, 8, 9, 30, 0, 999_999, tzinfo=dt.UTC),
        dt.datetime(2027, 3, 8, 23, 59, 59, 1, tzinfo=dt.UTC),
    ],
    ids=str,
)
def test_within_a_day_draws_the_line_where_python_does(alice, bob, created_at):
    backdate_couple(alice, days=10)
    mine = make_checkin(alice, days_ago=2, needs=["talk"], share_needs=True)
    CheckIn.objects.filter(pk=mine.pk).update(created_at=created_at)
    answer = make_response(mine, bob)
    couple, partner = couple_and_partner(alice)
    start = TODAY - dt.timedelta(days=2)
    for offset, within in (
        (dt.timedelta(microseconds=-1), True),
        (dt.timedelta(0), True),
        (dt.timedelta(microseconds=1), False),
        (dt.timedelta(seconds=1), False),
    ):
        type(answer).objects.filter(pk=answer.pk).update(
            created_at=created_at + dt.timedelta(hours=24) + offset
        )
        (reading,) = visible_readings(
            alice, couple, partner=partner, start=start, end=start, with_answers=True
        )
        assert (reading.answer_count, reading.answered_in_a_day) == (1, within), offset


def first_day_of(person):
    couple, partner = couple_and_partner(person)
    return first_visible_day(person, couple, partner=partner)


def test_the_first_visible_day_follows_the_rule_and_todays_sharing(alice, bob, charlie, dana):
    backdate_couple(alice, days=10)
    make_checkin(alice, days_ago=3)
    theirs = make_checkin(bob, days_ago=5, share_numbers=True)
    make_checkin(bob, days_ago=20, share_numbers=True)  # before the couple began
    make_checkin(dana, days_ago=8, share_numbers=True)
    assert first_day_of(alice) == TODAY - dt.timedelta(days=5)
    assert first_day_of(dana) == TODAY - dt.timedelta(days=8)
    assert first_day_of(charlie) is None
    nothing = dict.fromkeys(("share_numbers", "share_emotions", "share_needs", "share_note"), False)
    CheckIn.objects.filter(pk=theirs.pk).update(**nothing)
    assert first_day_of(alice) == TODAY - dt.timedelta(days=3)


def assessments_of(person, *, until=None):
    couple, partner = couple_and_partner(person)
    since = timezone.now() - dt.timedelta(days=30)
    rows = assessment_rows(person, couple, partner=partner, since=since, until=until)
    return [(row.owner_name, row.name) for row in rows]


def test_results_are_the_viewers_and_the_partners_shared_ones(alice, bob, charlie, dana):
    record_result(
        user=alice, instrument=instrument_for("phq9"), answers={n: 1 for n in range(1, 10)}
    )
    bobs = record_result(user=bob, instrument=instrument_for("gad7"), answers=GAD7_MODERATE)
    danas = record_result(user=dana, instrument=instrument_for("gad7"), answers=GAD7_MODERATE)
    set_sharing(user=dana, result=danas, sharing=Sharing.BAND_AND_SCORE)
    record_result(user=charlie, instrument=instrument_for("gad7"), answers=GAD7_MODERATE)
    assert assessments_of(alice) == [("Alice", "PHQ-9")]
    set_sharing(user=bob, result=bobs, sharing=Sharing.BAND)
    assert assessments_of(alice) == [("Bob", "GAD-7"), ("Alice", "PHQ-9")]
    assert assessments_of(bob) == [("Bob", "GAD-7")]
    assert assessments_of(charlie) == [("Charlie", "GAD-7")]
    assert assessments_of(dana) == [("Dana", "GAD-7")]
    set_sharing(user=bob, result=bobs, sharing=Sharing.NOTHING)
    assert assessments_of(alice) == [("Alice", "PHQ-9")]


def test_results_before_the_couple_or_outside_the_days_stay_out(alice, bob):
    bobs = record_result(user=bob, instrument=instrument_for("gad7"), answers=GAD7_MODERATE)
    set_sharing(user=bob, result=bobs, sharing=Sharing.BAND)
    couple, _ = couple_and_partner(alice)
    Couple.objects.filter(pk=couple.pk).update(started_at=timezone.now() + dt.timedelta(hours=1))
    assert assessments_of(alice) == []
    Couple.objects.filter(pk=couple.pk).update(started_at=timezone.now() - dt.timedelta(days=1))
    assert assessments_of(alice) == [("Bob", "GAD-7")]
    assert assessments_of(alice, until=bobs.taken_at) == []
    Result.objects.filter(pk=bobs.pk).update(taken_at=timezone.now() - dt.timedelta(days=40))
    assert assessments_of(alice) == []


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["calm"],
        ["calm", "tired", "hopeful"],
        ['say "hi"'],
        ["a, b", "c"],
        ['x", "y'],
        ["back\\slash"],
        ["café", "naïve"],
        [""],
        ["", ""],
    ],
    ids=repr,
)
def test_a_word_list_reads_as_json_would(words):
    for listed in (
        json.dumps(words),
        json.dumps(words, ensure_ascii=False),
        json.dumps(words, separators=(",", ":")),
    ):
        assert word_list(listed) == tuple(words), listed
