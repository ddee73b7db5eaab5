"""The coach's findings laid out for reading: numbered, grouped into highlighted stretches.

Findings of different kinds may overlap ("you never" is both an absolute and part of a
criticism). Overlapping findings share one highlighted stretch that carries every number,
so the message reads in its own order and each number leads to its explanation.
No Django import here.
"""

from __future__ import annotations

from dataclasses import dataclass

from tending.coach.analysis import Analysis, Finding

KIND_LABELS = {
    "criticism": "Criticism",
    "contempt": "Contempt",
    "defensiveness": "Defensiveness",
    "absolutes": "Always or never",
    "blame": "Blame",
    "stonewalling": "Shutting down",
    "positive": "Gentle start",
}

TONE_LABELS = {
    "gentle": "Gentle",
    "mixed": "Mostly gentle",
    "harsh": "May land harshly",
}

TONE_SUMMARIES = {
    "gentle": "This reads gently. It is likely to be heard.",
    "mixed": (
        "This is mostly gentle, with one part that may land as more than you mean. "
        "The note below shows where."
    ),
    "harsh": (
        "Parts of this may land harder than you mean. That happens to everyone when "
        "something hurts; the notes below show where, and how to say the same thing gently."
    ),
}


@dataclass(frozen=True)
class NumberedFinding:
    number: int
    finding: Finding
    stretch_id: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.finding.kind]

    @property
    def is_gentle(self) -> bool:
        return self.finding.kind == "positive"

    @property
    def anchor(self) -> str:
        return f"finding-{self.number}"


@dataclass(frozen=True)
class Stretch:
    """A run of the message: plain, or highlighted with the findings that cover it."""

    text: str
    findings: tuple[NumberedFinding, ...] = ()
    stretch_id: str = ""

    @property
    def is_gentle(self) -> bool:
        return all(item.is_gentle for item in self.findings)

    @property
    def described_by(self) -> str:
        return " ".join(f"{item.anchor}-why" for item in self.findings)


@dataclass(frozen=True)
class Reading:
    """Everything a page needs to show one analysed message."""

    text: str
    tone: str
    stretches: tuple[Stretch, ...]
    findings: tuple[NumberedFinding, ...]
    emotions: tuple[str, ...]
    needs: tuple[str, ...]

    @property
    def tone_label(self) -> str:
        return TONE_LABELS[self.tone]

    @property
    def summary(self) -> str:
        return TONE_SUMMARIES[self.tone]

    @property
    def harsh_findings(self) -> tuple[NumberedFinding, ...]:
        return tuple(item for item in self.findings if not item.is_gentle)

    @property
    def gentle_findings(self) -> tuple[NumberedFinding, ...]:
        return tuple(item for item in self.findings if item.is_gentle)


def _groups(findings: list[Finding]) -> list[list[Finding]]:
    groups: list[list[Finding]] = []
    group_end = -1
    for finding in sorted(findings, key=lambda item: (item.start, item.end)):
        if groups and finding.start < group_end:
            groups[-1].append(finding)
            group_end = max(group_end, finding.end)
        else:
            groups.append([finding])
            group_end = finding.end
    return groups


def reading_of(text: str, analysis: Analysis) -> Reading:
    """Number the findings in reading order and split ``text`` into stretches."""
    stretches: list[Stretch] = []
    numbered: list[NumberedFinding] = []
    position = 0
    for group in _groups(analysis.findings):
        start = group[0].start
        end = max(finding.end for finding in group)
        if start > position:
            stretches.append(Stretch(text=text[position:start]))
        stretch_id = f"said-{len(numbered) + 1}"
        items = tuple(
            NumberedFinding(number=len(numbered) + index, finding=finding, stretch_id=stretch_id)
            for index, finding in enumerate(group, start=1)
        )
        numbered.extend(items)
        stretches.append(Stretch(text=text[start:end], findings=items, stretch_id=stretch_id))
        position = end
    if position < len(text):
        stretches.append(Stretch(text=text[position:]))
    return Reading(
        text=text,
        tone=analysis.tone,
        stretches=tuple(stretches),
        findings=tuple(numbered),
        emotions=tuple(analysis.emotions),
        needs=tuple(analysis.needs),
    )
