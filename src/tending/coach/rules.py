"""The coach's rules and word lists, compiled once from ``data/rules.toml`` and
``data/lexicons.toml``. Standard library only."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
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
STRAIGHTEN = str.maketrans(
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


DOUBLE_QUOTED = re.compile(r'"[^"\n]{0,500}"')


SINGLE_QUOTED = re.compile(r"'(?=\w)[^\n]{0,200}?(?<=[\w.!?,])'(?!\w)")


SENTENCE_BREAK = re.compile(r"[.!?\n]+")


CLAUSE_BREAK = re.compile(r"[.!?;,:\n()\u2014\u2013]+|\s-\s|\s(?:but|and)\b")


BUT = re.compile(r"\bbut\b")


_MACRO = re.compile(r"@(\w+)")


_SEPARATORS = re.compile(r"[\s'-]+")


WORD = re.compile(r"[a-z0-9]+")


BEGINS = {
    "clause": re.compile(
        r"(?:^|[.!?;,:\n(*]|\b(?:but|so|and))\s*"
        r"(?:(?:oh|ok|okay|k|fine|yeah|yep|sure|meh|well|just|lol|lmao|ugh|wow)[,.!]*\s+){0,2}$"
    ),
    "sentence": re.compile(r"(?:^|[.!?\n])\s*$"),
}


LOOK_BACK = 40


# How far a rule looks around its match: back for the few words before it, ahead for the
# rest of its sentence. Bounding both keeps the analysis linear in the length of the text
# even when a long message has no punctuation at all.
WORDS_BEFORE_WINDOW = 200


LOOK_AHEAD = 300


# A long text is read in pieces of at least this many characters, cut after a sentence,
# and each rule runs only on the pieces that hold its trigger words. A rule's match may
# run on into the next piece by up to PIECE_OVERLAP characters. Messages shorter than a
# piece are read whole.
PIECE_LENGTH = 300


PIECE_OVERLAP = 200


_UPPERCASE_LITERAL = re.compile(r"(?<!\\)[A-Z]")


@dataclass(frozen=True)
class Rule:
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
    return None if pattern is None else _compile_required(pattern)


def _compile_required(pattern: str) -> re.Pattern[str]:
    """Compile a rule pattern for lowercased text; matching without IGNORECASE is faster."""
    expanded = _expand(pattern)
    if _UPPERCASE_LITERAL.search(expanded):
        raise ValueError(f"coach patterns must be lowercase: {pattern!r}")
    return re.compile(expanded)


def _top_level_alternatives(pattern: str) -> list[str]:
    alternatives: list[str] = []
    current: list[str] = []
    depth, in_class, escaped = 0, False, False
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
    return _compile_required("(?:" + "|".join(alternatives) + ")")


def _longest_word(phrase: str) -> str:
    return max(WORD.findall(phrase.lower()), key=len, default=phrase)


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
    symbols = tuple(word for word in words if not WORD.fullmatch(word))
    return frozenset(words.difference(symbols)), symbols


def _build_rules() -> list[Rule]:
    kind_defaults = _RULES_DATA["kinds"]
    rules = []
    for entry in _RULES_DATA["rule"]:
        kind = entry["kind"]
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r} in coach rule {entry['name']!r}")
        triggers, trigger_symbols = _triggers(entry.get("triggers", []))
        rules.append(
            Rule(
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


RULES = _build_rules()


# Which rules a word or symbol lets run, as bit masks over rule indices (bit i is rule i).
ALWAYS_TRIED = sum(
    1 << i for i, rule in enumerate(RULES) if not rule.triggers and not rule.trigger_symbols
)


RULES_BY_WORD: dict[str, int] = {}


RULES_BY_SYMBOL: dict[str, int] = {}


for _index, _rule in enumerate(RULES):
    for _word in _rule.triggers:
        RULES_BY_WORD[_word] = RULES_BY_WORD.get(_word, 0) | 1 << _index
    for _symbol in _rule.trigger_symbols:
        RULES_BY_SYMBOL[_symbol] = RULES_BY_SYMBOL.get(_symbol, 0) | 1 << _index


_SETTINGS = _RULES_DATA["settings"]


NEGATION = _compile_required(_SETTINGS["negation"])


REPORTED_SPEECH = _compile_required(_SETTINGS["reported_speech"])


WORDS_BEFORE = int(_SETTINGS["words_before"])


EMOTION_WORD = re.compile(
    _expand(
        r"(?:feel|feels|felt|feeling|@im|i was|i'?ve been|i have been|i get|i got|"
        r"makes? me|made me|leaves me|left me|we'?re|we are|we were)"
        r"(?:\s+@feel_intens)*\s+(?:like\s+)?(@emotions)"
    )
)


MORE_EMOTIONS = re.compile(
    _expand(r"\s*(?:,\s*|\s+and\s+|\s+or\s+|\s*/\s*)(?:@feel_intens\s+)*(@emotions)")
)


NEED_CUE = re.compile(
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


NEED_WORD = re.compile(
    _alternation([phrase for _, phrases in _LEXICONS["needs"].items() for phrase in phrases])
)


def _squashed(phrase: str) -> str:
    return _SEPARATORS.sub("", phrase.lower())


_EMOTION_BY_SQUASHED = {_squashed(name): name for name in reversed(_EMOTION_NAMES)}


def emotion_name(matched: str) -> str:
    """The list entry a matched variant ("burnt-out", "left  out") stands for."""
    return _EMOTION_BY_SQUASHED.get(_squashed(matched), matched)


@functools.lru_cache(maxsize=1024)
def need_name(phrase: str) -> str:
    for name, pattern in _NEED_PHRASES:
        if pattern.fullmatch(phrase):
            return name
    return phrase.lower()
