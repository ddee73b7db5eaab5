"""Home's facts: one statement per shape of couple, compiled once, answering for whoever
opens home at whatever time, with what is in the database at that moment."""

import datetime as dt

import pytest
from django.utils import timezone

from tending.breathing.services import invite_to_breathe
from tending.couples.selectors import couple_and_partner
from tending.couples.services import unpair
from tending.home import selectors
from tending.safety.services import tell_partner, withdraw_notice
from tests.support.people import make_user, pair

pytestmark = pytest.mark.frozen("2027-03-10T12:00:00+00:00")


def facts_of(person, now=None) -> dict:
    couple, partner = couple_and_partner(person)
    return selectors.facts_about(
        viewer=person, couple=couple, partner=partner, now=now or timezone.now()
    )


def test_each_partner_gets_their_own_answers_from_the_same_statement(alice, bob):
    tell_partner(user=bob)
    compiled_before = selectors._facts_statement.cache_info().misses
    alices, bobs = facts_of(alice), facts_of(bob)
    assert (alices["partner_hard_time"], alices["has_own_hard_time_notice"]) == (True, False)
    assert (bobs["partner_hard_time"], bobs["has_own_hard_time_notice"]) == (False, True)
    assert selectors._facts_statement.cache_info().misses - compiled_before <= 1


def test_another_couple_is_asked_about_their_own_couple(alice, bob, charlie):
    erin = make_user("Erin")
    pair(charlie, erin)
    tell_partner(user=bob)
    assert facts_of(alice)["partner_hard_time"] is True
    assert facts_of(charlie)["partner_hard_time"] is False
    assert facts_of(erin)["partner_hard_time"] is False


def test_a_change_shows_at_the_next_look(alice, bob):
    assert facts_of(alice)["partner_hard_time"] is False
    tell_partner(user=bob)
    assert facts_of(alice)["partner_hard_time"] is True
    withdraw_notice(user=bob)
    assert facts_of(alice)["partner_hard_time"] is False


def test_the_time_is_the_time_of_each_look(alice, bob):
    invite_to_breathe(user=bob, pattern="box", minutes=3)
    now = timezone.now()
    assert facts_of(alice, now)["has_breathing_invite"] is True
    assert facts_of(alice, now + dt.timedelta(minutes=16))["has_breathing_invite"] is False


def test_todays_question_follows_the_couples_day(alice, bob):
    today = facts_of(alice)["todays_question_id"]
    tomorrow = facts_of(alice, timezone.now() + dt.timedelta(days=1))["todays_question_id"]
    assert today and tomorrow and today != tomorrow
    assert facts_of(bob)["todays_question_id"] == today


def test_someone_without_a_partner_is_asked_nothing(alice, bob, charlie, dana):
    tell_partner(user=bob)
    assert facts_of(alice)["partner_hard_time"] is True
    assert facts_of(charlie) == {}
    assert facts_of(dana) == {}
    unpair(user=bob)
    assert facts_of(alice) == {}
