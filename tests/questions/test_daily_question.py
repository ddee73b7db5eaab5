import datetime as dt

import pytest
from django.urls import reverse

from tending.questions.decks import all_questions, question_by_id
from tending.questions.schedule import couple_day, daily_question_id
from tending.questions.selectors import todays_question_id
from tending.questions.services import skip_question
from tests.support.builders import couple_of
from tests.support.people import client_for

pytestmark = pytest.mark.on_edge_days

NOON = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)


def test_both_partners_get_the_same_question(alice, bob):
    couple = couple_of(alice)
    assert todays_question_id(couple, alice, partner=bob, now=NOON) == todays_question_id(
        couple, bob, partner=alice, now=NOON
    )
    text = question_by_id(todays_question_id(couple, alice, partner=bob)).text
    for person in (alice, bob):
        page = client_for(person).get(reverse("questions:today")).content.decode()
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
    assert todays_question_id(couple, alice, partner=bob, now=NOON) != todays_question_id(
        couple, alice, partner=bob, now=next_day
    )


def test_skipping_or_picking_changes_the_question_for_both(alice, bob):
    couple = couple_of(alice)
    before = todays_question_id(couple, alice, partner=bob)
    skip_question(user=bob)
    skipped = todays_question_id(couple, alice, partner=bob)
    assert skipped != before
    assert todays_question_id(couple, bob, partner=alice) == skipped
    chosen = all_questions()[17].id
    response = client_for(alice).post(reverse("questions:pick"), {"question_id": chosen})
    assert response.status_code == 302
    assert todays_question_id(couple, bob, partner=alice) == chosen


def test_picking_an_unknown_question_says_so(alice):
    response = client_for(alice).post(
        reverse("questions:pick"), {"question_id": "no-such-question"}, follow=True
    )
    assert "does not exist" in response.content.decode()


def test_favourites_are_saved_and_removed(alice):
    question = all_questions()[2]
    url = reverse("questions:favourite", args=[question.id])
    client = client_for(alice)
    client.post(url)
    page = client.get(reverse("questions:today")).content.decode()
    assert "Your favourites" in page and question.text in page
    client.post(url)
    assert "Your favourites" not in client.get(reverse("questions:today")).content.decode()


def test_a_person_on_their_own_is_invited_to_pair(charlie):
    page = client_for(charlie).get(reverse("questions:today")).content.decode()
    assert "Invite your partner" in page


def test_todays_question_is_not_also_under_earlier_questions(alice, bob):
    couple = couple_of(alice)
    today = todays_question_id(couple, alice, partner=bob)
    other = next(q.id for q in all_questions() if q.id != today)
    as_alice = client_for(alice)
    for question_id in (other, today):
        as_alice.post(reverse("questions:answer", args=[question_id]), {"text": "A quiet walk"})
    page = as_alice.get(reverse("questions:today")).content.decode()
    earlier = page[page.index("Earlier questions") :]
    assert reverse("questions:question", args=[other]) in earlier
    assert reverse("questions:question", args=[today]) not in earlier
