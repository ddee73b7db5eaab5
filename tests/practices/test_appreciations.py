import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import client_for
from practices.builders import couple_of
from tending.practices import services
from tending.practices.models import Appreciation
from tending.practices.selectors import weekly_appreciation_counts

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_an_appreciation_reaches_the_partners_home(alice, bob):
    response = client_for(alice).post(
        reverse("practices:appreciations"), {"text": "making tea when I was tired"}
    )
    assert response.status_code == 302
    home = client_for(bob).get(reverse("core:home")).content.decode()
    assert "Alice appreciates you for making tea when I was tired" in home
    assert "This warms my heart" in home


def test_an_empty_appreciation_gets_a_clear_message(alice):
    response = client_for(alice).post(reverse("practices:appreciations"), {"text": ""})
    assert response.status_code == 400
    assert "Please write what you appreciate first." in response.content.decode()


def test_the_recipient_reacts_and_the_author_sees_it(alice, bob):
    note = services.send_appreciation(author=alice, text="your patience")
    url = reverse("practices:react", args=[note.pk])
    response = client_for(bob).post(url, {"reaction": "smile"}, **HTMX)
    assert "You made me smile" in response.content.decode()
    note.refresh_from_db()
    assert note.reaction == "smile"
    page = client_for(alice).get(reverse("practices:appreciations")).content.decode()
    assert "Bob: You made me smile" in page


def test_only_the_recipient_can_react(alice, bob, charlie):
    note = services.send_appreciation(author=alice, text="your patience")
    url = reverse("practices:react", args=[note.pk])
    assert client_for(alice).post(url, {"reaction": "smile"}).status_code == 404
    assert client_for(charlie).post(url, {"reaction": "smile"}).status_code == 404
    with pytest.raises(services.PracticeError):
        services.react_to_appreciation(user=alice, appreciation_id=note.pk, reaction="smile")


def test_weekly_counts_are_private_and_count_this_week_only(alice, bob):
    services.send_appreciation(author=alice, text="one")
    services.send_appreciation(author=alice, text="two")
    services.send_appreciation(author=bob, text="three")
    old = services.send_appreciation(author=bob, text="last month")
    Appreciation.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=30))
    counts = weekly_appreciation_counts(alice, couple_of(alice))
    assert (counts.given, counts.received) == (2, 1)
    page = client_for(alice).get(reverse("practices:appreciations")).content.decode()
    assert "You have given 2 appreciations and received 1" in page
    assert "Only you see this" in page


def test_appreciations_need_a_partner(charlie):
    with pytest.raises(services.PracticeError):
        services.send_appreciation(author=charlie, text="hello")
