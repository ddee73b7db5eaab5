"""Article Markdown to HTML, sanitised so that only plain formatting survives."""

import functools

import markdown
import nh3

from tending.learn.articles import get_article

ALLOWED_TAGS = frozenset(
    {
        "p",
        "h2",
        "h3",
        "h4",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "blockquote",
        "a",
        "code",
        "pre",
        "hr",
        "br",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})


def render_markdown(text: str) -> str:
    """Safe HTML for Markdown text: scripts, styles, event handlers and raw HTML go."""
    html = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
    )


@functools.cache
def article_html(slug: str) -> str:
    """The rendered body of a bundled article, computed once per process."""
    return render_markdown(get_article(slug).body_markdown)
