"""Where a person is signed in: each browser with its name and last visit, and signing out
one device or every other one."""

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from tending.security.models import EventKind, SecurityEvent, SignedInDevice
from tests.support.people import PASSWORD, client_for

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1"
)
SECURITY = reverse("security:index")


def signed_in(user, agent: str) -> Client:
    client = Client(headers={"User-Agent": agent})
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def test_each_browser_is_listed_with_this_one_first(alice):
    laptop = signed_in(alice, FIREFOX)
    signed_in(alice, SAFARI)
    page = laptop.get(SECURITY).content.decode()
    assert (
        page.index("Firefox on Linux") < page.index("This device") < page.index("Safari on iPhone")
    )
    assert SignedInDevice.objects.filter(user=alice).count() == 2


def test_signing_out_another_device_ends_its_session(alice):
    laptop = signed_in(alice, FIREFOX)
    phone = signed_in(alice, SAFARI)
    device = SignedInDevice.objects.get(browser="Safari")
    laptop.post(reverse("security:sign_out_device", args=[device.pk]))
    assert phone.get(reverse("accounts:profile")).status_code == 302
    assert laptop.get(reverse("accounts:profile")).status_code == 200
    assert SecurityEvent.objects.filter(user=alice, kind=EventKind.SIGNED_OUT_DEVICE).exists()


def test_nobody_signs_out_someone_elses_device(alice, bob):
    signed_in(alice, SAFARI)
    device = SignedInDevice.objects.get(user=alice)
    client_for(bob).post(reverse("security:sign_out_device", args=[device.pk]))
    assert Session.objects.filter(session_key=device.session_key).exists()


def test_signing_out_everywhere_else_keeps_this_browser(alice):
    laptop = signed_in(alice, FIREFOX)
    others = [signed_in(alice, SAFARI) for _ in range(2)]
    page = laptop.post(reverse("security:sign_out_others"), follow=True).content.decode()
    assert "2 other sessions" in page
    assert all(other.get(reverse("accounts:profile")).status_code == 302 for other in others)
    assert laptop.get(reverse("accounts:profile")).status_code == 200
    assert SignedInDevice.objects.filter(user=alice).count() == 1


def test_a_password_change_signs_out_every_other_browser(alice):
    laptop = signed_in(alice, FIREFOX)
    phone = signed_in(alice, SAFARI)
    new = "an entirely new walk by the sea"
    laptop.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert phone.get(reverse("accounts:profile")).status_code == 302
    assert laptop.get(reverse("accounts:profile")).status_code == 200
    page = laptop.get(SECURITY).content.decode()
    assert "This device" in page and "Safari" not in page


@pytest.mark.frozen("2027-03-10T12:00:00+00:00")
def test_browsing_notes_the_last_visit_at_most_every_few_minutes(alice, clock):
    laptop = signed_in(alice, FIREFOX)
    first_seen = SignedInDevice.objects.get().last_seen_at
    clock.shift(dt.timedelta(minutes=2))
    laptop.get(reverse("home:index"))
    assert SignedInDevice.objects.get().last_seen_at == first_seen
    clock.shift(dt.timedelta(minutes=4))
    laptop.get(reverse("home:index"))
    assert SignedInDevice.objects.get().last_seen_at > first_seen


def test_logging_out_forgets_the_device(alice):
    laptop = signed_in(alice, FIREFOX)
    laptop.post(reverse("accounts:logout"))
    assert not SignedInDevice.objects.exists()
