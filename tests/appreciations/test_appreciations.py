import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tending.appreciations.models import Appreciation
from tending.appreciations.selectors import weekly_appreciation_counts
from tending.appreciations.services import react_to_appreciation, send_appreciation
from tending.practices.services import PracticeError
from tests.support.builders import couple_of
from tests.support.people import client_for

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_an_appreciation_reaches_the_partners_home(alice, bob):
    response = client_for(alice).post(
        reverse("appreciations:index"), {"text": "making tea when I was tired"}
    )
    assert response.status_code == 302
    home = client_for(bob).get(reverse("home:index")).content.decode()
    assert "Alice appreciates you for making tea when I was tired" in home
    assert "This warms my heart" in home


def test_an_empty_appreciation_gets_a_clear_message(alice):
    response = client_for(alice).post(reverse("appreciations:index"), {"text": ""})
    assert response.status_code == 400
    assert "Please write what you appreciate first." in response.content.decode()


def test_the_recipient_reacts_and_the_author_sees_it(alice, bob):
    note = send_appreciation(author=alice, text="your patience")
    url = reverse("appreciations:react", args=[note.pk])
    response = client_for(bob).post(url, {"reaction": "smile"}, **HTMX)
    assert "You made me smile" in response.content.decode()
    note.refresh_from_db()
    assert note.reaction == "smile"
    page = client_for(alice).get(reverse("appreciations:index")).content.decode()
    assert "Bob: You made me smile" in page


def test_only_the_recipient_can_react(alice, bob, charlie):
    note = send_appreciation(author=alice, text="your patience")
    url = reverse("appreciations:react", args=[note.pk])
    assert client_for(alice).post(url, {"reaction": "smile"}).status_code == 404
    assert client_for(charlie).post(url, {"reaction": "smile"}).status_code == 404
    with pytest.raises(PracticeError):
        react_to_appreciation(user=alice, appreciation_id=note.pk, reaction="smile")


def test_weekly_counts_are_private_and_count_this_week_only(alice, bob):
    send_appreciation(author=alice, text="one")
    send_appreciation(author=alice, text="two")
    send_appreciation(author=bob, text="three")
    old = send_appreciation(author=bob, text="last month")
    Appreciation.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=30))
    counts = weekly_appreciation_counts(alice, couple_of(alice))
    assert (counts.given, counts.received) == (2, 1)
    page = client_for(alice).get(reverse("appreciations:index")).content.decode()
    assert "You have given 2 appreciations and received 1" in page
    assert "Only you see this" in page


def test_appreciations_need_a_partner(charlie):
    with pytest.raises(PracticeError):
        send_appreciation(author=charlie, text="hello")


def _appreciations_from(author, count: int) -> None:
    for day in range(count):
        note = send_appreciation(author=author, text=f"the kindness of day {day + 1}")
        Appreciation.objects.filter(pk=note.pk).update(
            created_at=timezone.now() - dt.timedelta(days=count - day)
        )


def test_appreciations_page_twenty_at_a_time_newest_first(alice, bob):
    _appreciations_from(bob, 25)
    client = client_for(alice)
    first = client.get(reverse("appreciations:index")).content.decode()
    assert first.count("Bob appreciates you for") == 20
    assert "the kindness of day 25" in first and "the kindness of day 5<" not in first
    assert 'href="?page=2" rel="next">Older</a>' in first and "Newer" not in first
    second = client.get(reverse("appreciations:index"), {"page": "2"}).content.decode()
    assert second.count("Bob appreciates you for") == 5
    assert "the kindness of day 1<" in second and "the kindness of day 6<" not in second
    assert 'href="?page=1" rel="prev">Newer</a>' in second and "Older" not in second


@pytest.mark.parametrize("page", ["9", "0", "-1", "two", "1" * 40])
def test_a_page_past_the_end_or_not_a_page_shows_the_first(alice, bob, page):
    _appreciations_from(bob, 3)
    response = client_for(alice).get(reverse("appreciations:index"), {"page": page})
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("Bob appreciates you for") == 3
    assert 'class="pager"' not in body
