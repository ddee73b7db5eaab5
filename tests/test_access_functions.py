"""Every access function, called directly: who may load each kind of object, and that
everyone else gets a 404 (the same answer as for an object that does not exist)."""

import pytest
from django.http import Http404

from tending.api.access import own_token
from tending.api.services import create_token
from tending.appreciations.access import appreciation_received_by
from tending.appreciations.services import send_appreciation
from tending.assessments.access import own_result
from tending.assessments.scoring import get_instrument
from tending.assessments.services import record_result
from tending.breathing.access import invite_sent_by, invite_sent_to
from tending.breathing.services import invite_to_breathe, log_breathing
from tending.checkins.access import partner_checkin_for
from tending.conversations.access import conversation_for_couple
from tending.conversations.services import start_conversation
from tending.couples.access import own_invite
from tending.couples.services import create_invite
from tending.practices.access import own_practice_log
from tending.questions.access import question_for_couple
from tending.questions.decks import all_questions
from tending.reports.access import own_report, share_link_of
from tending.reports.services import create_share_link
from tending.rituals.access import live_ritual_for_couple
from tending.rituals.services import add_ritual, stop_ritual
from tests.support.builders import backdate_couple, make_checkin, report_for


def loads(access, person, *args):
    try:
        return access(person, *args) is not None
    except Http404:
        return False


@pytest.fixture
def objects(alice, bob, charlie):
    backdate_couple(alice, days=3)
    return {
        "checkin": make_checkin(alice, days_ago=1).pk,
        "appreciation": send_appreciation(author=bob, text="your calm").pk,
        "conversation": start_conversation(user=alice, kind="stress").pk,
        "breathing": invite_to_breathe(user=alice, pattern="box", minutes=3).pk,
        "ritual": add_ritual(user=alice, title="Walk", rhythm="weekly", times_per_period=1).pk,
        "log": log_breathing(user=alice, pattern="slow", minutes=2, feeling=None).pk,
        "result": record_result(user=alice, instrument=get_instrument("who5"), answers=[3] * 5).pk,
        "report": report_for(alice).pk,
        "token": create_token(user=alice, name="Laptop")[0].pk,
        "invite": create_invite(inviter=charlie).pk,
    }


CASES = {
    # access function, object, who may load it
    "partner's check-in": (partner_checkin_for, "checkin", {"bob"}),
    "appreciation received": (appreciation_received_by, "appreciation", {"alice"}),
    "conversation": (conversation_for_couple, "conversation", {"alice", "bob"}),
    "breathing invite sent": (invite_sent_by, "breathing", {"alice"}),
    "breathing invite received": (invite_sent_to, "breathing", {"bob"}),
    "ritual": (live_ritual_for_couple, "ritual", {"alice", "bob"}),
    "practice log": (own_practice_log, "log", {"alice"}),
    "result": (own_result, "result", {"alice"}),
    "report": (own_report, "report", {"alice"}),
    "token": (own_token, "token", {"alice"}),
    "invite": (own_invite, "invite", {"charlie"}),
}


@pytest.mark.parametrize("case", CASES)
def test_only_those_it_names_may_load_an_object(people, objects, case):
    access, kind, allowed = CASES[case]
    for name, person in people.items():
        assert loads(access, person, objects[kind]) is (name in allowed), (case, name)
        assert not loads(access, person, 10**9), (case, name, "an id that does not exist")


def test_a_question_is_opened_only_by_a_couple(people):
    question = all_questions()[0].id
    for name, person in people.items():
        assert loads(question_for_couple, person, question) is (name in {"alice", "bob"})
    assert not loads(question_for_couple, people["alice"], "no-such-question")


def test_a_ritual_set_aside_is_no_longer_loaded(alice):
    ritual = add_ritual(user=alice, title="Walk", rhythm="weekly", times_per_period=1)
    stop_ritual(user=alice, ritual_id=ritual.pk)
    assert not loads(live_ritual_for_couple, alice, ritual.pk)


def test_a_share_link_is_loaded_only_through_its_own_report(alice):
    first, second = report_for(alice), report_for(alice, days=7)
    link = create_share_link(report=first, expires_in_days=3)
    assert share_link_of(first, link.pk) == link
    with pytest.raises(Http404):
        share_link_of(second, link.pk)


def test_a_partners_check_in_from_before_the_couple_began_is_not_loaded(alice, bob):
    backdate_couple(alice, days=2)
    before = make_checkin(alice, days_ago=5)
    assert not loads(partner_checkin_for, bob, before.pk)
