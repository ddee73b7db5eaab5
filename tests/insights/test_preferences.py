import pytest
from django.urls import reverse

from conftest import client_for
from tending.insights.models import InsightPreferences

URL = reverse("insights:preferences")


@pytest.mark.django_db
def test_anonymous_cannot_change_preferences(client):
    assert client.post(URL, {"weekly_summary_email": "on"}).status_code == 302
    assert not InsightPreferences.objects.exists()


def test_turning_the_weekly_email_on_and_off(alice):
    client = client_for(alice)
    assert client.post(URL, {"weekly_summary_email": "on"}).status_code == 302
    assert InsightPreferences.objects.get(user=alice).weekly_summary_email
    client.post(URL, {})
    assert not InsightPreferences.objects.get(user=alice).weekly_summary_email


def test_get_is_not_allowed(alice):
    assert client_for(alice).get(URL).status_code == 405


def test_each_person_changes_only_their_own(alice, bob):
    client_for(bob).post(URL, {"weekly_summary_email": "on"})
    assert not InsightPreferences.objects.filter(user=alice).exists()
