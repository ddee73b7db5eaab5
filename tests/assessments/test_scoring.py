"""Scoring of every bundled questionnaire against its published definition."""

from pathlib import Path

import pytest

from tending.assessments.scoring import (
    INSTRUMENTS_DIR,
    LEVELS,
    IncompleteAnswers,
    InstrumentDefinitionError,
    InvalidAnswer,
    UnknownInstrument,
    change_since,
    get_instrument,
    load_instruments,
    score,
)

ALL_KEYS = ["phq9", "phq2", "gad7", "gad2", "who5", "csi4", "pss4"]

PHQ_OPTIONS = [
    ("Not at all", 0),
    ("Several days", 1),
    ("More than half the days", 2),
    ("Nearly every day", 3),
]

ITEM_TEXTS = {
    "phq9": [
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your "
        "family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
        "being so fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ],
    "phq2": [
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
    ],
    "gad7": [
        "Feeling nervous, anxious, or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid, as if something awful might happen",
    ],
    "gad2": [
        "Feeling nervous, anxious, or on edge",
        "Not being able to stop or control worrying",
    ],
    "who5": [
        "I have felt cheerful and in good spirits",
        "I have felt calm and relaxed",
        "I have felt active and vigorous",
        "I woke up feeling fresh and rested",
        "My daily life has been filled with things that interest me",
    ],
    "csi4": [
        "Please indicate the degree of happiness, all things considered, of your relationship.",
        "I have a warm and comfortable relationship with my partner.",
        "How rewarding is your relationship with your partner?",
        "In general, how satisfied are you with your relationship?",
    ],
    "pss4": [
        "In the last month, how often have you felt that you were unable to control the "
        "important things in your life?",
        "In the last month, how often have you felt confident about your ability to handle your "
        "personal problems?",
        "In the last month, how often have you felt that things were going your way?",
        "In the last month, how often have you felt difficulties were piling up so high that you "
        "could not overcome them?",
    ],
}

INSTRUCTIONS = {
    "phq9": "Over the last 2 weeks, how often have you been bothered by any of the following "
    "problems?",
    "phq2": "Over the last 2 weeks, how often have you been bothered by any of the following "
    "problems?",
    "gad7": "Over the last 2 weeks, how often have you been bothered by the following problems?",
    "gad2": "Over the last 2 weeks, how often have you been bothered by the following problems?",
    "who5": "Please respond to each item by marking one box per row, regarding how you felt in "
    "the last two weeks.",
    "csi4": None,
    "pss4": "The questions in this scale ask you about your feelings and thoughts during the last "
    "month. In each case, please indicate how often you felt or thought a certain way.",
}

OPTIONS = {
    "phq9": PHQ_OPTIONS,
    "phq2": PHQ_OPTIONS,
    "gad7": PHQ_OPTIONS,
    "gad2": PHQ_OPTIONS,
    "who5": [
        ("All of the time", 5),
        ("Most of the time", 4),
        ("More than half of the time", 3),
        ("Less than half of the time", 2),
        ("Some of the time", 1),
        ("At no time", 0),
    ],
    "pss4": [
        ("Never", 0),
        ("Almost never", 1),
        ("Sometimes", 2),
        ("Fairly often", 3),
        ("Very often", 4),
    ],
}

CSI4_OPTIONS = {
    1: [
        ("Extremely Unhappy", 0),
        ("Fairly Unhappy", 1),
        ("A Little Unhappy", 2),
        ("Happy", 3),
        ("Very Happy", 4),
        ("Extremely Happy", 5),
        ("Perfect", 6),
    ],
    2: [
        ("Not at all TRUE", 0),
        ("A little TRUE", 1),
        ("Somewhat TRUE", 2),
        ("Mostly TRUE", 3),
        ("Almost Completely TRUE", 4),
        ("Completely TRUE", 5),
    ],
    3: [
        ("Not at all", 0),
        ("A little", 1),
        ("Somewhat", 2),
        ("Mostly", 3),
        ("Almost Completely", 4),
        ("Completely", 5),
    ],
    4: [
        ("Not at all", 0),
        ("A little", 1),
        ("Somewhat", 2),
        ("Mostly", 3),
        ("Almost Completely", 4),
        ("Completely", 5),
    ],
}

SCORE_RANGES = {
    "phq9": (0, 27),
    "phq2": (0, 6),
    "gad7": (0, 21),
    "gad2": (0, 6),
    "who5": (0, 25),
    "csi4": (0, 21),
    "pss4": (0, 16),
}

REFERENCE_VECTORS = [
    ("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 0, "minimal", False),
    ("phq9", [1, 1, 1, 1, 0, 0, 0, 0, 0], 4, 4, "minimal", False),
    ("phq9", [1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 5, "mild", False),
    ("phq9", [2, 2, 2, 2, 2, 0, 0, 0, 0], 10, 10, "moderate", False),
    ("phq9", [1, 1, 1, 1, 0, 0, 0, 0, 1], 5, 5, "mild", True),
    ("phq9", [3, 3, 3, 3, 3, 0, 0, 0, 0], 15, 15, "moderately_severe", False),
    ("phq9", [3, 3, 3, 3, 3, 3, 2, 0, 0], 20, 20, "severe", False),
    ("phq9", [3, 3, 3, 3, 3, 3, 3, 3, 3], 27, 27, "severe", True),
    ("gad7", [1, 1, 1, 1, 0, 0, 0], 4, 4, "minimal", False),
    ("gad7", [2, 2, 1, 1, 1, 1, 1], 9, 9, "mild", False),
    ("gad7", [2, 2, 2, 2, 2, 0, 0], 10, 10, "moderate", False),
    ("gad7", [3, 3, 3, 3, 3, 0, 0], 15, 15, "severe", False),
    ("who5", [3, 3, 2, 2, 3], 13, 52, "not_low", False),
    ("who5", [2, 2, 2, 3, 3], 12, 48, "poor_wellbeing", False),
    ("who5", [1, 1, 1, 2, 2], 7, 28, "likely_depression", False),
    ("csi4", [3, 3, 3, 3], 12, 12, "notable_dissatisfaction", False),
    ("csi4", [4, 4, 3, 3], 14, 14, "above_cutoff", False),
    ("csi4", [6, 5, 5, 5], 21, 21, "above_cutoff", False),
    ("pss4", [2, 1, 1, 2], 10, 10, None, False),
    ("pss4", [4, 0, 0, 4], 16, 16, None, False),
]

BAND_BOUNDARIES = [
    ("phq9", 0, "minimal"),
    ("phq9", 4, "minimal"),
    ("phq9", 5, "mild"),
    ("phq9", 9, "mild"),
    ("phq9", 10, "moderate"),
    ("phq9", 14, "moderate"),
    ("phq9", 15, "moderately_severe"),
    ("phq9", 19, "moderately_severe"),
    ("phq9", 20, "severe"),
    ("phq9", 27, "severe"),
    ("phq2", 0, "below_cutoff"),
    ("phq2", 2, "below_cutoff"),
    ("phq2", 3, "at_or_above_cutoff"),
    ("phq2", 6, "at_or_above_cutoff"),
    ("gad7", 0, "minimal"),
    ("gad7", 4, "minimal"),
    ("gad7", 5, "mild"),
    ("gad7", 9, "mild"),
    ("gad7", 10, "moderate"),
    ("gad7", 14, "moderate"),
    ("gad7", 15, "severe"),
    ("gad7", 21, "severe"),
    ("gad2", 0, "below_cutoff"),
    ("gad2", 2, "below_cutoff"),
    ("gad2", 3, "at_or_above_cutoff"),
    ("gad2", 6, "at_or_above_cutoff"),
    ("who5", 0, "likely_depression"),
    ("who5", 7, "likely_depression"),
    ("who5", 8, "poor_wellbeing"),
    ("who5", 12, "poor_wellbeing"),
    ("who5", 13, "not_low"),
    ("who5", 25, "not_low"),
    ("csi4", 0, "notable_dissatisfaction"),
    ("csi4", 13, "notable_dissatisfaction"),
    ("csi4", 14, "above_cutoff"),
    ("csi4", 21, "above_cutoff"),
]

BAND_LEVELS = {
    "phq9": {
        "minimal": "none",
        "mild": "mild",
        "moderate": "moderate",
        "moderately_severe": "moderately_severe",
        "severe": "severe",
    },
    "gad7": {"minimal": "none", "mild": "mild", "moderate": "moderate", "severe": "severe"},
    "phq2": {"below_cutoff": "none", "at_or_above_cutoff": "mild"},
    "gad2": {"below_cutoff": "none", "at_or_above_cutoff": "mild"},
    "who5": {"not_low": "none", "poor_wellbeing": "mild", "likely_depression": "moderate"},
    "csi4": {"above_cutoff": "none", "notable_dissatisfaction": "mild"},
    "pss4": {},
}


def answers_for_total(instrument, total):
    """Raw answers, in item order, whose scored total is ``total``."""
    remaining = total
    answers = []
    for item in instrument.items:
        value = max(
            (v for v in item.values if item.item_score(v) <= remaining),
            key=item.item_score,
        )
        remaining -= item.item_score(value)
        answers.append(value)
    assert remaining == 0
    return answers


def all_at(instrument, pick):
    """Answers that give every item its lowest (``min``) or highest (``max``) item score."""
    return [pick(item.values, key=item.item_score) for item in instrument.items]


def test_bundled_instruments_are_exactly_the_expected_set():
    assert sorted(load_instruments()) == sorted(ALL_KEYS)


def test_every_file_loads_with_citation_and_licence():
    paths = sorted(INSTRUMENTS_DIR.glob("*.toml"))
    instruments = load_instruments()
    assert {path.stem for path in paths} == set(instruments)
    for instrument in instruments.values():
        assert instrument.citation.strip()
        assert instrument.licence.text.strip()
        assert instrument.licence.note.strip()
        assert instrument.schedule_days > 0


def test_load_instruments_is_cached_but_returns_a_fresh_dict():
    first = load_instruments()
    first.pop("phq9")
    assert load_instruments()["phq9"] is get_instrument("phq9")


def test_unknown_instrument_is_refused():
    with pytest.raises(UnknownInstrument):
        get_instrument("nope")


@pytest.mark.parametrize(
    ("key", "answers", "total", "display", "band_key", "safety"), REFERENCE_VECTORS
)
def test_reference_vectors(key, answers, total, display, band_key, safety):
    result = score(get_instrument(key), answers)
    assert result.total == total
    assert result.display_score == display
    assert (result.band.key if result.band else None) == band_key
    assert result.safety_flag is safety


@pytest.mark.parametrize("key", ALL_KEYS)
def test_all_minimum_and_all_maximum(key):
    instrument = get_instrument(key)
    low, high = SCORE_RANGES[key]
    assert instrument.score_range == (low, high)
    assert score(instrument, all_at(instrument, min)).total == low
    assert score(instrument, all_at(instrument, max)).total == high


@pytest.mark.parametrize(("key", "total", "band_key"), BAND_BOUNDARIES)
def test_band_boundaries(key, total, band_key):
    instrument = get_instrument(key)
    result = score(instrument, answers_for_total(instrument, total))
    assert result.total == total
    assert result.band.key == band_key


@pytest.mark.parametrize("key", ALL_KEYS)
def test_bands_cover_only_published_boundaries(key):
    instrument = get_instrument(key)
    published = sorted(total for k, total, _ in BAND_BOUNDARIES if k == key)
    edges = sorted({edge for band in instrument.bands for edge in (band.min, band.max)})
    assert edges == sorted(set(published))


@pytest.mark.parametrize("key", ALL_KEYS)
def test_band_levels(key):
    instrument = get_instrument(key)
    assert {band.key: band.level for band in instrument.bands} == BAND_LEVELS[key]
    for band in instrument.bands:
        assert band.level in LEVELS
        assert band.label.strip()
        assert band.meaning.strip()


@pytest.mark.parametrize("total", range(0, 17))
def test_pss4_has_no_bands(total):
    instrument = get_instrument("pss4")
    result = score(instrument, answers_for_total(instrument, total))
    assert result.band is None
    assert result.range == (0, 16)


def test_pss4_reverse_scores_items_2_and_3():
    instrument = get_instrument("pss4")
    assert instrument.reverse_items == (2, 3)
    assert score(instrument, [0, 0, 0, 0]).total == 8
    assert score(instrument, [0, 4, 0, 0]).total == 4
    assert score(instrument, [0, 0, 4, 0]).total == 4
    assert score(instrument, [4, 4, 4, 4]).total == 8
    assert score(instrument, [4, 0, 0, 4]).total == 16
    assert score(instrument, [0, 4, 4, 0]).total == 0


@pytest.mark.parametrize("key", [k for k in ALL_KEYS if k != "pss4"])
def test_no_reverse_items_elsewhere(key):
    assert get_instrument(key).reverse_items == ()


@pytest.mark.parametrize("key", ALL_KEYS)
def test_missing_item_is_refused_and_named(key):
    instrument = get_instrument(key)
    answers = {item.number: item.values[0] for item in instrument.items}
    dropped = instrument.items[-1].number
    del answers[dropped]
    with pytest.raises(IncompleteAnswers) as raised:
        score(instrument, answers)
    assert raised.value.missing == (dropped,)
    assert str(dropped) in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_short_sequence_and_none_count_as_missing():
    instrument = get_instrument("phq9")
    with pytest.raises(IncompleteAnswers) as raised:
        score(instrument, [0, 0, 0])
    assert raised.value.missing == (4, 5, 6, 7, 8, 9)
    with pytest.raises(IncompleteAnswers) as raised:
        score(instrument, {**dict.fromkeys(range(1, 10), 0), 2: None})
    assert raised.value.missing == (2,)


@pytest.mark.parametrize("key", ALL_KEYS)
def test_invalid_value_is_refused(key):
    instrument = get_instrument(key)
    for bad in (max(instrument.items[0].values) + 1, -1, True, 1.5, "x"):
        answers = [item.values[0] for item in instrument.items]
        answers[0] = bad
        with pytest.raises(InvalidAnswer):
            score(instrument, answers)


def test_unknown_item_and_too_many_answers_are_refused():
    instrument = get_instrument("gad7")
    with pytest.raises(InvalidAnswer):
        score(instrument, {**dict.fromkeys(range(1, 8), 0), 42: 0})
    with pytest.raises(InvalidAnswer):
        score(instrument, [0] * 9)
    with pytest.raises(InvalidAnswer):
        score(instrument, "0000000")


def test_csi4_options_are_per_item():
    instrument = get_instrument("csi4")
    for item in instrument.items:
        assert [(o.label, o.value) for o in item.options] == CSI4_OPTIONS[item.number]
    with pytest.raises(InvalidAnswer):
        score(instrument, [5, 6, 5, 5])
    assert score(instrument, [6, 5, 5, 5]).total == 21


def test_answers_are_normalised():
    instrument = get_instrument("phq9")
    result = score(instrument, {"9": "1", 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0})
    assert result.answers == {1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 1}
    assert list(result.answers) == list(range(1, 10))
    assert result.instrument_key == "phq9"
    assert result.instrument_version == instrument.version


@pytest.mark.parametrize("key", ALL_KEYS)
def test_item_texts_are_verbatim(key):
    instrument = get_instrument(key)
    assert [item.text for item in instrument.items] == ITEM_TEXTS[key]
    assert [item.number for item in instrument.items] == list(range(1, len(ITEM_TEXTS[key]) + 1))
    assert instrument.instructions == INSTRUCTIONS[key]


def test_guarded_items_word_for_word():
    assert get_instrument("phq9").item(9).text == (
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    )
    assert get_instrument("gad7").item(1).text == "Feeling nervous, anxious, or on edge"
    assert "\u2014" in get_instrument("phq9").item(6).text
    assert "\u2014" in get_instrument("phq9").item(8).text


@pytest.mark.parametrize("key", [k for k in ALL_KEYS if k != "csi4"])
def test_options_are_verbatim(key):
    for item in get_instrument(key).items:
        assert [(o.label, o.value) for o in item.options] == OPTIONS[key]


def test_who5_items_share_the_published_lead_in():
    assert get_instrument("who5").item_prefix == "Over the last two weeks"


@pytest.mark.parametrize("key", ["phq9", "gad7"])
def test_difficulty_item_is_optional_and_never_scored(key):
    instrument = get_instrument(key)
    (difficulty,) = instrument.extra_items
    assert difficulty.text == (
        "If you checked off any problems, how difficult have these problems made it for you to "
        "do your work, take care of things at home, or get along with other people?"
    )
    assert [o.label for o in difficulty.options] == [
        "Not difficult at all",
        "Somewhat difficult",
        "Very difficult",
        "Extremely difficult",
    ]
    assert not difficulty.scored
    assert not difficulty.required
    zeros = [0] * len(instrument.items)
    assert score(instrument, zeros).total == 0
    with_difficulty = score(instrument, [*zeros, 3])
    assert with_difficulty.total == 0
    assert with_difficulty.answers[difficulty.number] == 3
    with pytest.raises(InvalidAnswer):
        score(instrument, [*zeros, 4])


@pytest.mark.parametrize("item_9", [1, 2, 3])
def test_phq9_item_9_flags_safety_at_a_low_total(item_9):
    result = score(get_instrument("phq9"), [0, 0, 0, 0, 0, 0, 0, 0, item_9])
    assert result.total == item_9
    assert result.band.key == "minimal"
    assert result.safety_flag is True


def test_phq9_high_total_without_item_9_does_not_flag_safety():
    result = score(get_instrument("phq9"), [3, 3, 3, 3, 3, 3, 3, 3, 0])
    assert result.total == 24
    assert result.safety_flag is False


@pytest.mark.parametrize("key", [k for k in ALL_KEYS if k != "phq9"])
def test_only_phq9_has_a_safety_rule(key):
    instrument = get_instrument(key)
    assert instrument.safety_rules == ()
    assert score(instrument, all_at(instrument, max)).safety_flag is False


def test_who5_display_is_a_percentage_and_higher_is_better():
    instrument = get_instrument("who5")
    assert instrument.display_range == (0, 100)
    assert instrument.display_unit == "%"
    assert score(instrument, [5, 5, 5, 5, 5]).display_score == 100
    assert not instrument.higher_is_worse


@pytest.mark.parametrize(
    ("key", "previous", "current", "direction", "meaningful"),
    [
        ("phq9", 15, 10, "better", True),
        ("phq9", 15, 11, "better", False),
        ("phq9", 10, 15, "worse", True),
        ("phq9", 10, 14, "worse", False),
        ("phq9", 8, 8, "same", False),
        ("gad7", 12, 8, "better", True),
        ("gad7", 12, 9, "better", False),
        ("gad7", 5, 9, "worse", True),
        ("who5", 10, 13, "better", True),
        ("who5", 10, 12, "better", False),
        ("who5", 13, 10, "worse", True),
        ("who5", 13, 11, "worse", False),
        ("csi4", 12, 16, "better", None),
        ("csi4", 16, 12, "worse", None),
        ("pss4", 12, 8, "better", None),
        ("pss4", 8, 12, "worse", None),
        ("phq2", 1, 4, "worse", None),
        ("gad2", 4, 1, "better", None),
    ],
)
def test_change_since(key, previous, current, direction, meaningful):
    instrument = get_instrument(key)
    change = change_since(instrument, previous, current)
    assert change.difference == current - previous
    assert change.display_difference == (current - previous) * instrument.display_multiplier
    assert change.direction == direction
    assert change.meaningful is meaningful


def test_published_minimal_important_differences():
    mids = {key: get_instrument(key).minimal_important_difference for key in ALL_KEYS}
    assert mids == {
        "phq9": 5,
        "gad7": 4,
        "who5": 10,
        "phq2": None,
        "gad2": None,
        "csi4": None,
        "pss4": None,
    }
    assert "Löwe B" in get_instrument("phq9").mid_citation
    assert "Toussaint A" in get_instrument("gad7").mid_citation
    assert "Topp CW" in get_instrument("who5").mid_citation


def test_licence_caveats_are_carried():
    assert "Mind Garden" in get_instrument("pss4").licence.caveat
    assert "commercial use" in get_instrument("csi4").licence.caveat
    assert get_instrument("phq9").licence.text == (
        "PHQ-9 © Pfizer Inc. Reproduced without modification."
    )
    who5 = get_instrument("who5").licence
    assert "WHO/UCN/MSD/MHE/2024.01" in who5.text
    assert who5.note == "Licence: CC BY-NC-SA 3.0 IGO."
    assert "CC BY-NC-SA 3.0 IGO" in who5.caveat
    assert get_instrument("csi4").licence.note == (
        "The authors grant use of the CSI scales for clinical and research purposes."
    )


def test_loinc_codes_are_present_and_marked_for_verification():
    phq9 = get_instrument("phq9")
    assert (phq9.loinc_panel, phq9.loinc_total, phq9.item(9).loinc) == (
        "44249-1",
        "44261-6",
        "44260-8",
    )
    gad7 = get_instrument("gad7")
    assert (gad7.loinc_panel, gad7.loinc_total) == ("69737-5", "70274-6")
    for instrument in (phq9, gad7):
        assert any("LOINC" in note for note in instrument.verify_before_release)


def test_default_schedules():
    days = {key: get_instrument(key).schedule_days for key in ALL_KEYS}
    assert days == {
        "phq9": 14,
        "phq2": 14,
        "gad7": 14,
        "gad2": 14,
        "who5": 7,
        "csi4": 30,
        "pss4": 30,
    }


def write_variant(tmp_path: Path, key: str, old: str, new: str, name: str | None = None) -> Path:
    text = (INSTRUMENTS_DIR / f"{key}.toml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / f"{name or key}.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("key", "old", "new", "message"),
    [
        ("phq9", 'citation = "Kroenke', 'cite = "Kroenke', "'citation'"),
        ("phq9", "range = [0, 27]", "range = [0, 26]", "does not match"),
        ("phq9", "max = 9\n", "max = 8\n", "without gaps"),
        ("phq9", 'level = "mild"', 'level = "worrying"', "unknown level"),
        ("pss4", "reverse_items = [2, 3]", "reverse_items = [2, 5]", "reverse_items"),
        ("phq9", "item = 9\n", "item = 11\n", "unknown item"),
        ("phq9", "number = 2\n", "number = 1\n", "unique"),
        ("gad7", 'higher_is = "worse"', 'higher_is = "up"', "higher_is"),
        ("gad7", "version = 1", 'version = "1"', "'version'"),
        ("gad7", "value = 3\n", "value = 2\n", "repeats an option value"),
        ("gad7", 'citation = "Toussaint', 'source = "Toussaint', "citation"),
        ("gad7", 'method = "sum"', 'method = "mean"', "scoring method"),
        ("gad7", 'key = "gad7"', 'key = "gad-7"', "file name"),
        ("gad7", "[licence]", "[licence", "not valid TOML"),
    ],
)
def test_malformed_files_are_refused_clearly(tmp_path, key, old, new, message):
    directory = write_variant(tmp_path, key, old, new)
    with pytest.raises(InstrumentDefinitionError, match=message) as raised:
        load_instruments(directory)
    assert f"{key}.toml" in str(raised.value)


def test_empty_directory_is_refused(tmp_path):
    with pytest.raises(InstrumentDefinitionError, match="no instrument files"):
        load_instruments(tmp_path)


def test_a_new_instrument_needs_only_its_file(tmp_path):
    directory = write_variant(tmp_path, "gad2", 'key = "gad2"', 'key = "gad2b"', name="gad2b")
    loaded = load_instruments(directory)
    assert list(loaded) == ["gad2b"]
    assert score(loaded["gad2b"], [2, 1]).band.key == "at_or_above_cutoff"


def test_operators_see_the_licence_notes_with_check_deploy():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("check", "--deploy", "--tag", "licences", stdout=out, stderr=out)
    assert "Mind Garden" in out.getvalue()
    assert "CC BY-NC-SA 3.0 IGO" in out.getvalue()
