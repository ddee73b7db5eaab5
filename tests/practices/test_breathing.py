import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import client_for
from tending.practices import services
from tending.practices.models import BreathingInvite, PracticeLog

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")


def test_inviting_the_partner_shows_on_their_home_and_joining_starts_the_same_session(alice, bob):
    response = client_for(alice).post(
        reverse("practices:breathe_invite"), {"pattern": "box", "minutes": "4"}
    )
    assert response.status_code == 302
    assert "pattern=box" in response["Location"] and "start=1" in response["Location"]
    home = client_for(bob).get(reverse("core:home")).content.decode()
    assert "Alice is starting box breathing for 4 minutes" in home
    invite = BreathingInvite.objects.get()
    joined = client_for(bob).post(reverse("practices:breathe_join", args=[invite.pk]))
    assert "pattern=box" in joined["Location"] and "minutes=4" in joined["Location"]
    page = client_for(bob).get(joined["Location"]).content.decode()
    assert "data-autostart" in page
    status = client_for(alice).get(reverse("practices:breathe_invite_status", args=[invite.pk]))
    assert "Bob has joined you" in status.content.decode()
    assert "Breathe together?" not in client_for(bob).get(reverse("core:home")).content.decode()


def test_an_old_invitation_is_no_longer_shown(alice, bob):
    invite = services.invite_to_breathe(user=alice, pattern="slow", minutes=3)
    BreathingInvite.objects.filter(pk=invite.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=1)
    )
    assert "Breathe together?" not in client_for(bob).get(reverse("core:home")).content.decode()
    with pytest.raises(services.PracticeError, match="has ended"):
        services.join_breathing_invite(user=bob, invite_id=invite.pk)


def test_invitations_are_for_the_partner_only(alice, charlie, dana):
    invite = services.invite_to_breathe(user=alice, pattern="slow", minutes=3)
    for person in (alice, charlie, dana):
        url = reverse("practices:breathe_join", args=[invite.pk])
        assert client_for(person).post(url).status_code == 404


def test_sessions_from_one_to_ten_minutes_are_logged(charlie):
    response = client_for(charlie).post(
        reverse("practices:breathe_log"), {"pattern": "slow", "minutes": "10", "feeling": "5"}
    )
    assert response.status_code == 302
    log = PracticeLog.objects.get(user=charlie)
    assert (log.kind, log.feeling) == ("breathing", 5)
    with pytest.raises(services.PracticeError):
        services.log_breathing(user=charlie, pattern="slow", minutes=11, feeling=None)


def test_the_page_advises_stopping_if_light_headed(charlie):
    page = client_for(charlie).get(reverse("practices:breathe")).content.decode()
    assert "light-headed" in page
    assert "4-4-4-4" in page
