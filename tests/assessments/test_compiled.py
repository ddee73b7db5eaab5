"""Home's questionnaire reads, compiled once: each run answers for its own person."""

import datetime as dt

from django.utils import timezone

from tending.assessments.models import Result, ScheduleChoice
from tending.assessments.scoring import get_instrument
from tending.assessments.selectors import recent_results, schedule_for
from tending.assessments.services import record_result

PHQ9_LOW = dict.fromkeys(range(1, 10), 0)


def test_recent_results_are_the_persons_own_newest_first(alice, bob):
    phq9 = get_instrument("phq9")
    older = record_result(user=alice, instrument=phq9, answers=PHQ9_LOW)
    newer = record_result(user=alice, instrument=phq9, answers=PHQ9_LOW)
    Result.objects.filter(pk=older.pk).update(taken_at=timezone.now() - dt.timedelta(days=3))
    theirs = record_result(user=bob, instrument=phq9, answers=PHQ9_LOW)
    assert [result.pk for result in recent_results(alice)] == [newer.pk, older.pk]
    assert [result.pk for result in recent_results(bob)] == [theirs.pk]
    assert recent_results(alice)[0].answers == {str(item): 0 for item in range(1, 10)}


def test_a_changed_schedule_shows_at_once(alice, bob):
    def chosen(person):
        return {row.instrument.key: row.every_days for row in schedule_for(person) if row.chosen}

    assert chosen(alice) == chosen(bob) == {}
    choice = ScheduleChoice.objects.create(
        user=alice, instrument_key="phq9", active=True, every_days=7
    )
    assert chosen(alice) == {"phq9": 7}
    assert chosen(bob) == {}
    ScheduleChoice.objects.filter(pk=choice.pk).update(every_days=28)
    assert chosen(alice) == {"phq9": 28}
