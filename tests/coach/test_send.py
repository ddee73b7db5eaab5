"""Sending from the builder: only to the current partner, shown on their home, never to
a former partner or a stranger."""

from django.urls import reverse

from tending.coach.models import GentleMessage
from tending.couples.services import unpair
from tests.support.people import client_for, pair

HOME = reverse("home:index")
SEND = reverse("coach:send")
MESSAGES = reverse("coach:messages")
TEXT = "I feel lonely about our quiet evenings. I need time together. Would you walk with me?"


def send_as(user, **data):
    return client_for(user).post(SEND, {"statement": TEXT} | data)


def test_a_sent_message_shows_on_the_partners_home_until_read(alice, bob):
    response = send_as(alice)
    assert response.status_code == 302 and response.url == MESSAGES
    message = GentleMessage.objects.get()
    assert (message.sender, message.recipient, message.text) == (alice, bob, TEXT)

    home = client_for(bob).get(HOME).content.decode()
    assert "A message from Alice" in home
    assert TEXT in home
    assert TEXT not in client_for(alice).get(HOME).content.decode()

    read = client_for(bob).post(reverse("coach:mark_read", args=[message.pk]), {"next": "home"})
    assert read.url == HOME
    assert TEXT not in client_for(bob).get(HOME).content.decode()
    assert TEXT in client_for(bob).get(MESSAGES).content.decode()
    assert "Read" in client_for(alice).get(MESSAGES).content.decode()


def test_the_steps_are_put_together_when_the_box_is_empty(alice, bob):
    steps = {"feeling": "tired", "situation": "the late nights", "need": "rest", "request": "cook"}
    send_as(alice, statement="", **steps)
    assert GentleMessage.objects.get().text == (
        "I feel tired about the late nights. I need rest. Would you cook?"
    )


def test_nothing_to_send_is_a_clear_message_and_loses_nothing(alice, bob):
    response = send_as(alice, statement="", feeling="tired", situation="the late nights")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Fill in the four steps, or write your message in the box" in page
    assert "the late nights" in page
    assert not GentleMessage.objects.exists()


def test_a_message_too_long_is_refused_and_kept(alice, bob):
    text = "I feel " + "very " * 250
    response = send_as(alice, statement=text)
    assert response.status_code == 400
    assert text.strip() in response.content.decode()
    assert not GentleMessage.objects.exists()


def test_markup_is_shown_as_text(alice, bob):
    send_as(alice, statement="I need <b>you</b> <script>x</script>")
    home = client_for(bob).get(HOME).content.decode()
    assert "I need &lt;b&gt;you&lt;/b&gt; &lt;script&gt;x&lt;/script&gt;" in home


def test_someone_alone_cannot_send(charlie):
    response = send_as(charlie)
    assert response.status_code == 400
    assert "once you are paired" in response.content.decode()
    assert not GentleMessage.objects.exists()


def test_former_partner_and_stranger_never_see_it(alice, bob, charlie, dana):
    send_as(alice)
    for outsider in (charlie, dana):
        client = client_for(outsider)
        assert TEXT not in client.get(HOME).content.decode()
        assert TEXT not in client.get(MESSAGES).content.decode()


def test_only_the_recipient_can_mark_it_read(alice, bob, charlie, dana):
    send_as(alice)
    url = reverse("coach:mark_read", args=[GentleMessage.objects.get().pk])
    for other in (alice, charlie, dana):
        assert client_for(other).post(url).status_code == 404
    assert GentleMessage.objects.get().read_at is None


def test_unpairing_hides_the_messages_from_both(alice, bob, charlie):
    send_as(alice)
    unpair(user=bob)
    assert TEXT not in client_for(bob).get(HOME).content.decode()
    assert TEXT not in client_for(bob).get(MESSAGES).content.decode()
    assert TEXT not in client_for(alice).get(MESSAGES).content.decode()
    pair(bob, charlie)
    assert TEXT not in client_for(bob).get(HOME).content.decode()
    message = GentleMessage.objects.get()
    assert client_for(bob).post(reverse("coach:mark_read", args=[message.pk])).status_code == 404


def test_the_text_is_stored_encrypted(alice, bob):
    from django.db import connection

    from tending.core.encryption import looks_encrypted

    send_as(alice)
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM coach_gentlemessage")
        stored = cursor.fetchone()[0]
    assert looks_encrypted(stored) and "lonely" not in stored
