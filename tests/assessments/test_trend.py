import re

import pytest

from conftest import client_for

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")


def test_chart_with_shaded_bands_and_a_table(as_alice, alice, record):
    record(alice, "phq9", [0] * 9, days_ago=28)
    record(alice, "phq9", [1, 1, 1, 1, 1, 0, 0, 0, 0], days_ago=14)
    record(alice, "phq9", [2, 2, 2, 2, 2, 0, 0, 0, 0])
    page = as_alice.get("/assessments/phq9/trend/").content.decode()
    assert page.count('class="trend__band trend__band--') == 5
    assert page.count('class="trend__point"') == 3
    assert "<table" in page and page.count("<tr>") == 4
    assert "Moderate" in page and "Minimal" in page
    assert "Lower is better" in page
    assert not re.search(r"\sstyle=", page)


def test_who5_says_higher_is_better_and_uses_percentages(as_alice, alice, record):
    record(alice, "who5", [3, 3, 2, 2, 3])
    page = as_alice.get("/assessments/who5/trend/").content.decode()
    assert "Higher is better" in page
    assert "<td>52%</td>" in page


def test_empty_trend(as_alice):
    page = as_alice.get("/assessments/gad7/trend/").content.decode()
    assert "have not taken the GAD-7 yet" in page


def test_a_trend_shows_only_ones_own_results(people, alice, record):
    record(alice, "phq9", [3] * 9)
    page = client_for(people["bob"]).get("/assessments/phq9/trend/").content.decode()
    assert "trend__point" not in page
