from django.urls import reverse

from tests.support.people import client_for

URL = reverse("accounts:profile")


def profile_data(**overrides):
    data = {
        "display_name": "Alice B.",
        "timezone": "Pacific/Auckland",
        "country": "NZ",
        "language": "en",
    }
    data.update(overrides)
    return data


def test_profile_shows_what_is_saved(alice):
    page = client_for(alice).get(URL).content.decode()
    assert 'value="Alice"' in page
    assert '<option value="Europe/London" selected>' in page
    assert '<option value="GB" selected>' in page


def test_profile_changes_are_saved(alice):
    response = client_for(alice).post(URL, profile_data())
    assert response.url == URL
    alice.refresh_from_db()
    assert alice.display_name == "Alice B."
    assert alice.timezone == "Pacific/Auckland"
    assert alice.country.code == "NZ"


def test_an_invalid_time_zone_is_refused_and_the_rest_kept(alice):
    response = client_for(alice).post(
        URL, profile_data(display_name="Typed Name", timezone="Nowhere/Atlantis")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in page
    assert 'value="Typed Name"' in page
    alice.refresh_from_db()
    assert alice.timezone == "Europe/London"
    assert alice.display_name == "Alice"


def test_an_empty_name_is_refused(alice):
    response = client_for(alice).post(URL, profile_data(display_name=""))
    assert "This field is required." in response.content.decode()
    alice.refresh_from_db()
    assert alice.display_name == "Alice"
