"""What a partner does becomes a notification for the other, by the channels they chose,
in words that never carry what anyone wrote; and an e-mail can always be stopped."""

import pytest
from django.core import mail
from django.urls import reverse

from tending.appreciations.services import send_appreciation
from tending.breathing.services import invite_to_breathe
from tending.checkins.services import respond_to_checkin, save_checkin
from tending.conversations.services import start_conversation
from tending.couples.services import unpair
from tending.notifications.delivery import deliver_due, send_digests
from tending.notifications.models import Notification
from tending.notifications.services import add_device, save_settings
from tending.questions.decks import all_questions
from tending.questions.services import answer_question
from tending.safety.services import save_safety_plan, tell_partner
from tests.support.builders import checkin_input
from tests.support.people import client_for
from tests.support.push import BrowserKeys

pytestmark = pytest.mark.frozen("2027-03-10T12:00:00+00:00")
SECRET = "the blue door and the orchard"


@pytest.fixture
def mailbox(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return mail.outbox


def bob_wants_emails(bob, choice="now", **extra):
    kinds = [
        "partner_request",
        "response",
        "question",
        "appreciation",
        "invitation",
        "safety_plan",
        "hard_time",
    ]
    save_settings(
        user=bob,
        values={"email_kinds": {kind: choice for kind in kinds}, "quiet_start": None, **extra},
    )


ACTIONS = {
    "partner_request": (
        lambda alice, bob: save_checkin(
            user=alice, data=checkin_input(needs=("talk",), note=SECRET, share_note=True)
        ),
        "Alice asked for something today",
    ),
    "appreciation": (
        lambda alice, bob: send_appreciation(author=alice, text=SECRET),
        "Alice sent you an appreciation",
    ),
    "question": (
        lambda alice, bob: answer_question(
            user=alice, question_id=all_questions()[0].id, text=SECRET
        ),
        "Alice answered today's question",
    ),
    "breathe": (
        lambda alice, bob: invite_to_breathe(user=alice, pattern="box", minutes=3),
        "Alice invites you to breathe together",
    ),
    "conversation": (
        lambda alice, bob: start_conversation(user=alice, kind="stress"),
        "Alice started a guided conversation",
    ),
    "safety_plan": (
        lambda alice, bob: save_safety_plan(
            user=alice, sections={"reasons_for_living": SECRET}, shared_with_partner=True
        ),
        "Alice shared their safety plan with you",
    ),
    "hard_time": (
        lambda alice, bob: tell_partner(user=alice),
        "Alice let you know they are having a hard time",
    ),
}


@pytest.mark.parametrize("action", ACTIONS)
def test_each_kind_is_told_by_email_without_what_was_written(alice, bob, mailbox, action):
    bob_wants_emails(bob)
    do, subject = ACTIONS[action]
    do(alice, bob)
    deliver_due()
    (message,) = mailbox
    assert message.to == ["bob@example.org"]
    assert message.subject == subject
    assert SECRET not in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_response_is_told_to_the_person_who_asked(alice, bob, mailbox):
    save_settings(user=alice, values={"email_kinds": {"response": "now"}, "quiet_start": None})
    checkin = save_checkin(user=alice, data=checkin_input(needs=("hug",)))
    respond_to_checkin(responder=bob, checkin=checkin, kind="message", message=SECRET)
    deliver_due()
    (message,) = mailbox
    assert message.to == ["alice@example.org"]
    assert message.subject == "Bob answered your request"
    assert SECRET not in message.body


def test_a_kind_turned_off_is_not_told(alice, bob, push_service):
    keys = BrowserKeys()
    add_device(
        user=bob, endpoint=push_service.endpoint("b"), p256dh=keys.p256dh, auth=keys.auth_secret
    )
    save_settings(user=bob, values={"push_kinds": ["response"], "quiet_start": None})
    send_appreciation(author=alice, text=SECRET)
    deliver_due()
    assert push_service.received == []


def test_the_daily_email_gathers_the_days_notifications(alice, bob, mailbox, clock):
    bob_wants_emails(bob, choice="digest")
    send_appreciation(author=alice, text=SECRET)
    invite_to_breathe(user=alice, pattern="box", minutes=3)
    deliver_due()
    assert mailbox == []
    clock.shift(60 * 60 * 24)
    assert send_digests() == 2
    (message,) = mailbox
    assert message.subject == "Today in Tending: 2 things from your partner"
    assert "Alice sent you an appreciation" in message.body
    assert "Alice invites you to breathe together" in message.body
    assert SECRET not in message.body


def test_the_unsubscribe_link_works_without_logging_in(alice, bob, mailbox):
    bob_wants_emails(bob)
    send_appreciation(author=alice, text=SECRET)
    deliver_due()
    link = mailbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = link.split("://", 1)[1].split("/", 1)[1]
    anonymous = client_for(None)
    page = anonymous.get(f"/{path}")
    assert page.status_code == 200 and "Stop these e-mails" in page.content.decode()
    done = anonymous.post(f"/{path}", {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    bob.notification_settings.refresh_from_db()
    assert "appreciation" not in bob.notification_settings.email_kinds
    assert "response" in bob.notification_settings.email_kinds
    send_appreciation(author=alice, text="again")
    deliver_due()
    assert len(mailbox) == 1


def test_a_forged_link_does_nothing():
    response = client_for(None).post(reverse("notifications:act", args=["not-a-token"]))
    assert response.status_code == 404


def test_after_unpairing_nothing_more_goes_out(alice, bob, mailbox):
    bob_wants_emails(bob)
    send_appreciation(author=alice, text=SECRET)
    unpair(user=alice)
    deliver_due()
    assert mailbox == []
    assert Notification.objects.get(user=bob).status == Notification.Status.CANCELLED
