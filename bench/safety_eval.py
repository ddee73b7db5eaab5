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
read while the phrases were written (in parts a, b, c, …); "held-out", "held-out-2" and
"held-out-3" messages were written after the first, second and third freezes by people
who had not seen the phrases, and have since been seen, so they are development data too.

Run from the repository root: ``.venv/bin/python bench/safety_eval.py``.
Add ``--errors`` to list the misses and false alarms of the development split and the
seen held-out splits (an unseen held-out split's only when it is named with
``--split``), ``--split NAME`` to print one split,
``--part d,e`` for some parts of the development split, ``--by-part`` for one line per
part, ``--rules REV`` to measure the phrases of a git revision instead of the working
tree's, ``--speed`` to time the detector against the coach on the same messages.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_SOURCE_OPTION = "--source"
_SOURCE = sys.argv[sys.argv.index(_SOURCE_OPTION) + 1] if _SOURCE_OPTION in sys.argv else None
sys.path.insert(0, _SOURCE or str(ROOT / "src"))

import tending  # noqa: E402
from tending.safety.crisis_language import read_crisis_language  # noqa: E402

if _SOURCE:
    # The coach, the baseline of --speed, comes from the working tree.
    tending.__path__.append(str(ROOT / "src" / "tending"))

EVAL_SET = ROOT / "tests" / "data" / "safety_eval.jsonl"
TARGETS = {"crisis": 0.97, "partner": 0.90, "false_alarms": 0.05}
SPLITS = (
    "development",
    "held-out",
    "held-out-2",
    "held-out-3",
    "held-out-4",
    "held-out-5",
    "held-out-6",
    "held-out-7",
    "held-out-8",
    "held-out-9",
    "held-out-10",
    "held-out-11",
    "held-out-12",
)
# Held-out splits run once and not read since: listed only when named, never trained on.
# Every other split has been read since its first run and is development data now.
UNSEEN_SPLITS = ("held-out-11", "held-out-12")
SEEN_SPLITS = tuple(split for split in SPLITS if split not in UNSEEN_SPLITS)


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


def by_part(rows: list[dict]) -> None:
    """One line per part of the development split, in the order the parts were written."""
    header = f"{'part':<6}{'messages':>9}{'crisis recall':>16}{'partner recall':>17}"
    print(f"\n{header}{'false alarms':>15}")
    parts = sorted({row["part"] for row in rows if row.get("part")})
    for part in parts:
        result = tally([row for row in rows if row.get("part") == part])
        crisis = f"{result.right['crisis']}/{result.total['crisis']}"
        partner = f"{result.right['partner']}/{result.total['partner']}"
        wrong = result.total["negative"] - result.right["negative"]
        alarms = f"{wrong}/{result.total['negative']}"
        print(
            f"{part:<6}{sum(result.total.values()):>9}"
            f"{result.recall('crisis'):>7.3f} {crisis:>8}"
            f"{result.recall('partner'):>8.3f} {partner:>8}"
            f"{result.false_alarm_rate():>7.3f} {alarms:>7}"
        )


def run_with_rules_of(revision: str, argv: list[str]) -> None:
    """Run this script again on the phrases and detector of a git revision."""
    archive = subprocess.run(
        ["git", "archive", revision, "src/tending/__init__.py", "src/tending/safety"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    with tempfile.TemporaryDirectory() as workdir:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(workdir, filter="data")
        print(f"phrases and detector of {revision}")
        sys.stdout.flush()
        command = [sys.executable, __file__, *argv, _SOURCE_OPTION, str(Path(workdir) / "src")]
        subprocess.run(command, check=True)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    parser.add_argument("--split", help="only this split: " + ", ".join(SPLITS))
    parser.add_argument("--part", help="only these parts of the development split: a,b,c")
    parser.add_argument("--by-part", action="store_true", help="one line per development part")
    parser.add_argument("--rules", metavar="REV", help="measure the phrases of a git revision")
    parser.add_argument(_SOURCE_OPTION, help=argparse.SUPPRESS)
    parser.add_argument("--speed", action="store_true", help="time the detector")
    options = parser.parse_args(argv)
    if options.rules:
        index = argv.index("--rules")
        run_with_rules_of(options.rules, argv[:index] + argv[index + 2 :])
        return

    rows = load_rows()
    if options.split:
        rows = [row for row in rows if row["split"] == options.split]
    if options.part:
        parts = set(options.part.split(","))
        rows = [row for row in rows if row.get("part") in parts]
    if not (options.split or options.part):
        report("all messages", tally(rows), categories=False)
    found = {row["split"] for row in rows}
    for split in [*SPLITS, *sorted(found - set(SPLITS))]:
        chosen = [row for row in rows if row["split"] == split]
        if chosen:
            report(f"{split} split", tally(chosen))
    if options.by_part:
        by_part([row for row in rows if row["split"] == "development"])
    if options.errors:
        print()
        listed = (options.split,) if options.split else SEEN_SPLITS
        for kind, row in tally([row for row in rows if row["split"] in listed]).errors:
            print(f"{kind:<12}{row['label']}/{row['category']:<22}{row['text']!r}")
    if options.speed:
        print()
        speed(rows)


if __name__ == "__main__":
    main()
