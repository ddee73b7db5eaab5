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
    LOOK_AHEAD,
    LOOK_BACK,
    MORE_EMOTIONS,
    NEED_CUE,
    NEED_WORD,
    NEGATION,
    PIECE_LENGTH,
    PIECE_OVERLAP,
    REPORTED_SPEECH,
    RULES,
    RULES_BY_SYMBOL,
    RULES_BY_WORD,
    SENTENCE_BREAK,
    SINGLE_QUOTED,
    STRAIGHTEN,
    WORD,
    WORDS_BEFORE,
    WORDS_BEFORE_WINDOW,
    Rule,
    emotion_name,
    need_name,
)


def _straightened(text: str) -> str:
    """Curly quotes and apostrophes made straight; ``str.translate`` is slow on long
    texts, so only the characters present are replaced."""
    for curly, straight in STRAIGHTEN.items():
        character = chr(curly)
        if character in text:
            text = text.replace(character, straight)
    return text


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


def _merged_spans(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Overlapping spans joined, as sorted lists of starts and ends for bisection."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _pieces(length: int, sentence_ends: list[int]) -> list[tuple[int, int]]:
    """The text's span cut after sentence ends into pieces of at least PIECE_LENGTH."""
    pieces = []
    start = 0
    for end in sentence_ends:
        if end - start >= PIECE_LENGTH and end < length:
            pieces.append((start, end))
            start = end
    pieces.append((start, length))
    return pieces


class _Context:
    """Quoted regions and clause and sentence boundaries of one message."""

    def __init__(self, text: str) -> None:
        self.text = text
        quoted = [match.span() for match in DOUBLE_QUOTED.finditer(text)]
        quoted.extend(_single_quoted(text))
        self.quote_starts, self.quote_ends = _merged_spans(quoted)
        self.clause_ends = [match.end() for match in CLAUSE_BREAK.finditer(text)]
        breaks = list(SENTENCE_BREAK.finditer(text))
        self.sentence_starts = [match.start() for match in breaks]
        self.pieces = _pieces(len(text), [match.end() for match in breaks])

    def in_quotes(self, start: int, end: int) -> bool:
        index = bisect_right(self.quote_starts, end - 1) - 1
        return index >= 0 and self.quote_ends[index] > start

    def words_before(self, start: int) -> str:
        index = bisect_right(self.clause_ends, start)
        clause_start = self.clause_ends[index - 1] if index else 0
        window_start = max(clause_start, start - WORDS_BEFORE_WINDOW)
        words = self.text[window_start:start].split()
        return " ".join(words[-WORDS_BEFORE:]) + (" " if words else "")

    def sentence_end(self, end: int) -> int:
        index = bisect_right(self.sentence_starts, end - 1)
        return self.sentence_starts[index] if index < len(self.sentence_starts) else len(self.text)

    def rest_of_sentence(self, end: int, past_but: bool = False) -> str:
        rest = self.text[end : min(self.sentence_end(end), end + LOOK_AHEAD)]
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
    """Needs named after a cue ("I need", "could we") in the rest of its sentence.

    Cues close together share the text they look at, so each stretch is read once.
    """
    stretches: list[list[int]] = []
    for cue in NEED_CUE.finditer(context.text):
        if context.in_quotes(*cue.span()):
            continue
        start = cue.end()
        limit = start + len(context.rest_of_sentence(start))
        if stretches and start <= stretches[-1][1]:
            stretches[-1][1] = max(stretches[-1][1], limit)
        else:
            stretches.append([start, limit])
    found = [
        need_name(match.group(0))
        for start, limit in stretches
        for match in NEED_WORD.finditer(context.text, start, limit)
    ]
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


def _rules_for(text: str, start: int, end: int) -> list[int]:
    """The rules whose trigger words occur in ``text[start:end]``, in file order."""
    chosen = ALWAYS_TRIED
    for word in set(WORD.findall(text, start, end)):
        chosen |= RULES_BY_WORD.get(word, 0)
    for symbol, rules in RULES_BY_SYMBOL.items():
        if text.find(symbol, start, end) != -1:
            chosen |= rules
    return [index for index in range(len(RULES)) if chosen >> index & 1]


def _starts_a_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start].isalnum() and text[start - 1].isalnum())


def _candidates(context: _Context) -> list[tuple[int, int, Rule]]:
    """Every kept match of every rule, piece by piece.

    A rule's matches never overlap one another, as in one pass over the whole text: a
    piece's search starts after the rule's last match.
    """
    text = context.text
    found = []
    searched_to: dict[int, int] = {}
    for piece_start, piece_end in context.pieces:
        search_end = min(len(text), piece_end + PIECE_OVERLAP)
        for index in _rules_for(text, piece_start, search_end):
            rule = RULES[index]
            start_at = max(piece_start, searched_to.get(index, 0))
            for match in rule.pattern.finditer(text, start_at, search_end):
                if match.start() >= piece_end:
                    break
                searched_to[index] = match.end()
                if (
                    match.end() > match.start()
                    and _starts_a_word(text, match.start())
                    and _keeps(rule, match, context)
                ):
                    start, end = _trimmed_span(text, *match.span())
                    found.append((start, end, rule))
    return found


def analyse(text: str) -> Analysis:
    """Find harsh and gentle patterns in ``text`` and judge its overall tone."""
    if not text or not text.strip():
        return Analysis()
    context = _Context(_lowercase(_straightened(text)))
    findings = _merge(_candidates(context), text)
    return Analysis(
        findings=findings,
        tone=tone_of(findings),
        emotions=_emotions(context),
        needs=_needs(context),
    )
