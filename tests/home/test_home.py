import pytest
from django.urls import reverse

from tending.appreciations.services import send_appreciation
from tending.assessments.scoring import get_instrument
from tending.assessments.services import record_result
from tending.breathing.services import invite_to_breathe
from tending.checkins.models import Response
from tending.coach.services import send_gentle_message
from tending.safety.services import tell_partner
from tests.support.builders import backdate_couple, make_checkin, make_response
from tests.support.people import client_for

pytestmark = pytest.mark.on_edge_days

HOME = reverse("home:index")
HISTORY = reverse("checkins:history")

NUMBERS = ("Feels connected", "Overwhelmed", "Sleep")
EMOTIONS = ("lonely", "hopeful")
NEEDS = ("Practical help",)
NOTE = ("NOTE-4e1d",)
PARTS = {
    "share_numbers": NUMBERS,
    "share_emotions": EMOTIONS,
    "share_needs": NEEDS,
    "share_note": NOTE,
}


def alice_checks_in(alice, **sharing):
    return make_checkin(
        alice,
        mood=2,
        stress=5,
        sleep_hours=6,
        emotions=list(EMOTIONS),
        needs=["practical"],
        note=NOTE[0],
        **({"share_numbers": True, "share_emotions": True, "share_needs": True} | sharing),
    )


def test_anonymous_visitors_see_the_welcome_page(db):
    page = client_for(None).get(HOME).content.decode()
    assert "Create an account" in page
    assert "not a medical device" in page


def test_someone_alone_can_check_in_and_invite(charlie):
    page = client_for(charlie).get(HOME).content.decode()
    assert "How are you today?" in page
    assert "Invite your partner" in page


def test_the_partners_day_is_told_as_statements_about_them(alice, bob):
    backdate_couple(alice, days=2)
    alice_checks_in(alice)
    for page in (
        client_for(bob).get(HOME).content.decode(),
        client_for(bob).get(HISTORY).content.decode(),
    ):
        assert "<dt>Mood</dt>" in page
        assert "<dt>Feels connected</dt>" in page
        assert "How is your mood?" not in page
        assert "How connected do you feel to your partner?" not in page


@pytest.mark.parametrize("hidden_part", PARTS)
def test_a_part_kept_private_is_absent_for_the_partner(alice, bob, hidden_part):
    backdate_couple(alice, days=2)
    alice_checks_in(alice, **({"share_note": True} | {hidden_part: False}))
    as_bob = client_for(bob)
    for page in (as_bob.get(HOME).content.decode(), as_bob.get(HISTORY).content.decode()):
        for part, words in PARTS.items():
            for word in words:
                assert (word in page) is (part != hidden_part), (part, word)
    own_page = client_for(alice).get(HOME).content.decode()
    for words in PARTS.values():
        for word in words:
            assert word in own_page


def test_a_fully_private_check_in_says_only_that_it_exists(alice, bob):
    alice_checks_in(alice, share_numbers=False, share_emotions=False, share_needs=False)
    page = client_for(bob).get(HOME).content.decode()
    assert "Alice checked in today and kept it private." in page
    for words in PARTS.values():
        for word in words:
            assert word not in page


def test_the_partner_is_told_when_nothing_is_in_yet(alice, bob):
    assert "Alice has not checked in yet today." in client_for(bob).get(HOME).content.decode()


def test_the_owner_sees_what_is_shared(alice):
    alice_checks_in(alice, share_emotions=False)
    page = client_for(alice).get(HOME).content.decode()
    assert "Shared with your partner: numbers, what would help." in page


def test_yesterdays_check_in_of_the_partner_is_not_today(alice, bob):
    backdate_couple(alice, days=3)
    make_checkin(alice, days_ago=1, emotions=["hopeful"])
    page = client_for(bob).get(HOME).content.decode()
    assert "Alice has not checked in yet today." in page
    assert "hopeful" not in page


def test_a_response_within_a_day_counts_as_turned_toward(alice, bob):
    checkin = make_checkin(alice, needs=["hug"])
    make_response(checkin, bob, kind=Response.Kind.HUG)
    for viewer in (alice, bob):
        page = client_for(viewer).get(HOME).content.decode()
        assert "You answered each other's requests 1 time within a day." in page


def seed_days(alice, bob, days: range):
    """Both partners check in with a request on each day, and each answers the other."""
    for offset in days:
        for person, other in ((alice, bob), (bob, alice)):
            make_response(make_checkin(person, days_ago=offset, needs=["hug"]), other)


def test_the_home_page_costs_the_same_few_queries_however_long_the_history(
    alice, bob, django_assert_max_num_queries
):
    backdate_couple(alice, days=70)
    seed_days(alice, bob, range(5))
    client = client_for(bob)
    with django_assert_max_num_queries(30) as after_five_days:
        client.get(HOME)
    seed_days(alice, bob, range(5, 60))
    with django_assert_max_num_queries(len(after_five_days.captured_queries)):
        client.get(HOME)


def everything_on_alices_home(alice, bob) -> None:
    """Give alice's home every card it can show."""
    backdate_couple(alice, days=10)
    mine = make_checkin(alice, needs=["hug"])
    theirs = make_checkin(bob, needs=["talk"], share_needs=True)
    make_response(mine, bob)
    make_response(theirs, alice)
    tell_partner(user=bob)
    tell_partner(user=alice)
    invite_to_breathe(user=bob, pattern="box", minutes=3)
    send_appreciation(author=bob, text="Thank you for the soup.")
    send_gentle_message(sender=bob, text="I feel tired and I need a quiet evening.")
    record_result(user=alice, instrument=get_instrument("phq9"), answers=PHQ9_MODERATE)


HOME_CARDS_IN_ORDER = (
    "Bob is having a hard time",
    "Breathe together?",
    "Your day",
    "Bob's day",
    "A message from Bob",
    "Your partner knows you are having a hard time",
    "It might help to talk to someone",
    "Short checks on how you have been",
    "Today's question",
    "From Bob",
    "This week",
)
PHQ9_MODERATE = {number: 2 for number in range(1, 9)} | {9: 0}


def test_home_puts_what_matters_today_first(alice, bob):
    everything_on_alices_home(alice, bob)
    page = client_for(alice).get(HOME).content.decode()
    headings = [heading for heading in HOME_CARDS_IN_ORDER if f">{heading}</h2>" in page]
    assert headings == list(HOME_CARDS_IN_ORDER)
    positions = [page.index(f">{heading}</h2>") for heading in HOME_CARDS_IN_ORDER]
    assert positions == sorted(positions)


def test_home_with_every_card_costs_few_queries(alice, bob, django_assert_max_num_queries):
    everything_on_alices_home(alice, bob)
    client = client_for(alice)
    with django_assert_max_num_queries(12):
        response = client.get(HOME)
    assert "Breathe together?" in response.content.decode()
