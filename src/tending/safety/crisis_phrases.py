"""The crisis phrase file (``data/crisis_phrases.toml``): its small pattern syntax, the
phrases by warning sign, and the word lists that tell whom a phrase is about.

Everything is read and checked once, when this module is imported; ``crisis_language``
compiles it and reads texts with it. Standard library only.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

PHRASES_PATH = Path(__file__).parent / "data" / "crisis_phrases.toml"

SELF = "self"
OTHER = "other"

_GAP = r"[\W_\u02bc]*"
# Between two words of a phrase, one softening word may stand: "want to just disappear".
_SOFTENERS = "just|really|honestly|literally|actually|genuinely|truly|simply|kinda"
_WORD_GAP = r"(?:[\W_\u02bc]+(?:" + _SOFTENERS + r")(?![^\W_]))?" + _GAP
_NUMBER = r"\d+(?:[.,]\d+)?"
_ONE_WORD = r"[^\W_]+(?:['’][^\W_]+)?"
WORD_START = r"(?<![^\W_])"
WORD_END = r"(?![^\W_])"
SAME_LINE_SPACE = r"[^\S\n]"
_NOT_A_NEGATION = (
    r"(?!(?:not|never|no|isn|isn't|isnt|wasn|wasnt|wasn't|aren't|weren't|don't|dont|doesn't|"
    r"doesnt|didn't|didnt|won't|wont|can't|cant|cannot)(?![^\W_]))"
)
_FEW_WORDS = r"(?:" + _NOT_A_NEGATION + r"[^\W_]+(?:['’][^\W_]+)?[^\S\n]+){0,4}"
_CLAUSE_END = (
    r"(?=[^\S\n]*(?:$|[.!?\n…'\"’”]|(?:and|but|so|because|cause|cos|since|tbh|honestly|please|sorry|lol|haha|x|xx)"
    + WORD_END
    + "))"
)
# "-ing" words at least this long also match without their "g" ("nothin", "killin").
_SHORTEST_G_DROPPING_WORD = 6
NEGATION_WINDOW = 120
CONTEXT_WINDOW = 160
SUBJECT_WORDS = 14
_NUMBER_EXAMPLE = "7"
_MACRO = re.compile(r"\{([a-z_]+)\}")
TOKEN = re.compile(r"[^\W_]+(?:['’ʼ`][^\W_]+)*")
SENTENCE_BREAK = re.compile(r"[.!?;\n]+(?=\s|$)|\n")


class CrisisPhrasesError(ValueError):
    """The crisis phrase file has a malformed entry."""


# Phrase syntax -------------------------------------------------------------------------


def _split_phrase(phrase: str) -> list[str | list[str]]:
    """Split a phrase into literal runs and (a|b) choice groups."""
    parts: list[str | list[str]] = []
    rest = phrase
    while rest:
        opening = rest.find("(")
        closing = rest.find(")")
        if opening == -1:
            if closing != -1:
                raise ValueError("')' without '('")
            parts.append(rest)
            break
        if closing < opening:
            raise ValueError("')' without '('")
        if opening:
            parts.append(rest[:opening])
        closing = rest.find(")", opening)
        choices = rest[opening + 1 : closing]
        if closing == -1 or "(" in choices:
            raise ValueError("'(' without ')', or a '(' inside a choice")
        if not choices.strip():
            raise ValueError("empty choice '()'")
        parts.append(choices.split("|"))
        rest = rest[closing + 1 :]
    return parts


def _drops_its_g(literal: str, index: int) -> bool:
    """Whether the "g" at ``index`` ends a long "-ing" word, often written "-in" ("killin")."""
    word_start = index
    while word_start and literal[word_start - 1].isalpha():
        word_start -= 1
    ends_word = index + 1 == len(literal) or not literal[index + 1].isalpha()
    word = literal[word_start : index + 1].casefold()
    return ends_word and len(word) >= _SHORTEST_G_DROPPING_WORD and word.endswith("ing")


def _literal_pattern(literal: str) -> str:
    return "".join(_literal_pieces(literal))


def _literal_pieces(literal: str) -> list[str]:
    """The pattern of a literal run, one piece per letter, mark or gap."""
    pattern: list[str] = []
    previous_letter = ""
    for index, character in enumerate(literal):
        if character.isalpha():
            if _drops_its_g(literal, index):
                pattern.append("(?:g++)?")
            elif character.casefold() != previous_letter:
                pattern.append(re.escape(character) + "++")
            previous_letter = character.casefold()
            continue
        previous_letter = ""
        if character == "#":
            pattern.append(_NUMBER)
        elif character == "*":
            pattern.append(_ONE_WORD)
        elif character == "~":
            pattern.append(_FEW_WORDS)
        elif character.isdigit():
            pattern.append(character)
        elif not pattern or pattern[-1] not in (_GAP, _WORD_GAP):
            pattern.append(_WORD_GAP if character == " " else _GAP)
    return pattern


def _expand_macros(phrase: str, macros: dict[str, str]) -> str:
    """Put each {name} in a phrase as its choices.

    Outside ( ) a macro becomes a choice group of its own; inside one, each choice that
    holds a macro becomes one choice per form: "(kill {self}|die)" gives
    "(kill myself|kill himself|…|die)".
    """

    def forms(name: str) -> list[str]:
        if name not in macros:
            raise ValueError(f"unknown {{{name}}}")
        return macros[name].split("|")

    def expand_choice(choice: str) -> list[str]:
        pieces = _MACRO.split(choice)
        options = [
            [piece] if index % 2 == 0 else forms(piece) for index, piece in enumerate(pieces)
        ]
        return ["".join(combination) for combination in itertools.product(*options)]

    expanded = []
    for part in _split_phrase(phrase):
        if isinstance(part, list):
            choices = [form for choice in part for form in expand_choice(choice)]
            expanded.append("(" + "|".join(choices) + ")")
        else:
            expanded.append(
                _MACRO.sub(lambda found: "(" + "|".join(forms(found.group(1))) + ")", part)
            )
    return "".join(expanded)


def first_characters(phrase: str) -> set[str]:
    """The characters a phrase can start with, without listing all its forms."""
    firsts: set[str] = set()
    for part in _split_phrase(_expand_macros(phrase.strip(), _MACROS)):
        choices = [part] if isinstance(part, str) else part
        open_ended = False
        for choice in choices:
            stripped = choice.lstrip(" '’-")
            if not stripped:
                open_ended = True
            elif stripped[0] == "#":
                firsts.update("0123456789")
            else:
                firsts.add(stripped[0].casefold())
        if not open_ended:
            return firsts
    return firsts


def phrase_pattern(phrase: str) -> str:
    """The regular expression for one phrase, without word boundaries."""
    return "".join(phrase_pieces(phrase))


def alternation(phrases: list[str]) -> str:
    """The regular expression matching any of ``phrases``, without word boundaries."""
    return "|".join(f"(?:{phrase_pattern(phrase)})" for phrase in phrases)


def compiled_phrases(phrases: list[str]) -> re.Pattern:
    """Any of ``phrases`` as whole words, in any case."""
    return re.compile(WORD_START + f"(?:{alternation(phrases)})" + WORD_END, re.IGNORECASE)


def phrase_pieces(phrase: str) -> list[str]:
    """``phrase_pattern`` in the pieces it is written from, in order: a letter, a mark, a
    gap, a choice group; phrases that begin alike begin with the same pieces."""
    phrase = _expand_macros(phrase.strip(), _MACROS)
    at_clause_end = phrase.endswith("$")
    if at_clause_end:
        phrase = phrase[:-1].rstrip()
    pieces = []
    for part in _split_phrase(phrase):
        if isinstance(part, str):
            pieces.extend(_literal_pieces(part))
        else:
            pieces.append("(?:" + "|".join(_literal_pattern(choice) for choice in part) + ")")
    if pieces and pieces[-1] in (_WORD_GAP, _GAP):
        pieces.pop()
    if at_clause_end:
        pieces.append(WORD_END + _CLAUSE_END)
    return pieces


def shared_beginnings(sequences: list[list[str]]) -> str:
    """A pattern that matches where one of the sequences of pieces matches, the pieces
    that sequences begin with alike written once: "ab|ac" as "a(?:b|c)"."""
    tree: dict = {}
    for pieces in sequences:
        node = tree
        for piece in pieces:
            node = node.setdefault(piece, {})
        node[None] = {}

    def written(node: dict) -> str:
        branches = ["" if piece is None else piece + written(rest) for piece, rest in node.items()]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return written(tree)


def expand_phrase(phrase: str, macros: dict[str, str] | None = None) -> list[str]:
    """Every plain-text form of a phrase: "(want to|wanna) die" gives both sentences."""
    phrase = _expand_macros(phrase.strip(), macros if macros is not None else _MACROS)
    phrase = phrase.removesuffix("$").strip()
    parts = [[part] if isinstance(part, str) else part for part in _split_phrase(phrase)]
    return [
        " ".join("".join(combination).replace("#", _NUMBER_EXAMPLE).replace("*", "x").split())
        for combination in itertools.product(*parts)
    ]


def phrase_examples(phrase: str) -> list[str]:
    """A few plain-text forms of a phrase that together use every choice once."""
    expanded = _expand_macros(phrase.strip(), _MACROS).removesuffix("$").strip()
    parts = [[part] if isinstance(part, str) else part for part in _split_phrase(expanded)]
    widest = max(len(choices) for choices in parts)
    return [
        " ".join(
            "".join(choices[index % len(choices)] for choices in parts)
            .replace("#", _NUMBER_EXAMPLE)
            .replace("*", "x")
            .split()
        )
        for index in range(widest)
    ]


# Loading the phrase file ---------------------------------------------------------------


def _load_phrase_file(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise CrisisPhrasesError(f"{path}: cannot read crisis phrases ({error})") from error


def _checked_macros(entries: object) -> dict[str, str]:
    if not isinstance(entries, dict) or not all(
        isinstance(key, str) and isinstance(value, str) and value.strip()
        for key, value in entries.items()
    ):
        raise CrisisPhrasesError(f"{PHRASES_PATH}: [macros] must map names to choices")
    return {key: value.strip() for key, value in entries.items()}


def _checked_phrases(entries: object, where: str) -> list[str]:
    if not isinstance(entries, list) or not all(isinstance(entry, str) for entry in entries):
        raise CrisisPhrasesError(f"{PHRASES_PATH}: {where} must be a list of quoted phrases")
    phrases = []
    for entry in entries:
        phrase = entry.strip()
        if not phrase:
            raise CrisisPhrasesError(f"{PHRASES_PATH}: {where} has an empty phrase")
        try:
            re.compile(phrase_pattern(phrase))
        except (ValueError, re.error) as error:
            raise CrisisPhrasesError(f"{PHRASES_PATH}: {where}: {entry!r}: {error}") from error
        phrases.append(phrase)
    return phrases


def phrase_list(section: str, name: str) -> list[str]:
    """The phrases listed as ``name`` under ``[section]`` in the phrase file, checked."""
    return _checked_phrases(_DATA.get(section, {}).get(name, []), f"[{section}] {name}")


def _words(entries: object, where: str) -> frozenset[str]:
    if not isinstance(entries, list) or not all(isinstance(entry, str) for entry in entries):
        raise CrisisPhrasesError(f"{PHRASES_PATH}: {where} must be a list of quoted words")
    return frozenset(normal_word(entry) for entry in entries if entry.strip())


@dataclass(frozen=True)
class CrisisPhrase:
    """One phrase of the file. ``possible``: words that can also mean something everyday;
    ``kind``: for a hint, the kind of hint (a hint counts only beside a hint of another
    kind)."""

    phrase: str
    group: str
    group_label: str
    about: str | None
    deciding_words: frozenset[str]
    every_word_decides: bool = False
    possible: bool = False
    kind: str | None = None


def _deciding_words(phrase: str) -> frozenset[str]:
    """The words a phrase's {macros} stand for: the ones that say whom it is about."""
    words: set[str] = set()
    for name in _MACRO.findall(phrase):
        for form in _MACROS.get(name, "").split("|"):
            words.update(normal_word(word) for word in TOKEN.findall(form))
    return frozenset(words)


def _crisis_phrases(data: dict) -> list[CrisisPhrase]:
    groups = data.get("crisis")
    if not isinstance(groups, dict) or not groups:
        raise CrisisPhrasesError(f"{PHRASES_PATH}: no [crisis.<group>] sections")
    phrases = []
    for group, section in groups.items():
        if not isinstance(section, dict):
            raise CrisisPhrasesError(f"{PHRASES_PATH}: [crisis.{group}] must be a section")
        label = section.get("label") or group.replace("_", " ").capitalize()
        for key, about, possible in (
            ("phrases", None, False),
            ("about_someone_else", OTHER, False),
            ("possible", None, True),
        ):
            where = f"[crisis.{group}] {key}"
            for phrase in _checked_phrases(section.get(key, []), where):
                phrases.append(_entry(phrase, group, label, about=about, possible=possible))
    return phrases


def _entry(
    phrase: str,
    group: str,
    label: str,
    *,
    about: str | None,
    possible: bool,
    kind: str | None = None,
) -> CrisisPhrase:
    return CrisisPhrase(
        phrase=phrase,
        group=group,
        group_label=label,
        about=about,
        deciding_words=_deciding_words(phrase),
        every_word_decides="~" in phrase,
        possible=possible,
        kind=kind,
    )


def _kinds_with(data: dict, option: str) -> frozenset[str]:
    kinds = data.get("hints", {})
    return frozenset(
        kind
        for kind, section in kinds.items()
        if isinstance(section, dict) and section.get(option) is True
    )


def _hint_phrases(data: dict, signs: list[CrisisPhrase]) -> list[CrisisPhrase]:
    labels = {entry.group: entry.group_label for entry in signs}
    kinds = data.get("hints", {})
    if not isinstance(kinds, dict):
        raise CrisisPhrasesError(f"{PHRASES_PATH}: [hints.<kind>] must be sections")
    phrases = []
    for kind, section in kinds.items():
        if not isinstance(section, dict) or section.get("sign") not in labels:
            raise CrisisPhrasesError(
                f"{PHRASES_PATH}: [hints.{kind}] needs a sign, one of the [crisis] groups"
            )
        group = section["sign"]
        for phrase in _checked_phrases(section.get("phrases", []), f"[hints.{kind}] phrases"):
            phrases.append(
                _entry(phrase, group, labels[group], about=None, possible=True, kind=kind)
            )
    return phrases


def _marks(entries: object, where: str) -> list[str]:
    if not isinstance(entries, list) or not all(
        isinstance(entry, str) and entry.strip() for entry in entries
    ):
        raise CrisisPhrasesError(f"{PHRASES_PATH}: {where} must be a list of quoted marks")
    return [entry.strip() for entry in entries]


def normal_word(word: str) -> str:
    return re.sub(r"['’ʼ`]", "'", word.strip().casefold())


_DATA = _load_phrase_file(PHRASES_PATH)
_MACROS = _checked_macros(_DATA.get("macros", {}))
CRISIS_PHRASES = _crisis_phrases(_DATA)
HINT_PHRASES = _hint_phrases(_DATA, CRISIS_PHRASES)
"""Each warning sign's name, such as "means", with the words a page shows for it."""
SIGN_LABELS = {entry.group: entry.group_label for entry in CRISIS_PHRASES}
"""Kinds of hint, such as goodbyes, of which two different ones count together."""
SELF_PAIRING_KINDS = _kinds_with(_DATA, "pairs_with_itself")
"""Kinds of hint whose person is not whom they are about ("when he's at work")."""
NAMES_NOBODY_KINDS = _kinds_with(_DATA, "names_nobody")

_WHO = _DATA.get("who", {})
_CONTEXT = _DATA.get("context", {})

BENIGN_PHRASES = _checked_phrases(_DATA.get("benign", {}).get("phrases", []), "[benign]")
NEGATION_CUES = phrase_list("negation", "cues")
NEGATION_FILLERS = phrase_list("negation", "fillers")
CANCELLED_BY_PRECEDING = phrase_list("negation", "cancelled_by_preceding")
CANCELLED_BY_FOLLOWING = phrase_list("negation", "cancelled_by_following")
EVERYDAY_MARKS = _marks(_CONTEXT.get("everyday_marks", []), "[context] everyday_marks")
REPORTING = phrase_list("who", "reporting")

FIRST_PERSON = _words(_WHO.get("first_person", []), "[who] first_person")
OTHER_PERSON = _words(_WHO.get("other_person", []), "[who] other_person")
PEOPLE = _words(_WHO.get("people", []), "[who] people")
STRANGERS = _words(_WHO.get("strangers", []), "[who] strangers")
THIRD_PERSON_VERBS = _words(_WHO.get("third_person_verbs", []), "[who] third_person_verbs")
COPULAS = _words(_WHO.get("copulas", []), "[who] copulas")
TO_THE_WRITER = _words(_WHO.get("to_the_writer", []), "[who] to_the_writer")
OBJECT_VERBS = _words(_WHO.get("object_verbs", []), "[who] object_verbs")
IMPERSONAL = _words(_WHO.get("impersonal", []), "[who] impersonal")
INDEFINITE = frozenset({"a", "an", "some", "this", "one", "that"})
