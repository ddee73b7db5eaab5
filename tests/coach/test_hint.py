"""The quiet hint under the check-in note and the response box."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.support.builders import make_checkin
from tests.support.people import client_for

HINT = reverse("coach:hint")


def test_harsh_words_get_a_quiet_hint_with_a_link_to_the_coach(alice):
    response = client_for(alice).post(HINT, {"note": "you never help, you're so lazy"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "This may land harder than you mean." in page
    assert reverse("coach:index") in page


def test_gentle_or_empty_words_get_nothing(alice):
    client = client_for(alice)
    for data in ({"note": "I feel tired and I need a hug"}, {"message": ""}, {}):
        response = client.post(HINT, data)
        assert response.status_code == 200
        assert response.content == b""


def test_the_response_box_is_read_too(alice):
    response = client_for(alice).post(HINT, {"message": "Whatever. I'm done talking."})
    assert "This may land harder" in response.content.decode()


def test_only_post_and_only_when_logged_in(alice, db):
    assert client_for(alice).get(HINT).status_code == 405
    assert client_for(None).post(HINT, {"note": "you never help"}).status_code == 403


def test_the_hint_stores_nothing(alice):
    client = client_for(alice)
    with CaptureQueriesContext(connection) as queries:
        client.post(HINT, {"note": "you never help, you're so lazy"})
    assert not [
        query
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def test_the_check_in_note_and_response_box_ask_for_hints(alice, bob):
    checkin_page = client_for(alice).get(reverse("checkins:checkin")).content.decode()
    assert 'id="id_note-hint"' in checkin_page
    assert 'hx-trigger="input changed delay:800ms from:#id_note"' in checkin_page
    make_checkin(alice, needs=["talk"])
    home = client_for(bob).get(reverse("home:index")).content.decode()
    assert 'id="response-message-hint"' in home
    assert f'hx-post="{HINT}"' in home


def test_a_harsh_note_is_still_saved(alice):
    from tending.checkins.models import CheckIn
    from tests.support.builders import checkin_post

    note = "you never help, you're so lazy"
    response = client_for(alice).post(reverse("checkins:checkin"), checkin_post(note=note))
    assert response.status_code == 302
    assert CheckIn.objects.get(user=alice).note == note
