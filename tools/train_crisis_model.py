"""Train the crisis-language model and write src/tending/safety/data/crisis_model.json.

Learns from every labelled message in tests/data/safety_eval.jsonl whose split has been
seen (``SEEN_SPLITS`` in bench/safety_eval.py), an unseen held-out split never, and from
the ordinary messages of the coach's development split. Two logistic regressions over the
features of ``tending.safety.crisis_model.features`` (the writer at risk; someone close at risk),
trained by stochastic gradient descent with balanced classes and a fixed seed, so the
same data gives the same file; and a naive Bayes model over words that names the warning
sign. Weights too small to change a reading are left out, to keep the file small.

    .venv/bin/python tools/train_crisis_model.py          # rewrite the file
    .venv/bin/python tools/train_crisis_model.py --check  # exit 1 if it is out of date
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from safety_eval import SEEN_SPLITS, load_rows  # noqa: E402

from tending.safety.crisis_language import read_phrases  # noqa: E402
from tending.safety.crisis_model import MODEL_PATH, features, probability  # noqa: E402

COACH_EVAL_SET = ROOT / "tests" / "data" / "coach_eval.jsonl"

EPOCHS = 10
LEARNING_RATE = 0.1
L2 = 1e-2
SEED = 7
# The models answer yes from these probabilities on (the writer; someone close): chosen by
# bench/safety_model.py on writers left out of training (the comparison is in bench/README.md).
THRESHOLDS = (0.65, 0.6)
# Weights smaller than this are left out of the file.
SMALLEST_WEIGHT = 0.02
# The sign model keeps words seen in at least this many messages with a warning sign.
SIGN_WORD_MESSAGES = 2
SIGN_NAMES = {
    "ideation": "suicidal_thoughts",
    "indirect": "wish_not_to_be_here",
    "hopeless": "hopelessness",
    "burden": "burden",
    "goodbye": "goodbyes",
    "means": "means",
    "plan": "plans",
    "selfharm": "self_harm",
}


def fit_logistic(examples: list[tuple[set[str], bool]]) -> tuple[float, dict[str, float]]:
    """Bias and weights of a logistic regression, classes weighted to count equally."""
    names = sorted({name for found, _ in examples for name in found})
    number = {name: index for index, name in enumerate(names)}
    numbered = [(sorted(number[name] for name in found), label) for found, label in examples]
    weights = [0.0] * len(names)
    bias = 0.0
    positives = sum(label for _, label in examples) or 1
    negatives = (len(examples) - positives) or 1
    class_weight = {
        True: len(examples) / (2 * positives),
        False: len(examples) / (2 * negatives),
    }
    order = list(range(len(examples)))
    generator = random.Random(SEED)
    for _ in range(EPOCHS):
        generator.shuffle(order)
        for index in order:
            found, label = numbered[index]
            total = bias + sum(weights[feature] for feature in found)
            error = (probability(total) - label) * class_weight[label]
            for feature in found:
                weights[feature] -= LEARNING_RATE * (error + L2 * weights[feature])
            bias -= LEARNING_RATE * error
    return bias, dict(zip(names, weights, strict=True))


def fit_signs(rows: list[dict]) -> dict:
    """Naive Bayes over word features: log prior and log likelihood of each sign."""
    names = sorted(set(SIGN_NAMES.values()))
    counts = {name: Counter() for name in names}
    messages = Counter()
    per_sign = Counter()
    for row in rows:
        if row["label"] == "negative":
            continue
        sign = SIGN_NAMES[row["category"]]
        per_sign[sign] += 1
        found = {name for name in features(row["text"]) if name.startswith("w:")}
        counts[sign].update(found)
        messages.update(found)
    vocabulary = sorted(name for name, seen in messages.items() if seen >= SIGN_WORD_MESSAGES)
    total = sum(per_sign.values())
    priors = [round(math.log(per_sign[name] / total), 3) for name in names]
    words = {}
    for word in vocabulary:
        words[word] = [
            round(math.log((counts[name][word] + 1) / (per_sign[name] + 2)), 3) for name in names
        ]
    return {"names": names, "priors": priors, "words": words}


def train(rows: list[dict]) -> dict:
    """The model file's content, learnt from ``rows``."""
    prepared = [(features(row["text"]), row["label"]) for row in rows]
    bias_self, about_self = fit_logistic([(found, label == "crisis") for found, label in prepared])
    bias_other, about_other = fit_logistic(
        [(found, label == "partner") for found, label in prepared]
    )
    weights = {}
    for name in sorted(set(about_self) | set(about_other)):
        pair = [round(about_self.get(name, 0.0), 3), round(about_other.get(name, 0.0), 3)]
        if max(abs(pair[0]), abs(pair[1])) >= SMALLEST_WEIGHT:
            weights[name] = pair
    return {
        "trained_on": len(rows),
        "bias": [round(bias_self, 3), round(bias_other, 3)],
        "thresholds": list(THRESHOLDS),
        "weights": weights,
        "signs": fit_signs(rows),
    }


def training_rows() -> list[dict]:
    """The seen labelled messages, and as ordinary messages between partners those of the
    coach's development split in which the phrases find no sign (a few speak of feeling
    a burden; they are not labelled for safety). The coach's held-out split stays
    unseen, to measure how often the model troubles an ordinary message."""
    ordinary = [
        {"text": row["text"], "label": "negative", "category": "everyday"}
        for row in load_rows(COACH_EVAL_SET)
        if row["split"] == "development" and not read_phrases(row["text"])
    ]
    return [row for row in load_rows() if row["split"] in SEEN_SPLITS] + ordinary


def serialised(model: dict) -> str:
    return json.dumps(model, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    options = parser.parse_args(argv)
    content = serialised(train(training_rows()))
    if options.check:
        current = MODEL_PATH.read_text(encoding="utf-8") if MODEL_PATH.exists() else ""
        if current != content:
            print(f"{MODEL_PATH} is out of date: run tools/train_crisis_model.py")
            return 1
        return 0
    MODEL_PATH.write_text(content, encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({len(content) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
