"""A person's notification choices, devices and notifications are in their export, without
the devices' push addresses and keys; their choices come back with an import."""

import datetime as dt
import io
import json
import zipfile

import pytest

from tending.notifications.models import NotificationSettings
from tending.notifications.services import add_device, save_settings
from tending.yourdata.services import export_archive, import_archive
from tests.support.push import BrowserKeys

pytestmark = pytest.mark.frozen("2027-03-10T12:00:00+00:00")
ENDPOINT = "https://fcm.googleapis.com/fcm/send/secret-endpoint-id"


def table(archive: bytes, name: str) -> list[dict]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return json.loads(opened.read(f"{name}.json"))


def test_choices_and_devices_are_exported_and_choices_restored(alice):
    keys = BrowserKeys()
    save_settings(
        user=alice,
        values={
            "email_kinds": {"appreciation": "digest"},
            "checkin_reminder_days": [1, 3],
            "reminder_time": dt.time(19, 30),
        },
    )
    add_device(
        user=alice, endpoint=ENDPOINT, p256dh=keys.p256dh, auth=keys.auth_secret, name="Pixel"
    )
    archive = export_archive(user=alice)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        everything = "".join(opened.read(name).decode() for name in opened.namelist())
    assert "secret-endpoint-id" not in everything and keys.p256dh not in everything
    (devices,) = table(archive, "notification_devices")
    assert devices["name"] == "Pixel" and devices["push_service"] == "fcm.googleapis.com"
    (settings_row,) = table(archive, "notification_settings")
    assert settings_row["email_kinds"] == {"appreciation": "digest"}

    alice.delete()
    restored = import_archive(data=archive)
    saved = NotificationSettings.objects.get(user=restored)
    assert saved.email_kinds == {"appreciation": "digest"}
    assert saved.checkin_reminder_days == [1, 3]
    assert saved.reminder_time == dt.time(19, 30)
    assert saved.next_reminder_at is not None
