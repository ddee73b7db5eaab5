import re

import pytest
from django.urls import reverse

from tending.checkins.models import Response
from tending.couples.services import unpair
from tests.support.builders import backdate_couple, make_checkin, make_response
from tests.support.people import client_for

pytestmark = pytest.mark.on_edge_days

URL = reverse("checkins:history")


def notes_in(page: str) -> list[str]:
    return re.findall(r"NOTE-[\w-]+", page)


def test_history_lists_my_check_ins_newest_first(charlie):
    for offset in (3, 0, 1):
        make_checkin(charlie, days_ago=offset, note=f"NOTE-{offset}")
    page = client_for(charlie).get(URL).content.decode()
    assert notes_in(page) == ["NOTE-0", "NOTE-1", "NOTE-3"]


def test_history_is_paged_fourteen_days_at_a_time(charlie):
    for offset in range(30):
        make_checkin(charlie, days_ago=offset, note=f"NOTE-{offset}")
    client = client_for(charlie)
    first = client.get(URL).content.decode()
    assert notes_in(first) == [f"NOTE-{n}" for n in range(14)]
    assert "Page 1 of 3" in first
    assert 'href="?page=2" rel="next"' in first
    third = client.get(URL, {"page": 3}).content.decode()
    assert notes_in(third) == ["NOTE-28", "NOTE-29"]
    assert 'rel="next"' not in third
    assert client.get(URL, {"page": 99}).content.decode().count("NOTE-") == 2


def test_history_shows_the_partners_shared_check_ins_since_the_couple_began(alice, bob, dana):
    backdate_couple(alice, days=3)
    make_checkin(bob, days_ago=1, note="NOTE-bob-shared", share_note=True)
    make_checkin(bob, days_ago=2, note="NOTE-bob-private")
    make_checkin(bob, days_ago=10, note="NOTE-bob-before-us", share_note=True)
    make_checkin(dana, days_ago=1, note="NOTE-dana", share_note=True)
    make_checkin(alice, days_ago=0, note="NOTE-alice")
    page = client_for(alice).get(URL).content.decode()
    assert notes_in(page) == ["NOTE-alice", "NOTE-bob-shared"]
    assert "what Bob shared" in page


def test_history_never_shows_a_former_partners_check_ins(alice, dana):
    make_checkin(dana, note="NOTE-dana", share_note=True, emotions=["bitter"])
    page = client_for(alice).get(URL).content.decode()
    assert "NOTE-dana" not in page
    assert "bitter" not in page
    assert "Dana" not in page


def test_history_shows_responses_of_the_current_couple_only(alice, bob):
    checkin = make_checkin(alice, needs=["hug"], note="NOTE-a")
    make_response(checkin, bob, kind=Response.Kind.MESSAGE, message="MSG-from-bob")
    assert "MSG-from-bob" in client_for(alice).get(URL).content.decode()
    unpair(user=alice)
    assert "MSG-from-bob" not in client_for(alice).get(URL).content.decode()


def test_history_costs_the_same_few_queries_for_five_or_sixty_days(
    alice, bob, django_assert_max_num_queries
):
    def seed(days):
        for offset in days:
            for person, other in ((alice, bob), (bob, alice)):
                make_response(make_checkin(person, days_ago=offset, needs=["hug"]), other)

    backdate_couple(alice, days=70)
    seed(range(5))
    client = client_for(alice)
    with django_assert_max_num_queries(20) as after_five_days:
        client.get(URL)
    seed(range(5, 60))
    for page in (1, 5):
        with django_assert_max_num_queries(len(after_five_days.captured_queries)):
            client.get(URL, {"page": page})


def test_history_with_nothing_yet_invites_a_check_in(charlie):
    page = client_for(charlie).get(URL).content.decode()
    assert "No check-ins yet." in page


def test_history_pages_weave_both_partners_days_newest_first(alice, bob):
    backdate_couple(alice, days=30)
    nothing_shared = dict.fromkeys(
        ("share_numbers", "share_emotions", "share_needs", "share_note"), False
    )
    shown = []
    for offset in range(20):
        shown.append(make_checkin(alice, days_ago=offset, note=f"NOTE-alice-{offset}"))
        if offset % 3 == 0:
            shown.append(
                make_checkin(bob, days_ago=offset, note=f"NOTE-bob-{offset}", share_note=True)
            )
        elif offset % 3 == 1:
            make_checkin(bob, days_ago=offset, note=f"NOTE-bob-{offset}", **nothing_shared)
    newest_first = sorted(shown, key=lambda checkin: (checkin.local_date, checkin.pk), reverse=True)
    client = client_for(alice)
    pages = [client.get(URL, {"page": number}).content.decode() for number in (1, 2)]
    assert "Page 1 of 2" in pages[0]
    assert len(notes_in(pages[0])) == 14
    assert notes_in(pages[0]) + notes_in(pages[1]) == [checkin.note for checkin in newest_first]
