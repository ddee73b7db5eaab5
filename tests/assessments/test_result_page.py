import pytest

from tending.assessments import scoring
from tending.assessments.models import Sharing
from tests.support.people import client_for

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")


def test_shows_score_band_meaning_citation_licence_and_not_a_diagnosis(as_alice, alice, record):
    result = record(alice, "phq9", [1, 1, 1, 1, 1, 0, 0, 0, 0])
    instrument = scoring.get_instrument("phq9")
    page = as_alice.get(f"/assessments/results/{result.pk}/").content.decode()
    assert "5" in page and "from 0 to 27" in page
    assert "Mild" in page
    assert instrument.band_for(5).meaning in page
    assert instrument.citation in page
    assert instrument.licence.text in page
    assert "This is not a diagnosis." in page
    assert "first result" in page


def test_who5_shows_the_percentage_score(as_alice, alice, record):
    result = record(alice, "who5", [3, 3, 2, 2, 3])
    page = as_alice.get(f"/assessments/results/{result.pk}/").content.decode()
    assert "52%" in page
    assert "0% to 100%" in page
    assert "higher is better" in page


def test_change_beyond_the_published_mid(as_alice, alice, record):
    record(alice, "phq9", [0, 0, 0, 0, 0, 0, 0, 0, 0], days_ago=14)
    result = record(alice, "phq9", [2, 2, 2, 0, 0, 0, 0, 0, 0])
    page = as_alice.get(f"/assessments/results/{result.pk}/").content.decode()
    assert "6 points worse than on" in page
    assert "at least the 5 points usually taken as a meaningful change" in page
    assert "Löwe B et al." in page


def test_change_within_the_mid(as_alice, alice, record):
    record(alice, "who5", [3, 3, 3, 3, 3], days_ago=7)
    result = record(alice, "who5", [3, 3, 3, 3, 4])
    page = as_alice.get(f"/assessments/results/{result.pk}/").content.decode()
    assert "4 percentage points better than on" in page
    assert "less than the 10 percentage points" in page


def test_no_mid_published(as_alice, alice, record):
    record(alice, "pss4", [2, 1, 1, 2], days_ago=30)
    result = record(alice, "pss4", [4, 0, 0, 4])
    page = as_alice.get(f"/assessments/results/{result.pk}/").content.decode()
    assert "6 points worse" in page
    assert "no published figure" in page
    assert "no published bands" in page
    assert scoring.get_instrument("pss4").licence.caveat not in page
    assert "Operators" not in page


def test_only_the_owner_sees_a_result(people, alice, record):
    result = record(alice, "gad7", [1, 1, 1, 1, 1, 1, 1], sharing=Sharing.BAND_AND_SCORE)
    for name in ("bob", "charlie", "dana"):
        assert client_for(people[name]).get(f"/assessments/results/{result.pk}/").status_code == 404
    assert client_for(None).get(f"/assessments/results/{result.pk}/").status_code == 302
