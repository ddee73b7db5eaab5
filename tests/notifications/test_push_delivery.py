"""Web Push to a push service on this machine: what arrives is encrypted for the browser
(RFC 8291), signed by the server (VAPID, RFC 8292), and says who and what kind only."""

import pytest
from django.utils import timezone

from tending.checkins.services import save_checkin
from tending.notifications.delivery import deliver_due
from tending.notifications.models import Notification, PushSubscription
from tending.notifications.push import application_server_key
from tending.notifications.services import add_device
from tests.support.builders import checkin_input
from tests.support.push import BrowserKeys, vapid_claims, vapid_is_valid

pytestmark = pytest.mark.frozen("2027-03-10T12:00:00+00:00")
NOTE = "I did not sleep and the deadline scares me"


def subscribe(user, push_service, name: str, keys: BrowserKeys | None = None) -> BrowserKeys:
    keys = keys or BrowserKeys()
    add_device(
        user=user,
        endpoint=push_service.endpoint(name),
        p256dh=keys.p256dh,
        auth=keys.auth_secret,
        name=name,
    )
    return keys


def alice_asks_for_a_hug(alice):
    return save_checkin(user=alice, data=checkin_input(needs=("hug",), note=NOTE, share_note=True))


def test_a_request_reaches_the_partner_encrypted_and_signed(alice, bob, push_service):
    keys = subscribe(bob, push_service, "bobs-phone")
    alice_asks_for_a_hug(alice)

    assert deliver_due() == 1
    (received,) = push_service.to("bobs-phone")
    assert received.headers["content-encoding"] == "aes128gcm"
    assert int(received.headers["ttl"]) > 0
    assert len(received.body) <= 4096
    payload = keys.decrypt(received.body)
    assert payload["title"] == "Alice asked for something today"
    assert payload["url"] == "/"
    assert NOTE not in str(payload) and "hug" not in str(payload).lower()

    authorization = received.headers["authorization"]
    assert authorization.startswith("vapid t=")
    assert vapid_is_valid(authorization)
    assert f"k={application_server_key()}" in authorization
    claims = vapid_claims(authorization)
    assert claims["aud"] == push_service.url
    assert claims["sub"].startswith("mailto:")
    assert Notification.objects.get(user=bob).status == Notification.Status.SENT


def test_each_of_the_partners_devices_gets_it(alice, bob, push_service):
    phone = subscribe(bob, push_service, "phone")
    laptop = subscribe(bob, push_service, "laptop")
    alice_asks_for_a_hug(alice)
    deliver_due()
    for keys, name in ((phone, "phone"), (laptop, "laptop")):
        (received,) = push_service.to(name)
        assert keys.decrypt(received.body)["title"] == "Alice asked for something today"


@pytest.mark.parametrize("status", [404, 410])
def test_a_subscription_the_push_service_calls_gone_is_removed(alice, bob, push_service, status):
    subscribe(bob, push_service, "old-phone")
    subscribe(bob, push_service, "new-phone")
    push_service.status_for["/push/old-phone"] = status
    alice_asks_for_a_hug(alice)
    deliver_due()
    assert list(PushSubscription.objects.filter(user=bob).values_list("name", flat=True)) == [
        "new-phone"
    ]
    assert Notification.objects.get(user=bob).status == Notification.Status.SENT


def test_a_busy_push_service_is_tried_again_later(alice, bob, push_service):
    subscribe(bob, push_service, "phone")
    push_service.status_for["/push/phone"] = 503
    alice_asks_for_a_hug(alice)
    deliver_due()
    row = Notification.objects.get(user=bob)
    assert row.status == Notification.Status.PENDING
    assert row.deliver_after > timezone.now()
    assert PushSubscription.objects.filter(user=bob).exists()


def test_sending_twice_sends_once(alice, bob, push_service):
    subscribe(bob, push_service, "phone")
    alice_asks_for_a_hug(alice)
    alice_asks_for_a_hug(alice)
    deliver_due()
    deliver_due()
    assert len(push_service.to("phone")) == 1


def test_a_partner_who_keeps_what_would_help_private_is_not_told(alice, bob, push_service):
    subscribe(bob, push_service, "phone")
    save_checkin(user=alice, data=checkin_input(needs=("hug",), share_needs=False))
    deliver_due()
    assert push_service.to("phone") == []
    assert not Notification.objects.filter(user=bob).exists()


def test_a_request_taken_back_before_it_goes_out_is_not_told(alice, bob, push_service, settings):
    subscribe(bob, push_service, "phone")
    alice_asks_for_a_hug(alice)
    save_checkin(user=alice, data=checkin_input(needs=("hug",), share_needs=False))
    deliver_due()
    assert push_service.to("phone") == []
    assert Notification.objects.get(user=bob).status == Notification.Status.CANCELLED


def test_nobody_outside_the_couple_is_told(alice, bob, charlie, dana, push_service):
    for person in (alice, charlie, dana):
        subscribe(person, push_service, person.display_name)
    alice_asks_for_a_hug(alice)
    deliver_due()
    assert push_service.received == []
