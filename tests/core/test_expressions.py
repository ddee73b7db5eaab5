"""Query expressions that keep date arithmetic in the database."""

import datetime as dt

import pytest
from django.db.models import OuterRef, Q, Subquery

from tending.checkins.models import CheckIn, Response
from tending.core.expressions import LaterBy
from tests.support.builders import make_checkin, make_response

DAY = dt.timedelta(hours=24)
UTC = dt.UTC

MOMENTS = [
    dt.datetime(2026, 3, 5, 9, 30, tzinfo=UTC),
    dt.datetime(2026, 3, 5, 9, 30, 0, 999_999, tzinfo=UTC),
    dt.datetime(2026, 3, 5, 9, 30, 59, 999_500, tzinfo=UTC),
    dt.datetime(2026, 12, 31, 23, 59, 59, 1, tzinfo=UTC),
    dt.datetime(2028, 2, 28, 12, 0, 0, 500_000, tzinfo=UTC),
    dt.datetime(2026, 3, 29, 0, 30, tzinfo=UTC),  # the night Europe's clocks go forward
]


@pytest.mark.parametrize("moment", MOMENTS, ids=str)
def test_a_column_later_by_a_day_is_python_s_sum_to_the_microsecond(alice, moment):
    checkin = make_checkin(alice)
    CheckIn.objects.filter(pk=checkin.pk).update(created_at=moment)
    later = CheckIn.objects.annotate(later=LaterBy("created_at", DAY)).get(pk=checkin.pk).later
    assert later == moment + DAY


@pytest.mark.parametrize("moment", MOMENTS, ids=str)
def test_comparing_with_it_draws_the_line_where_python_does(alice, moment):
    checkin = make_checkin(alice)
    CheckIn.objects.filter(pk=checkin.pk).update(created_at=moment)
    for offset, within in (
        (dt.timedelta(microseconds=-1), True),
        (dt.timedelta(0), True),
        (dt.timedelta(microseconds=1), False),
        (dt.timedelta(seconds=1), False),
    ):
        answer = moment + DAY + offset
        found = CheckIn.objects.filter(
            Q(pk=checkin.pk) & Q(updated_at__lte=LaterBy("created_at", DAY))
        )
        CheckIn.objects.filter(pk=checkin.pk).update(updated_at=answer)
        assert found.exists() is within, (answer, within)


@pytest.mark.parametrize("moment", MOMENTS, ids=str)
def test_a_column_earlier_by_a_day_is_python_s_difference_to_the_microsecond(alice, moment):
    checkin = make_checkin(alice)
    CheckIn.objects.filter(pk=checkin.pk).update(created_at=moment)
    earlier = CheckIn.objects.annotate(earlier=LaterBy("created_at", -DAY)).get(pk=checkin.pk)
    assert earlier.earlier == moment - DAY


def test_in_a_subquery_it_reads_the_subquery_s_own_column(alice, bob):
    checkin = make_checkin(alice)
    answer = make_response(checkin, bob)
    Response.objects.filter(pk=answer.pk).update(created_at=MOMENTS[1])
    answers = Response.objects.filter(checkin=OuterRef("pk")).annotate(
        later=LaterBy("created_at", DAY)
    )
    found = CheckIn.objects.annotate(later=Subquery(answers.values("later"))).get(pk=checkin.pk)
    assert found.later == MOMENTS[1] + DAY


def test_only_whole_seconds_are_taken():
    with pytest.raises(ValueError):
        LaterBy("created_at", dt.timedelta(microseconds=1))
