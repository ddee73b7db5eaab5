"""Recall and false alarms of the crisis-language detector on its labelled messages.

Each message in ``tests/data/safety_eval.jsonl`` is labelled ``crisis`` (the writer
speaks of themselves), ``partner`` (the writer speaks of someone close at risk) or
``negative`` (a hard negative: idioms, grief, medication, recovery, stories, news).

- crisis recall: crisis messages for which the safety screen opens (a warning sign
  about the writer);
- partner recall: partner reports for which "Worried about someone?" opens (a warning
  sign about someone else);
- false alarms: hard negatives for which either opens.

Figures are printed for the whole set and for each split: "development" messages were
read while the phrases were written, "held-out" messages were written afterwards.

Run from the repository root: ``.venv/bin/python bench/safety_eval.py``.
Add ``--errors`` to list every miss and false alarm, ``--split held-out`` to print
one split, ``--speed`` to time the detector against the coach on the same messages.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from tending.safety.crisis_language import read_crisis_language  # noqa: E402

EVAL_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "safety_eval.jsonl"
TARGETS = {"crisis": 0.97, "partner": 0.90, "false_alarms": 0.05}


def load_rows(path: Path = EVAL_SET) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def outcome(row: dict) -> bool:
    """True when the detector did the right thing for this message."""
    reading = read_crisis_language(row["text"])
    if row["label"] == "crisis":
        return reading.concerns_self
    if row["label"] == "partner":
        return reading.concerns_someone_else
    return not reading


@dataclass
class Tally:
    total: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)
    by_category: dict[str, Counter] = field(default_factory=dict)
    errors: list[tuple[str, dict]] = field(default_factory=list)

    def add(self, row: dict) -> None:
        label = row["label"]
        correct = outcome(row)
        self.total[label] += 1
        self.right[label] += correct
        counts = self.by_category.setdefault(f"{label}/{row['category']}", Counter())
        counts["total"] += 1
        counts["right"] += correct
        if not correct:
            self.errors.append(("MISSED" if label != "negative" else "FALSE ALARM", row))

    def recall(self, label: str) -> float:
        return self.right[label] / self.total[label] if self.total[label] else 0.0

    def false_alarm_rate(self) -> float:
        negatives = self.total["negative"]
        return (negatives - self.right["negative"]) / negatives if negatives else 0.0


def tally(rows: list[dict]) -> Tally:
    result = Tally()
    for row in rows:
        result.add(row)
    return result


def report(title: str, result: Tally, *, categories: bool = True) -> None:
    negatives = result.total["negative"]
    false_alarms = negatives - result.right["negative"]
    print(f"\n{title}")
    print(f"{'':<28}{'messages':>9}{'caught':>8}{'figure':>9}{'target':>9}")
    for label, name in (("crisis", "crisis recall"), ("partner", "partner-report recall")):
        print(
            f"{name:<28}{result.total[label]:>9}{result.right[label]:>8}"
            f"{result.recall(label):>9.3f}{'≥ ' + format(TARGETS[label], '.2f'):>9}"
        )
    print(
        f"{'false alarms, hard negatives':<28}{negatives:>9}{false_alarms:>8}"
        f"{result.false_alarm_rate():>9.3f}{'≤ ' + format(TARGETS['false_alarms'], '.2f'):>9}"
    )
    if categories:
        print(f"\n{'by category':<28}{'messages':>9}{'right':>8}{'share':>9}")
        for key in sorted(result.by_category):
            counts = result.by_category[key]
            share = counts["right"] / counts["total"]
            print(f"{key:<28}{counts['total']:>9}{counts['right']:>8}{share:>9.3f}")


def speed(rows: list[dict], rounds: int = 5) -> None:
    """Messages per second, best of ``rounds``, against the coach on the same messages."""
    from tending.coach.analysis import analyse

    texts = [row["text"] for row in rows]
    for name, function in (("crisis language", read_crisis_language), ("coach", analyse)):
        best = float("inf")
        for _ in range(rounds):
            started = time.process_time()
            for text in texts:
                function(text)
            best = min(best, time.process_time() - started)
        print(f"{name:<16}{len(texts) / best:>10,.0f} messages/second")
    print(f"(processor time of one process; load average {os.getloadavg()[0]:.1f})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    parser.add_argument("--split", choices=["development", "held-out"], help="only this split")
    parser.add_argument("--part", help="only this part of the development split (a or b)")
    parser.add_argument("--speed", action="store_true", help="time the detector")
    options = parser.parse_args(argv)

    rows = load_rows()
    if options.split:
        rows = [row for row in rows if row["split"] == options.split]
    if options.part:
        rows = [row for row in rows if row.get("part") == options.part]
    if not (options.split or options.part):
        report("all messages", tally(rows), categories=False)
    for split in ("development", "held-out"):
        chosen = [row for row in rows if row["split"] == split]
        if chosen:
            report(f"{split} split", tally(chosen))
    if options.errors:
        print()
        for kind, row in tally(rows).errors:
            print(f"{kind:<12}{row['label']}/{row['category']:<22}{row['text']!r}")
    if options.speed:
        print()
        speed(rows)


if __name__ == "__main__":
    main()
