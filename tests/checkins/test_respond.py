import pytest
from django.urls import reverse

from conftest import client_for
from factories import backdate_couple, make_checkin
from tending.checkins.models import Response

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

HOME = reverse("core:home")


def respond_url(checkin):
    return reverse("checkins:respond", args=[checkin.pk])


def test_a_one_tap_response_shows_on_the_owners_home(alice, bob):
    checkin = make_checkin(alice, needs=["hug"])
    bob_home = client_for(bob).get(HOME).content.decode()
    assert "Sending a hug" in bob_home
    assert respond_url(checkin) in bob_home

    response = client_for(bob).post(respond_url(checkin), {"kind": "hug"})
    assert response.url == HOME
    saved = Response.objects.get()
    assert (saved.responder, saved.kind) == (bob, "hug")
    alice_home = client_for(alice).get(HOME).content.decode()
    assert "<strong>Bob:</strong> Sending a hug" in alice_home


def test_a_short_message_shows_on_the_owners_home(alice, bob):
    checkin = make_checkin(alice, needs=["talk"])
    client_for(bob).post(
        respond_url(checkin), {"kind": "message", "message": "Walk after dinner? <b>x</b>"}
    )
    alice_home = client_for(alice).get(HOME).content.decode()
    assert "<strong>Bob:</strong> Walk after dinner? &lt;b&gt;x&lt;/b&gt;" in alice_home


def test_a_message_of_500_characters_is_sent_and_501_refused(alice, bob):
    checkin = make_checkin(alice, needs=["talk"])
    client = client_for(bob)
    client.post(respond_url(checkin), {"kind": "message", "message": "m" * 500})
    refused = client.post(respond_url(checkin), {"kind": "message", "message": "n" * 501})
    assert refused.url == HOME
    assert "Ensure this value has at most 500 characters" in client.get(HOME).content.decode()
    assert [len(r.message) for r in Response.objects.all()] == [500]


def test_an_empty_message_is_refused(alice, bob):
    checkin = make_checkin(alice, needs=["talk"])
    client = client_for(bob)
    client.post(respond_url(checkin), {"kind": "message", "message": "   "})
    assert "Write a few words before sending." in client.get(HOME).content.decode()
    assert not Response.objects.exists()


def test_an_htmx_request_gets_the_partner_card_back(alice, bob):
    checkin = make_checkin(alice, needs=["hug"])
    response = client_for(bob).post(
        respond_url(checkin), {"kind": "here"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<section class="card" aria-labelledby="partner-heading"')
    assert "<html" not in page
    assert "You answered:" in page
    assert "I&#x27;m here for you" in page


def test_an_htmx_error_is_shown_in_the_card_with_the_message_kept(alice, bob):
    checkin = make_checkin(alice, needs=["hug"])
    long_message = "k" * 501
    response = client_for(bob).post(
        respond_url(checkin),
        {"kind": "message", "message": long_message},
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert 'role="alert">Ensure this value has at most 500 characters' in page
    assert f"{long_message}</textarea>" in page
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [{"needs": []}, {"needs": ["nothing"]}, {"needs": ["hug"], "share_needs": False}],
    ids=["no-need", "nothing", "need-kept-private"],
)
def test_a_check_in_without_a_shared_request_cannot_be_answered(alice, bob, fields):
    checkin = make_checkin(alice, **fields)
    client = client_for(bob)
    assert "Answer with one tap" not in client.get(HOME).content.decode()
    client.post(respond_url(checkin), {"kind": "here"})
    assert "This check-in has no request to respond to." in client.get(HOME).content.decode()
    assert not Response.objects.exists()


def test_an_unknown_response_kind_is_refused(alice, bob):
    checkin = make_checkin(alice, needs=["hug"])
    client_for(bob).post(respond_url(checkin), {"kind": "shrug"})
    assert not Response.objects.exists()


def test_strangers_former_partners_and_the_owner_cannot_respond(alice, bob, charlie, dana):
    checkin = make_checkin(alice, needs=["hug"])
    for someone in (charlie, dana, alice):
        assert client_for(someone).post(respond_url(checkin), {"kind": "hug"}).status_code == 404
    assert not Response.objects.exists()


def test_a_check_in_from_before_the_couple_began_cannot_be_answered(alice, bob):
    backdate_couple(alice, days=3)
    before = make_checkin(alice, days_ago=10, needs=["hug"])
    assert client_for(bob).post(respond_url(before), {"kind": "hug"}).status_code == 404
    assert not Response.objects.exists()


def test_responding_takes_a_post(alice, bob):
    checkin = make_checkin(alice, needs=["hug"])
    assert client_for(bob).get(respond_url(checkin)).status_code == 405
