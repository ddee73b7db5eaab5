"""Check-ins of one person saved at the same moment (a double tap, two devices): they end
as one check-in of the day, holding every answer of one of them, never a mix or an error."""

from functools import partial

from tending.checkins.models import CheckIn
from tending.checkins.services import save_todays_checkin
from tests.support.builders import checkin_input
from tests.support.concurrency import races, run_at_once
from tests.support.people import make_user

TRIALS = 5
AT_ONCE = 4


@races
def test_check_ins_saved_at_once_end_as_one_holding_one_of_them_whole():
    for trial in range(TRIALS):
        person = make_user(f"Robin{trial}")
        inputs = [
            checkin_input(mood=value, stress=value, energy=value, note=f"note {value}")
            for value in range(1, AT_ONCE + 1)
        ]
        outcomes = run_at_once(
            [partial(save_todays_checkin, user=person, data=data) for data in inputs]
        )
        assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)], outcomes
        assert sum(outcome.is_new for outcome in outcomes) == 1
        [saved] = CheckIn.objects.filter(user=person)
        assert {outcome.checkin.pk for outcome in outcomes} == {saved.pk}
        assert saved.note == f"note {saved.mood}"
        assert saved.stress == saved.energy == saved.mood
