import datetime as dt

import pytest
from django.utils import timezone

from tending.assessments import selectors
from tending.assessments.models import ScheduleChoice

pytestmark = pytest.mark.on_edge_days


def by_key(rows):
    return {row.instrument.key: row for row in rows}


def test_defaults(alice):
    rows = by_key(selectors.schedule_for(alice))
    assert {key for key, row in rows.items() if row.active} == {"phq9", "gad7", "who5", "csi4"}
    assert rows["phq9"].every_days == 14
    assert rows["gad7"].every_days == 14
    assert rows["who5"].every_days == 7
    assert rows["csi4"].every_days == 30
    assert not rows["pss4"].active


def test_never_taken_is_due_and_off_is_never_due(alice):
    due = {row.instrument.key for row in selectors.due_for(alice)}
    assert due == {"phq9", "gad7", "who5", "csi4"}


def test_due_again_after_its_interval(alice, record):
    record(alice, "who5", [3, 3, 3, 3, 3], days_ago=6)
    record(alice, "phq9", [0] * 9, days_ago=14)
    due = {row.instrument.key for row in selectors.due_for(alice)}
    assert "who5" not in due
    assert "phq9" in due
    later = timezone.now() + dt.timedelta(days=1)
    assert "who5" in {row.instrument.key for row in selectors.due_for(alice, now=later)}


def test_saving_a_schedule(as_alice, alice):
    data = {}
    for row in selectors.schedule_for(alice):
        data[f"{row.instrument.key}_every_days"] = str(row.every_days)
        if row.active and row.instrument.key != "csi4":
            data[f"{row.instrument.key}_active"] = "on"
    data["pss4_active"] = "on"
    data["who5_every_days"] = "10"
    response = as_alice.post("/assessments/schedule/", data)
    assert response.status_code == 302
    rows = by_key(selectors.schedule_for(alice))
    assert rows["pss4"].active and not rows["csi4"].active
    assert rows["who5"].every_days == 10


def test_a_bad_interval_is_refused_and_nothing_is_lost(as_alice, alice):
    data = {f"{row.instrument.key}_every_days": "7" for row in selectors.schedule_for(alice)}
    data["phq9_every_days"] = "0"
    data["gad7_active"] = "on"
    response = as_alice.post("/assessments/schedule/", data)
    assert response.status_code == 400
    assert not ScheduleChoice.objects.exists()
    assert 'name="gad7_active" id="id_gad7_active" checked' in response.content.decode()


def test_licence_notes_for_operators_are_not_shown_to_people(as_alice):
    for url in ("/assessments/schedule/", "/assessments/"):
        page = as_alice.get(url).content.decode()
        assert "Mind Garden" not in page
        assert "Operators" not in page


def test_a_new_person_gets_a_plain_introduction_instead_of_acronyms(as_alice):
    page = as_alice.get("/").content.decode()
    assert "Questionnaires for you" not in page
    assert "Short checks on how you have been" in page
    assert "A 2-minute check on low mood (PHQ-9)" in page
    assert "Patient Health Questionnaire" not in page


def test_not_now_ends_the_introduction_for_good(as_alice, alice):
    response = as_alice.post("/assessments/introduction/", {"choice": "not_now"})
    assert response.status_code == 302
    assert not ScheduleChoice.objects.filter(user=alice, active=True).exists()
    page = as_alice.get("/").content.decode()
    assert "Short checks on how you have been" not in page
    assert "Questionnaires for you" not in page


def test_chosen_questionnaires_show_on_home_when_due(as_alice, alice, record):
    as_alice.post("/assessments/introduction/", {"choice": "remind"})
    page = as_alice.get("/").content.decode()
    assert "Short checks on how you have been" not in page
    assert "Questionnaires for you" in page
    assert "/assessments/phq9/" in page
    assert "A 2-minute check on worry and anxiety (GAD-7)" in page
    answers = {"phq9": [0] * 9, "gad7": [0] * 7, "who5": [5] * 5, "csi4": [5] * 4}
    for key, values in answers.items():
        record(alice, key, values)
    assert "Questionnaires for you" not in as_alice.get("/").content.decode()


def test_only_the_questionnaires_chosen_are_offered(as_alice, alice):
    data = {f"{row.instrument.key}_every_days": "7" for row in selectors.schedule_for(alice)}
    data["who5_active"] = "on"
    as_alice.post("/assessments/schedule/", data)
    page = as_alice.get("/").content.decode()
    assert "(WHO-5)" in page
    assert "(PHQ-9)" not in page
