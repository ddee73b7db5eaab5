"""Tests for the bundled question decks and ritual suggestions."""

from pathlib import Path

import pytest

from tending.core.tomlfiles import ContentError
from tending.questions import decks as deck_files
from tending.questions.decks import Deck, all_questions, load_decks, question_by_id, read_decks
from tending.rituals.suggestions import (
    RHYTHMS,
    Suggestion,
    load_ritual_suggestions,
    read_rituals,
)

EXPECTED_DECKS = {
    "inner-world",
    "appreciation",
    "dreams",
    "stress-and-support",
    "closeness",
    "repair",
}


def test_at_least_six_decks_including_each_theme():
    decks = load_decks()
    assert len(decks) >= 6
    assert set(decks) >= EXPECTED_DECKS
    assert all(isinstance(deck, Deck) for deck in decks.values())


def test_each_deck_has_enough_questions_and_describes_itself():
    for key, deck in load_decks().items():
        assert deck.key == key
        assert deck.title and deck.description
        assert len(deck.questions) >= 25, key
        assert all(question.deck_key == key for question in deck.questions)


def test_question_ids_are_unique_across_decks():
    ids = [question.id for question in all_questions()]
    assert len(ids) == len(set(ids))


def test_question_text_is_never_repeated():
    texts = [" ".join(question.text.casefold().split()) for question in all_questions()]
    assert len(texts) == len(set(texts))


def test_questions_are_short_enough_to_answer_in_a_few_sentences():
    for question in all_questions():
        assert question.text.endswith(("?", ".")), question.id
        assert len(question.text) <= 200, question.id


def test_all_questions_follows_deck_order():
    expected = tuple(q for deck in load_decks().values() for q in deck.questions)
    assert all_questions() == expected
    assert all_questions() == all_questions()


def test_question_by_id_finds_every_question():
    for question in all_questions():
        assert question_by_id(question.id) is question
    assert question_by_id("inner-world-01").deck_key == "inner-world"


def test_question_by_id_rejects_unknown_ids():
    with pytest.raises(KeyError, match="no-such-question"):
        question_by_id("no-such-question")


def test_loaded_decks_are_fresh_dicts_over_cached_data():
    first = load_decks()
    first.clear()
    assert load_decks()
    assert deck_files._decks() is deck_files._decks()


def test_at_least_twelve_rituals_with_valid_rhythms():
    rituals = load_ritual_suggestions()
    assert len(rituals) >= 12
    assert all(isinstance(ritual, Suggestion) for ritual in rituals)
    for ritual in rituals:
        assert ritual.rhythm in RHYTHMS, ritual.key
        assert ritual.times_per_period >= 1
        assert ritual.title and ritual.why
    assert {ritual.rhythm for ritual in rituals} == set(RHYTHMS)


def test_ritual_keys_are_unique():
    keys = [ritual.key for ritual in load_ritual_suggestions()]
    assert len(keys) == len(set(keys))


DECK = """\
key = "{key}"
order = {order}
title = "A deck"
description = "A deck for tests."

[[questions]]
id = "{qid}"
text = "{text}"
"""


def _write_deck(directory: Path, name: str, **values: object) -> Path:
    fields = {"key": "alpha", "order": 1, "qid": "alpha-01", "text": "How are you?"}
    fields.update(values)
    path = directory / f"{name}.toml"
    path.write_text(DECK.format(**fields), encoding="utf-8")
    return path


def test_read_decks_orders_by_order_field(tmp_path):
    _write_deck(tmp_path, "a", key="alpha", order=2, qid="alpha-01", text="One?")
    _write_deck(tmp_path, "b", key="beta", order=1, qid="beta-01", text="Two?")
    assert [deck.key for deck in read_decks(tmp_path)] == ["beta", "alpha"]


def test_duplicate_question_ids_name_both_files(tmp_path):
    _write_deck(tmp_path, "a", text="One?")
    _write_deck(tmp_path, "b", key="alpha", text="Two?")
    with pytest.raises(ContentError, match=r"b\.toml.*alpha.*a\.toml"):
        read_decks(tmp_path)


def test_duplicate_question_text_is_rejected(tmp_path):
    _write_deck(tmp_path, "a", key="alpha", qid="alpha-01", text="Same?")
    _write_deck(tmp_path, "b", key="beta", qid="beta-01", text="same?")
    with pytest.raises(ContentError, match="repeats a question"):
        read_decks(tmp_path)


def test_question_id_must_start_with_deck_key(tmp_path):
    _write_deck(tmp_path, "a", qid="other-01")
    with pytest.raises(ContentError, match=r"a\.toml: question 1: id 'other-01'"):
        read_decks(tmp_path)


def test_invalid_toml_names_the_file(tmp_path):
    (tmp_path / "broken.toml").write_text('key = "unterminated\n', encoding="utf-8")
    with pytest.raises(ContentError, match=r"broken\.toml: invalid TOML"):
        read_decks(tmp_path)


def test_missing_and_unknown_deck_fields_are_reported(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text('key = "alpha"\ntitel = "Typo"\n', encoding="utf-8")
    with pytest.raises(ContentError, match=r"a\.toml: unknown field\(s\) titel"):
        read_decks(tmp_path)


def test_empty_deck_directory_is_an_error(tmp_path):
    with pytest.raises(ContentError, match="no deck files"):
        read_decks(tmp_path)


RITUAL = """\
[[rituals]]
key = "walk"
title = "A walk"
why = "Because."
rhythm = "{rhythm}"
times_per_period = {times}
"""


@pytest.mark.parametrize(
    ("rhythm", "times", "message"),
    [
        ("monthly", 1, "rhythm must be one of daily, weekly"),
        ("daily", 0, "times_per_period must be a whole number"),
        ("daily", "true", "times_per_period must be a whole number"),
    ],
)
def test_malformed_rituals_name_the_file(tmp_path, rhythm, times, message):
    path = tmp_path / "rituals.toml"
    path.write_text(RITUAL.format(rhythm=rhythm, times=times), encoding="utf-8")
    with pytest.raises(ContentError, match=rf"rituals\.toml: ritual 1: {message}"):
        read_rituals(path)


def test_valid_ritual_file_parses(tmp_path):
    path = tmp_path / "rituals.toml"
    path.write_text(RITUAL.format(rhythm="weekly", times=2), encoding="utf-8")
    assert read_rituals(path) == (
        Suggestion(key="walk", title="A walk", why="Because.", rhythm="weekly", times_per_period=2),
    )


def test_missing_rituals_file_names_the_file(tmp_path):
    with pytest.raises(ContentError, match=r"absent\.toml: cannot be read"):
        read_rituals(tmp_path / "absent.toml")
