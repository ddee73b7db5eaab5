"""Analysis behind the gentle start-up coach.

``analyse(text)`` finds the patterns that make a hard conversation go badly
(criticism, contempt, defensiveness, absolutes, blame, stonewalling) and the ones that
help (feelings, needs, appreciation), each with the span it covers, a one-sentence
explanation and a suggested rewrite.

The rules and word lists live in ``data/rules.toml`` and ``data/lexicons.toml`` so that
every finding can be traced to a readable rule. They are loaded and compiled once, when
this module is imported. The module uses only the standard library.
"""

from __future__ import annotations

import functools
import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

KINDS = (
    "criticism",
    "contempt",
    "defensiveness",
    "absolutes",
    "blame",
    "stonewalling",
    "positive",
)
HARSH_KINDS = frozenset({"criticism", "contempt", "blame", "stonewalling"})
DATA_DIR = Path(__file__).with_name("data")

# Each replacement is one character for one character, so offsets into the
# straightened text are offsets into the original.
_STRAIGHTEN = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)


def _straightened(text: str) -> str:
    """Curly quotes and apostrophes made straight; ``str.translate`` is slow on long
    texts, so only the characters present are replaced."""
    for curly, straight in _STRAIGHTEN.items():
        character = chr(curly)
        if character in text:
            text = text.replace(character, straight)
    return text


_DOUBLE_QUOTED = re.compile(r'"[^"\n]{0,500}"')
_SINGLE_QUOTED = re.compile(r"'(?=\w)[^\n]{0,200}?(?<=[\w.!?,])'(?!\w)")
_SENTENCE_BREAK = re.compile(r"[.!?\n]+")
_CLAUSE_BREAK = re.compile(r"[.!?;,:\n()\u2014\u2013]+|\s-\s|\s(?:but|and)\b")
_BUT = re.compile(r"\bbut\b")
_MACRO = re.compile(r"@(\w+)")
_SEPARATORS = re.compile(r"[\s'-]+")
_WORD = re.compile(r"[a-z0-9]+")
_BEGINS = {
    "clause": re.compile(
        r"(?:^|[.!?;,:\n(*]|\b(?:but|so|and))\s*"
        r"(?:(?:oh|ok|okay|k|fine|yeah|yep|sure|meh|well|just|lol|lmao|ugh|wow)[,.!]*\s+){0,2}$"
    ),
    "sentence": re.compile(r"(?:^|[.!?\n])\s*$"),
}
_LOOK_BACK = 40
# How far a rule looks around its match: back for the few words before it, ahead for the
# rest of its sentence. Bounding both keeps the analysis linear in the length of the text
# even when a long message has no punctuation at all.
_WORDS_BEFORE_WINDOW = 200
_LOOK_AHEAD = 300
# A long text is read in pieces of at least this many characters, cut after a sentence,
# and each rule runs only on the pieces that hold its trigger words. A rule's match may
# run on into the next piece by up to _PIECE_OVERLAP characters. Messages shorter than a
# piece are read whole.
_PIECE_LENGTH = 300
_PIECE_OVERLAP = 200
_UPPERCASE_LITERAL = re.compile(r"(?<!\\)[A-Z]")


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


@dataclass(frozen=True)
class _Rule:
    kind: str
    name: str
    pattern: re.Pattern[str]
    triggers: frozenset[str]
    trigger_symbols: tuple[str, ...]
    unless_before: re.Pattern[str] | None
    unless_after: re.Pattern[str] | None
    negatable: bool
    look_past_but: bool
    starts: str | None
    explanation: str
    suggestion: str


def _phrase_pattern(phrase: str) -> str:
    """A word-list entry as a regex: apostrophes optional, spaces and hyphens alike."""
    parts = []
    for char in phrase:
        if char == "'":
            parts.append("'?")
        elif char in " -":
            parts.append(r"[\s-]*")
        else:
            parts.append(re.escape(char))
    body = "".join(parts)
    prefix = r"\b" if phrase[0].isalnum() else ""
    suffix = r"\b" if phrase[-1].isalnum() else ""
    return prefix + body + suffix


def _alternation(phrases: list[str]) -> str:
    ordered = sorted({phrase.lower() for phrase in phrases}, key=lambda p: (-len(p), p))
    return "(?:" + "|".join(_phrase_pattern(phrase) for phrase in ordered) + ")"


def _load() -> tuple[dict, dict]:
    with open(DATA_DIR / "rules.toml", "rb") as rules_file:
        rules = tomllib.load(rules_file)
    with open(DATA_DIR / "lexicons.toml", "rb") as lexicons_file:
        lexicons = tomllib.load(lexicons_file)
    return rules, lexicons


_RULES_DATA, _LEXICONS = _load()
_EMOTION_NAMES = [word for words in _LEXICONS["emotions"].values() for word in words]
_FRAGMENTS: dict[str, str] = {
    **{name: _alternation(words) for name, words in _LEXICONS["lexicon"].items()},
    "emotions": _alternation(_EMOTION_NAMES),
    **{name: f"(?:{fragment})" for name, fragment in _RULES_DATA["macros"].items()},
}


def _expand(pattern: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in _FRAGMENTS:
            raise KeyError(f"unknown fragment @{name} in coach rules")
        return _expand(_FRAGMENTS[name])

    return _MACRO.sub(replace, pattern)


def _compile(pattern: str | None) -> re.Pattern[str] | None:
    """Compile a rule pattern for lowercased text; matching without IGNORECASE is faster."""
    if pattern is None:
        return None
    expanded = _expand(pattern)
    if _UPPERCASE_LITERAL.search(expanded):
        raise ValueError(f"coach patterns must be lowercase: {pattern!r}")
    return re.compile(expanded)


def _top_level_alternatives(pattern: str) -> list[str]:
    alternatives, depth, in_class, escaped, current = [], 0, False, False, []
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append("".join(current))
            current = []
            continue
        current.append(char)
    alternatives.append("".join(current))
    return alternatives


def _compile_rule_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a rule, moving each leading word boundary out of the regex.

    A pattern that starts with a literal lets the regex engine skip ahead to the
    letters it can start with; a leading \\b prevents that. The boundary is checked
    instead on each match (see ``_starts_a_word``).
    """
    expanded = _expand(pattern)
    alternatives = [
        alternative.removeprefix(r"\b") for alternative in _top_level_alternatives(expanded)
    ]
    return _compile("(?:" + "|".join(alternatives) + ")")


def _longest_word(phrase: str) -> str:
    return max(_WORD.findall(phrase.lower()), key=len, default=phrase)


def _triggers(entries: list[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Words that let a rule run, and symbols (emoji) looked for in the text itself."""
    words: set[str] = set()
    for entry in entries:
        if entry.startswith("@"):
            name = entry[1:]
            phrases = _EMOTION_NAMES if name == "emotions" else _LEXICONS["lexicon"][name]
            words.update(_longest_word(phrase) for phrase in phrases)
        else:
            words.add(entry.lower())
    symbols = tuple(word for word in words if not _WORD.fullmatch(word))
    return frozenset(words.difference(symbols)), symbols


def _build_rules() -> list[_Rule]:
    kind_defaults = _RULES_DATA["kinds"]
    rules = []
    for entry in _RULES_DATA["rule"]:
        kind = entry["kind"]
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r} in coach rule {entry['name']!r}")
        triggers, trigger_symbols = _triggers(entry.get("triggers", []))
        rules.append(
            _Rule(
                kind=kind,
                name=entry["name"],
                pattern=_compile_rule_pattern(entry["pattern"]),
                triggers=triggers,
                trigger_symbols=trigger_symbols,
                unless_before=_compile(entry.get("unless_before")),
                unless_after=_compile(entry.get("unless_after")),
                negatable=entry.get("negatable", kind != "positive"),
                look_past_but=entry.get("look_past_but", False),
                starts=entry.get("starts"),
                explanation=entry.get("explanation", kind_defaults[kind]["explanation"]),
                suggestion=entry.get("suggestion", kind_defaults[kind]["suggestion"]),
            )
        )
    return rules


_RULES = _build_rules()
# Which rules a word or symbol lets run, as bit masks over rule indices (bit i is rule i).
_ALWAYS_TRIED = sum(
    1 << i for i, rule in enumerate(_RULES) if not rule.triggers and not rule.trigger_symbols
)
_RULES_BY_WORD: dict[str, int] = {}
_RULES_BY_SYMBOL: dict[str, int] = {}
for _index, _rule in enumerate(_RULES):
    for _word in _rule.triggers:
        _RULES_BY_WORD[_word] = _RULES_BY_WORD.get(_word, 0) | 1 << _index
    for _symbol in _rule.trigger_symbols:
        _RULES_BY_SYMBOL[_symbol] = _RULES_BY_SYMBOL.get(_symbol, 0) | 1 << _index
_SETTINGS = _RULES_DATA["settings"]
_NEGATION = _compile(_SETTINGS["negation"])
_REPORTED_SPEECH = _compile(_SETTINGS["reported_speech"])
_WORDS_BEFORE = int(_SETTINGS["words_before"])

_EMOTION_WORD = re.compile(
    _expand(
        r"(?:feel|feels|felt|feeling|@im|i was|i'?ve been|i have been|i get|i got|"
        r"makes? me|made me|leaves me|left me|we'?re|we are|we were)"
        r"(?:\s+@feel_intens)*\s+(?:like\s+)?(@emotions)"
    )
)
_MORE_EMOTIONS = re.compile(
    _expand(r"\s*(?:,\s*|\s+and\s+|\s+or\s+|\s*/\s*)(?:@feel_intens\s+)*(@emotions)")
)
_NEED_CUE = re.compile(
    r"\b(?:i (?:really |just |also )?need|i'?d (?:really )?(?:love|like)|"
    r"i would (?:really )?(?:love|like)|would love|i (?:just |really )?want|i miss|"
    r"it would (?:mean a lot|really help|help)|could (?:we|you)|can (?:we|you|i have)|"
    r"would you|i'?m asking for|what would help|i'?m longing for|please)\b"
)
_NEED_PHRASES = [
    (name, re.compile(_phrase_pattern(phrase.lower())))
    for name, phrases in _LEXICONS["needs"].items()
    for phrase in phrases
]
_NEED_WORD = re.compile(
    _alternation([phrase for _, phrases in _LEXICONS["needs"].items() for phrase in phrases])
)


def _squashed(phrase: str) -> str:
    return _SEPARATORS.sub("", phrase.lower())


_EMOTION_BY_SQUASHED = {_squashed(name): name for name in reversed(_EMOTION_NAMES)}


def _emotion_name(matched: str) -> str:
    """The list entry a matched variant ("burnt-out", "left  out") stands for."""
    return _EMOTION_BY_SQUASHED.get(_squashed(matched), matched)


@functools.lru_cache(maxsize=1024)
def _need_name(phrase: str) -> str:
    for name, pattern in _NEED_PHRASES:
        if pattern.fullmatch(phrase):
            return name
    return phrase.lower()


def _single_quoted(text: str) -> list[tuple[int, int]]:
    """Spans in single quotes; an apostrophe inside a word ("you're") opens none."""
    spans = []
    position = text.find("'")
    while position != -1:
        opens_quote = position == 0 or not (
            text[position - 1].isalnum() or text[position - 1] == "'"
        )
        match = _SINGLE_QUOTED.match(text, position) if opens_quote else None
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
    """The text's span cut after sentence ends into pieces of at least _PIECE_LENGTH."""
    pieces = []
    start = 0
    for end in sentence_ends:
        if end - start >= _PIECE_LENGTH and end < length:
            pieces.append((start, end))
            start = end
    pieces.append((start, length))
    return pieces


class _Context:
    """Quoted regions and clause and sentence boundaries of one message."""

    def __init__(self, text: str) -> None:
        self.text = text
        quoted = [match.span() for match in _DOUBLE_QUOTED.finditer(text)]
        quoted.extend(_single_quoted(text))
        self.quote_starts, self.quote_ends = _merged_spans(quoted)
        self.clause_ends = [match.end() for match in _CLAUSE_BREAK.finditer(text)]
        breaks = list(_SENTENCE_BREAK.finditer(text))
        self.sentence_starts = [match.start() for match in breaks]
        self.pieces = _pieces(len(text), [match.end() for match in breaks])

    def in_quotes(self, start: int, end: int) -> bool:
        index = bisect_right(self.quote_starts, end - 1) - 1
        return index >= 0 and self.quote_ends[index] > start

    def words_before(self, start: int) -> str:
        index = bisect_right(self.clause_ends, start)
        clause_start = self.clause_ends[index - 1] if index else 0
        window_start = max(clause_start, start - _WORDS_BEFORE_WINDOW)
        words = self.text[window_start:start].split()
        return " ".join(words[-_WORDS_BEFORE:]) + (" " if words else "")

    def sentence_end(self, end: int) -> int:
        index = bisect_right(self.sentence_starts, end - 1)
        return self.sentence_starts[index] if index < len(self.sentence_starts) else len(self.text)

    def rest_of_sentence(self, end: int, past_but: bool = False) -> str:
        rest = self.text[end : min(self.sentence_end(end), end + _LOOK_AHEAD)]
        if past_but:
            return rest
        but = _BUT.search(rest)
        return rest[: but.start()] if but else rest


def _keeps(rule: _Rule, match: re.Match[str], context: _Context) -> bool:
    start, end = match.span()
    if context.in_quotes(start, end):
        return False
    if rule.starts and not _BEGINS[rule.starts].search(
        context.text, max(0, start - _LOOK_BACK), start
    ):
        return False
    if rule.negatable or rule.unless_before:
        before = context.words_before(start)
        if rule.negatable and (_NEGATION.search(before) or _REPORTED_SPEECH.search(before)):
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


def _merge(candidates: list[tuple[int, int, _Rule]], text: str) -> list[Finding]:
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
    for match in _EMOTION_WORD.finditer(context.text):
        if not _starts_a_word(context.text, match.start()) or context.in_quotes(*match.span()):
            continue
        found.append(_emotion_name(match.group(1)))
        position = match.end()
        while more := _MORE_EMOTIONS.match(context.text, position):
            found.append(_emotion_name(more.group(1)))
            position = more.end()
    return list(dict.fromkeys(found))


def _needs(context: _Context) -> list[str]:
    """Needs named after a cue ("I need", "could we") in the rest of its sentence.

    Cues close together share the text they look at, so each stretch is read once.
    """
    stretches: list[list[int]] = []
    for cue in _NEED_CUE.finditer(context.text):
        if context.in_quotes(*cue.span()):
            continue
        start = cue.end()
        limit = start + len(context.rest_of_sentence(start))
        if stretches and start <= stretches[-1][1]:
            stretches[-1][1] = max(stretches[-1][1], limit)
        else:
            stretches.append([start, limit])
    found = [
        _need_name(match.group(0))
        for start, limit in stretches
        for match in _NEED_WORD.finditer(context.text, start, limit)
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
    chosen = _ALWAYS_TRIED
    for word in set(_WORD.findall(text, start, end)):
        chosen |= _RULES_BY_WORD.get(word, 0)
    for symbol, rules in _RULES_BY_SYMBOL.items():
        if text.find(symbol, start, end) != -1:
            chosen |= rules
    return [index for index in range(len(_RULES)) if chosen >> index & 1]


def _starts_a_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start].isalnum() and text[start - 1].isalnum())


def _candidates(context: _Context) -> list[tuple[int, int, _Rule]]:
    """Every kept match of every rule, piece by piece.

    A rule's matches never overlap one another, as in one pass over the whole text: a
    piece's search starts after the rule's last match.
    """
    text = context.text
    found = []
    searched_to: dict[int, int] = {}
    for piece_start, piece_end in context.pieces:
        search_end = min(len(text), piece_end + _PIECE_OVERLAP)
        for index in _rules_for(text, piece_start, search_end):
            rule = _RULES[index]
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
