import datetime as dt

import pytest
from django.urls import reverse

from conftest import client_for
from practices.builders import couple_of
from tending.core.timezones import local_today, week_start
from tending.practices import services
from tending.practices.models import RitualDone
from tending.practices.selectors import ritual_progress_text, ritual_views, streak_text

pytestmark = pytest.mark.on_edge_days


def test_progress_is_worded_neutrally():
    assert (
        ritual_progress_text(
            rhythm="weekly", times_per_period=3, done_this_week=2, done_today=0, days_so_far=4
        )
        == "2 of 3 this week"
    )
    assert (
        ritual_progress_text(
            rhythm="daily", times_per_period=1, done_this_week=1, done_today=0, days_so_far=3
        )
        == "1 of 3 days so far this week"
    )
    assert streak_text(1) == ""
    assert streak_text(4) == "4 weeks in a row as planned"


def test_either_partner_marks_a_ritual_done(alice, bob):
    ritual = services.add_ritual(
        user=alice, title="An evening walk", rhythm="weekly", times_per_period=3
    )
    services.mark_ritual_done(user=alice, ritual_id=ritual.pk)
    client_for(bob).post(reverse("practices:ritual_done", args=[ritual.pk]))
    page = client_for(alice).get(reverse("practices:rituals")).content.decode()
    card = page[page.index("Your rituals") : page.index("Write your own")]
    assert "2 of 3 this week" in card
    for word in ("broken", "missed", "failed", "streak lost"):
        assert word not in card.lower()


def test_a_ritual_is_not_marked_more_often_than_planned(alice, bob):
    ritual = services.add_suggested_ritual(user=alice, key="six-second-kiss")
    services.mark_ritual_done(user=bob, ritual_id=ritual.pk)
    with pytest.raises(services.PracticeError, match="already done today"):
        services.mark_ritual_done(user=alice, ritual_id=ritual.pk)
    services.undo_ritual_done(user=bob, ritual_id=ritual.pk)
    services.mark_ritual_done(user=alice, ritual_id=ritual.pk)


def test_weeks_done_as_planned_make_a_gentle_streak(alice):
    ritual = services.add_ritual(
        user=alice, title="Date night", rhythm="weekly", times_per_period=1
    )
    this_week = week_start(local_today(alice))
    for weeks_ago in (1, 2):
        RitualDone.objects.create(
            ritual=ritual, user=alice, local_date=this_week - dt.timedelta(weeks=weeks_ago)
        )
    [view] = ritual_views(alice, couple_of(alice))
    assert view.progress == "0 of 1 this week"
    assert view.streak == "2 weeks in a row as planned"
    services.mark_ritual_done(user=alice, ritual_id=ritual.pk)
    [view] = ritual_views(alice, couple_of(alice))
    assert view.streak == "3 weeks in a row as planned"


def test_a_ritual_needs_a_name_and_a_sensible_rhythm(alice):
    response = client_for(alice).post(
        reverse("practices:rituals"), {"title": "", "rhythm": "weekly", "times_per_period": "1"}
    )
    assert response.status_code == 400
    assert "Please give the ritual a name." in response.content.decode()
    with pytest.raises(services.PracticeError):
        services.add_ritual(user=alice, title="Walk", rhythm="monthly", times_per_period=1)


def test_others_cannot_touch_a_couples_rituals(alice, charlie, dana):
    ritual = services.add_ritual(user=alice, title="Walk", rhythm="weekly", times_per_period=1)
    for person in (charlie, dana):
        response = client_for(person).post(reverse("practices:ritual_done", args=[ritual.pk]))
        assert response.status_code == 404
    assert not RitualDone.objects.exists()


def test_partners_in_different_time_zones_share_one_ritual_day(alice, bob):
    """At 02:00 UTC it is still yesterday evening in New York and already today in London."""
    ritual = services.add_suggested_ritual(user=alice, key="six-second-kiss")
    night = dt.datetime(2026, 11, 26, 2, 0, tzinfo=dt.UTC)
    services.mark_ritual_done(user=bob, ritual_id=ritual.pk, now=night)
    with pytest.raises(services.PracticeError, match="already done today"):
        services.mark_ritual_done(user=alice, ritual_id=ritual.pk, now=night)
