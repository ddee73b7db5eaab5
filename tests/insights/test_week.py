"""The weekly summary page: a few sentences, two charts, nothing the partner kept private."""

import datetime as dt

import pytest
from django.urls import reverse

from tending.core.calendar import week_start
from tending.core.timezones import local_today
from tending.insights.selectors import weekly_summary
from tests.support.builders import backdate_couple, make_checkin
from tests.support.people import client_for

pytestmark = pytest.mark.on_edge_days

URL = reverse("insights:week")


def days_into_week(user) -> int:
    return (local_today(user) - week_start(local_today(user))).days


@pytest.mark.django_db
def test_anonymous_is_sent_to_log_in(client):
    assert client.get(URL).status_code == 302


def test_sentences_describe_my_week_against_the_one_before(alice):
    today = days_into_week(alice)
    make_checkin(alice, days_ago=today, mood=5, emotions=["hopeful"])
    make_checkin(alice, days_ago=today + 7, mood=2)
    summary = weekly_summary(alice)
    text = " ".join(summary.my_sentences)
    assert "You checked in on 1 of 7 days." in text
    assert "Your mood averaged 5 of 5 (very good), higher than the week before." in text
    assert "hopeful" in text


def test_an_empty_week_is_described_gently(alice):
    assert "did not check in" in weekly_summary(alice).my_sentences[0]


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_partner_sentences_hold_only_what_was_shared(alice, bob):
    backdate_couple(alice, days=30)
    make_checkin(
        bob, days_ago=days_into_week(bob), mood=1, share_numbers=False, emotions=["hopeless"]
    )
    summary = weekly_summary(alice)
    text = " ".join(summary.partner_sentences)
    assert "Bob shared check-ins on 1 of 7 days." in text
    assert "mood" not in text
    assert "hopeless" in text
    assert [c.headers for c in summary.charts] == [("Day", "You"), ("Day", "You")]


@pytest.mark.frozen("2027-06-06T23:15:00+00:00")
def test_a_partners_sunday_belongs_to_the_week_that_is_ending(alice, bob):
    """Monday 00:15 in London, Sunday evening in New York."""
    backdate_couple(alice, days=30)
    make_checkin(bob, days_ago=0, emotions=["hopeful"])
    this_week = weekly_summary(alice)
    assert "Bob shared no check-ins with you this week." in this_week.partner_sentences
    last_week = weekly_summary(alice, week=this_week.week_start - dt.timedelta(days=7))
    assert "Bob shared check-ins on 1 of 7 days." in " ".join(last_week.partner_sentences)


def test_partner_private_feelings_are_left_out(alice, bob):
    backdate_couple(alice, days=30)
    make_checkin(bob, days_ago=days_into_week(bob), share_emotions=False, emotions=["lonely"])
    page = client_for(alice).get(URL).content.decode()
    assert "lonely" not in page


def test_former_partner_is_never_mentioned(alice, dana):
    make_checkin(dana, days_ago=0, emotions=["bitter"])
    page = client_for(alice).get(URL).content.decode()
    assert "Dana" not in page and "bitter" not in page


def test_an_earlier_week_can_be_chosen_but_not_a_future_one(alice):
    this_week = week_start(local_today(alice))
    earlier = this_week - dt.timedelta(days=14)
    make_checkin(alice, days_ago=(local_today(alice) - earlier).days)
    response = client_for(alice).get(URL, {"week": (earlier + dt.timedelta(days=3)).isoformat()})
    assert response.context["summary"].week_start == earlier
    future = this_week + dt.timedelta(days=21)
    response = client_for(alice).get(URL, {"week": future.isoformat()})
    assert response.context["summary"].week_start == this_week
    assert response.context["summary"].next_week is None


def test_a_bad_week_falls_back_to_this_week(alice):
    response = client_for(alice).get(URL, {"week": "soon"})
    assert response.status_code == 200
    assert response.context["summary"].is_current_week


def test_weeks_go_back_to_the_first_check_in_and_no_further(alice, bob):
    backdate_couple(alice, days=60)
    first_day = local_today(alice) - dt.timedelta(days=20)
    make_checkin(alice, days_ago=20)
    first_week = week_start(first_day)
    as_alice = client_for(alice)
    response = as_alice.get(URL, {"week": first_week.isoformat()})
    assert response.context["summary"].previous_week is None
    assert "Week before" not in response.content.decode()
    response = as_alice.get(URL, {"week": "2001-01-01"})
    assert response.context["summary"].week_start == first_week
    response = as_alice.get(URL, {"week": (first_week + dt.timedelta(days=7)).isoformat()})
    assert response.context["summary"].previous_week == first_week
    assert "Week before" in response.content.decode()


def test_a_partners_shared_days_count_as_a_first_week_too(alice, bob):
    backdate_couple(alice, days=60)
    make_checkin(bob, days_ago=30)
    summary = weekly_summary(alice, week=dt.date(2001, 1, 1))
    assert summary.week_start == week_start(local_today(bob) - dt.timedelta(days=30))
