import pytest

from tests.support.builders import checkin_post


@pytest.fixture
def record_note(alice, as_alice):
    """A check-in note of alice's with crisis language, saved through the check-in page."""
    note = "I feel like a burden and want to disappear forever, I want to die"
    as_alice.post("/check-in/", checkin_post(note=note))
    return note
