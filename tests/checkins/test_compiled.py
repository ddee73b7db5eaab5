"""The check-in statements of home and history, compiled once: each run answers for its
own viewer, couple and day, with the partner-visibility rule and today's sharing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.checkins.selectors import (
    HistoryPages,
    history_views,
    initial_checkin_input,
    responses_for_home,
    todays_checkin,
    todays_checkins_of_both,
)
from tending.checkins.year_in_pixels import year_in_pixels
from tending.couples.models import Couple
from tending.couples.selectors import couple_and_partner
from tests.support.builders import backdate_couple, couple_of, make_checkin, make_response
from tests.support.people import client_for

pytestmark = pytest.mark.frozen("2027-03-10T12:00:00+00:00")


def todays_of(person):
    couple, partner = couple_and_partner(person)
    return todays_checkins_of_both(viewer=person, couple=couple, partner=partner)


def test_each_viewer_gets_their_own_and_their_partners_day(alice, bob, charlie, dana):
    alices, bobs = make_checkin(alice), make_checkin(bob)
    make_checkin(charlie)
    danas = make_checkin(dana, share_note=True)
    assert todays_of(alice) == (alices, bobs)
    assert todays_of(bob) == (bobs, alices)
    assert todays_of(dana) == (danas, None)
    assert todays_of(charlie)[1] is None


def test_a_partners_day_before_the_couple_began_for_them_stays_hidden(alice, bob):
    make_checkin(bob)
    couple = couple_of(alice)
    Couple.objects.filter(pk=couple.pk).update(started_at=timezone.now() + dt.timedelta(days=2))
    assert todays_of(alice)[1] is None
    Couple.objects.filter(pk=couple.pk).update(started_at=timezone.now())
    assert todays_of(alice)[1] is not None


def test_a_part_made_private_disappears_from_the_next_home(alice, bob):
    make_checkin(bob, note="NOTE-5c2a", share_note=True)
    client = client_for(alice)
    assert "NOTE-5c2a" in client.get(reverse("home:index")).content.decode()
    CheckIn.objects.filter(user=bob).update(share_note=False)
    assert "NOTE-5c2a" not in client.get(reverse("home:index")).content.decode()


def test_responses_are_those_of_the_couple_on_the_check_ins_asked_about(alice, bob, dana):
    couple, partner = couple_and_partner(alice)
    since = dt.date(2027, 3, 8)
    private = make_checkin(alice, needs=["hug"], share_needs=False)
    request = make_checkin(bob, days_ago=1, needs=["talk"], share_needs=True)
    to_private = make_response(private, bob)
    to_request = make_response(request, alice)
    former_couple = Couple.objects.get(memberships__user=dana)
    make_response(request, alice, couple=former_couple, message="in another couple")

    def asked(*shown_ids):
        responses = responses_for_home(
            viewer=alice, couple=couple, partner=partner, since=since, shown_ids=list(shown_ids)
        )
        return {response.pk for response in responses}

    assert asked() == {to_request.pk}
    assert asked(private.pk) == {to_request.pk, to_private.pk}
    assert asked(request.pk, private.pk) == {to_request.pk, to_private.pk}
    [response] = responses_for_home(
        viewer=alice, couple=couple, partner=partner, since=since, shown_ids=[]
    )
    assert (response.request_needs, response.request_shares_needs) == (["talk"], True)
    assert response.request_date == request.local_date
    assert response.responder == alice


def history_of(person):
    couple, partner = couple_and_partner(person)
    return HistoryPages(person, couple, partner=partner)


def test_history_counts_and_pages_for_each_viewer_with_the_rule_and_todays_sharing(
    alice, bob, dana
):
    backdate_couple(alice, days=10)
    alices = [make_checkin(alice, days_ago=days) for days in range(3)]
    bobs = [make_checkin(bob, days_ago=days, share_numbers=True) for days in range(3)]
    make_checkin(bob, days_ago=20, share_numbers=True)  # before the couple began
    make_checkin(dana, share_note=True)
    assert history_of(alice).count() == 6
    assert [c.pk for c in history_of(alice)[0:2]] == [bobs[0].pk, alices[0].pk]
    assert [c.pk for c in history_of(alice)[2:4]] == [bobs[1].pk, alices[1].pk]
    assert history_of(dana).count() == 1
    nothing = dict.fromkeys(("share_numbers", "share_emotions", "share_needs", "share_note"), False)
    CheckIn.objects.filter(pk=bobs[0].pk).update(**nothing)
    assert history_of(alice).count() == 5
    assert [c.pk for c in history_of(alice)[0:2]] == [alices[0].pk, bobs[1].pk]


def test_history_reads_the_partners_note_only_where_they_share_it(alice, bob):
    backdate_couple(alice, days=10)
    make_checkin(alice, note="mine, private")
    make_checkin(bob, note="shared", share_note=True)
    make_checkin(bob, days_ago=1, note="kept", share_numbers=True)
    notes = {(c.user_id, c.note) for c in history_of(alice)[0:14]}
    assert notes == {(alice.pk, "mine, private"), (bob.pk, "shared"), (bob.pk, "")}
    assert {c.note for c in history_of(bob)[0:14]} == {"shared", "kept", ""}


def test_the_year_in_pixels_begins_at_the_first_mood_either_may_see(alice, bob):
    backdate_couple(alice, days=800)
    make_checkin(alice, days_ago=30)
    make_checkin(bob, days_ago=700, share_numbers=False, share_note=True)
    make_checkin(bob, days_ago=400, share_numbers=True)
    today = timezone.localdate(timezone.now())
    alices = year_in_pixels(alice, couple_of(alice), partner=bob)
    assert alices.previous_year == alices.year - 1
    assert (
        year_in_pixels(alice, couple_of(alice), partner=bob, year=1990).year
        == (today - dt.timedelta(days=400)).year
    )
    charlie_like = year_in_pixels(bob, None, partner=None)
    assert charlie_like.previous_year == charlie_like.year - 1


def test_the_year_in_pixels_drops_a_partners_mood_once_unshared(alice, bob):
    backdate_couple(alice, days=10)
    make_checkin(alice, mood=2)
    theirs = make_checkin(bob, mood=5, share_numbers=True)
    pixels = year_in_pixels(alice, couple_of(alice), partner=bob)
    assert (pixels.my_days, pixels.their_days) == (1, 1)
    CheckIn.objects.filter(pk=theirs.pk).update(share_numbers=False)
    pixels = year_in_pixels(alice, couple_of(alice), partner=bob)
    assert (pixels.my_days, pixels.their_days) == (1, 0)


def test_history_responses_are_the_couples_with_their_responders(alice, bob, dana):
    checkins = [make_checkin(alice, days_ago=days) for days in range(3)]
    make_response(checkins[0], bob, message="from bob")
    make_response(checkins[2], alice, message="my own")
    former_couple = Couple.objects.get(memberships__user=dana)
    make_response(checkins[1], dana, couple=former_couple, message="from dana")
    views = history_views(checkins, viewer=alice, couple=couple_of(alice))
    said = [[(r.responder.display_name, r.message) for r in view.responses] for view in views]
    assert said == [[("Bob", "from bob")], [], [("Alice", "my own")]]
    assert history_views([], viewer=alice, couple=couple_of(alice)) == []


def test_todays_check_in_and_the_last_sharing_are_each_persons_own(alice, bob):
    yesterdays = make_checkin(alice, days_ago=1, share_note=True, share_numbers=False)
    assert todays_checkin(alice) is None
    assert initial_checkin_input(alice, None)["share_note"] is True
    assert initial_checkin_input(alice, None)["share_numbers"] is False
    assert initial_checkin_input(bob, None)["share_numbers"] is True
    assert todays_checkin(alice, timezone.now() - dt.timedelta(days=1)) == yesterdays
    todays = make_checkin(alice)
    assert todays_checkin(alice) == todays
    assert todays_checkin(bob) is None
