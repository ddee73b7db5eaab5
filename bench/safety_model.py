"""Would a small statistical layer help the crisis-language phrases? Measure it.

Trains the crisis-language model the way ``tools/train_crisis_model.py`` does (one
logistic regression for "the writer is at risk", one for "someone close is at risk", over
word 1–2-grams, word pairs one word apart and character 4–5-grams, in plain Python) on
some messages, and compares on messages it did not see:

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
written before the one named, and tests on the split named. ``--writers klm`` tests on
development parts k, l and m (each written by one writer in one voice) and trains on
everything else that has been seen: how the model does on a writer it has never read.
``--errors`` lists what phrases + model got wrong on the messages tested; ``--cache DIR``
reads back a model learnt before from the same messages. ``--encoder DIR`` blends the
word model with a sentence model written there by ``tools/train_crisis_encoder.py
--leave-out … --out DIR`` (left out of the same parts, so neither model has read them);
without it the word model is measured alone.

Run from the repository root: ``.venv/bin/python bench/safety_model.py --decision``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tools"))

from safety_eval import SEEN_SPLITS, SPLITS, load_rows  # noqa: E402
from train_crisis_model import train as train_model_file  # noqa: E402

from tending.safety.crisis_encoder import CrisisEncoder  # noqa: E402
from tending.safety.crisis_language import read_crisis_language, read_phrases  # noqa: E402
from tending.safety.crisis_model import CrisisModel  # noqa: E402


def train(
    rows: list[dict], cache: Path | None = None, encoder: CrisisEncoder | None = None
) -> CrisisModel:
    """The word model learnt from ``rows``, blended with ``encoder`` when given; with
    ``cache``, one learnt before from the same messages and features is read back."""
    if cache is None:
        return CrisisModel(train_model_file(rows), encoder)
    digest = hashlib.sha256()
    digest.update((ROOT / "src" / "tending" / "safety" / "crisis_model.py").read_bytes())
    digest.update((ROOT / "tools" / "train_crisis_model.py").read_bytes())
    for row in rows:
        digest.update(f"{row['label']}\t{row['category']}\t{row['text']}\n".encode())
    path = cache / f"{digest.hexdigest()[:20]}.json"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(train_model_file(rows)), encoding="utf-8")
    return CrisisModel(json.loads(path.read_text(encoding="utf-8")), encoder)


def cut_offs(text: str) -> tuple[float, float]:
    """ "0.7" for both models, or "0.7/0.8" for the writer's and someone else's."""
    values = [float(value) for value in text.split("/")]
    return values[0], values[-1]


def outcomes(rows, model: CrisisModel, threshold: tuple[float, float]):
    """Per row, (phrases right, model right, phrases-or-model right)."""
    model.threshold_self, model.threshold_other = threshold
    results = []
    for row in rows:
        phrases = read_phrases(row["text"])
        reading = model.read(row["text"])
        model_self = reading is not None and reading.concerns_self
        model_other = reading is not None and reading.concerns_someone_else
        both = read_crisis_language(row["text"], model=model)
        label = row["label"]
        if label == "crisis":
            results.append((phrases.concerns_self, model_self, both.concerns_self))
        elif label == "partner":
            results.append((phrases.concerns_someone_else, model_other, both.concerns_someone_else))
        else:
            results.append((not phrases, not (model_self or model_other), not both))
    return results


def errors(rows: list[dict], results) -> None:
    """The messages phrases + model got wrong."""
    for row, result in zip(rows, results, strict=True):
        if not result[2]:
            kind = "FALSE ALARM" if row["label"] == "negative" else "MISSED"
            print(f"{kind:<12}{row['part']:<4}{row['label']}/{row['category']:<14}{row['text']!r}")


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


def writer_parts(option: str) -> set[str]:
    """``klm`` or ``y,z,aa``: the development parts named."""
    return set(option.split(",")) if "," in option else set(option)


def _chosen_comparison(options, development: list[dict]):
    """(title, training rows, test rows) for --part, --after-the-fact or --decision."""
    if options.writers:
        parts = writer_parts(options.writers)
        test_rows = [row for row in development if row.get("part") in parts]
        train_rows = [
            row
            for row in load_rows()
            if row["split"] in SEEN_SPLITS and row.get("part") not in parts
        ]
        title = (
            f"trained on {len(train_rows)} seen messages, "
            f"tested on parts {', '.join(sorted(parts))} ({len(test_rows)})"
        )
        return title, train_rows, test_rows
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
    parser.add_argument(
        "--writers",
        help="test on these development parts (klm: k, l and m; y,z,aa), train on the rest",
    )
    parser.add_argument("--part", help="test on this development part, train on the others")
    parser.add_argument("--earlier", action="store_true", help="with --part: earlier parts only")
    parser.add_argument(
        "--test-split", choices=SPLITS[1:], help="train on the splits before it, test on it"
    )
    parser.add_argument(
        "--threshold",
        type=lambda text: [cut_offs(value) for value in text.split(",")],
        default=[(0.5, 0.5)],
        help="one or more cut-offs, 0.6,0.8 or 0.7/0.8 (the writer / someone else): "
        "the model is trained once and read at each",
    )
    parser.add_argument("--errors", action="store_true", help="list what phrases + model got wrong")
    parser.add_argument("--cache", type=Path, help="keep trained models in this folder")
    parser.add_argument("--encoder", type=Path, help="blend with the sentence model in this folder")
    options = parser.parse_args(argv)
    encoder = CrisisEncoder(options.encoder) if options.encoder else None
    development = [row for row in load_rows() if row["split"] == "development"]

    chosen = _chosen_comparison(options, development)
    if chosen is not None:
        title, train_rows, test_rows = chosen
        model = train(train_rows, options.cache, encoder)
        for threshold in options.threshold:
            results = outcomes(test_rows, model, threshold)
            summarise(f"{title}, threshold {'/'.join(map(str, threshold))}", test_rows, results)
            if options.errors:
                errors(test_rows, results)
        return

    shuffled = development[:]
    random.Random(11).shuffle(shuffled)
    folds = 5
    all_rows: list[dict] = []
    all_results: dict[float, list] = {threshold: [] for threshold in options.threshold}
    for fold in range(folds):
        test_rows = shuffled[fold::folds]
        train_rows = [row for index, row in enumerate(shuffled) if index % folds != fold]
        all_rows += test_rows
        model = train(train_rows)
        for threshold in options.threshold:
            all_results[threshold] += outcomes(test_rows, model, threshold)
    for threshold in options.threshold:
        summarise(
            f"five-fold cross-validation over the development split ({len(development)}), "
            f"threshold {'/'.join(map(str, threshold))}",
            all_rows,
            all_results[threshold],
        )


if __name__ == "__main__":
    main()
