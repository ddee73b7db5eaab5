import pytest
from django.urls import reverse

from conftest import client_for
from tending.reports.models import PartnerReportConsent

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

URL = reverse("reports:consent")


@pytest.mark.django_db
def test_anonymous_cannot_consent(client):
    assert client.post(URL, {"allowed": "on"}).status_code == 302
    assert not PartnerReportConsent.objects.exists()


def test_consent_is_off_until_the_person_turns_it_on(alice, bob):
    page = client_for(bob).get(reverse("reports:list")).content.decode()
    assert "Let Alice include" in page
    assert not PartnerReportConsent.objects.filter(user=bob, allowed=True).exists()
    client_for(bob).post(URL, {"allowed": "on"})
    assert PartnerReportConsent.objects.get(user=bob).allowed
    client_for(bob).post(URL, {})
    assert not PartnerReportConsent.objects.get(user=bob).allowed


def test_get_is_not_allowed(bob):
    assert client_for(bob).get(URL).status_code == 405
