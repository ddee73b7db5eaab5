"""A partner's answer never leaves the server before both have answered: every practices
and Learn page and fragment is checked, for the partner, a stranger and a former partner."""

import io
import zipfile

import pytest
from django.urls import get_resolver, reverse

from tending.breathing.services import invite_to_breathe
from tending.conversations.models import Conversation
from tending.couples.services import unpair
from tending.learn.articles import load_articles
from tending.questions.decks import all_questions
from tending.questions.models import Answer
from tending.questions.selectors import todays_question_id
from tending.yourdata.services import export_archive
from tests.support.builders import answer, conversation, couple_of
from tests.support.people import client_for

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

SECRET = "ALICE-SECRET-7d1c"
HTMX = {"HTTP_HX_REQUEST": "true"}


def question_ids():
    return [question.id for question in all_questions()]


def readable_urls(alice, bob, question_id):
    """Every URL of practices and Learn that answers GET, with real objects behind it."""
    talk = conversation(alice, kind=Conversation.Kind.MEETING)
    invite = invite_to_breathe(user=bob, pattern="box", minutes=2)
    deck_key = question_id.rsplit("-", 1)[0]
    slug = load_articles()[0].slug
    return {
        "practices:index": reverse("practices:index"),
        "questions:today": reverse("questions:today"),
        "questions:decks": reverse("questions:decks"),
        "questions:deck": reverse("questions:deck", args=[deck_key]),
        "questions:question": reverse("questions:question", args=[question_id]),
        "questions:state": reverse("questions:state", args=[question_id]),
        "questions:thread": reverse("questions:thread", args=[question_id]),
        "appreciations:index": reverse("appreciations:index"),
        "conversations:index": reverse("conversations:index"),
        "conversations:conversation": reverse("conversations:conversation", args=[talk.pk]),
        "conversations:state": reverse("conversations:state", args=[talk.pk]),
        "conversations:meeting_notes": reverse("conversations:meeting_notes", args=[talk.pk]),
        "practices:history": reverse("practices:history"),
        "breathing:index": reverse("breathing:index"),
        "breathing:invite_status": reverse("breathing:invite_status", args=[invite.pk]),
        "rituals:index": reverse("rituals:index"),
        "learn:articles": reverse("learn:articles"),
        "learn:article": reverse("learn:article", args=[slug]),
        "home:index": reverse("home:index"),
    }


def get_names():
    """Names of every practices and Learn URL."""
    names = set()
    for namespace in ("practices", "learn"):
        resolver = get_resolver().namespace_dict[namespace][1]
        names.update(f"{namespace}:{pattern.name}" for pattern in resolver.url_patterns)
    return names


POST_ONLY = {
    "questions:pick",
    "questions:skip",
    "questions:answer",
    "questions:message",
    "questions:favourite",
    "appreciations:react",
    "conversations:begin",
    "conversations:advance",
    "conversations:finish",
    "practices:rate",
    "breathing:invite",
    "breathing:join",
    "breathing:log",
    "rituals:suggested",
    "rituals:done",
    "rituals:undo",
    "rituals:stop",
    "learn:reflect",
}


def pages_seen_by(client, urls):
    for url in urls.values():
        for extra in ({}, HTMX):
            response = client.get(url, **extra)
            yield url, response.status_code, response.content.decode()


def test_the_url_list_covers_every_practices_and_learn_page(people):
    urls = readable_urls(people["alice"], people["bob"], question_ids()[0])
    assert get_names() - POST_ONLY <= set(urls)


@pytest.mark.parametrize("question_index", [0, 40])
def test_partner_never_sees_an_unrevealed_answer(people, question_index):
    alice, bob = people["alice"], people["bob"]
    question_id = question_ids()[question_index]
    answer(alice, question_id, SECRET)
    today = todays_question_id(couple_of(alice), alice, partner=bob)
    answer(alice, today, SECRET + "-today")
    urls = readable_urls(alice, bob, question_id)
    urls["today"] = reverse("questions:question", args=[today])
    for url, status, body in pages_seen_by(client_for(bob), urls):
        assert status in (200, 204), url
        assert SECRET not in body, url


def test_a_failed_answer_or_message_from_the_partner_reveals_nothing(people):
    alice, bob = people["alice"], people["bob"]
    question_id = question_ids()[3]
    answer(alice, question_id, SECRET)
    client = client_for(bob)
    for name in ("questions:answer", "questions:message"):
        for extra in ({}, HTMX):
            response = client.post(reverse(name, args=[question_id]), {"text": ""}, **extra)
            assert SECRET not in response.content.decode()
    response = client.post(
        reverse("questions:message", args=[question_id]), {"text": "hello"}, **HTMX
    )
    assert SECRET not in response.content.decode()
    assert "opens once you have both answered" in response.content.decode()


def test_both_answers_appear_together_once_both_have_answered(people):
    alice, bob = people["alice"], people["bob"]
    question_id = question_ids()[5]
    answer(alice, question_id, SECRET)
    url = reverse("questions:question", args=[question_id])
    page = client_for(bob).get(url).content.decode()
    assert "Alice has answered" in page
    response = client_for(bob).post(
        reverse("questions:answer", args=[question_id]), {"text": "BOB-WORDS"}, **HTMX
    )
    assert SECRET in response.content.decode()
    assert "BOB-WORDS" in response.content.decode()
    alice_page = client_for(alice).get(url).content.decode()
    assert SECRET in alice_page and "BOB-WORDS" in alice_page
    assert "Talk about it" in alice_page


def test_waiting_poll_stays_silent_until_the_partner_answers(people):
    alice, bob = people["alice"], people["bob"]
    question_id = question_ids()[6]
    answer(alice, question_id, SECRET)
    poll = reverse("questions:state", args=[question_id]) + "?waiting=1"
    as_alice = client_for(alice)
    assert as_alice.get(poll, **HTMX).status_code == 204
    answer(bob, question_id, "BOB-WORDS")
    revealed = as_alice.get(poll, **HTMX)
    assert revealed.status_code == 200
    assert "BOB-WORDS" in revealed.content.decode()


def test_strangers_and_former_partners_see_nothing(people):
    alice, bob, charlie, dana = people["alice"], people["bob"], people["charlie"], people["dana"]
    question_id = question_ids()[8]
    answer(alice, question_id, SECRET)
    answer(bob, question_id, "BOB-WORDS")
    urls = readable_urls(alice, bob, question_id)
    for person in (charlie, dana):
        for url, _, body in pages_seen_by(client_for(person), urls):
            assert SECRET not in body, url
            assert "BOB-WORDS" not in body, url
    for person in (charlie, dana):
        response = client_for(person).get(reverse("questions:question", args=[question_id]))
        assert response.status_code == 404


def test_an_answer_left_waiting_stays_hidden_after_unpairing(people):
    alice, bob = people["alice"], people["bob"]
    question_id = question_ids()[9]
    answer(alice, question_id, SECRET)
    urls = readable_urls(alice, bob, question_id)
    unpair(user=bob)
    for url, _, body in pages_seen_by(client_for(bob), urls):
        assert SECRET not in body, url


def test_answers_from_a_former_couple_stay_with_that_couple(people):
    """Alice and Dana both answered before they parted: Bob never sees Dana's words, and
    Dana's answer is not shown to Alice now."""
    alice, bob, dana = people["alice"], people["bob"], people["dana"]
    old_couple = dana.memberships.get().couple
    question_id = question_ids()[10]
    Answer.objects.create(couple=old_couple, question_id=question_id, user=alice, text="OLD-A")
    Answer.objects.create(couple=old_couple, question_id=question_id, user=dana, text="DANA-OLD")
    url = reverse("questions:question", args=[question_id])
    for person in (alice, bob):
        body = client_for(person).get(url).content.decode()
        assert "DANA-OLD" not in body and "OLD-A" not in body


def export_text(user) -> str:
    """Every file of the person's export zip, as one text."""
    with zipfile.ZipFile(io.BytesIO(export_archive(user=user))) as archive:
        return "\n".join(archive.read(name).decode() for name in archive.namelist())


def test_the_export_never_holds_the_partners_answer(people):
    """Unrevealed, the partner's answer is not in the export. Revealed, it still is not: the
    export holds what the person wrote, and an answer is the partner's own entry (see
    docs/your-data.md)."""
    alice, bob = people["alice"], people["bob"]
    question_id = question_ids()[11]
    answer(bob, question_id, "BOB-UNREVEALED")
    alice_export = export_text(alice)
    assert question_id not in alice_export
    assert "BOB-UNREVEALED" not in alice_export
    answer(alice, question_id, SECRET)
    alice_export, bob_export = export_text(alice), export_text(bob)
    assert SECRET in alice_export and "BOB-UNREVEALED" not in alice_export
    assert "BOB-UNREVEALED" in bob_export and SECRET not in bob_export


@pytest.mark.parametrize("question_id", question_ids()[:3])
def test_the_json_api_shows_an_answer_only_once_both_answered(people, question_id):
    """Every API read about a question keeps the partner's answer back until both answered."""
    alice, bob, charlie, dana = (people[name] for name in ("alice", "bob", "charlie", "dana"))
    answer(alice, question_id, SECRET)
    reads = [
        f"/api/v1/questions/{question_id}",
        f"/api/v1/questions/{question_id}/thread",
        "/api/v1/questions/today",
        "/api/v1/checkins",
        "/api/v1/appreciations",
        "/api/v1/rituals",
        "/api/v1/conversations/current",
    ]
    for reader in (bob, charlie, dana):
        for url in reads:
            assert SECRET not in client_for(reader).get(url).content.decode(), (reader, url)
    as_bob = client_for(bob).get(f"/api/v1/questions/{question_id}").json()
    assert as_bob["partner_answered"] is True and as_bob["partner_answer"] is None
    answer(bob, question_id, "Bob's own words")
    revealed = client_for(bob).get(f"/api/v1/questions/{question_id}").json()
    assert revealed["revealed"] is True and revealed["partner_answer"] == SECRET
    for outsider in (charlie, dana):
        assert client_for(outsider).get(f"/api/v1/questions/{question_id}").status_code == 404
