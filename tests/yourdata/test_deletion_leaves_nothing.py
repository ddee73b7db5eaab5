"""After deleting an account, no table of the database holds anything of that person."""

import pytest
from django.apps import apps as django_apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.urls import reverse

from tending.accounts.models import User
from tending.accounts.services import delete_account
from tending.api.services import create_token
from tending.appreciations.models import Appreciation
from tending.assessments.selectors import instrument_for
from tending.assessments.services import record_result
from tending.checkins.models import CheckIn
from tending.coach.models import GentleMessage
from tending.conversations.models import Conversation
from tending.core.rotation import encrypted_fields_by_model
from tending.couples.selectors import active_couple_for
from tending.couples.services import create_invite, unpair
from tending.learn.models import Reflection
from tending.notifications.models import Notification
from tending.notifications.services import add_device, save_settings
from tending.practices.models import PracticeLog
from tending.questions.models import Answer, QuestionMessage
from tending.reports.models import ShareAccess
from tending.reports.services import create_report, create_share_link
from tending.rituals.models import Ritual
from tending.safety.models import SafetyPlan
from tending.security.models import Passkey, SignedInDevice
from tests.support.api import send, token_client
from tests.support.builders import make_checkin, make_response
from tests.support.people import PASSWORD, client_for, make_user, pair
from tests.support.push import BrowserKeys
from tests.support.twofactor import with_authenticator

pytestmark = pytest.mark.frozen("2027-03-10T15:00:00+00:00")

EMAIL = "wilhelmina.q@example.org"
DISPLAY_NAME = "Wilhelmina Quartermaine"
HER_WORDS = [
    "the orchard at dusk made me cry",
    "quietly proud of the blue door",
    "meet me by the willow, my heart",
    "my answer is the lighthouse keeper",
    "this article named my fog",
    "call my sister ottoline",
    "thank you for the marigolds",
    "i feel tired and i need an early night",
    "the thread about the mountain cabin",
    "we will repaint the greenhouse together",
    "because sunday pancakes matter to me",
    "the quiet hour before the school run",
]
VIA_THE_API = "the kettle sings at seven"


def every_stored_text() -> str:
    """Every value of every column of every table, as lower-case text."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")
            values.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(values).lower()


def every_decrypted_text() -> str:
    """Every encrypted value in the database, decrypted, as lower-case text."""
    values = []
    for model, names in encrypted_fields_by_model().items():
        for row in model._base_manager.values_list(*names):
            values.extend(str(value) for value in row if value)
    return "\n".join(values).lower()


def rows_pointing_at(user_pk: int) -> list[str]:
    """Every model and column that still refers to the person."""
    found = []
    for model in django_apps.get_models():
        for field in model._meta.get_fields():
            points_at_people = isinstance(field, models.ForeignKey) and field.related_model is User
            if points_at_people and model._base_manager.filter(**{field.attname: user_pk}).exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


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
    first = make_checkin(her, note=HER_WORDS[0], share_note=True)
    make_checkin(her, days_ago=1, note=HER_WORDS[1])
    make_response(make_checkin(bob, note="bob's own thoughts"), her, message=HER_WORDS[2])
    make_response(first, bob, message="bob answers kindly")
    couple = active_couple_for(her)
    Answer.objects.create(couple=couple, question_id="closeness/1", user=her, text=HER_WORDS[3])
    Reflection.objects.create(article_slug="finding-words", author=her, text=HER_WORDS[4])
    SafetyPlan.objects.create(user=her, people_to_ask=HER_WORDS[5])
    Appreciation.objects.create(couple=couple, author=her, recipient=bob, text=HER_WORDS[6])
    GentleMessage.objects.create(couple=couple, sender=her, recipient=bob, text=HER_WORDS[7])
    QuestionMessage.objects.create(
        couple=couple, question_id="closeness/1", author=her, text=HER_WORDS[8]
    )
    meeting = Conversation.objects.create(
        couple=couple,
        kind=Conversation.Kind.MEETING,
        status=Conversation.Status.DONE,
        started_by=her,
        first_speaker=her,
        second_speaker=bob,
        local_date=first.local_date,
        work_on_notes=HER_WORDS[9],
    )
    for person in (her, bob):
        PracticeLog.objects.create(
            user=person,
            couple=couple,
            conversation=meeting,
            kind=PracticeLog.Kind.MEETING,
            local_date=first.local_date,
            feeling=4,
        )
    Ritual.objects.create(
        couple=couple,
        title="Pancakes",
        why=HER_WORDS[10],
        rhythm=Ritual.Rhythm.WEEKLY,
        created_by=her,
    )
    report = create_report(
        owner=her,
        start_date=first.local_date,
        end_date=first.local_date,
        include_notes=True,
        include_practices=True,
    )
    link = create_share_link(report=report, expires_in_days=7)
    ShareAccess.objects.create(link=link, kind=ShareAccess.Kind.PAGE, browser="Firefox")
    record_result(
        user=her,
        instrument=instrument_for("phq9"),
        answers={number: 1 for number in range(1, 10)} | {9: 0},
    )
    create_token(user=her, name=HER_WORDS[11])
    keys = BrowserKeys()
    save_settings(user=her, values={"email_kinds": {"response": "now"}})
    add_device(
        user=her,
        endpoint="https://fcm.googleapis.com/fcm/send/wilhelmina-phone",
        p256dh=keys.p256dh,
        auth=keys.auth_secret,
        name=f"{DISPLAY_NAME}'s phone",
    )
    Notification.objects.create(
        user=bob,
        actor=her,
        couple=couple,
        kind="appreciation",
        channel=Notification.Channel.PUSH,
        key=f"appreciation:appreciation-1:{bob.pk}:push",
        deliver_after=first.created_at,
    )
    with_authenticator(her)
    client_for(her).get(reverse("home:index"))
    Passkey.objects.create(
        user=her, name="phone", credential_id="her-key", public_key=b"k", user_handle="h"
    )
    send(
        token_client(her),
        "post",
        "/api/v1/appreciations",
        {"text": VIA_THE_API},
        **{"Idempotency-Key": "her-retry"},
    )
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
    assert all(words in stored or words in every_decrypted_text() for words in HER_WORDS), (
        "every one of her words is stored"
    )
    assert not any(words in stored for words in HER_WORDS[:11]), "free text is encrypted"
    assert VIA_THE_API in every_decrypted_text() and VIA_THE_API not in stored
    assert SignedInDevice.objects.filter(user=wilhelmina).exists()


def test_nothing_of_her_remains_after_deletion(wilhelmina):
    bob = User.objects.get(email="bob@example.org")
    token = wilhelmina.reports.get().share_links.get().token
    # 13 texts she wrote in the app, her authenticator's secret, an appreciation sent
    # through the API and the answer kept for its Idempotency-Key.
    assert encrypted_values_count() == 16

    delete_account(user=wilhelmina)

    stored = every_stored_text() + every_decrypted_text()
    for trace in [EMAIL, DISPLAY_NAME.lower(), token.lower(), *HER_WORDS, VIA_THE_API]:
        assert trace not in stored, f"{trace!r} is still stored"
    assert rows_pointing_at(wilhelmina.pk) == []
    # Everything she wrote and bob's answer on her check-in are gone; bob's note stays.
    assert encrypted_values_count() == 1
    assert CheckIn.objects.get(user=bob).note == "bob's own thoughts"
    assert PracticeLog.objects.get(user=bob).feeling == 4
    assert not User.objects.filter(pk=wilhelmina.pk).exists()


def test_what_she_wrote_with_a_former_partner_goes_too(wilhelmina):
    bob = User.objects.get(email="bob@example.org")
    unpair(user=bob)
    delete_account(user=wilhelmina)
    stored = every_stored_text() + every_decrypted_text()
    for trace in HER_WORDS:
        assert trace not in stored, f"{trace!r} is still stored"


def test_an_invite_she_sent_and_one_she_accepted_leave_nothing(wilhelmina):
    bob = User.objects.get(email="bob@example.org")
    delete_account(user=bob)
    create_invite(inviter=wilhelmina)
    delete_account(user=wilhelmina)
    stored = every_stored_text()
    assert EMAIL not in stored and "bob@example.org" not in stored
