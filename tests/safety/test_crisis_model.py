"""The statistical layer: what it hears that the phrases do not, what it leaves alone, and
how it says which words it noticed."""

import math
import time

import pytest

from tending.safety.crisis_language import (
    EXPLAINED_MODEL_CUT_OFF,
    MAX_TEXT_LENGTH,
    SET_ASIDE_MODEL_CUT_OFF,
    read_crisis_language,
    read_phrases,
)
from tending.safety.crisis_model import CrisisModel, shipped_model
from tending.safety.crisis_phrases import SIGN_LABELS

# Warning signs about the writer, in words no phrase lists.
ABOUT_THE_WRITER = [
    "everyone id be so much lighter without me dragging them down",
    "just want everything to go dark and stay that way",
    "theres no light at the end of any of this for me",
]

# Someone close at risk, in words no phrase lists.
ABOUT_SOMEONE_ELSE = [
    "found razor blades wrapped in tissue in his drawer",
]

# Ordinary messages, good days and hard ones, with no warning sign.
ORDINARY = [
    "I love my life.",
    "sorry i snapped at you this morning, long day",
    "can you grab milk on the way home",
    "bit low today tbh, work was a lot",
    "so tired, the baby was up four times",
    "feeling anxious about the interview tomorrow",
    "thank you for dinner, it was perfect",
    "you never put the bins out and it drives me mad",
    "That was an odd one.",
    "miss you, come home soon x",
]

# Words the phrases read and set aside: the model does not overrule them.
SET_ASIDE = [
    "I'm not suicidal, just sad",
    "this traffic is killing me",
    "dying to see you tonight",
    "That would be career suicide.",
    "I cut myself shaving this morning.",
]


@pytest.mark.parametrize("text", ABOUT_THE_WRITER)
def test_the_model_hears_signs_about_the_writer_the_phrases_miss(text):
    assert not read_phrases(text)
    reading = read_crisis_language(text)
    assert reading.concerns_self


@pytest.mark.parametrize("text", ABOUT_SOMEONE_ELSE)
def test_the_model_hears_someone_close_at_risk(text):
    assert not read_phrases(text)
    reading = read_crisis_language(text)
    assert reading.concerns_someone_else
    assert not reading.concerns_self


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_messages_open_nothing(text):
    assert not read_crisis_language(text)


@pytest.mark.parametrize("text", SET_ASIDE)
def test_the_model_does_not_overrule_what_the_phrases_set_aside(text):
    assert not read_crisis_language(text)


# The phrases take these for the writer's own words; someone close is at risk too.
PHRASES_MISS_SOMEONE_ELSE = [
    "noticed fresh cuts on my nephews arm when he reached for the remote",
    "my sister texted 'wish i could just sleep forever' at 2am and now shes not picking up",
]


@pytest.mark.parametrize("text", PHRASES_MISS_SOMEONE_ELSE)
def test_the_model_adds_whom_the_phrases_missed(text):
    assert not read_phrases(text).concerns_someone_else
    reading = read_crisis_language(text)
    assert reading.concerns_someone_else
    (heard,) = reading.about_someone_else
    assert heard.possible and heard.text == text[heard.start : heard.end]


def test_the_phrases_come_first():
    (match,) = read_crisis_language("i want to die").matches
    assert match.phrase and not match.possible


@pytest.mark.parametrize("text", ABOUT_THE_WRITER + ABOUT_SOMEONE_ELSE)
def test_the_model_says_which_words_it_noticed(text):
    for match in read_crisis_language(text).matches:
        assert match.possible
        assert match.text == text[match.start : match.end]
        assert match.text.strip() and len(match.text.split()) <= 6
        assert match.group_label == SIGN_LABELS[match.group]


def test_the_noticed_words_are_those_that_weighed_most():
    (match,) = read_crisis_language("found razor blades wrapped in tissue in his drawer").matches
    assert "razor" in match.text or "blades" in match.text


def test_a_text_without_words_has_no_model_reading():
    assert shipped_model().read("... !!! 🙂") is None
    assert not read_crisis_language("... !!! 🙂")


def test_the_model_reads_long_texts_in_linear_time():
    timings = []
    for length in (2_000, MAX_TEXT_LENGTH):
        text = ("abcdefghij klmnopqrst " * length)[:length]
        started = time.process_time()
        shipped_model().read(text)
        timings.append(time.process_time() - started)
    assert timings[1] < 1.0


def test_another_model_can_be_given_to_measure_it():
    quiet = CrisisModel(
        {
            "bias": [-30.0, -30.0],
            "thresholds": [0.5, 0.5],
            "weights": {},
            "signs": {"names": ["means"], "priors": [0.0], "words": {}},
        }
    )
    text = ABOUT_THE_WRITER[0]
    assert read_crisis_language(text)
    assert not read_crisis_language(text, model=quiet)


def _model_sure_of_the_writer(probability: float) -> CrisisModel:
    """A model that reads every text as about the writer with ``probability``."""
    return CrisisModel(
        {
            "bias": [math.log(probability / (1 - probability)), -30.0],
            "thresholds": [0.75, 0.7],
            "weights": {},
            "signs": {"names": ["plans"], "priors": [0.0], "words": {}},
        }
    )


EXPLAINED_BY_EVERYDAY_WORDS = "i'll be gone by morning, early flight to rome"


def test_words_everyday_words_explain_need_a_surer_model():
    assert not read_phrases(EXPLAINED_BY_EVERYDAY_WORDS)
    unsure = _model_sure_of_the_writer((0.75 + EXPLAINED_MODEL_CUT_OFF) / 2)
    sure = _model_sure_of_the_writer((EXPLAINED_MODEL_CUT_OFF + 1) / 2)
    assert not read_crisis_language(EXPLAINED_BY_EVERYDAY_WORDS, model=unsure)
    assert read_crisis_language(EXPLAINED_BY_EVERYDAY_WORDS, model=sure).concerns_self
    # Where the phrases noticed nothing at all, the usual cut-off stands.
    assert read_crisis_language("it is what it is", model=unsure).concerns_self


SET_ASIDE_BY_THE_PHRASES = [
    "I'm not suicidal, just sad",
    "That would be career suicide.",
    "I cut myself shaving this morning.",
    "i remember the winter i wanted to die. that's not me anymore",
]


@pytest.mark.parametrize("text", SET_ASIDE_BY_THE_PHRASES)
def test_what_the_phrases_set_aside_stays_aside_unless_the_model_is_all_but_certain(text):
    assert read_phrases(text).matches == ()
    sure = _model_sure_of_the_writer((EXPLAINED_MODEL_CUT_OFF + SET_ASIDE_MODEL_CUT_OFF) / 2)
    assert not read_crisis_language(text, model=sure)
    certain = _model_sure_of_the_writer((SET_ASIDE_MODEL_CUT_OFF + 1) / 2)
    assert read_crisis_language(text, model=certain).concerns_self


def test_the_shipped_model_hears_past_a_story_it_is_sure_is_not_one():
    text = (
        "my husband keeps playing that one song and said he wishes he could just not wake up,"
        " like the guy in it"
    )
    assert not read_phrases(text)
    assert read_crisis_language(text).concerns_someone_else
