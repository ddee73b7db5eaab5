"""The "Before you say it" page: findings shown inline, explained, and nothing stored."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.support.people import client_for

PAGE = reverse("coach:index")
HARSH = "You never listen to me, you're so selfish. Whatever."


def test_anonymous_visitors_are_sent_to_log_in(db):
    response = client_for(None).get(PAGE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_the_page_offers_a_box_that_analyses_as_you_type(alice):
    page = client_for(alice).get(PAGE).content.decode()
    assert "Before you say it" in page
    assert 'hx-trigger="input changed delay:500ms"' in page
    assert f'hx-post="{PAGE}"' in page


def test_a_harsh_message_shows_numbered_highlights_and_explanations(alice):
    response = client_for(alice).post(PAGE, {"message": HARSH})
    page = response.content.decode()
    assert response.status_code == 200
    assert '<mark id="said-1" class="finding finding--harsh" tabindex="0"' in page
    assert ">You never</mark>" in page
    assert "1 Always or never</a>" in page
    assert ">you&#x27;re so selfish</mark>" in page
    assert 'href="#finding-2"' in page and 'id="finding-2"' in page
    assert 'aria-describedby="finding-2-why"' in page
    assert "May land harshly" in page
    assert "Back to it in your message" in page
    assert HARSH.replace("'", "&#x27;") in page, "the message stays in the box"


def test_a_gentle_message_shows_its_feelings_and_needs(alice):
    text = "I feel lonely when we eat apart. I need some time together."
    page = client_for(alice).post(PAGE, {"message": text}).content.decode()
    assert "This reads gently" in page
    assert '<span class="chip">lonely</span>' in page
    assert "finding--gentle" in page
    assert "Nothing here reads as blame or criticism." in page


def test_markup_in_the_message_is_shown_as_text(alice):
    text = "<script>alert('x')</script> you always forget <b>everything</b>"
    page = client_for(alice).post(PAGE, {"message": text}).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<b>everything</b>" not in page
    assert ">you always</mark>" in page


def test_htmx_gets_only_the_analysis_and_the_status(alice):
    response = client_for(alice).post(PAGE, {"message": HARSH}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "<html" not in page
    assert 'id="coach-status" hx-swap-oob="innerHTML"' in page
    assert "<mark" in page


def test_an_empty_message_is_a_gentle_error_and_a_clear_result_for_htmx(alice):
    client = client_for(alice)
    response = client.post(PAGE, {"message": "  "})
    assert response.status_code == 400
    assert "Type or paste a message" in response.content.decode()
    live = client.post(PAGE, {"message": ""}, headers={"HX-Request": "true"})
    assert live.status_code == 200
    assert "<mark" not in live.content.decode()


def test_a_message_too_long_is_refused_and_kept(alice):
    text = "You never listen. " * 120
    response = client_for(alice).post(PAGE, {"message": text})
    page = response.content.decode()
    assert response.status_code == 400
    assert "at most 2000 characters" in page
    assert text.strip() in page


def test_crisis_language_points_to_help(alice):
    page = client_for(alice).post(PAGE, {"message": "I want to kill myself"}).content.decode()
    assert reverse("safety:get_help") in page


def test_analysing_writes_nothing(alice):
    client = client_for(alice)
    with CaptureQueriesContext(connection) as queries:
        client.post(PAGE, {"message": HARSH})
        client.post(PAGE, {"message": HARSH}, headers={"HX-Request": "true"})
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
