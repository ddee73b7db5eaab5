import re

import pytest

from tending.assessments import scoring
from tending.assessments.models import Result

REFERENCE_ANSWERS = {
    "phq9": [1, 1, 1, 1, 1, 0, 0, 0, 0],
    "phq2": [2, 1],
    "gad7": [2, 2, 1, 1, 1, 1, 1],
    "gad2": [1, 2],
    "who5": [2, 2, 2, 3, 3],
    "csi4": [4, 4, 3, 3],
    "pss4": [2, 1, 1, 2],
}


def checked_answers(page: str) -> dict[int, int]:
    found = {}
    for tag in re.findall(r"<input[^>]*>", page):
        if " checked" in tag and 'type="radio"' in tag:
            name = re.search(r'name="item_(\d+)"', tag).group(1)
            value = re.search(r'value="(\d+)"', tag).group(1)
            found[int(name)] = int(value)
    return found


def post_for(instrument, answers):
    pairs = zip(instrument.items, answers, strict=True)
    return {f"item_{item.number}": str(value) for item, value in pairs}


def test_every_instrument_has_answers_here():
    assert set(REFERENCE_ANSWERS) == set(scoring.load_instruments())


def test_the_form_shows_the_published_wording(as_alice):
    for instrument in scoring.load_instruments().values():
        page = as_alice.get(f"/assessments/{instrument.key}/").content.decode()
        if instrument.instructions:
            assert instrument.instructions in page
        for item in instrument.all_items:
            assert item.text in page
            for option in item.options:
                assert f"<span>{option.label}</span>" in page
        assert f"of {len(instrument.all_items)}" in page


@pytest.mark.parametrize("key", sorted(REFERENCE_ANSWERS))
def test_taking_each_instrument_stores_what_pure_scoring_gives(as_alice, alice, key):
    instrument = scoring.get_instrument(key)
    answers = REFERENCE_ANSWERS[key]
    response = as_alice.post(f"/assessments/{key}/", post_for(instrument, answers))
    stored = Result.objects.get(user=alice, instrument_key=key)
    assert response.status_code == 302
    assert response["Location"] == f"/assessments/results/{stored.pk}/"
    expected = scoring.score(instrument, answers)
    assert stored.total == expected.total
    assert stored.band_key == (expected.band.key if expected.band else "")
    assert stored.instrument_version == instrument.version
    assert stored.answers_by_item == dict(enumerate(answers, start=1))
    assert stored.safety_flag is False


def test_a_missing_answer_is_refused_and_the_other_answers_stay(as_alice, alice):
    instrument = scoring.get_instrument("phq9")
    data = post_for(instrument, [1, 2, 0, 3, 1, 0, 2, 0, 0])
    del data["item_3"]
    del data["item_7"]
    response = as_alice.post("/assessments/phq9/", data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Please answer questions 3 and 7." in page
    assert not Result.objects.filter(user=alice).exists()
    assert checked_answers(page) == {1: 1, 2: 2, 4: 3, 5: 1, 6: 0, 8: 0, 9: 0}


def test_the_difficulty_question_is_optional_and_not_scored(as_alice, alice):
    instrument = scoring.get_instrument("phq9")
    data = post_for(instrument, [3, 3, 3, 3, 3, 0, 0, 0, 0])
    data["item_10"] = "2"
    as_alice.post("/assessments/phq9/", data)
    stored = Result.objects.get(user=alice)
    assert stored.total == 15
    assert stored.answers_by_item[10] == 2


def test_a_value_that_is_not_an_option_is_refused(as_alice, alice):
    instrument = scoring.get_instrument("gad7")
    data = post_for(instrument, [1, 1, 1, 1, 1, 1, 1])
    data["item_4"] = "9"
    response = as_alice.post("/assessments/gad7/", data)
    assert response.status_code == 400
    assert not Result.objects.exists()


def test_item_nine_above_zero_opens_the_safety_screen_after_saving(as_alice, alice):
    instrument = scoring.get_instrument("phq9")
    answers = [1, 1, 1, 1, 0, 0, 0, 0, 1]
    response = as_alice.post("/assessments/phq9/", post_for(instrument, answers))
    stored = Result.objects.get(user=alice)
    assert stored.safety_flag is True
    assert stored.total == 5
    assert response["Location"].startswith("/help/safe/?next=")
    assert f"%2Fassessments%2Fresults%2F{stored.pk}%2F" in response["Location"]


def test_an_unknown_questionnaire_is_not_found(as_alice):
    assert as_alice.get("/assessments/bdi/").status_code == 404
