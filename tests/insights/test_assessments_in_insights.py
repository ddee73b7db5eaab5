"""Questionnaire results on the insights page: mine with bands, a partner's only as shared."""

import pytest

from tending.assessments.models import Sharing
from tending.assessments.selectors import instrument_for
from tending.assessments.services import record_result, set_sharing
from tending.insights.selectors import insights_for

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

PHQ9_MILD = {number: 1 for number in range(1, 10)} | {9: 0}
GAD7_MODERATE = {number: 2 for number in range(1, 8)} | {7: 0}


def test_my_results_show_with_score_and_band(alice):
    record_result(user=alice, instrument=instrument_for("phq9"), answers=PHQ9_MILD)
    (row,) = insights_for(alice, days=30).assessments
    assert row.is_mine and row.name == "PHQ-9"
    assert row.score.startswith("8")
    assert row.band == "Mild"


def test_partner_results_only_as_shared(alice, bob):
    private = record_result(user=bob, instrument=instrument_for("gad7"), answers=GAD7_MODERATE)
    assert insights_for(alice, days=30).assessments == ()
    set_sharing(user=bob, result=private, sharing=Sharing.BAND)
    (row,) = insights_for(alice, days=30).assessments
    assert not row.is_mine and row.owner_name == "Bob"
    assert row.score == "Not shared" and row.band == "Moderate"


def test_a_former_partner_results_never_show(alice, dana):
    result = record_result(user=dana, instrument=instrument_for("gad7"), answers=GAD7_MODERATE)
    set_sharing(user=dana, result=result, sharing=Sharing.BAND_AND_SCORE)
    assert insights_for(alice, days=365).assessments == ()
