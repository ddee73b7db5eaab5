"""Messages per second the gentle start-up coach analyses on one core.

Time is processor time of this process, so other work on the machine does not count.
Messages of about 300 characters are built by joining messages from the labelled
evaluation set. Run from the repository root: ``PYTHONPATH=src python bench/coach_speed.py``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from tending.coach.analysis import analyse

EVAL_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "coach_eval.jsonl"
TARGET_LENGTH = 300
ROUNDS = 5


def build_messages() -> list[str]:
    texts = [json.loads(line)["text"] for line in EVAL_SET.read_text(encoding="utf-8").splitlines()]
    messages = []
    for offset in range(len(texts)):
        parts: list[str] = []
        index = offset
        while sum(len(part) + 1 for part in parts) < TARGET_LENGTH:
            parts.append(texts[index % len(texts)])
            index += 7
        messages.append(" ".join(parts)[:TARGET_LENGTH])
    return messages


def main() -> None:
    messages = build_messages()
    average_length = sum(map(len, messages)) / len(messages)
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.process_time()
        for message in messages:
            analyse(message)
        best = min(best, time.process_time() - started)
    print(f"{len(messages)} messages, {average_length:.0f} characters on average")
    print(f"best of {ROUNDS} rounds: {best:.3f} s of processor time")
    print(f"{len(messages) / best:,.0f} messages/second on one core")


if __name__ == "__main__":
    main()
