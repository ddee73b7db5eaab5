"""How fast the gentle start-up coach analyses text, on one core.

Time is processor time of this process, so other work on the machine does not count.

1. Messages per second: messages of about 300 characters built by joining messages from
   the labelled evaluation set.
2. Time by length: one text of 1 k, 10 k, 100 k and 1 M characters, built the same way,
   and texts that repeat one phrase with no punctuation at all (the worst case for rules
   that look at the rest of a sentence). Time should grow linearly with length: the
   ratio column divides each time by ten times the time of the previous length.

Run from the repository root: ``PYTHONPATH=src python bench/coach_speed.py``. Add
``--against REV`` (a git revision) to measure the analyser of that revision in the same
run, with the same texts; lengths it would need more than a minute for are skipped.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tending.coach.analysis import analyse

ROOT = Path(__file__).resolve().parent.parent
EVAL_SET = ROOT / "tests" / "data" / "coach_eval.jsonl"
SKIP_ABOVE_SECONDS = 60
TARGET_LENGTH = 300
ROUNDS = 5
LENGTHS = (1_000, 10_000, 100_000, 1_000_000)
REPEATED_PHRASES = {
    "joined messages": None,
    '"you always forget "': "you always forget ",
    '"i need you "': "i need you ",
    '"please could you help me "': "please could you help me ",
    "quoted words": '"you never" ',
}


def eval_texts() -> list[str]:
    return [json.loads(line)["text"] for line in EVAL_SET.read_text(encoding="utf-8").splitlines()]


def build_messages(texts: list[str]) -> list[str]:
    messages = []
    for offset in range(len(texts)):
        parts: list[str] = []
        index = offset
        while sum(len(part) + 1 for part in parts) < TARGET_LENGTH:
            parts.append(texts[index % len(texts)])
            index += 7
        messages.append(" ".join(parts)[:TARGET_LENGTH])
    return messages


def text_of_length(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def analyser_at(revision: str, workdir: Path) -> Callable:
    """``analyse`` as it was at a git revision, loaded from a copy of its package."""
    archive = subprocess.run(
        ["git", "archive", revision, "src/tending/coach"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(workdir, filter="data")
    path = workdir / "src" / "tending" / "coach" / "analysis.py"
    spec = importlib.util.spec_from_file_location("analysis_at_revision", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.analyse


def best_time(text: str, rounds: int, analyse: Callable = analyse) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        analyse(text)
        best = min(best, time.process_time() - started)
    return best


def messages_per_second(messages: list[str], analyse: Callable, label: str) -> None:
    average_length = sum(map(len, messages)) / len(messages)
    print(f"{label}:")
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.process_time()
        for message in messages:
            analyse(message)
        best = min(best, time.process_time() - started)
    print(f"{len(messages)} messages, {average_length:.0f} characters on average")
    print(f"best of {ROUNDS} rounds: {best:.3f} s of processor time")
    print(f"{len(messages) / best:,.0f} messages/second on one core")
    print()


def time_by_length(joined: str, analyse: Callable, label: str) -> None:
    print()
    print(f"{label}:")
    print("| text | " + " | ".join(f"{length:,} chars" for length in LENGTHS) + " | growth |")
    print("| --- |" + " --- |" * (len(LENGTHS) + 1))
    for name, unit in REPEATED_PHRASES.items():
        times: list[float | None] = []
        for length in LENGTHS:
            previous = times[-1] if times else 0.0
            if previous is None or previous * 100 > SKIP_ABOVE_SECONDS:
                times.append(None)
                continue
            rounds = 3 if length < 1_000_000 else 2
            times.append(best_time(text_of_length(unit or joined, length), rounds, analyse))
        last, before = times[-1], times[-2]
        growth = f"{last / (before * 10):.2f}" if last and before else "—"
        cells = " | ".join("skipped" if t is None else f"{t:.4f} s" for t in times)
        print(f"| {name} | {cells} | {growth} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", metavar="REV", help="also measure the analyser of REV")
    arguments = parser.parse_args()
    print(f"load average at start: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    texts = eval_texts()
    messages = build_messages(texts)
    joined = " ".join(texts)
    with tempfile.TemporaryDirectory() as workdir:
        versions = {"this version": analyse}
        if arguments.against:
            versions[f"at {arguments.against}"] = analyser_at(arguments.against, Path(workdir))
        for label, analyser in versions.items():
            messages_per_second(messages, analyser, label)
        for label, analyser in versions.items():
            time_by_length(joined, analyser, label)
    print()
    print("growth: the 1 M time divided by ten times the 100 k time (1.00 is linear);")
    print(f"skipped: a length that would take more than {SKIP_ABOVE_SECONDS} s if quadratic")
    print(f"load average at end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
