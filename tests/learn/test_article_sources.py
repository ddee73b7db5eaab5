"""Claims in Learn match the studies they cite."""

from tending.learn.articles import get_article
from tending.learn.rendering import article_html


def test_the_zaider_study_is_described_as_it_was_done():
    for slug in ("mental-health-and-intimacy", "supporting-a-partner-with-anxiety"):
        assert any(source.authors.startswith("Zaider") for source in get_article(slug).sources)
        html = article_html(slug)
        assert "33 couples in which the wife had been diagnosed with an anxiety disorder" in html
        assert "weaker" not in html
