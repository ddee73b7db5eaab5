"""The sentence model: what it hears in a whole message, how it reads long ones, and that
it is as new as the messages it should have learnt from."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tending.safety.crisis_encoder import shipped_encoder
from tending.safety.crisis_language import read_crisis_language, read_phrases
from tending.safety.crisis_model import MODEL_PATH, CrisisModel, shipped_model

ROOT = Path(__file__).resolve().parents[2]


def _words_only() -> CrisisModel:
    """The shipped word model without the sentence model."""
    return CrisisModel(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


# The writer at risk, said so that no phrase and no single run of words gives it away.
HEARD_IN_THE_WHOLE = [
    "i keep rehearsing the last thing i want you to hear from me",
    "i told the dog i was sorry for leaving him",
]


@pytest.mark.parametrize("text", HEARD_IN_THE_WHOLE)
def test_the_sentence_model_hears_what_the_words_alone_miss(text):
    assert not read_phrases(text)
    assert not read_crisis_language(text, model=_words_only())
    assert read_crisis_language(text).concerns_self


def test_a_long_message_is_read_in_windows_and_the_most_worrying_counts():
    ordinary = (
        "picked up the kids, made pasta, the dishwasher is still making that noise and "
        "your mum rang about sunday lunch, i said we would bring a pudding. "
    ) * 12
    sign = "and honestly i have decided tonight is the night i end it, im sorry."
    encoder = shipped_encoder()
    quiet_self, _ = encoder.probabilities(ordinary)
    at_the_end, _ = encoder.probabilities(ordinary + sign)
    assert len(ordinary) > 1_500
    assert quiet_self < 0.1
    assert at_the_end > 0.9


def test_probabilities_are_probabilities():
    for text in ("", "i am fine", "i want to die", "my sister cut herself again"):
        about_self, about_other = shipped_encoder().probabilities(text)
        assert 0.0 <= about_self <= 1.0 and 0.0 <= about_other <= 1.0


def test_the_shipped_model_blends_both():
    assert shipped_model().encoder is shipped_encoder()


def test_the_sentence_model_is_as_new_as_the_messages_it_learns_from():
    tool = ROOT / "tools" / "train_crisis_encoder.py"
    done = subprocess.run(
        [sys.executable, str(tool), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
