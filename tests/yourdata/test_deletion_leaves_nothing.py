"""After deleting an account, no table of the database holds anything of that person."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.urls import reverse

from conftest import PASSWORD, client_for, make_user, pair
from tending.accounts.models import User
from tending.accounts.services import delete_account
from tending.checkins.models import CheckIn
from tending.coach.models import GentleMessage
from tending.core.rotation import encrypted_fields_by_model
from tending.couples.selectors import active_couple_for
from tending.couples.services import create_invite
from tending.learn.models import Reflection
from tending.practices.models import Answer, Appreciation
from tending.safety.models import SafetyPlan
from yourdata.records import checkin_for, response_to

EMAIL = "wilhelmina.q@example.org"
DISPLAY_NAME = "Wilhelmina Quartermaine"
HER_WORDS = [
    "the orchard at dusk made me cry",
    "quietly proud of the blue door",
    "meet me by the willow, my heart",
    "my answer is the lighthouse keeper",
    "this article named my fog",
    "call my sister Ottoline",
    "thank you for the marigolds",
    "I feel tired and I need an early night",
]


def every_stored_text() -> str:
    """Every value of every column of every table, as text."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")
            values.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(values).lower()


def encrypted_values_count() -> int:
    count = 0
    for model, names in encrypted_fields_by_model().items():
        for name in names:
            count += (
                model._base_manager.exclude(**{name: ""})
                .exclude(**{f"{name}__isnull": True})
                .count()
            )
    return count


@pytest.fixture
def wilhelmina(db):
    """Someone who checked in, responded, invited, mistyped her password and was
    edited by an operator; paired with bob, who keeps his own words."""
    her = User.objects.create_user(
        email=EMAIL, password=PASSWORD, display_name=DISPLAY_NAME, timezone="Europe/Paris"
    )
    bob = make_user("Bob")
    pair(her, bob)
    first = checkin_for(her, note=HER_WORDS[0], share_note=True)
    checkin_for(her, days_ago=1, note=HER_WORDS[1])
    response_to(checkin_for(bob, note="bob's own thoughts"), her, message=HER_WORDS[2])
    response_to(first, bob, message="bob answers kindly")
    couple = active_couple_for(her)
    Answer.objects.create(couple=couple, question_id="closeness/1", user=her, text=HER_WORDS[3])
    Reflection.objects.create(article_slug="finding-words", author=her, text=HER_WORDS[4])
    SafetyPlan.objects.create(user=her, people_to_ask=HER_WORDS[5])
    Appreciation.objects.create(couple=couple, author=her, recipient=bob, text=HER_WORDS[6])
    GentleMessage.objects.create(couple=couple, sender=her, recipient=bob, text=HER_WORDS[7])
    client_for(None).post(
        reverse("accounts:login"), {"username": EMAIL.upper(), "password": "not it at all"}
    )
    operator = User.objects.create_superuser(
        email="operator@example.org", password=PASSWORD, display_name="Operator"
    )
    LogEntry.objects.create(
        user=operator,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(her.pk),
        object_repr=str(her),
        action_flag=CHANGE,
        change_message=f"Changed e-mail address of {her.email}.",
    )
    return her


def test_the_fixture_really_stores_her_data_everywhere_we_look(wilhelmina):
    stored = every_stored_text()
    assert EMAIL in stored
    assert DISPLAY_NAME.lower() in stored
    assert not any(words in stored for words in HER_WORDS), "free text is encrypted"


def test_nothing_of_her_remains_after_deletion(wilhelmina):
    bob = User.objects.get(email="bob@example.org")
    assert encrypted_values_count() == 10

    delete_account(user=wilhelmina)

    stored = every_stored_text()
    for trace in [EMAIL, DISPLAY_NAME.lower(), *HER_WORDS]:
        assert trace not in stored, f"{trace!r} is still stored"
    # Everything she wrote and bob's answer on her check-in are gone; bob's note stays.
    assert encrypted_values_count() == 1
    assert CheckIn.objects.get(user=bob).note == "bob's own thoughts"
    assert not User.objects.filter(pk=wilhelmina.pk).exists()


def test_an_invite_she_sent_and_one_she_accepted_leave_nothing(wilhelmina):
    bob = User.objects.get(email="bob@example.org")
    delete_account(user=bob)
    create_invite(inviter=wilhelmina)
    delete_account(user=wilhelmina)
    stored = every_stored_text()
    assert EMAIL not in stored and "bob@example.org" not in stored
