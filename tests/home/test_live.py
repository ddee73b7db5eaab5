"""Live pages: an open page asks every two seconds whether the partner did something; the
answer costs a few queries and says 204 while nothing changed."""

import pytest
from django.urls import reverse

from tending.appreciations.services import send_appreciation
from tending.checkins.models import Response
from tending.checkins.services import respond_to_checkin, save_checkin
from tending.couples.selectors import live_version_of
from tending.home.live import token_for
from tests.support.builders import checkin_input
from tests.support.people import client_for
from tests.support.queries import assert_query_count

pytestmark = pytest.mark.frozen("2027-03-10T12:00:00+00:00")
LIVE = reverse("home:live")


def poll(client, version, token=""):
    return client.get(LIVE, {"v": version, "t": token}, HTTP_HX_REQUEST="true")


def test_nothing_changed_is_a_204_for_one_query(alice):
    client, version, token = client_for(None), live_version_of(alice), token_for(alice)
    with assert_query_count(1, "a poll with nothing new"):
        response = poll(client, version, token)
    assert response.status_code == 204
    assert response.content == b""


def test_without_its_token_a_poll_is_answered_from_the_session(alice):
    client, version = client_for(alice), live_version_of(alice)
    with assert_query_count(3, "a poll with nothing new and no token"):
        response = poll(client, version)
    assert response.status_code == 204


@pytest.mark.parametrize("token", ["", "1:forged:sig", "not a token"])
def test_a_forged_token_without_a_session_gets_nothing(alice, token):
    assert poll(client_for(None), live_version_of(alice), token).status_code == 286


def test_an_old_token_is_checked_against_the_session(alice, clock):
    token = token_for(alice)
    clock.shift(13 * 60 * 60)
    assert poll(client_for(None), live_version_of(alice), token).status_code == 286
    response = poll(client_for(alice), "stale", token)
    assert response.status_code == 200
    assert token_for(alice) in response.content.decode().replace("&amp;", "&")


def test_a_partners_check_in_moves_the_version_on(alice, bob):
    client = client_for(bob)
    before = live_version_of(bob)
    save_checkin(user=alice, data=checkin_input(needs=("hug",)))
    response = poll(client, before, token_for(bob))
    assert response.status_code == 200
    assert response["HX-Trigger"] == "live-changed"
    after = live_version_of(bob)
    assert after != before
    assert f"?v={after}&amp;t=" in response.content.decode()
    assert poll(client, after, token_for(bob)).status_code == 204


@pytest.mark.parametrize(
    "action",
    [
        lambda alice, bob: send_appreciation(author=alice, text="the tea"),
        lambda alice, bob: respond_to_checkin(
            responder=alice,
            checkin=save_checkin(user=bob, data=checkin_input(needs=("talk",))),
            kind="here",
        ),
    ],
)
def test_what_a_partner_does_reaches_the_other(alice, bob, action):
    before = live_version_of(bob)
    action(alice, bob)
    assert live_version_of(bob) != before


def test_a_former_partner_and_a_stranger_see_nothing_move(alice, bob, charlie, dana):
    versions = {person: live_version_of(person) for person in (charlie, dana)}
    save_checkin(user=alice, data=checkin_input(needs=("hug",)))
    send_appreciation(author=alice, text="the tea")
    assert {person: live_version_of(person) for person in (charlie, dana)} == versions


def test_someone_logged_out_is_told_to_stop_polling(db):
    assert poll(client_for(None), "none").status_code == 286


def test_the_home_page_polls_with_its_own_version(alice):
    page = client_for(alice).get(reverse("home:index")).content.decode()
    assert f'hx-get="{LIVE}?v={live_version_of(alice)}&amp;t=' in page
    assert 'hx-trigger="live-changed from:body"' in page


def test_a_second_tap_of_the_same_response_within_a_minute_is_the_same_response(alice, bob, clock):
    checkin = save_checkin(user=alice, data=checkin_input(needs=("hug",)))
    first = respond_to_checkin(responder=bob, checkin=checkin, kind="hug")
    again = respond_to_checkin(responder=bob, checkin=checkin, kind="hug")
    assert again.pk == first.pk
    other = respond_to_checkin(responder=bob, checkin=checkin, kind="here")
    assert other.pk != first.pk
    clock.shift(61)
    later = respond_to_checkin(responder=bob, checkin=checkin, kind="hug")
    assert later.pk != first.pk
    assert Response.objects.filter(checkin=checkin).count() == 3


def test_a_response_sent_is_shown_as_sent_not_offered_again(alice, bob):
    checkin = save_checkin(user=alice, data=checkin_input(needs=("hug",)))
    respond_to_checkin(responder=bob, checkin=checkin, kind="hug")
    page = client_for(bob).get(reverse("home:index")).content.decode()
    assert 'value="hug"' not in page
    assert "Sending a hug <span" in page and "· sent" in page
    assert 'value="here"' in page
