from django.urls import reverse

from tending.couples.services import unpair
from tending.learn.articles import load_articles
from tending.learn.services import add_reflection
from tests.support.people import client_for

ARTICLE = load_articles()[0]
URL = reverse("learn:article", args=[ARTICLE.slug])
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_the_list_shows_reading_time(alice):
    page = client_for(alice).get(reverse("learn:articles")).content.decode()
    for article in load_articles():
        assert article.title in page
    assert f"{ARTICLE.reading_minutes} min read" in page


def test_an_article_shows_its_sources_and_three_questions(alice):
    page = client_for(alice).get(URL).content.decode()
    for source in ARTICLE.sources:
        assert str(source.year) in page
    for question in ARTICLE.reflection_questions:
        assert question.replace("'", "&#x27;") in page or question in page


def test_reflections_are_shared_with_the_partner_only(alice, bob, charlie, dana):
    response = client_for(alice).post(
        reverse("learn:reflect", args=[ARTICLE.slug]), {"text": "ALICE-REFLECTS"}, **HTMX
    )
    assert "ALICE-REFLECTS" in response.content.decode()
    assert "ALICE-REFLECTS" in client_for(bob).get(URL).content.decode()
    for person in (charlie, dana):
        assert "ALICE-REFLECTS" not in client_for(person).get(URL).content.decode()


def test_a_person_alone_sees_their_own_reflections(charlie):
    add_reflection(user=charlie, slug=ARTICLE.slug, text="CHARLIE-ALONE")
    page = client_for(charlie).get(URL).content.decode()
    assert "CHARLIE-ALONE" in page and "Only you see these." in page


def test_a_former_partners_reflections_disappear_after_unpairing(alice, bob):
    add_reflection(user=bob, slug=ARTICLE.slug, text="BOB-BEFORE")
    add_reflection(user=alice, slug=ARTICLE.slug, text="ALICE-BEFORE")
    unpair(user=alice)
    alice_page = client_for(alice).get(URL).content.decode()
    assert "BOB-BEFORE" not in alice_page and "ALICE-BEFORE" in alice_page
    assert "ALICE-BEFORE" not in client_for(bob).get(URL).content.decode()


def test_an_empty_reflection_is_refused_with_a_message(alice):
    response = client_for(alice).post(reverse("learn:reflect", args=[ARTICLE.slug]), {"text": ""})
    assert response.status_code == 400
    assert "Please write your reflection first." in response.content.decode()


def test_an_unknown_article_is_not_found(alice):
    assert client_for(alice).get(reverse("learn:article", args=["no-such"])).status_code == 404
