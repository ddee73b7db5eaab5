import pytest
from django.urls import reverse

from tending.checkins.models import Response
from tests.support.builders import make_checkin, make_response
from tests.support.people import client_for, make_user

NOTE = "ADMIN-NOTE-9c2b"
MESSAGE = "ADMIN-MESSAGE-51ee"


@pytest.fixture
def operator(db):
    return make_user("Olive", is_staff=True, is_superuser=True)


@pytest.fixture
def private_words(alice, bob):
    checkin = make_checkin(alice, needs=["hug"], note=NOTE, share_note=True)
    response = make_response(checkin, bob, kind=Response.Kind.MESSAGE, message=MESSAGE)
    return checkin, response


def test_an_operator_can_open_the_admin(operator):
    response = client_for(operator).get(reverse("admin:index"))
    assert response.status_code == 200
    body = response.content.decode()
    assert reverse("admin:checkins_checkin_changelist") in body
    assert reverse("admin:checkins_response_changelist") in body


def test_people_who_are_not_staff_are_sent_to_the_admin_log_in(alice):
    response = client_for(alice).get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize(
    "page",
    [
        "admin:checkins_checkin_changelist",
        "admin:checkins_response_changelist",
        "admin:couples_couple_changelist",
        "admin:couples_invite_changelist",
        "admin:accounts_user_changelist",
    ],
)
def test_list_views_open_and_never_show_notes_or_messages(operator, private_words, page):
    response = client_for(operator).get(reverse(page))
    body = response.content.decode()
    assert response.status_code == 200
    assert NOTE not in body
    assert MESSAGE not in body


def test_change_pages_never_show_notes_or_messages(operator, private_words):
    checkin, answer = private_words
    client = client_for(operator)
    for url in (
        reverse("admin:checkins_checkin_change", args=[checkin.pk]),
        reverse("admin:checkins_response_change", args=[answer.pk]),
        reverse("admin:checkins_checkin_delete", args=[checkin.pk]),
        reverse("admin:accounts_user_delete", args=[checkin.user_id]),
        reverse("admin:couples_couple_change", args=[answer.couple_id]),
    ):
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code == 200, url
        assert NOTE not in body, url
        assert MESSAGE not in body, url


def test_check_ins_cannot_be_added_or_edited_by_hand(operator, private_words):
    checkin, _ = private_words
    client = client_for(operator)
    assert client.get(reverse("admin:checkins_checkin_add")).status_code == 403
    page = client.get(reverse("admin:checkins_checkin_change", args=[checkin.pk])).content
    assert b'name="mood"' not in page
