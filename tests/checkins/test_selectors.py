import datetime as dt

import pytest
from django.utils import timezone

from factories import backdate_couple, make_checkin, make_response
from tending.checkins.models import CheckIn, Response
from tending.checkins.selectors import turned_toward_this_week
from tending.couples.selectors import active_couple_for

pytestmark = pytest.mark.on_edge_days


def answered_after(checkin, responder, delay: dt.timedelta) -> Response:
    asked = timezone.now() - dt.timedelta(hours=30)
    CheckIn.objects.filter(pk=checkin.pk).update(created_at=asked)
    response = make_response(checkin, responder)
    Response.objects.filter(pk=response.pk).update(created_at=asked + delay)
    return response


def test_an_answer_within_24_hours_counts(alice, bob):
    answered_after(make_checkin(alice, needs=["hug"]), bob, dt.timedelta(hours=23, minutes=59))
    couple = active_couple_for(alice)
    assert turned_toward_this_week(couple, viewer=alice) == 1
    assert turned_toward_this_week(couple, viewer=bob) == 1


def test_an_answer_after_24_hours_does_not_count(alice, bob):
    answered_after(make_checkin(alice, needs=["hug"]), bob, dt.timedelta(hours=24, minutes=1))
    assert turned_toward_this_week(active_couple_for(alice), viewer=alice) == 0


def test_each_request_counts_once_however_many_answers(alice, bob):
    checkin = make_checkin(alice, needs=["hug"])
    make_response(checkin, bob)
    make_response(checkin, bob, kind=Response.Kind.TALK_TONIGHT)
    assert turned_toward_this_week(active_couple_for(alice), viewer=alice) == 1


def test_answers_from_both_partners_add_up(alice, bob):
    make_response(make_checkin(alice, needs=["hug"]), bob)
    make_response(make_checkin(bob, needs=["talk"]), alice)
    assert turned_toward_this_week(active_couple_for(alice), viewer=bob) == 2


def test_requests_from_before_this_week_do_not_count(alice, bob):
    backdate_couple(alice, days=10)
    make_response(make_checkin(alice, days_ago=8, needs=["hug"]), bob)
    assert turned_toward_this_week(active_couple_for(alice), viewer=alice) == 0


def test_nobody_alone_has_a_count(charlie):
    assert turned_toward_this_week(None, viewer=charlie) == 0
