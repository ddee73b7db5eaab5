from django.urls import reverse

from tests.support.people import client_for

URL = reverse("couples:partner")


def test_a_couple_sees_each_other_and_the_way_to_unpair(alice):
    page = client_for(alice).get(URL).content.decode()
    assert "<strong>Bob</strong>" in page
    assert reverse("couples:unpair") in page
    assert reverse("couples:create_invite") not in page


def test_someone_alone_is_offered_an_invitation(charlie):
    page = client_for(charlie).get(URL).content.decode()
    assert "Create an invitation link" in page
    assert reverse("couples:create_invite") in page


def test_anonymous_visitors_are_sent_to_log_in(db):
    response = client_for(None).get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
