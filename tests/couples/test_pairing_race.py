"""Two people who accept each other's invitations at the same moment: one pairing wins and
the other person gets the same clear message as anyone already paired, never an error."""

from functools import partial

from tending.couples.models import Couple, Membership
from tending.couples.services import PairingError, accept_invite, create_invite
from tests.support.concurrency import races, run_at_once
from tests.support.people import make_user

TRIALS = 5


@races
def test_crossed_invitations_accepted_at_once_make_one_couple():
    for trial in range(TRIALS):
        robin, sam = make_user(f"Robin{trial}"), make_user(f"Sam{trial}")
        robins_invite, sams_invite = create_invite(inviter=robin), create_invite(inviter=sam)
        outcomes = run_at_once(
            [
                partial(accept_invite, token=sams_invite.token, user=robin),
                partial(accept_invite, token=robins_invite.token, user=sam),
            ]
        )

        couples = [outcome for outcome in outcomes if isinstance(outcome, Couple)]
        refusals = [outcome for outcome in outcomes if isinstance(outcome, PairingError)]
        assert len(couples) == 1 and len(refusals) == 1, outcomes
        assert "already paired" in str(refusals[0])
        for person in (robin, sam):
            assert Membership.objects.filter(user=person, active=True).count() == 1
