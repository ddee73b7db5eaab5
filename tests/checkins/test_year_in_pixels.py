"""History's year in pixels: a square per day coloured by mood, the partner's shared days
beside mine, words for each day, and years that stop where the data does."""

import datetime as dt

import pytest
from django.urls import reverse

from tending.checkins.year_in_pixels import year_in_pixels
from tending.core.timezones import local_today
from tests.support.builders import backdate_couple, couple_of, make_checkin
from tests.support.people import client_for
from tests.support.queries import assert_query_count

pytestmark = pytest.mark.frozen("2027-03-10T12:00:00+00:00")

URL = reverse("checkins:history")


def cell_on(pixels, day: dt.date):
    day_number, cells = pixels.rows[day.day - 1]
    assert day_number == day.day
    return cells[day.month - 1]


def test_each_day_shows_my_mood_and_my_partners_shared_one_beside_it(alice, bob):
    backdate_couple(alice, days=30)
    make_checkin(alice, days_ago=5, mood=3)
    make_checkin(alice, days_ago=2, mood=4)
    make_checkin(bob, days_ago=2, mood=1)
    make_checkin(bob, days_ago=3, mood=5, share_numbers=False)
    pixels = year_in_pixels(alice, couple_of(alice), partner=bob)
    two_days_ago = local_today(alice) - dt.timedelta(days=2)
    cell = cell_on(pixels, two_days_ago)
    assert cell.tones == ("tone-4", "tone-1")
    assert cell.text == "You: good; Bob: very low"
    hidden = cell_on(pixels, local_today(alice) - dt.timedelta(days=3))
    assert hidden.tones == ("px--none", "px--none")
    assert "very good" not in hidden.text
    assert (pixels.my_days, pixels.their_days) == (2, 1)


def test_stress_runs_the_other_way_but_pixels_follow_mood_alone(charlie):
    make_checkin(charlie, days_ago=0, mood=5, stress=5)
    pixels = year_in_pixels(charlie, None, partner=None)
    assert cell_on(pixels, local_today(charlie)).tones == ("tone-5",)


def test_a_former_partner_and_days_before_the_couple_are_left_out(alice, bob, dana):
    backdate_couple(alice, days=5)
    make_checkin(bob, days_ago=20, mood=2)
    make_checkin(dana, days_ago=4, mood=2)
    make_checkin(alice, days_ago=30, mood=3)
    pixels = year_in_pixels(alice, couple_of(alice), partner=bob)
    assert pixels.their_days == 0
    page = client_for(alice).get(URL).content.decode()
    assert "Dana" not in page


def test_days_before_the_first_check_in_and_after_today_are_blank(charlie):
    make_checkin(charlie, days_ago=3, mood=3)
    pixels = year_in_pixels(charlie, None, partner=None)
    today = local_today(charlie)
    assert cell_on(pixels, today - dt.timedelta(days=4)).tones == ("px--blank",)
    assert cell_on(pixels, today - dt.timedelta(days=1)).tones == ("px--none",)
    assert cell_on(pixels, today + dt.timedelta(days=1)).tones == ("px--blank",)
    assert pixels.rows[29][1][1] is None  # there is no 30 February


def test_years_go_back_to_the_first_data_and_no_further(charlie):
    make_checkin(charlie, days_ago=400, mood=2)
    this_year = local_today(charlie).year
    pixels = year_in_pixels(charlie, None, partner=None)
    assert (pixels.year, pixels.previous_year, pixels.next_year) == (this_year, this_year - 1, None)
    earlier = year_in_pixels(charlie, None, partner=None, year="1999")
    assert (earlier.year, earlier.previous_year, earlier.next_year) == (
        this_year - 1,
        None,
        this_year,
    )
    assert year_in_pixels(charlie, None, partner=None, year="3000").year == this_year
    assert year_in_pixels(charlie, None, partner=None, year="soon").year == this_year


def test_the_page_has_a_table_with_words_for_every_day(alice, bob):
    backdate_couple(alice, days=30)
    make_checkin(alice, days_ago=1, mood=2)
    page = client_for(alice).get(URL).content.decode()
    assert "2027 in pixels" in page
    march = '<span aria-hidden="true">M</span><span class="visually-hidden">March</span>'
    assert f'<th scope="col">{march}</th>' in page
    assert "You: low; Bob: no check-in" in page
    assert 'style="' not in page


def test_only_the_first_page_of_history_carries_the_year(charlie):
    for days_ago in range(20):
        make_checkin(charlie, days_ago=days_ago)
    client = client_for(charlie)
    assert "in pixels" in client.get(URL).content.decode()
    assert "in pixels" not in client.get(URL, {"page": 2}).content.decode()


def test_the_year_costs_two_queries_however_full_it_is(alice, bob):
    backdate_couple(alice, days=200)
    couple = couple_of(alice)
    for days_ago in range(60):
        make_checkin(alice, days_ago=days_ago)
        make_checkin(bob, days_ago=days_ago)
    with assert_query_count(2, "the year in pixels"):
        year_in_pixels(alice, couple, partner=bob)
