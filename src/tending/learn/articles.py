"""Learn articles: Markdown files with TOML front matter, bundled with the app."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ARTICLES_DIR = Path(__file__).parent / "articles"

WORDS_PER_MINUTE = 200
REFLECTION_QUESTION_COUNT = 3

_DELIMITER = "+++"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_HTML_TAG = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z]|!)[^>]*>")
_WORD = re.compile(r"\w")
_FRONT_MATTER_FIELDS = frozenset(
    {"title", "slug", "order", "summary", "sources", "reflection_questions"}
)
_SOURCE_FIELDS = frozenset({"authors", "year", "title"})


class ArticleError(ValueError):
    """An article file is missing, unreadable or malformed."""


@dataclass(frozen=True)
class Source:
    """A published work an article draws on."""

    authors: str
    year: int
    title: str


@dataclass(frozen=True)
class Article:
    """One Learn article; `body_markdown` is rendered elsewhere."""

    slug: str
    title: str
    summary: str
    sources: tuple[Source, ...]
    reflection_questions: tuple[str, ...]
    body_markdown: str
    word_count: int
    reading_minutes: int


def count_words(markdown: str) -> int:
    """Words in Markdown text, ignoring bare markup such as `##` or list bullets."""
    return sum(1 for token in markdown.split() if _WORD.search(token))


def reading_minutes(word_count: int) -> int:
    """Minutes to read at about 200 words a minute, rounded, never below one."""
    return max(1, (word_count + WORDS_PER_MINUTE // 2) // WORDS_PER_MINUTE)


def _split_front_matter(text: str, path: Path) -> tuple[str, str]:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != _DELIMITER:
        raise ArticleError(f"{path}: must start with a {_DELIMITER} front matter line")
    for index in range(1, len(lines)):
        if lines[index].strip() == _DELIMITER:
            return "".join(lines[1:index]), "".join(lines[index + 1 :])
    raise ArticleError(f"{path}: front matter is not closed with a {_DELIMITER} line")


def _text(table: dict[str, Any], name: str, where: str) -> str:
    value = table[name]
    if not isinstance(value, str) or not value.strip():
        raise ArticleError(f"{where}: {name} must be a non-empty string")
    return value.strip()


def _check_fields(table: dict[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ArticleError(f"{where}: unknown field(s) {', '.join(unknown)}")
    missing = sorted(allowed - set(table))
    if missing:
        raise ArticleError(f"{where}: missing field(s) {', '.join(missing)}")


def _sources(raw: Any, path: Path) -> tuple[Source, ...]:
    if not isinstance(raw, list) or not raw:
        raise ArticleError(f"{path}: sources must be a non-empty list of [[sources]] tables")
    sources = []
    for number, entry in enumerate(raw, start=1):
        where = f"{path}: source {number}"
        if not isinstance(entry, dict):
            raise ArticleError(f"{where}: must be a [[sources]] table")
        _check_fields(entry, _SOURCE_FIELDS, where)
        year = entry["year"]
        if isinstance(year, bool) or not isinstance(year, int) or not 1800 <= year <= 2100:
            raise ArticleError(f"{where}: year must be a four-digit whole number")
        sources.append(
            Source(
                authors=_text(entry, "authors", where),
                year=year,
                title=_text(entry, "title", where),
            )
        )
    return tuple(sources)


def _reflection_questions(raw: Any, path: Path) -> tuple[str, ...]:
    if (
        not isinstance(raw, list)
        or len(raw) != REFLECTION_QUESTION_COUNT
        or not all(isinstance(item, str) and item.strip() for item in raw)
    ):
        raise ArticleError(
            f"{path}: reflection_questions must be a list of exactly "
            f"{REFLECTION_QUESTION_COUNT} non-empty strings"
        )
    return tuple(item.strip() for item in raw)


def read_article(path: Path) -> tuple[int, Article]:
    """Parse one article file; return its reading-order position and the article."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ArticleError(f"{path}: cannot be read ({exc})") from exc
    front_matter, body = _split_front_matter(text, path)
    try:
        meta = tomllib.loads(front_matter)
    except tomllib.TOMLDecodeError as exc:
        raise ArticleError(f"{path}: invalid TOML front matter ({exc})") from exc
    _check_fields(meta, _FRONT_MATTER_FIELDS, str(path))

    slug = _text(meta, "slug", str(path))
    if not _SLUG.fullmatch(slug):
        raise ArticleError(f"{path}: slug {slug!r} must be lowercase words joined by hyphens")
    if slug != path.stem:
        raise ArticleError(f"{path}: slug {slug!r} must match the file name")
    order = meta["order"]
    if isinstance(order, bool) or not isinstance(order, int):
        raise ArticleError(f"{path}: order must be a whole number")

    body = body.strip()
    if not body:
        raise ArticleError(f"{path}: the article body is empty")
    tag = _HTML_TAG.search(body)
    if tag:
        raise ArticleError(f"{path}: raw HTML is not allowed in the body ({tag.group(0)!r})")

    words = count_words(body)
    article = Article(
        slug=slug,
        title=_text(meta, "title", str(path)),
        summary=_text(meta, "summary", str(path)),
        sources=_sources(meta["sources"], path),
        reflection_questions=_reflection_questions(meta["reflection_questions"], path),
        body_markdown=body + "\n",
        word_count=words,
        reading_minutes=reading_minutes(words),
    )
    return order, article


def read_articles(directory: Path) -> tuple[Article, ...]:
    """Parse every `*.md` article in `directory`, in reading order."""
    paths = sorted(directory.glob("*.md"))
    if not paths:
        raise ArticleError(f"{directory}: no article files found")
    ordered: list[tuple[int, Article]] = []
    orders: dict[int, Path] = {}
    for path in paths:
        order, article = read_article(path)
        if order in orders:
            raise ArticleError(f"{path}: order {order} is already used by {orders[order]}")
        orders[order] = path
        ordered.append((order, article))
    ordered.sort(key=lambda item: item[0])
    return tuple(article for _, article in ordered)


@functools.cache
def load_articles() -> tuple[Article, ...]:
    """The bundled articles, in reading order."""
    return read_articles(ARTICLES_DIR)


@functools.cache
def _articles_by_slug() -> dict[str, Article]:
    return {article.slug: article for article in load_articles()}


def get_article(slug: str) -> Article:
    """The article with this slug; raises KeyError if there is none."""
    try:
        return _articles_by_slug()[slug]
    except KeyError:
        raise KeyError(f"unknown article: {slug!r}") from None
