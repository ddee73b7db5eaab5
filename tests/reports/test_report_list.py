import datetime as dt

import pytest
from django.urls import reverse

from conftest import client_for
from tending.core.timezones import local_today
from tending.reports.models import Report

pytestmark = pytest.mark.on_edge_days

URL = reverse("reports:list")


def form_data(user, **overrides):
    today = local_today(user)
    data = {
        "start_date": (today - dt.timedelta(days=29)).isoformat(),
        "end_date": today.isoformat(),
        "include_checkins": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.django_db
def test_anonymous_is_sent_to_log_in(client):
    assert client.get(URL).status_code == 302


def test_the_form_offers_the_last_ninety_days(alice):
    response = client_for(alice).get(URL)
    assert response.status_code == 200
    assert response.context["form"].initial["end_date"] == local_today(alice)


def test_creating_a_report_opens_it(alice):
    response = client_for(alice).post(URL, form_data(alice, include_notes="on"))
    report = Report.objects.get(owner=alice)
    assert response["Location"] == reverse("reports:detail", args=[report.pk])
    assert report.include_checkins and report.include_notes and not report.include_partner


def test_a_range_running_backwards_is_refused(alice):
    today = local_today(alice)
    data = form_data(
        alice, start_date=today.isoformat(), end_date=(today - dt.timedelta(days=3)).isoformat()
    )
    response = client_for(alice).post(URL, data)
    assert response.status_code == 400
    assert "before the last day" in response.content.decode()
    assert not Report.objects.exists()


def test_a_future_end_or_a_range_over_two_years_is_refused(alice):
    today = local_today(alice)
    future = form_data(alice, end_date=(today + dt.timedelta(days=2)).isoformat())
    assert client_for(alice).post(URL, future).status_code == 400
    long = form_data(alice, start_date=(today - dt.timedelta(days=800)).isoformat())
    assert client_for(alice).post(URL, long).status_code == 400
    assert not Report.objects.exists()


def test_something_must_be_included(alice):
    response = client_for(alice).post(URL, form_data(alice, include_checkins=None))
    assert response.status_code == 400
    assert "at least one thing" in response.content.decode()


def test_the_list_shows_only_my_reports(alice, bob):
    client_for(bob).post(URL, form_data(bob))
    page = client_for(alice).get(URL).content.decode()
    assert "No reports yet." in page
