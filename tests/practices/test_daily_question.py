import datetime as dt

import pytest
from django.urls import reverse

from conftest import client_for
from practices.builders import couple_of
from tending.practices import services
from tending.practices.content import all_questions, question_by_id
from tending.practices.schedule import couple_day, daily_question_id
from tending.practices.selectors import todays_question_id

pytestmark = pytest.mark.on_edge_days

NOON = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)


def test_both_partners_get_the_same_question(alice, bob):
    couple = couple_of(alice)
    assert todays_question_id(couple, alice, bob, NOON) == todays_question_id(
        couple, bob, alice, NOON
    )
    text = question_by_id(todays_question_id(couple, alice, bob)).text
    for person in (alice, bob):
        page = client_for(person).get(reverse("practices:question_today")).content.decode()
        assert text in page


def test_the_question_changes_every_day_and_comes_round_once_per_cycle():
    start = dt.date(2026, 1, 1)
    count = len(all_questions())
    ids = [daily_question_id(7, start + dt.timedelta(days=n)) for n in range(count)]
    assert all(today != tomorrow for today, tomorrow in zip(ids, ids[1:], strict=False))
    assert len(set(ids)) == count


def test_the_couples_day_begins_once_it_has_begun_for_both(alice, bob):
    early_in_london = dt.datetime(2026, 3, 10, 2, 0, tzinfo=dt.UTC)
    assert couple_day(alice, bob, early_in_london) == dt.date(2026, 3, 9)
    assert couple_day(alice, bob, NOON) == dt.date(2026, 3, 10)
    couple = couple_of(alice)
    next_day = NOON + dt.timedelta(days=1)
    assert todays_question_id(couple, alice, bob, NOON) != todays_question_id(
        couple, alice, bob, next_day
    )


def test_skipping_or_picking_changes_the_question_for_both(alice, bob):
    couple = couple_of(alice)
    before = todays_question_id(couple, alice, bob)
    services.skip_question(user=bob)
    skipped = todays_question_id(couple, alice, bob)
    assert skipped != before
    assert todays_question_id(couple, bob, alice) == skipped
    chosen = all_questions()[17].id
    response = client_for(alice).post(reverse("practices:pick"), {"question_id": chosen})
    assert response.status_code == 302
    assert todays_question_id(couple, bob, alice) == chosen


def test_picking_an_unknown_question_says_so(alice):
    response = client_for(alice).post(
        reverse("practices:pick"), {"question_id": "no-such-question"}, follow=True
    )
    assert "does not exist" in response.content.decode()


def test_favourites_are_saved_and_removed(alice):
    question = all_questions()[2]
    url = reverse("practices:favourite", args=[question.id])
    client = client_for(alice)
    client.post(url)
    page = client.get(reverse("practices:question_today")).content.decode()
    assert "Your favourites" in page and question.text in page
    client.post(url)
    assert "Your favourites" not in client.get(reverse("practices:question_today")).content.decode()


def test_a_person_on_their_own_is_invited_to_pair(charlie):
    page = client_for(charlie).get(reverse("practices:question_today")).content.decode()
    assert "Invite your partner" in page
