"""Query expressions that keep date arithmetic in the database."""

import datetime as dt

import pytest
from django.db.models import Q

from tending.checkins.models import CheckIn
from tending.core.expressions import LaterBy
from tests.support.builders import make_checkin

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


def test_only_whole_seconds_are_taken():
    with pytest.raises(ValueError):
        LaterBy("created_at", dt.timedelta(microseconds=1))
