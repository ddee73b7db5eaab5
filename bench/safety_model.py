"""Would a small statistical layer help the crisis-language phrases? Measure it.

Trains two logistic-regression models (one "the writer is at risk", one "someone close
is at risk") over word 1–2-grams and character 3–5-grams, in plain Python, and compares
on messages the models did not see:

- the phrases alone;
- the models alone;
- the phrases, or the models when the phrases find nothing.

``--decision`` trains on part a of the development split and tests on part b, the
comparison the first choice in ``bench/README.md`` was made on. ``--part h`` trains on
every other part of the development split and tests on part h; add ``--earlier`` to
train only on the parts written before it (a to g), as the phrases were. Without
these, the script runs five-fold cross-validation over the whole development split.
``--after-the-fact`` trains on the whole development split and tests on the first
held-out split: a check made after the choice and the held-out run, never used to tune
anything. ``--test-split held-out-3`` trains on the development split and the held-out splits
written before the one named, and tests on the split named.

Run from the repository root: ``.venv/bin/python bench/safety_model.py --decision``.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from safety_eval import SPLITS, load_rows  # noqa: E402

from tending.safety.crisis_language import read_crisis_language  # noqa: E402

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
EPOCHS = 60
LEARNING_RATE = 0.2
L2 = 1e-4


def features(text: str) -> set[str]:
    lowered = text.casefold().replace("’", "'")
    words = _WORD.findall(lowered)
    found = {f"w:{word}" for word in words}
    found.update(f"w:{first} {second}" for first, second in zip(words, words[1:], strict=False))
    padded = f" {' '.join(words)} "
    for size in (3, 4, 5):
        found.update(f"c:{padded[i : i + size]}" for i in range(len(padded) - size + 1))
    return found


class LogisticModel:
    def __init__(self) -> None:
        self.weights: Counter = Counter()
        self.bias = 0.0

    def score(self, found: set[str]) -> float:
        total = self.bias + sum(self.weights[name] for name in found if name in self.weights)
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, total))))

    def fit(self, examples: list[tuple[set[str], int]], seed: int = 7) -> LogisticModel:
        order = list(range(len(examples)))
        generator = random.Random(seed)
        positives = sum(label for _, label in examples) or 1
        negatives = (len(examples) - positives) or 1
        for _ in range(EPOCHS):
            generator.shuffle(order)
            for index in order:
                found, label = examples[index]
                weight = len(examples) / (2 * (positives if label else negatives))
                error = (self.score(found) - label) * weight
                for name in found:
                    self.weights[name] -= LEARNING_RATE * (error + L2 * self.weights[name])
                self.bias -= LEARNING_RATE * error
        return self


def train(rows: list[dict]) -> tuple[LogisticModel, LogisticModel]:
    prepared = [(features(row["text"]), row["label"]) for row in rows]
    about_self = LogisticModel().fit([(found, label == "crisis") for found, label in prepared])
    about_other = LogisticModel().fit([(found, label == "partner") for found, label in prepared])
    return about_self, about_other


def outcomes(rows, models, threshold: float):
    """Per row, (phrases right, model right, phrases-or-model right)."""
    about_self, about_other = models
    results = []
    for row in rows:
        reading = read_crisis_language(row["text"])
        found = features(row["text"])
        model_self = about_self.score(found) >= threshold
        model_other = about_other.score(found) >= threshold
        phrase_self, phrase_other = reading.concerns_self, reading.concerns_someone_else
        either_self = phrase_self or (not reading and model_self)
        either_other = phrase_other or (not reading and model_other)
        label = row["label"]
        if label == "crisis":
            results.append((phrase_self, model_self, either_self))
        elif label == "partner":
            results.append((phrase_other, model_other, either_other))
        else:
            results.append(
                (
                    not reading,
                    not (model_self or model_other),
                    not (either_self or either_other),
                )
            )
    return results


def summarise(title: str, rows: list[dict], results) -> None:
    print(f"\n{title}")
    print(f"{'':<30}{'phrases':>10}{'model':>10}{'phrases+model':>15}")
    for label, name in (
        ("crisis", "crisis recall"),
        ("partner", "partner recall"),
        ("negative", "false alarms"),
    ):
        chosen = [
            result for row, result in zip(rows, results, strict=True) if row["label"] == label
        ]
        if not chosen:
            continue
        shares = [sum(result[index] for result in chosen) / len(chosen) for index in range(3)]
        if label == "negative":
            shares = [1 - share for share in shares]
        print(
            f"{name + f' ({len(chosen)})':<30}"
            + "".join(f"{s:>10.3f}" for s in shares[:2])
            + f"{shares[2]:>15.3f}"
        )


def _chosen_comparison(options, development: list[dict]):
    """(title, training rows, test rows) for --part, --after-the-fact or --decision."""
    if options.part:
        test_rows = [row for row in development if row.get("part") == options.part]
        train_rows = [
            row
            for row in development
            if row.get("part") != options.part
            and not (options.earlier and row.get("part", "") > options.part)
        ]
        title = (
            f"trained on {len(train_rows)} development messages, "
            f"tested on part {options.part} ({len(test_rows)})"
        )
        return title, train_rows, test_rows
    if options.test_split:
        earlier = SPLITS[: SPLITS.index(options.test_split)]
        seen = [row for row in load_rows() if row["split"] in earlier]
        tested = [row for row in load_rows() if row["split"] == options.test_split]
        title = (
            f"trained on {', '.join(earlier)} ({len(seen)}), "
            f"tested on {options.test_split} ({len(tested)})"
        )
        return title, seen, tested
    if options.after_the_fact:
        held_out = [row for row in load_rows() if row["split"] == "held-out"]
        title = (
            f"trained on the development split ({len(development)}), "
            f"tested on the held-out split ({len(held_out)})"
        )
        return title, development, held_out
    if options.decision:
        train_rows = [row for row in development if row.get("part") == "a"]
        test_rows = [row for row in development if row.get("part") == "b"]
        title = f"trained on part a ({len(train_rows)}), tested on part b ({len(test_rows)})"
        return title, train_rows, test_rows
    return None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decision", action="store_true", help="train on part a, test on b")
    parser.add_argument("--after-the-fact", action="store_true", help="test on held-out")
    parser.add_argument("--part", help="test on this development part, train on the others")
    parser.add_argument("--earlier", action="store_true", help="with --part: earlier parts only")
    parser.add_argument(
        "--test-split", choices=SPLITS[1:], help="train on the splits before it, test on it"
    )
    parser.add_argument("--threshold", type=float, default=0.5)
    options = parser.parse_args(argv)
    development = [row for row in load_rows() if row["split"] == "development"]

    chosen = _chosen_comparison(options, development)
    if chosen is not None:
        title, train_rows, test_rows = chosen
        summarise(
            f"{title}, threshold {options.threshold}",
            test_rows,
            outcomes(test_rows, train(train_rows), options.threshold),
        )
        return

    shuffled = development[:]
    random.Random(11).shuffle(shuffled)
    folds = 5
    all_rows, all_results = [], []
    for fold in range(folds):
        test_rows = shuffled[fold::folds]
        train_rows = [row for index, row in enumerate(shuffled) if index % folds != fold]
        all_rows += test_rows
        all_results += outcomes(test_rows, train(train_rows), options.threshold)
    summarise(
        f"five-fold cross-validation over the development split ({len(development)}), "
        f"threshold {options.threshold}",
        all_rows,
        all_results,
    )


if __name__ == "__main__":
    main()
