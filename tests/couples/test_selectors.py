"""Who is whose partner: the one statement behind nearly every page."""

from tending.couples.selectors import couple_and_partner
from tending.couples.services import unpair
from tests.support.builders import couple_of
from tests.support.people import make_user, pair
from tests.support.queries import assert_query_count


def test_each_partner_gets_the_other_and_their_couple(alice, bob):
    couple = couple_of(alice)
    with assert_query_count(1):
        alices_couple, alices_partner = couple_and_partner(alice)
    bobs_couple, bobs_partner = couple_and_partner(bob)
    assert alices_partner == bob and bobs_partner == alice
    assert alices_couple == bobs_couple == couple
    assert alices_couple.started_at == couple.started_at
    assert alices_couple.live_version == couple.live_version
    assert (alices_partner.display_name, alices_partner.timezone) == ("Bob", "America/New_York")


def test_a_former_partner_and_a_stranger_have_none(alice, charlie, dana):
    assert couple_and_partner(dana) == (None, None)
    assert couple_and_partner(charlie) == (None, None)


def test_unpairing_and_pairing_again_show_at_once(alice, bob, charlie):
    unpair(user=bob)
    assert couple_and_partner(alice) == (None, None)
    assert couple_and_partner(bob) == (None, None)
    pair(charlie, bob)
    couple, partner = couple_and_partner(charlie)
    assert partner == bob and couple == couple_of(bob)
    erin = make_user("Erin")
    pair(alice, erin)
    assert couple_and_partner(alice)[1] == erin
