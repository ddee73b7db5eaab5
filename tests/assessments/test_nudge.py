import pytest

from tending.assessments import selectors

pytestmark = pytest.mark.on_edge_days

NUDGE = "It might help to talk to someone"


def test_no_nudge_for_a_mild_result(alice, record):
    record(alice, "phq9", [1, 1, 1, 1, 1, 0, 0, 0, 0])
    assert selectors.help_nudge_for(alice) is None


def test_moderate_band_brings_a_nudge_on_home_and_the_result_page(as_alice, alice, record):
    result = record(alice, "phq9", [2, 2, 2, 2, 2, 0, 0, 0, 0])
    nudge = selectors.help_nudge_for(alice)
    assert nudge.result == result and nudge.reason == selectors.NUDGE_BAND
    assert NUDGE in as_alice.get("/").content.decode()
    assert NUDGE in as_alice.get(f"/assessments/results/{result.pk}/").content.decode()


def test_who5_very_low_wellbeing_counts_as_moderate(alice, record):
    record(alice, "who5", [1, 1, 1, 2, 2])
    assert selectors.help_nudge_for(alice).reason == selectors.NUDGE_BAND


def test_two_consecutive_worsenings_beyond_the_mid(alice, record):
    record(alice, "who5", [5, 5, 5, 5, 5], days_ago=14)
    record(alice, "who5", [4, 4, 4, 4, 5], days_ago=7)
    latest = record(alice, "who5", [4, 3, 3, 3, 3])
    nudge = selectors.help_nudge_for(alice)
    assert nudge.result == latest and nudge.reason == selectors.NUDGE_WORSENING


def test_one_worsening_is_not_enough(alice, record):
    record(alice, "who5", [5, 5, 5, 5, 5], days_ago=14)
    record(alice, "who5", [5, 5, 5, 5, 5], days_ago=7)
    record(alice, "who5", [4, 4, 4, 3, 3])
    assert selectors.help_nudge_for(alice) is None


def test_worsenings_within_the_mid_are_not_enough(alice, record):
    record(alice, "phq9", [0] * 9, days_ago=28)
    record(alice, "phq9", [1, 1, 1, 1, 0, 0, 0, 0, 0], days_ago=14)
    record(alice, "phq9", [2, 2, 2, 1, 1, 0, 0, 0, 0])
    assert selectors.help_nudge_for(alice) is None


def test_dismissing_hides_it(as_alice, alice, record):
    result = record(alice, "gad7", [2, 2, 2, 2, 2, 0, 0])
    response = as_alice.post(f"/assessments/results/{result.pk}/dismiss-nudge/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert selectors.help_nudge_for(alice) is None
    assert NUDGE not in as_alice.get("/").content.decode()
    assert NUDGE not in as_alice.get(f"/assessments/results/{result.pk}/").content.decode()


def test_a_new_worrying_result_brings_it_back(alice, record):
    first = record(alice, "gad7", [2, 2, 2, 2, 2, 0, 0], days_ago=14)
    first.nudge_dismissed = True
    first.save()
    record(alice, "gad7", [3, 3, 2, 2, 2, 0, 0])
    assert selectors.help_nudge_for(alice) is not None


def test_someone_else_cannot_dismiss_it(as_bob, alice, record):
    result = record(alice, "gad7", [2, 2, 2, 2, 2, 0, 0])
    assert as_bob.post(f"/assessments/results/{result.pk}/dismiss-nudge/").status_code == 404
    assert selectors.help_nudge_for(alice) is not None
