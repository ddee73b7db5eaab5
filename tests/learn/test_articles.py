"""Tests for the bundled Learn articles and their loader."""

import re
from pathlib import Path

import pytest

from tending.learn.articles import (
    Article,
    ArticleError,
    Source,
    count_words,
    get_article,
    load_articles,
    read_articles,
    reading_minutes,
)

HTML_TAG = re.compile(r"<[A-Za-z/!][^>]*>")


def test_there_are_eight_articles_with_unique_slugs():
    articles = load_articles()
    assert len(articles) == 8
    assert all(isinstance(article, Article) for article in articles)
    slugs = [article.slug for article in articles]
    assert len(slugs) == len(set(slugs))


def test_reading_order_is_stable_and_starts_with_the_overview():
    articles = load_articles()
    assert articles[0].slug == "mental-health-and-intimacy"
    assert articles[-1].slug == "seeking-therapy"
    assert load_articles() is articles


@pytest.mark.parametrize("article", load_articles(), ids=lambda article: article.slug)
def test_article_length_is_within_bounds(article):
    assert 600 <= article.word_count <= 1000
    assert article.word_count == count_words(article.body_markdown)


@pytest.mark.parametrize("article", load_articles(), ids=lambda article: article.slug)
def test_article_front_matter_is_complete(article):
    assert article.title and article.summary
    assert len(article.reflection_questions) == 3
    assert all(question.endswith("?") for question in article.reflection_questions)
    assert article.sources
    for source in article.sources:
        assert isinstance(source, Source)
        assert source.authors and source.title
        assert 1900 <= source.year <= 2100


@pytest.mark.parametrize("article", load_articles(), ids=lambda article: article.slug)
def test_article_body_is_plain_markdown(article):
    assert not HTML_TAG.search(article.body_markdown)
    assert "http://" not in article.body_markdown
    assert "https://" not in article.body_markdown
    assert not article.body_markdown.lstrip().startswith("+++")


@pytest.mark.parametrize("article", load_articles(), ids=lambda article: article.slug)
def test_article_points_to_emergency_help(article):
    assert "not medical advice" in article.body_markdown
    assert "emergency number" in article.body_markdown
    assert '"Get help"' in article.body_markdown


@pytest.mark.parametrize("article", load_articles(), ids=lambda article: article.slug)
def test_reading_time_is_computed(article):
    assert article.reading_minutes == reading_minutes(article.word_count)
    assert article.reading_minutes >= 1


def test_therapy_article_covers_every_route_to_help():
    body = get_article("seeking-therapy").body_markdown
    for topic in ("Individual therapy", "Couples therapy", "GP or family doctor", "emergency"):
        assert topic in body


def test_get_article_and_unknown_slug():
    assert get_article("caring-for-the-carer").title == "Caring for the carer"
    with pytest.raises(KeyError, match="no-such-article"):
        get_article("no-such-article")


@pytest.mark.parametrize(
    ("words", "minutes"),
    [(0, 1), (50, 1), (299, 1), (300, 2), (800, 4), (1000, 5)],
)
def test_reading_minutes(words, minutes):
    assert reading_minutes(words) == minutes


def test_count_words_ignores_bare_markup():
    assert count_words("## Heading\n\n- one item\n- two — items\n") == 5


def _article(slug: str = "sample", order: int = 1, body: str = "Some words here.", **meta) -> str:
    fields = {
        "title": '"Sample"',
        "slug": f'"{slug}"',
        "order": str(order),
        "summary": '"A sample."',
        "reflection_questions": '["One?", "Two?", "Three?"]',
    }
    fields.update(meta)
    lines = [f"{name} = {value}" for name, value in fields.items()]
    source = '[[sources]]\nauthors = "Doe, J."\nyear = 2001\ntitle = "A study"'
    return "+++\n" + "\n".join(lines) + "\n\n" + source + "\n+++\n\n" + body + "\n"


def _write(directory: Path, name: str, text: str) -> None:
    (directory / f"{name}.md").write_text(text, encoding="utf-8")


def test_read_articles_parses_and_orders(tmp_path):
    _write(tmp_path, "second", _article(slug="second", order=2))
    _write(tmp_path, "first", _article(slug="first", order=1, body="## Hi\n\nOne two three."))
    first, second = read_articles(tmp_path)
    assert (first.slug, second.slug) == ("first", "second")
    assert first.sources == (Source(authors="Doe, J.", year=2001, title="A study"),)
    assert first.reflection_questions == ("One?", "Two?", "Three?")
    assert first.body_markdown == "## Hi\n\nOne two three.\n"
    assert (first.word_count, first.reading_minutes) == (4, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("No front matter.\n", "must start with a \\+\\+\\+"),
        ("+++\ntitle = 'x'\n", "not closed"),
        ("+++\ntitle = \n+++\nBody\n", "invalid TOML front matter"),
        (_article(body="Hello <b>there</b>"), "raw HTML is not allowed"),
        (_article(body=""), "body is empty"),
        (_article(slug="other"), "must match the file name"),
        (_article(reflection_questions='["Only one?"]'), "exactly 3"),
        (_article(order='"first"'), "order must be a whole number"),
        (_article(colour='"blue"'), "unknown field\\(s\\) colour"),
    ],
)
def test_malformed_articles_name_the_file(tmp_path, text, message):
    _write(tmp_path, "sample", text)
    with pytest.raises(ArticleError, match=rf"sample\.md: .*{message}"):
        read_articles(tmp_path)


def test_sources_need_authors_year_and_title(tmp_path):
    text = _article().replace("year = 2001\n", "")
    _write(tmp_path, "sample", text)
    with pytest.raises(ArticleError, match=r"sample\.md: source 1: missing field\(s\) year"):
        read_articles(tmp_path)


def test_duplicate_order_is_rejected(tmp_path):
    _write(tmp_path, "a", _article(slug="a", order=1))
    _write(tmp_path, "b", _article(slug="b", order=1))
    with pytest.raises(ArticleError, match=r"b\.md: order 1 is already used by .*a\.md"):
        read_articles(tmp_path)


def test_empty_directory_is_an_error(tmp_path):
    with pytest.raises(ArticleError, match="no article files"):
        read_articles(tmp_path)
