"""Finds warning signs of suicide and self-harm in free text, and whom they are about.

The phrases live in ``data/crisis_phrases.toml``; its header explains the format. A
phrase found in a text becomes a ``CrisisMatch`` that says which words were noticed,
which warning sign they belong to, and whether they are about the writer ("self") or
about someone else, such as a partner ("other"). Idioms, denials, events long past,
stories and news are set aside.

Phrases come in three strengths. A clear sign counts on its own. A possible sign ("I'll
be gone by morning") counts unless everyday words near it explain it ("early flight").
A hint ("the pills", "tonight") counts only beside a hint of another kind, and then
both count, unless everyday words explain them.

A small statistical model (``crisis_model``: a word model blended with a sentence model)
then reads the text for whoever the phrases found nothing about, the writer or someone
close: it hears warning signs in words the phrases do not list, and says which words
weighed most. Where the phrases set words aside and found nothing else, it must be all
but certain to speak. Its findings are always "possible" signs: the page says "perhaps".

Everything is compiled once, when this module is imported. Each text is read in time
proportional to its length, up to ``MAX_TEXT_LENGTH`` characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from tending.safety.crisis_context import TextContext, benign_spans
from tending.safety.crisis_denials import answered_or_explained
from tending.safety.crisis_findings import CrisisMatch, CrisisReading
from tending.safety.crisis_model import CrisisModel, shipped_model
from tending.safety.crisis_phrases import (
    CANCELLED_BY_FOLLOWING,
    CANCELLED_BY_PRECEDING,
    CONTEXT_WINDOW,
    CRISIS_PHRASES,
    HINT_PHRASES,
    NAMES_NOBODY_KINDS,
    NEGATION_CUES,
    NEGATION_FILLERS,
    NEGATION_WINDOW,
    OTHER,
    PHRASES_PATH,
    SAME_LINE_SPACE,
    SELF,
    SELF_PAIRING_KINDS,
    SENTENCE_BREAK,
    SIGN_LABELS,
    WORD_END,
    WORD_START,
    CrisisPhrase,
    CrisisPhrasesError,
    alternation,
    first_characters,
    phrase_pattern,
    phrase_pieces,
    shared_beginnings,
)
from tending.safety.crisis_subjects import Who, who

MAX_TEXT_LENGTH = 20_000
# When everyday words explained the only words the phrases noticed ("counting the days
# till the holiday"), the model must be at least this sure to speak.
EXPLAINED_MODEL_CUT_OFF = 0.9
# When the phrases set words aside as an idiom, a denial, a story or something long past
# and found nothing else, the model must be at least this sure to speak ("he said he wishes
# he could just not wake up, like the guy in the song" is not a story told).
SET_ASIDE_MODEL_CUT_OFF = 0.99
# Two hints count together when at most this many characters stand between them.
HINT_DISTANCE = 2 * CONTEXT_WINDOW


class _PhraseIndex:
    """Phrases compiled once, found by the first character a phrase can start with."""

    def __init__(self, entries: list[CrisisPhrase]) -> None:
        self.entries = entries
        self.patterns = [
            re.compile(WORD_START + phrase_pattern(entry.phrase) + WORD_END, re.IGNORECASE)
            for entry in entries
        ]
        self.by_first: dict[str, list[int]] = {}
        for index, entry in enumerate(entries):
            firsts = first_characters(entry.phrase)
            if "*" in firsts or not firsts:
                raise CrisisPhrasesError(f"{PHRASES_PATH}: {entry.phrase!r} must start with a word")
            for first in firsts:
                self.by_first.setdefault(first, []).append(index)
        # Whether any phrase starts at a place, asked at every word: the phrases as one
        # tree, so that those beginning alike ("suicide", "suicidal") are tried together.
        self.any_by_first = {
            first: re.compile(
                WORD_START
                + shared_beginnings(
                    [[*phrase_pieces(entries[index].phrase), WORD_END] for index in indexes]
                ),
                re.IGNORECASE,
            )
            for first, indexes in self.by_first.items()
        }

    def longest_at(self, text: str, start: int, context: TextContext) -> tuple[int, int] | None:
        """The longest phrase starting at ``start`` that is neither an idiom nor denied."""
        first = text[start].casefold()
        any_phrase = self.any_by_first.get(first)
        if any_phrase is None or any_phrase.match(text, start) is None:
            return None
        best: tuple[int, int] | None = None
        for index in self.by_first[first]:
            found = self.patterns[index].match(text, start)
            if found is None or (best is not None and found.end() <= best[1]):
                continue
            end = found.end()
            if context.is_benign(start, end) or _is_negated(text, start, end):
                context.set_aside = True
                continue
            best = (index, end)
        return best


_SIGNS = _PhraseIndex(CRISIS_PHRASES)
_HINTS = _PhraseIndex(HINT_PHRASES)
_WORD_STARTS = re.compile(WORD_START + r"[^\W_]")
_NEGATION_BEFORE = re.compile(
    WORD_START
    + "(?P<cue>"
    + alternation(NEGATION_CUES)
    + ")"
    + f"(?:{SAME_LINE_SPACE}+(?:{alternation(NEGATION_FILLERS)}))*"
    + f"{SAME_LINE_SPACE}+$",
    re.IGNORECASE,
)
_CANCELLING_WORD_BEFORE_CUE = re.compile(
    WORD_START + f"(?:{alternation(CANCELLED_BY_PRECEDING)}){SAME_LINE_SPACE}+$",
    re.IGNORECASE,
)
_CANCELLING_WORDS_AFTER = re.compile(
    f"{SAME_LINE_SPACE}*(?:{alternation(CANCELLED_BY_FOLLOWING)}){WORD_END}",
    re.IGNORECASE,
)


# Reading a text ------------------------------------------------------------------------


def is_benign(text: str) -> bool:
    """True when the whole of ``text`` lies inside one everyday idiom or event."""
    return any(start == 0 and end == len(text) for start, end in benign_spans(text))


def _is_negated(text: str, start: int, end: int) -> bool:
    window_start = max(0, start - NEGATION_WINDOW)
    negation = _NEGATION_BEFORE.search(text, window_start, start)
    if negation is None:
        return False
    if _CANCELLING_WORD_BEFORE_CUE.search(text, window_start, negation.start("cue")):
        return False
    return _CANCELLING_WORDS_AFTER.match(text, end) is None


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start``–``end``, at most ``CONTEXT_WINDOW`` on each side."""
    low = max(0, start - CONTEXT_WINDOW)
    high = min(len(text), end + CONTEXT_WINDOW)
    sentence_start = low
    for boundary in SENTENCE_BREAK.finditer(text, low, start):
        sentence_start = boundary.end()
    following = SENTENCE_BREAK.search(text, end, high)
    return sentence_start, following.start() if following else high


def _set_aside(
    context: TextContext, who: Who, sentence: tuple[int, int], start: int, end: int
) -> bool:
    """True for a story, the news, a stranger, an event long past, or a question the
    writer answered no."""
    if who.stranger:
        return True
    text = context.text
    if answered_or_explained(text, start, end):
        return True
    if not (who.about == SELF and who.explicit) and context.tells_a_story(sentence):
        return True
    return context.told_as_past(sentence, end)


@dataclass(frozen=True)
class _Found:
    match: CrisisMatch
    explicit: bool
    kind: str | None


def _scan(text: str, context: TextContext, index: _PhraseIndex) -> Iterator[_Found]:
    """Phrases in reading order; where two overlap, the one that says whom it is about.

    A phrase whose subject comes from the words around it ("I saw fresh cuts") gives
    way to an overlapping one that names it ("cuts on her wrist").
    """
    pending: _Found | None = None
    covered_until = 0
    for word in _WORD_STARTS.finditer(text):
        start = word.start()
        if start < covered_until:
            continue
        found = index.longest_at(text, start, context)
        if found is None:
            continue
        entry_index, end = found
        entry = index.entries[entry_index]
        sentence = _sentence_span(text, start, end)
        subject = who(text, start, end, sentence[0], entry)
        if pending is not None:
            overshadowed = pending.match.possible and not entry.possible
            if start < pending.match.end and not (subject.named_in_phrase or overshadowed):
                continue
            if start >= pending.match.end:
                yield pending
            pending = None
        if _set_aside(context, subject, sentence, start, end):
            context.set_aside = True
            covered_until = end
            continue
        match = CrisisMatch(
            phrase=entry.phrase,
            group=entry.group,
            group_label=entry.group_label,
            start=start,
            end=end,
            text=text[start:end],
            about=subject.about,
            possible=entry.possible,
        )
        result = _Found(match, subject.explicit, entry.kind)
        if subject.named_in_phrase:
            covered_until = end
            yield result
        else:
            pending = result
    if pending is not None:
        yield pending


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start``–``end`` overlaps one of ``spans`` (sorted, not overlapping)."""
    index = bisect_left(spans, (end, end)) - 1
    return index >= 0 and spans[index][1] > start


def _starts_inside(spans: list[tuple[int, int]], start: int) -> bool:
    """Whether ``start`` lies within one of ``spans`` (sorted, not overlapping)."""
    index = bisect_right(spans, (start, MAX_TEXT_LENGTH + 1)) - 1
    return index >= 0 and start < spans[index][1]


def _explained(match: CrisisMatch, everyday_starts: list[int]) -> bool:
    """Whether everyday words or marks stand near the match."""
    low = bisect_left(everyday_starts, match.start - CONTEXT_WINDOW)
    return low < bisect_right(everyday_starts, match.end + CONTEXT_WINDOW)


def _paired(hints: list[_Found]) -> list[CrisisMatch]:
    """Hints that stand near a hint of another kind about the same person (or near a
    different hint of a kind that pairs with itself, such as two ways to say goodbye)."""
    chosen: dict[int, str] = {}
    for first_index, first in enumerate(hints):
        for second_index in range(first_index + 1, len(hints)):
            second = hints[second_index]
            if second.match.start - first.match.end > HINT_DISTANCE:
                break
            if second.kind == first.kind and (
                first.kind not in SELF_PAIRING_KINDS or second.match.phrase == first.match.phrase
            ):
                continue
            named = {
                found.match.about
                for found in (first, second)
                if found.explicit and found.kind not in NAMES_NOBODY_KINDS
            }
            if len(named) > 1:
                continue
            about = named.pop() if named else SELF
            chosen.setdefault(first_index, about)
            chosen.setdefault(second_index, about)
    return [replace(hints[index].match, about=about) for index, about in sorted(chosen.items())]


def _read(context: TextContext) -> tuple[CrisisMatch, ...]:
    text = context.text
    signs = list(_scan(text, context, _SIGNS))
    sign_spans = _merged([(found.match.start, found.match.end) for found in signs])
    hints = [
        found
        for found in _scan(text, context, _HINTS)
        if not _overlaps(sign_spans, found.match.start, found.match.end)
    ]
    if len(hints) < 2 and not any(found.match.possible for found in signs):
        return tuple(found.match for found in signs)
    taken = _merged(sign_spans + [(found.match.start, found.match.end) for found in hints])
    everyday = [start for start, _ in context.everyday_spans() if not _starts_inside(taken, start)]
    kept = [
        found.match
        for found in signs
        if not (found.match.possible and _explained(found.match, everyday))
    ]
    unexplained = [found for found in hints if not _explained(found.match, everyday)]
    if len(kept) < len(signs) or len(unexplained) < len(hints):
        context.explained_by_everyday = True
    kept += _paired(unexplained)
    return tuple(sorted(kept, key=lambda match: match.start))


def _heard_by_the_model(
    context: TextContext,
    model: CrisisModel,
    *,
    known: frozenset[str] = frozenset(),
    at_least: float = 0.0,
) -> tuple[CrisisMatch, ...]:
    """The model's findings about the writer, about someone else, or both, leaving out
    whom the phrases already found (``known``); none whose noticed words touch an everyday
    idiom or event of the phrase file ("I love my life")."""
    text = context.text
    reading = model.read(text)
    if reading is None:
        return ()
    found = []
    for about, concerned, (start, end) in (
        (SELF, reading.concerns_self and reading.about_self >= at_least, reading.self_words),
        (
            OTHER,
            reading.concerns_someone_else and reading.about_other >= at_least,
            reading.other_words,
        ),
    ):
        if concerned and about not in known and not context.touches_benign(start, end):
            found.append(
                CrisisMatch(
                    phrase="",
                    group=reading.sign,
                    group_label=SIGN_LABELS[reading.sign],
                    start=start,
                    end=end,
                    text=text[start:end],
                    about=about,
                    possible=True,
                )
            )
    return tuple(sorted(found, key=lambda match: match.start))


def _model_cut_off(context: TextContext, found: tuple[CrisisMatch, ...]) -> float:
    """How sure the model must be to add to what the phrases ``found``."""
    if found:
        return 0.0
    if context.set_aside:
        return SET_ASIDE_MODEL_CUT_OFF
    if context.explained_by_everyday:
        return EXPLAINED_MODEL_CUT_OFF
    return 0.0


def read_crisis_language(text: str | None, *, model: CrisisModel | None = None) -> CrisisReading:
    """Every warning sign in ``text``, in reading order, each saying whom it is about:
    the phrases' findings, and the model's (the shipped one unless another is given) about
    whoever the phrases found nothing about ("noticed fresh cuts on my nephew's arm": the
    phrases take the cuts for the writer's, the model hears someone close). When the
    phrases find nothing but set words aside as an idiom, a denial, a story or something
    long past, the model speaks only when at least ``SET_ASIDE_MODEL_CUT_OFF`` sure; when
    everyday words explained all they noticed, at least ``EXPLAINED_MODEL_CUT_OFF``."""
    if not text:
        return CrisisReading()
    context = TextContext(text[:MAX_TEXT_LENGTH])
    found = _read(context)
    known = frozenset(match.about for match in found)
    if known == {SELF, OTHER}:
        return CrisisReading(found)
    heard = _heard_by_the_model(
        context, model or shipped_model(), known=known, at_least=_model_cut_off(context, found)
    )
    return CrisisReading(tuple(sorted(found + heard, key=lambda match: match.start)))


def read_phrases(text: str | None) -> CrisisReading:
    """The phrases' findings alone, without the model: for measuring each layer."""
    if not text:
        return CrisisReading()
    return CrisisReading(_read(TextContext(text[:MAX_TEXT_LENGTH])))


def find_crisis_language(text: str | None) -> list[CrisisMatch]:
    """Every place in ``text`` that contains crisis language, in reading order."""
    return list(read_crisis_language(text).matches)


def contains_crisis_language(text: str | None) -> bool:
    """True when ``text`` holds a warning sign, about the writer or about someone else."""
    return bool(read_crisis_language(text))
