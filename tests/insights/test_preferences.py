import pytest
from django.urls import reverse

from conftest import client_for
from tending.insights.models import InsightPreferences

pytestmark = pytest.mark.on_edge_days

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


def test_the_email_setting_is_one_link_from_insights(alice):
    client = client_for(alice)
    overview = client.get(reverse("insights:overview")).content.decode()
    week_url = reverse("insights:week")
    assert f'href="{week_url}">Your week in a few sentences, and the weekly e-mail' in overview
    week = client.get(week_url).content.decode()
    assert f'action="{URL}"' in week and 'name="weekly_summary_email"' in week
