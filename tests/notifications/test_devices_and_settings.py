"""The notification settings page, devices (at most ten, only real push services), and
the guard that keeps the server from being sent anywhere a subscription names."""

import datetime as dt

import pytest
from django.urls import reverse

from tending.notifications.models import NotificationSettings, PushSubscription
from tending.notifications.push import endpoint_problem
from tending.notifications.services import NotificationError, add_device
from tests.support.people import client_for
from tests.support.push import BrowserKeys

KEYS = BrowserKeys()
FCM = "https://fcm.googleapis.com/fcm/send/"


def device(user, name="phone", endpoint=None):
    return add_device(
        user=user,
        endpoint=endpoint or FCM + name,
        p256dh=KEYS.p256dh,
        auth=KEYS.auth_secret,
        name=name,
    )


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://fcm.googleapis.com/fcm/send/x",
        "https://127.0.0.1/push",
        "https://[::1]/push",
        "https://10.0.0.5/push",
        "https://internal.example.org/push",
        "https://user:pw@fcm.googleapis.com/x",
        "ftp://fcm.googleapis.com/x",
        "https://fcm.googleapis.com.evil.example/x",
    ],
)
def test_endpoints_that_are_not_push_services_are_refused(endpoint):
    assert endpoint_problem(endpoint) != ""


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://fcm.googleapis.com/fcm/send/abc",
        "https://updates.push.services.mozilla.com/wpush/v2/abc",
        "https://web.push.apple.com/QGuQ",
        "https://wns2-par02p.notify.windows.com/w/?token=abc",
    ],
)
def test_the_browsers_push_services_are_accepted(endpoint):
    assert endpoint_problem(endpoint) == ""


def test_a_name_that_leads_to_a_private_address_is_refused(monkeypatch, settings):
    settings.PUSH_SERVICE_HOSTS = ["push.example.org"]
    monkeypatch.setattr(
        "socket.getaddrinfo", lambda host, port: [(2, 1, 6, "", ("192.168.1.4", port))]
    )
    assert "public" in endpoint_problem("https://push.example.org/x", resolve=True)


def test_a_refused_endpoint_is_not_saved(alice):
    with pytest.raises(NotificationError):
        device(alice, endpoint="https://169.254.169.254/latest")
    assert not PushSubscription.objects.exists()


def test_ten_devices_at_most(alice):
    for number in range(10):
        device(alice, name=f"d{number}")
    with pytest.raises(NotificationError, match="10 devices"):
        device(alice, name="eleventh")


def test_the_same_browser_subscribing_again_is_one_device(alice, bob):
    device(alice)
    device(bob)  # the same phone, now bob's
    assert list(PushSubscription.objects.values_list("user__display_name", flat=True)) == ["Bob"]


def test_the_page_adds_and_removes_a_device(alice):
    client = client_for(alice)
    added = client.post(
        reverse("notifications:add_device"),
        {"endpoint": FCM + "x", "p256dh": KEYS.p256dh, "auth": KEYS.auth_secret, "name": "Pixel"},
    )
    assert added.status_code == 201
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "Pixel" in profile
    device_id = added.json()["id"]
    removed = client.post(reverse("notifications:remove_device", args=[device_id]))
    assert removed.status_code == 302
    assert not PushSubscription.objects.exists()


def test_bad_keys_get_a_clear_answer(alice):
    response = client_for(alice).post(
        reverse("notifications:add_device"),
        {"endpoint": FCM + "x", "p256dh": "short", "auth": KEYS.auth_secret},
    )
    assert response.status_code == 400
    assert "keys" in response.json()["error"]


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_settings_are_saved_and_the_next_reminder_planned(alice):
    response = client_for(alice).post(
        reverse("notifications:settings"),
        {
            "push_kinds": ["partner_request", "hard_time"],
            "email_appreciation": "digest",
            "quiet_hours": "on",
            "quiet_start": "22:30",
            "quiet_end": "06:30",
            "digest_time": "18:00",
            "reminder_time": "19:00",
            "checkin_reminder_days": ["0", "2", "4"],
        },
    )
    assert response.status_code == 302
    saved = NotificationSettings.objects.get(user=alice)
    assert saved.push_kinds == ["partner_request", "hard_time"]
    assert saved.email_kinds == {"appreciation": "digest"}
    assert (saved.quiet_start, saved.quiet_end) == (dt.time(22, 30), dt.time(6, 30))
    assert saved.checkin_reminder_days == [0, 2, 4]
    assert saved.next_reminder_at == dt.datetime(2027, 3, 10, 19, 0, tzinfo=dt.UTC)


def test_a_reminder_inside_quiet_hours_is_refused_and_the_form_kept(alice):
    response = client_for(alice).post(
        reverse("notifications:settings"),
        {
            "quiet_hours": "on",
            "quiet_start": "21:00",
            "quiet_end": "07:00",
            "digest_time": "18:00",
            "reminder_time": "22:00",
            "checkin_reminder_days": ["1"],
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "inside your quiet hours" in page
    assert 'value="22:00"' in page
    assert not NotificationSettings.objects.filter(user=alice).exists()
