"""A small statistical layer that hears warning signs the phrases do not list.

Two logistic models read word 1–2-grams, word pairs one word apart and character
4–5-grams of a text: one scores how likely it is that the writer is at risk, the other
that someone close to them is. A third, simpler model (naive Bayes over words) names the
warning sign the words are most like, so a page can say what it noticed. The weights are
learnt from the labelled messages in ``tests/data/`` by ``tools/train_crisis_model.py``
and shipped in ``data/crisis_model.json``; nothing is fetched or learnt at run time.
The shipped reading blends these probabilities with a sentence model's
(``crisis_encoder``), which hears how the whole message is put.

A reading is explainable: ``ModelReading.words`` is the run of words that weighed most
towards the word model's score, as a span of the original text.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tending.safety.crisis_encoder import CrisisEncoder, shipped_encoder

MODEL_PATH = Path(__file__).parent / "data" / "crisis_model.json"
WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
CHARACTER_SIZES = (4, 5)
# The explanation: the word that weighed most, and its neighbours that weighed at least
# this share of it, up to ``LONGEST_EXPLANATION`` words.
NEIGHBOUR_SHARE = 0.25
LONGEST_EXPLANATION = 6


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


def words_of(text: str) -> list[Word]:
    """The words of ``text`` in reading order, case-folded, with their places in it."""
    return [
        Word(found.group().casefold().replace("’", "'").replace("ʼ", "'"), *found.span())
        for found in WORD.finditer(text)
    ]


def feature_owners(words: list[Word]) -> dict[str, list[int]]:
    """Each feature of the text, with the index of every word it stands on.

    Word features are the words, the pairs of neighbouring words and the pairs one word
    apart ("want ~ die" in "want to die", "want 2 die"); character features are runs of 4
    or 5 characters of each word with a space on either side, so that "wanna", "wana" and
    "wannna" share most of theirs.
    """
    owners: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        owners.setdefault(f"w:{word.text}", []).append(index)
    for index in range(len(words) - 1):
        owners.setdefault(f"w:{words[index].text} {words[index + 1].text}", []).extend(
            (index, index + 1)
        )
    for index in range(len(words) - 2):
        owners.setdefault(f"s:{words[index].text} {words[index + 2].text}", []).extend(
            (index, index + 2)
        )
    for index, word in enumerate(words):
        padded = f" {word.text} "
        for size in CHARACTER_SIZES:
            for position in range(len(padded) - size + 1):
                owners.setdefault(f"c:{padded[position : position + size]}", []).append(index)
    return owners


def features(text: str) -> set[str]:
    """The features a text is scored on (what the models were trained on)."""
    return set(feature_owners(words_of(text)))


def probability(total: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, total))))


@dataclass(frozen=True)
class ModelReading:
    """What the models make of one text.

    ``about_self`` / ``about_other``: the probabilities (blended with the sentence
    model's when the model has one); ``concerns_self`` /
    ``concerns_someone_else``: whether they reach the shipped thresholds. When either
    does, ``sign`` is the warning sign the words are most like and ``self_words`` /
    ``other_words`` where the words that weighed most towards each score start and end in
    the text; otherwise they are empty.
    """

    about_self: float
    about_other: float
    concerns_self: bool
    concerns_someone_else: bool
    sign: str
    self_words: tuple[int, int]
    other_words: tuple[int, int]


class CrisisModel:
    """The shipped weights, and how to read a text with them; with ``encoder``, the
    probabilities are blended with the sentence model's and its thresholds apply."""

    def __init__(self, data: dict, encoder: CrisisEncoder | None = None) -> None:
        self.bias_self, self.bias_other = data["bias"]
        self.encoder = encoder
        self.threshold_self, self.threshold_other = (
            encoder.thresholds if encoder is not None else data["thresholds"]
        )
        self.weights: dict[str, tuple[float, float]] = {
            name: (pair[0], pair[1]) for name, pair in data["weights"].items()
        }
        self.signs: tuple[str, ...] = tuple(data["signs"]["names"])
        self.sign_priors: tuple[float, ...] = tuple(data["signs"]["priors"])
        self.sign_words: dict[str, tuple[float, ...]] = {
            name: tuple(values) for name, values in data["signs"]["words"].items()
        }

    def read(self, text: str) -> ModelReading | None:
        """The models' reading of ``text``, or None when it has no words."""
        words = words_of(text)
        if not words:
            return None
        owners = feature_owners(words)
        total_self, total_other = self.bias_self, self.bias_other
        weighed_self = [0.0] * len(words)
        weighed_other = [0.0] * len(words)
        for name, indexes in owners.items():
            pair = self.weights.get(name)
            if pair is None:
                continue
            total_self += pair[0]
            total_other += pair[1]
            share = 1 / len(indexes)
            for index in indexes:
                weighed_self[index] += pair[0] * share
                weighed_other[index] += pair[1] * share
        about_self, about_other = probability(total_self), probability(total_other)
        if self.encoder is not None:
            heard_self, heard_other = self.encoder.probabilities(text)
            heard_share = self.encoder.share
            about_self = (1 - heard_share) * about_self + heard_share * heard_self
            about_other = (1 - heard_share) * about_other + heard_share * heard_other
        concerns_self = about_self >= self.threshold_self
        concerns_someone_else = about_other >= self.threshold_other
        if not (concerns_self or concerns_someone_else):
            # Most texts: nothing to name or explain.
            return ModelReading(about_self, about_other, False, False, "", (0, 0), (0, 0))
        # What someone close shows is read by the words both models weigh: the other
        # model also weighs who is spoken of ("found", "his"), which explains nothing.
        both = [mine + theirs for mine, theirs in zip(weighed_self, weighed_other, strict=True)]
        self_first, self_last = _heaviest_run(weighed_self)
        other_first, other_last = _heaviest_run(both)
        return ModelReading(
            about_self=about_self,
            about_other=about_other,
            concerns_self=concerns_self,
            concerns_someone_else=concerns_someone_else,
            sign=self.sign_of(owners),
            self_words=(words[self_first].start, words[self_last].end),
            other_words=(words[other_first].start, words[other_last].end),
        )

    def sign_of(self, owners: dict[str, list[int]]) -> str:
        """The warning sign whose messages the text's words are most like."""
        totals = list(self.sign_priors)
        for name in owners:
            values = self.sign_words.get(name)
            if values is not None:
                totals = [total + value for total, value in zip(totals, values, strict=True)]
        return self.signs[max(range(len(totals)), key=totals.__getitem__)]


def _heaviest_run(weighed: list[float]) -> tuple[int, int]:
    """The word that weighed most, with the neighbours on either side that weighed at
    least ``NEIGHBOUR_SHARE`` of it: first and last index."""
    heaviest = max(range(len(weighed)), key=weighed.__getitem__)
    floor = weighed[heaviest] * NEIGHBOUR_SHARE
    first = last = heaviest
    while last - first + 1 < LONGEST_EXPLANATION:
        before = weighed[first - 1] if first > 0 else -math.inf
        after = weighed[last + 1] if last + 1 < len(weighed) else -math.inf
        if max(before, after) < floor or max(before, after) <= 0:
            break
        if before >= after:
            first -= 1
        else:
            last += 1
    return first, last


@cache
def shipped_model() -> CrisisModel:
    """The word model in ``data/crisis_model.json`` with the shipped sentence model, read
    once per process."""
    return CrisisModel(json.loads(MODEL_PATH.read_text(encoding="utf-8")), shipped_encoder())
