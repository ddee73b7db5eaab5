"""Analysis behind the gentle start-up coach.

``analyse(text)`` finds the patterns that make a hard conversation go badly
(criticism, contempt, defensiveness, absolutes, blame, stonewalling) and the ones that
help (feelings, needs, appreciation), each with the span it covers, a one-sentence
explanation and a suggested rewrite.

The rules and word lists live in ``data/rules.toml`` and ``data/lexicons.toml`` so that
every finding can be traced to a readable rule. ``coach.rules`` loads and compiles them
once, when it is imported. The module uses only the standard library.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from tending.coach.rules import (
    ALWAYS_TRIED,
    BEGINS,
    BUT,
    CLAUSE_BREAK,
    DOUBLE_QUOTED,
    EMOTION_WORD,
    HARSH_KINDS,
    KINDS,
    LOOK_BACK,
    MORE_EMOTIONS,
    NEED_CUE,
    NEED_WORD,
    NEGATION,
    REPORTED_SPEECH,
    RULES,
    RULES_BY_SYMBOL,
    RULES_BY_WORD,
    SENTENCE_BREAK,
    SINGLE_QUOTED,
    STRAIGHTEN,
    WORD,
    WORDS_BEFORE,
    Rule,
    emotion_name,
    need_name,
)


@dataclass(frozen=True)
class Finding:
    """One pattern found in a message; ``start`` and ``end`` index the original text."""

    kind: str
    start: int
    end: int
    text: str
    explanation: str
    suggestion: str


@dataclass(frozen=True)
class Analysis:
    findings: list[Finding] = field(default_factory=list)
    tone: str = "gentle"
    emotions: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)


def _single_quoted(text: str) -> list[tuple[int, int]]:
    """Spans in single quotes; an apostrophe inside a word ("you're") opens none."""
    spans = []
    position = text.find("'")
    while position != -1:
        opens_quote = position == 0 or not (
            text[position - 1].isalnum() or text[position - 1] == "'"
        )
        match = SINGLE_QUOTED.match(text, position) if opens_quote else None
        if match:
            spans.append(match.span())
            position = text.find("'", match.end())
        else:
            position = text.find("'", position + 1)
    return spans


class _Context:
    """Quoted regions and clause and sentence boundaries of one message."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = frozenset(WORD.findall(text))
        self.quoted = [match.span() for match in DOUBLE_QUOTED.finditer(text)]
        self.quoted.extend(_single_quoted(text))
        self.clause_ends = [match.end() for match in CLAUSE_BREAK.finditer(text)]
        self.sentence_starts = [match.start() for match in SENTENCE_BREAK.finditer(text)]

    def in_quotes(self, start: int, end: int) -> bool:
        return any(start < q_end and q_start < end for q_start, q_end in self.quoted)

    def words_before(self, start: int) -> str:
        index = bisect_right(self.clause_ends, start)
        clause_start = self.clause_ends[index - 1] if index else 0
        words = self.text[clause_start:start].split()
        return " ".join(words[-WORDS_BEFORE:]) + (" " if words else "")

    def rest_of_sentence(self, end: int, past_but: bool = False) -> str:
        index = bisect_right(self.sentence_starts, end - 1)
        sentence_end = (
            self.sentence_starts[index] if index < len(self.sentence_starts) else len(self.text)
        )
        rest = self.text[end:sentence_end]
        if past_but:
            return rest
        but = BUT.search(rest)
        return rest[: but.start()] if but else rest


def _keeps(rule: Rule, match: re.Match[str], context: _Context) -> bool:
    start, end = match.span()
    if context.in_quotes(start, end):
        return False
    if rule.starts and not BEGINS[rule.starts].search(
        context.text, max(0, start - LOOK_BACK), start
    ):
        return False
    if rule.negatable or rule.unless_before:
        before = context.words_before(start)
        if rule.negatable and (NEGATION.search(before) or REPORTED_SPEECH.search(before)):
            return False
        if rule.unless_before and rule.unless_before.search(before):
            return False
    if rule.unless_after is None:
        return True
    return not rule.unless_after.search(context.rest_of_sentence(end, rule.look_past_but))


def _trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _merge(candidates: list[tuple[int, int, Rule]], text: str) -> list[Finding]:
    """One finding per overlapping run of the same kind, worded by its first rule."""
    findings: list[Finding] = []
    for kind in KINDS:
        spans = sorted((c for c in candidates if c[2].kind == kind), key=lambda c: (c[0], -c[1]))
        merged: list[list] = []
        for start, end, rule in spans:
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end, rule])
        for start, end, rule in merged:
            matched = text[start:end]
            findings.append(
                Finding(
                    kind=kind,
                    start=start,
                    end=end,
                    text=matched,
                    explanation=rule.explanation,
                    suggestion=rule.suggestion.replace("{text}", matched),
                )
            )
    findings.sort(key=lambda finding: (finding.start, finding.end, KINDS.index(finding.kind)))
    return findings


def _emotions(context: _Context) -> list[str]:
    found: list[str] = []
    for match in EMOTION_WORD.finditer(context.text):
        if not _starts_a_word(context.text, match.start()) or context.in_quotes(*match.span()):
            continue
        found.append(emotion_name(match.group(1)))
        position = match.end()
        while more := MORE_EMOTIONS.match(context.text, position):
            found.append(emotion_name(more.group(1)))
            position = more.end()
    return list(dict.fromkeys(found))


def _needs(context: _Context) -> list[str]:
    found: list[str] = []
    for cue in NEED_CUE.finditer(context.text):
        if context.in_quotes(*cue.span()):
            continue
        rest = context.rest_of_sentence(cue.end())
        found.extend(need_name(match.group(0)) for match in NEED_WORD.finditer(rest))
    return list(dict.fromkeys(found))


def tone_of(findings: list[Finding]) -> str:
    """Overall tone of a message from its findings.

    - "harsh": any criticism, contempt, blame or stonewalling, or two or more
      absolutes and defensive remarks together;
    - "mixed": exactly one absolute or defensive remark, with or without gentle parts;
    - "gentle": nothing harsh at all.
    """
    negatives = [finding for finding in findings if finding.kind != "positive"]
    if any(finding.kind in HARSH_KINDS for finding in negatives) or len(negatives) >= 2:
        return "harsh"
    if negatives:
        return "mixed"
    return "gentle"


def _lowercase(text: str) -> str:
    """Lowercase without changing the length, so spans still index the original."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def _rules_for(context: _Context) -> list[Rule]:
    """The rules whose trigger words occur in the message, in file order."""
    chosen = set(ALWAYS_TRIED)
    for word in context.words:
        chosen.update(RULES_BY_WORD.get(word, ()))
    for symbol, indices in RULES_BY_SYMBOL.items():
        if symbol in context.text:
            chosen.update(indices)
    return [RULES[index] for index in sorted(chosen)]


def _starts_a_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start].isalnum() and text[start - 1].isalnum())


def _matches(rule: Rule, context: _Context) -> list[tuple[int, int, Rule]]:
    found = []
    for match in rule.pattern.finditer(context.text):
        if (
            match.end() > match.start()
            and _starts_a_word(context.text, match.start())
            and _keeps(rule, match, context)
        ):
            start, end = _trimmed_span(context.text, *match.span())
            found.append((start, end, rule))
    return found


def analyse(text: str) -> Analysis:
    """Find harsh and gentle patterns in ``text`` and judge its overall tone."""
    if not text or not text.strip():
        return Analysis()
    context = _Context(_lowercase(text.translate(STRAIGHTEN)))
    candidates = []
    for rule in _rules_for(context):
        candidates.extend(_matches(rule, context))
    findings = _merge(candidates, text)
    return Analysis(
        findings=findings,
        tone=tone_of(findings),
        emotions=_emotions(context),
        needs=_needs(context),
    )
