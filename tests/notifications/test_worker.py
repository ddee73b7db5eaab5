"""`tending worker` runs what was queued: a partner's action, recorded, is sent by it."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tending.appreciations.services import send_appreciation
from tending.notifications.models import Notification
from tending.notifications.services import add_device, save_settings
from tending.notifications.tasks import deliver_notifications
from tests.support.push import BrowserKeys

pytestmark = pytest.mark.frozen("2027-03-10T12:00:00+00:00")


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_what_an_action_queued(
    people, push_service, django_capture_on_commit_callbacks
):
    alice, bob = people["alice"], people["bob"]
    keys = BrowserKeys()
    add_device(
        user=bob, endpoint=push_service.endpoint("b"), p256dh=keys.p256dh, auth=keys.auth_secret
    )
    save_settings(user=bob, values={"quiet_start": None})
    with django_capture_on_commit_callbacks(execute=True):
        send_appreciation(author=alice, text="the tea")
    assert DBTaskResult.objects.filter(task_path=deliver_notifications.module_path).count() == 1

    call_command("worker", batch=True, verbosity=0)

    assert keys.decrypt(push_service.to("b")[0].body)["title"] == "Alice sent you an appreciation"
    assert Notification.objects.get(user=bob).status == Notification.Status.SENT
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
