"""Two people who accept each other's invitations at the same moment: one pairing wins and
the other person gets the same clear message as anyone already paired, never an error."""

import threading

import pytest
from django.db import connection

from conftest import make_user
from tending.couples.models import Couple, Membership
from tending.couples.services import PairingError, accept_invite, create_invite

TRIALS = 5


def accept_at_once(pairs):
    """Run accept_invite for each (token, user) in its own thread, all released together."""
    barrier = threading.Barrier(len(pairs))
    outcomes = [None] * len(pairs)

    def accept(index, token, user):
        try:
            barrier.wait()
            outcomes[index] = accept_invite(token=token, user=user)
        except PairingError as problem:
            outcomes[index] = problem
        except Exception as error:  # noqa: BLE001 - the test reports whatever escaped
            outcomes[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=accept, args=(index, token, user))
        for index, (token, user) in enumerate(pairs)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the in-memory SQLite test database cannot be written from two threads at once; "
    "a SQLite file is written one transaction at a time (IMMEDIATE) and cannot race",
)
@pytest.mark.django_db(transaction=True)
def test_crossed_invitations_accepted_at_once_make_one_couple():
    for trial in range(TRIALS):
        robin, sam = make_user(f"Robin{trial}"), make_user(f"Sam{trial}")
        robins_invite, sams_invite = create_invite(inviter=robin), create_invite(inviter=sam)
        outcomes = accept_at_once([(sams_invite.token, robin), (robins_invite.token, sam)])

        couples = [outcome for outcome in outcomes if isinstance(outcome, Couple)]
        refusals = [outcome for outcome in outcomes if isinstance(outcome, PairingError)]
        assert len(couples) == 1 and len(refusals) == 1, outcomes
        assert "already paired" in str(refusals[0])
        for person in (robin, sam):
            assert Membership.objects.filter(user=person, active=True).count() == 1
