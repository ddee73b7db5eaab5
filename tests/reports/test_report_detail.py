import pytest
from django.urls import reverse

from conftest import client_for
from factories import backdate_couple, make_checkin
from reports.helpers import report_for
from tending.reports.services import set_partner_consent

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")


@pytest.mark.django_db
def test_anonymous_is_sent_to_log_in(client, alice):
    report = report_for(alice)
    assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 302


@pytest.mark.parametrize("who", ["bob", "charlie", "dana"])
def test_nobody_else_sees_my_report(people, who):
    report = report_for(people["alice"])
    url = reverse("reports:detail", args=[report.pk])
    assert client_for(people[who]).get(url).status_code == 404


def test_the_preview_shows_heading_charts_and_my_words(alice):
    make_checkin(alice, days_ago=1, mood=4, emotions=["hopeful"], note="saw the sea")
    report = report_for(alice, include_notes=True)
    page = client_for(alice).get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "Prepared by the person for their clinician; not a diagnosis" in page
    assert "hopeful" in page and "saw the sea" in page
    assert "<svg" in page


def test_notes_stay_out_unless_chosen(alice):
    make_checkin(alice, days_ago=1, note="saw the sea")
    report = report_for(alice)
    page = client_for(alice).get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "saw the sea" not in page


def test_partner_numbers_need_the_partners_consent(alice, bob):
    backdate_couple(alice, days=40)
    make_checkin(bob, days_ago=2, mood=1, emotions=["lonely"], note="bob's note", share_note=True)
    report = report_for(alice, include_partner=True)
    url = reverse("reports:detail", args=[report.pk])
    page = client_for(alice).get(url).content.decode()
    assert "Bob has not agreed" in page
    set_partner_consent(user=bob, allowed=True)
    page = client_for(alice).get(url).content.decode()
    assert "Numbers Bob shared, with their consent" in page
    assert "bob&#x27;s note" not in page and "lonely" not in page


def test_deleting_a_report(alice, bob):
    report = report_for(alice)
    url = reverse("reports:delete", args=[report.pk])
    assert client_for(bob).post(url).status_code == 404
    assert client_for(alice).post(url).status_code == 302
    assert client_for(alice).get(reverse("reports:detail", args=[report.pk])).status_code == 404
