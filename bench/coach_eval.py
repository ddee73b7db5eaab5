"""Precision, recall and F1 of the gentle start-up coach on its labelled messages.

A predicted finding is correct when a gold label of the same kind overlaps its span;
a gold label is found when a predicted finding of the same kind overlaps it.
Figures are printed for the whole set and for each split: "development" messages were
looked at while the rules were written, "held-out" messages were written afterwards.

Run from the repository root: ``PYTHONPATH=src python bench/coach_eval.py``.
Add ``--errors`` to list the misses and false alarms.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tending.coach.analysis import KINDS, analyse

EVAL_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "coach_eval.jsonl"
HARSH_KINDS = [kind for kind in KINDS if kind != "positive"]


@dataclass
class Tally:
    messages: int = 0
    hard_negatives: int = 0
    hard_negative_false_alarms: int = 0
    predicted: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _count(row: dict, tally: Tally, show_errors: bool) -> None:
    findings = analyse(row["text"]).findings
    labels = row["labels"]
    tally.messages += 1
    false_alarms = []
    for finding in findings:
        tally.predicted[finding.kind] += 1
        if any(
            label["kind"] == finding.kind
            and _overlaps(finding.start, finding.end, label["start"], label["end"])
            for label in labels
        ):
            tally.correct[finding.kind] += 1
        else:
            false_alarms.append(finding)
    misses = []
    for label in labels:
        tally.gold[label["kind"]] += 1
        if any(
            finding.kind == label["kind"]
            and _overlaps(finding.start, finding.end, label["start"], label["end"])
            for finding in findings
        ):
            tally.found[label["kind"]] += 1
        else:
            misses.append(label)
    if row.get("hard_negative"):
        tally.hard_negatives += 1
        if any(finding.kind != "positive" for finding in false_alarms):
            tally.hard_negative_false_alarms += 1
    if show_errors:
        for finding in false_alarms:
            print(f"FALSE ALARM {finding.kind:<13} {finding.text!r:<30} in {row['text']!r}")
        for label in misses:
            span = row["text"][label["start"] : label["end"]]
            print(f"MISSED      {label['kind']:<13} {span!r:<30} in {row['text']!r}")


def _line(name: str, tally: Tally, kinds: list[str]) -> str:
    correct = sum(tally.correct[kind] for kind in kinds)
    predicted = sum(tally.predicted[kind] for kind in kinds)
    found = sum(tally.found[kind] for kind in kinds)
    gold = sum(tally.gold[kind] for kind in kinds)
    precision, recall = _ratio(correct, predicted), _ratio(found, gold)
    return (
        f"{name:<14}{gold:>6}{predicted:>7}"
        f"{precision:>11.3f}{recall:>8.3f}{_f1(precision, recall):>7.3f}"
    )


def _report(title: str, tally: Tally) -> None:
    print(f"\n{title}: {tally.messages} messages, {sum(tally.gold.values())} labels")
    print(f"{'kind':<14}{'gold':>6}{'found':>7}{'precision':>11}{'recall':>8}{'F1':>7}")
    for kind in KINDS:
        print(_line(kind, tally, [kind]))
    print(_line("micro, all", tally, list(KINDS)))
    print(_line("micro, harsh", tally, HARSH_KINDS))
    share = _ratio(tally.hard_negative_false_alarms, tally.hard_negatives)
    print(
        f"hard negatives with a wrong harsh finding: {tally.hard_negative_false_alarms} "
        f"of {tally.hard_negatives} ({share:.1%})"
    )


def evaluate(show_errors: bool = False) -> None:
    rows = [json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines()]
    overall = Tally()
    by_split: dict[str, Tally] = {}
    for row in rows:
        split = by_split.setdefault(row.get("split", "development"), Tally())
        _count(row, split, show_errors)
    for split in by_split.values():
        for name in ("predicted", "correct", "gold", "found"):
            getattr(overall, name).update(getattr(split, name))
        overall.messages += split.messages
        overall.hard_negatives += split.hard_negatives
        overall.hard_negative_false_alarms += split.hard_negative_false_alarms
    _report("all messages", overall)
    for name, tally in by_split.items():
        _report(f"{name} split", tally)


if __name__ == "__main__":
    evaluate(show_errors="--errors" in sys.argv[1:])
