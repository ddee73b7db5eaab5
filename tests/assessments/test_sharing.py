import pytest

from conftest import client_for
from tending.assessments.models import Result, Sharing
from tending.couples.services import unpair

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

PARTNER_PAGE = "/assessments/partner/"


@pytest.fixture
def alices_gad7(alice, record):
    return record(alice, "gad7", [3, 3, 2, 2, 2, 1, 0])


def test_private_by_default(as_bob, alices_gad7):
    assert alices_gad7.sharing == Sharing.NOTHING
    page = as_bob.get(PARTNER_PAGE).content.decode()
    assert "GAD-7" not in page
    assert "has not shared any results" in page


def test_band_only(as_alice, as_bob, alices_gad7):
    as_alice.post(f"/assessments/results/{alices_gad7.pk}/sharing/", {"sharing": "band"})
    page = as_bob.get(PARTNER_PAGE).content.decode()
    assert "GAD-7" in page
    assert "Moderate" in page
    assert "Score 13" not in page


def test_band_and_score(as_alice, as_bob, alices_gad7):
    as_alice.post(f"/assessments/results/{alices_gad7.pk}/sharing/", {"sharing": "band_and_score"})
    page = as_bob.get(PARTNER_PAGE).content.decode()
    assert "Moderate" in page
    assert "Score 13 on a scale from 0 to 21" in page


def test_never_the_answers(as_bob, alices_gad7):
    Result.objects.filter(pk=alices_gad7.pk).update(sharing=Sharing.BAND_AND_SCORE)
    page = as_bob.get(PARTNER_PAGE).content.decode()
    assert "Feeling nervous, anxious, or on edge" not in page
    assert "Nearly every day" not in page
    assert "More than half the days" not in page


def test_former_partner_and_stranger_never_see_it(people, alices_gad7):
    Result.objects.filter(pk=alices_gad7.pk).update(sharing=Sharing.BAND_AND_SCORE)
    for name in ("charlie", "dana"):
        page = client_for(people[name]).get(PARTNER_PAGE).content.decode()
        assert "GAD-7" not in page
        assert "Moderate" not in page


def test_nothing_while_unpaired(alice, bob, alices_gad7):
    Result.objects.filter(pk=alices_gad7.pk).update(sharing=Sharing.BAND_AND_SCORE)
    unpair(user=alice)
    page = client_for(bob).get(PARTNER_PAGE).content.decode()
    assert "GAD-7" not in page


def test_only_the_owner_can_change_sharing(as_bob, alices_gad7):
    response = as_bob.post(f"/assessments/results/{alices_gad7.pk}/sharing/", {"sharing": "band"})
    assert response.status_code == 404
    alices_gad7.refresh_from_db()
    assert alices_gad7.sharing == Sharing.NOTHING


def test_an_unknown_sharing_level_changes_nothing(as_alice, alices_gad7):
    as_alice.post(f"/assessments/results/{alices_gad7.pk}/sharing/", {"sharing": "everything"})
    alices_gad7.refresh_from_db()
    assert alices_gad7.sharing == Sharing.NOTHING
