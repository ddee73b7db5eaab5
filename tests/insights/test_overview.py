"""The insights page: seeded histories, who sees what, and a bounded number of queries."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from tending.checkins.models import Response
from tending.couples.models import Couple
from tending.insights.selectors import insights_for
from tests.support.builders import backdate_couple, make_checkin, make_response
from tests.support.people import client_for

pytestmark = pytest.mark.on_edge_days
WEDNESDAY_NOON = "2027-03-10T12:00:00+00:00"

URL = reverse("insights:overview")


def chart(insights, key):
    return next(c for c in insights.measure_charts if c.chart_id == f"chart-{key}")


@pytest.mark.django_db
def test_anonymous_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_chart_tables_hold_the_seeded_values(alice):
    for days_ago, mood in enumerate([5, 4, 3, 2, 1, 2, 3]):
        make_checkin(alice, days_ago=days_ago, mood=mood, sleep_hours=Decimal("7.5"))
    insights = insights_for(alice, days=7)
    mood = chart(insights, "mood")
    assert mood.headers == ("Day", "You")
    assert [row[1] for row in mood.rows] == ["3", "2", "1", "2", "3", "4", "5"]
    assert [row[1] for row in chart(insights, "sleep_hours").rows] == ["7.5"] * 7
    assert mood.has_data
    assert "<svg" in mood.svg and "<path" in mood.svg
    assert insights.checkin_days == 7


def test_long_ranges_show_weekly_averages(alice):
    make_checkin(alice, days_ago=0, mood=4)
    make_checkin(alice, days_ago=1, mood=2)
    insights = insights_for(alice, days=90)
    mood = chart(insights, "mood")
    assert mood.headers == ("Week", "You (average)")
    assert mood.rows[-1][1] == "3"
    assert len(mood.rows) == 13


def test_a_year_is_charted_one_point_a_week_as_its_table_lists(alice):
    make_checkin(alice, days_ago=0, mood=4)
    make_checkin(alice, days_ago=1, mood=2)
    make_checkin(alice, days_ago=200, mood=5)
    insights = insights_for(alice, days=365)
    mood = chart(insights, "mood")
    assert insights.weekly_charts
    assert mood.title.startswith("Mood, weekly averages, ")
    assert mood.headers == ("Week", "You (average)")
    # 52 weeks and today, the last day of the year shown.
    assert len(mood.rows) == 53
    assert [row[1] for row in mood.rows[-2:]] == ["2", "4"]
    # One thick line of 53 evenly spaced points, the week with no neighbour as a dot, and
    # no thin daily line.
    assert 'stroke-width="1" stroke-opacity' not in mood.svg
    assert mood.svg.count("<circle") == 1
    page = client_for(alice).get(URL + "?days=365").content.decode()
    assert "Each point on the lines is a week's average." in page
    assert "Thin lines are single days" not in page


def test_shorter_ranges_keep_daily_lines_and_weekly_means(alice):
    make_checkin(alice, days_ago=0, mood=4)
    make_checkin(alice, days_ago=1, mood=2)
    insights = insights_for(alice, days=90)
    assert not insights.weekly_charts
    assert 'stroke-width="1" stroke-opacity' in chart(insights, "mood").svg
    page = client_for(alice).get(URL + "?days=90").content.decode()
    assert "Thin lines are single days; thick lines are 7-day averages." in page


def test_unknown_range_falls_back_to_thirty_days(alice):
    assert insights_for(alice, days="1000").days == 30


def test_partner_shared_numbers_appear_on_the_same_chart(alice, bob):
    backdate_couple(alice, days=30)
    make_checkin(alice, days_ago=2, mood=4)
    make_checkin(bob, days_ago=2, mood=2)
    insights = insights_for(alice, days=7)
    mood = chart(insights, "mood")
    assert mood.headers == ("Day", "You", "Bob")
    assert "Bob" in mood.svg


def test_partner_private_numbers_and_words_stay_hidden(alice, bob):
    backdate_couple(alice, days=30)
    make_checkin(
        bob,
        days_ago=1,
        mood=1,
        share_numbers=False,
        share_emotions=False,
        emotions=["hopeless"],
        share_needs=True,
        needs=["hug"],
    )
    insights = insights_for(alice, days=7)
    assert chart(insights, "mood").headers == ("Day", "You")
    assert all("hopeless" not in c.svg for c in insights.emotion_charts)
    assert any("A hug" in c.svg for c in insights.need_charts)


def test_partner_history_before_the_couple_began_is_hidden(alice, bob):
    backdate_couple(alice, days=3)
    make_checkin(bob, days_ago=10, mood=1, emotions=["lonely"])
    insights = insights_for(alice, days=30)
    assert chart(insights, "mood").headers == ("Day", "You")
    assert len(insights.emotion_charts) == 1


def test_former_partner_is_never_shown(alice, dana):
    make_checkin(dana, days_ago=1, mood=1, emotions=["bitter"])
    make_checkin(alice, days_ago=1, mood=4)
    page = client_for(alice).get(URL + "?days=365").content.decode()
    assert "Dana" not in page and "bitter" not in page


def test_partner_sees_my_shared_check_ins_but_a_stranger_sees_nothing(alice, bob, charlie):
    backdate_couple(alice, days=30)
    make_checkin(alice, days_ago=1, mood=5, emotions=["grateful"])
    assert "grateful" in client_for(bob).get(URL).content.decode()
    assert "grateful" not in client_for(charlie).get(URL).content.decode()


@pytest.mark.frozen(WEDNESDAY_NOON)
def test_turned_toward_counts_answers_within_a_day_per_week(alice, bob):
    backdate_couple(alice, days=30)
    answered = make_checkin(bob, days_ago=0, needs=["talk"])
    make_response(answered, alice)
    make_checkin(alice, days_ago=0, needs=["hug"])
    insights = insights_for(alice, days=7)
    last_week = insights.turned_toward.rows[-1]
    assert last_week[1:] == ("2", "1")


@pytest.mark.frozen(WEDNESDAY_NOON)
def test_only_an_answer_within_the_couple_turns_toward(alice, bob, dana):
    backdate_couple(alice, days=30)
    bid = make_checkin(bob, days_ago=0, needs=["talk"])
    make_response(bid, dana, couple=Couple.objects.create())
    assert insights_for(alice, days=7).turned_toward.rows[-1][1:] == ("1", "0")
    make_response(bid, alice)
    assert insights_for(alice, days=7).turned_toward.rows[-1][1:] == ("1", "1")


@pytest.mark.frozen("2027-06-06T23:15:00+00:00")
def test_bids_count_in_the_week_of_their_own_day(alice, bob):
    """Monday 00:15 in London is still Sunday evening in New York: Bob's bid belongs to
    the week that is ending, Alice's to the one that has begun."""
    backdate_couple(alice, days=30)
    make_response(make_checkin(bob, days_ago=0, needs=["talk"]), alice)
    make_checkin(alice, days_ago=0, needs=["hug"])
    rows = insights_for(alice, days=14).turned_toward.rows
    assert [row[1:] for row in rows[-2:]] == [("1", "1"), ("1", "0")]


def test_the_page_renders_charts_tables_and_patterns(alice):
    for days_ago in range(20):
        make_checkin(alice, days_ago=days_ago, mood=1 + days_ago % 5, sleep_hours=Decimal(6))
    response = client_for(alice).get(URL + "?days=30")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<svg") >= 5
    assert page.count("<details") >= 5
    assert "Your sleep and your mood" in page
    assert not re.search(r"\sstyle=", page)


def seed_history(alice, bob, days: int):
    backdate_couple(alice, days=days + 2)
    for days_ago in range(days):
        mine = make_checkin(alice, days_ago=days_ago, mood=1 + days_ago % 5)
        theirs = make_checkin(bob, days_ago=days_ago, mood=1 + days_ago % 3, needs=["talk"])
        make_response(theirs, alice)
        if days_ago % 2:
            make_response(mine, bob)


def count_queries(django_assert_max_num_queries, client, url, bound):
    with django_assert_max_num_queries(bound) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("url", [URL + "?days=365", reverse("home:index")])
def test_queries_do_not_grow_with_history(alice, bob, django_assert_max_num_queries, url):
    seed_history(alice, bob, 10)
    client = client_for(alice)
    short = count_queries(django_assert_max_num_queries, client, url, 25)
    seed_history_more = 400
    for days_ago in range(10, seed_history_more):
        make_checkin(alice, days_ago=days_ago, mood=1 + days_ago % 5)
        make_checkin(bob, days_ago=days_ago, mood=2, needs=["hug"])
    backdate_couple(alice, days=seed_history_more + 2)
    long = count_queries(django_assert_max_num_queries, client, url, 25)
    assert long == short


def test_selector_for_benchmarks_answers_a_year_in_few_queries(
    alice, bob, django_assert_max_num_queries
):
    seed_history(alice, bob, 30)
    with django_assert_max_num_queries(5):
        insights = insights_for(alice, days=365)
    assert insights.days == 365
    assert insights.end - insights.start == dt.timedelta(days=364)


@pytest.mark.frozen(WEDNESDAY_NOON)
def test_an_answer_counts_as_turning_toward_within_24_hours_only(alice, bob):
    backdate_couple(alice, days=30)
    bid = make_checkin(bob, days_ago=2, needs=["talk"])
    late = make_response(bid, alice)
    Response.objects.filter(pk=late.pk).update(created_at=bid.created_at + dt.timedelta(hours=25))
    assert insights_for(alice, days=7).turned_toward.rows[-1][1:] == ("1", "0")
    on_time = make_response(bid, alice)
    Response.objects.filter(pk=on_time.pk).update(
        created_at=bid.created_at + dt.timedelta(hours=24)
    )
    assert insights_for(alice, days=7).turned_toward.rows[-1][1:] == ("1", "1")
