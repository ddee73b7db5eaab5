import re
from decimal import Decimal

import pytest
from django.urls import reverse

from tending.checkins.models import CheckIn
from tests.support.builders import checkin_post, make_checkin
from tests.support.people import client_for
from tests.support.queries import assert_query_count

pytestmark = pytest.mark.on_edge_days

URL = reverse("checkins:checkin")
HOME = reverse("home:index")
HISTORY = reverse("checkins:history")


def checked(page: str, name: str, value: str) -> bool:
    """Whether the input ``name`` with ``value`` is ticked in the rendered form."""
    for tag in re.findall(r"<input[^>]*>", page):
        if f'name="{name}"' in tag and f'value="{value}"' in tag:
            return " checked" in tag
    raise AssertionError(f"no input {name}={value}")


def switch_on(page: str, name: str) -> bool:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', page).group(0)
    return " checked" in tag


def test_an_empty_form_is_offered_when_there_is_no_check_in_today(charlie):
    page = client_for(charlie).get(URL).content.decode()
    assert "How are you today?" in page
    assert "Save check-in" in page
    assert "How is your mood?" in page
    assert "Very low" in page and "Very good" in page
    assert "What would help today?" in page


def test_checking_in_saves_and_shows_on_home(charlie):
    client = client_for(charlie)
    response = client.post(
        URL, checkin_post(mood="2", emotions=["anxious", "tired"], needs=["hug", "talk"])
    )
    assert response.url == HOME
    saved = CheckIn.objects.get(user=charlie)
    assert saved.mood == 2
    assert saved.emotions == ["anxious", "tired"]
    assert saved.needs == ["hug", "talk"]
    home = client.get(HOME).content.decode()
    assert "Thank you for checking in." in home
    assert "anxious" in home
    assert "A hug" in home
    assert "Edit today's check-in" in home


def test_a_second_check_in_the_same_day_edits_the_first(charlie):
    client = client_for(charlie)
    client.post(URL, checkin_post(mood="2", emotions=["anxious"]))
    form = client.get(URL).content.decode()
    assert "Edit today's check-in" in form
    assert checked(form, "mood", "2")
    assert checked(form, "emotions", "anxious")

    client.post(URL, checkin_post(mood="4", emotions=["hopeful"], needs=["fun"]))
    saved = CheckIn.objects.get(user=charlie)
    assert (saved.mood, saved.emotions, saved.needs) == (4, ["hopeful"], ["fun"])
    assert "Your check-in is updated." in client.get(HOME).content.decode()


def test_editing_keeps_the_hours_of_sleep_chosen(charlie):
    client = client_for(charlie)
    for hours in ("7", "10", "6.5", "0"):
        client.post(URL, checkin_post(sleep_hours=hours))
        form = client.get(URL).content.decode()
        assert CheckIn.objects.get(user=charlie).sleep_hours == Decimal(hours)
        assert f'<option value="{hours}" selected>' in form


def test_an_out_of_range_number_is_refused(charlie):
    response = client_for(charlie).post(URL, checkin_post(mood="9"))
    assert response.status_code == 400
    assert "Select a valid choice. 9 is not one of the available choices." in (
        response.content.decode()
    )
    assert not CheckIn.objects.filter(user=charlie).exists()


def test_a_missing_number_is_refused(charlie):
    response = client_for(charlie).post(URL, checkin_post(energy=None))
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not CheckIn.objects.exists()


def test_an_over_long_note_is_refused_and_everything_typed_is_kept(charlie):
    note = "a" * 2001
    response = client_for(charlie).post(
        URL,
        checkin_post(
            mood="2",
            stress="5",
            energy="1",
            connection="4",
            sleep_hours="6.5",
            emotions=["lonely", "hopeful"],
            needs=["space", "practical"],
            note=note,
            share_emotions=None,
            share_note="on",
        ),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Ensure this value has at most 2000 characters (it has 2001)." in page
    assert f"{note}</textarea>" in page
    for name, value in (("mood", "2"), ("stress", "5"), ("energy", "1"), ("connection", "4")):
        assert checked(page, name, value)
    assert checked(page, "emotions", "lonely")
    assert checked(page, "emotions", "hopeful")
    assert not checked(page, "emotions", "calm")
    assert checked(page, "needs", "space")
    assert checked(page, "needs", "practical")
    assert '<option value="6.5" selected>' in page
    assert switch_on(page, "share_note")
    assert not switch_on(page, "share_emotions")
    assert not CheckIn.objects.exists()


def test_nothing_cannot_be_combined_with_other_needs(charlie):
    response = client_for(charlie).post(URL, checkin_post(needs=["nothing", "hug"]))
    assert response.status_code == 400
    assert "cannot be combined with other requests" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_only_words_from_the_feelings_wheel_are_accepted(charlie):
    response = client_for(charlie).post(URL, checkin_post(emotions=["calm", "hangry"]))
    assert response.status_code == 400
    assert "hangry is not one of the available choices" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_html_in_a_note_is_shown_as_text(alice, bob):
    script = '<script>alert("hi")</script><img src=x onerror=alert(1)>'
    client_for(alice).post(URL, checkin_post(note=script, share_note="on"))
    for viewer in (alice, bob):
        client = client_for(viewer)
        for page_url in (HOME, HISTORY):
            page = client.get(page_url).content.decode()
            assert "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;" in page
            assert "<script>alert" not in page
            assert "<img src=x" not in page
    form = client_for(alice).get(URL).content.decode()
    assert "<script>alert" not in form
    assert "&lt;script&gt;" in form


def test_sharing_defaults_to_everything_but_the_note(charlie):
    page = client_for(charlie).get(URL).content.decode()
    for name in ("share_numbers", "share_emotions", "share_needs"):
        assert switch_on(page, name)
    assert not switch_on(page, "share_note")


def test_the_last_sharing_choice_is_remembered_the_next_day(charlie):
    make_checkin(
        charlie,
        days_ago=1,
        share_numbers=False,
        share_emotions=True,
        share_needs=False,
        share_note=True,
    )
    page = client_for(charlie).get(URL).content.decode()
    assert "How are you today?" in page
    assert not switch_on(page, "share_numbers")
    assert switch_on(page, "share_emotions")
    assert not switch_on(page, "share_needs")
    assert switch_on(page, "share_note")


def test_yesterdays_check_in_is_not_edited_by_the_form(charlie):
    yesterday = make_checkin(charlie, days_ago=1, mood=1, note="YESTERDAY-NOTE")
    client = client_for(charlie)
    page = client.get(URL).content.decode()
    assert "How are you today?" in page
    assert "YESTERDAY-NOTE" not in page
    client.post(URL, checkin_post(mood="5"))
    yesterday.refresh_from_db()
    assert (yesterday.mood, yesterday.note) == (1, "YESTERDAY-NOTE")
    assert CheckIn.objects.filter(user=charlie).count() == 2


def test_the_form_needs_a_log_in(db):
    response = client_for(None).get(URL)
    assert response.url.startswith(reverse("accounts:login"))


def test_checking_in_costs_few_queries(alice, bob):
    # The session and the person; in the transaction (a savepoint here, in a test) the
    # day's check-in, the insert in a savepoint of its own, the couple, its live version
    # and the partner's notification settings.
    client = client_for(alice)
    client.get(URL)
    with assert_query_count(11, "the first check-in of the day"):
        assert client.post(URL, checkin_post(mood="2")).status_code == 302
    # An edit locks and updates the check-in it finds, without reading its note.
    with assert_query_count(9, "an edit of today's check-in"):
        assert client.post(URL, checkin_post(mood="4")).status_code == 302
    assert CheckIn.objects.get(user=alice).mood == 4
