from tending.learn.articles import load_articles
from tending.learn.rendering import article_html, render_markdown


def test_scripts_and_raw_html_are_stripped():
    html = render_markdown(
        "Hello <script>alert('x')</script> **there**\n\n"
        '<img src=x onerror="alert(1)"> [link](javascript:alert(1)) <b style="color:red">b</b>'
    )
    assert "<script" not in html and "alert('x')" not in html
    assert "onerror" not in html and "<img" not in html
    assert "javascript:" not in html
    assert "style=" not in html
    assert "<strong>there</strong>" in html


def test_links_keep_safe_addresses():
    html = render_markdown("[Read more](https://example.org/a)")
    assert 'href="https://example.org/a"' in html
    assert 'rel="noopener noreferrer"' in html


def test_every_bundled_article_renders_to_paragraphs():
    for article in load_articles():
        html = article_html(article.slug)
        assert "<p>" in html
        assert "<script" not in html
