"""Moving the practices' models to their own apps keeps every row, on SQLite and PostgreSQL.

The database is taken back to the last migration before the move, filled through the
models as they were then, and migrated forward; every row must be there, under the new
apps, with its encrypted text still readable, and the content types relabelled.
"""

import datetime as dt

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tending.appreciations.models import Appreciation
from tending.breathing.models import BreathingInvite
from tending.conversations.models import Conversation
from tending.practices.models import PracticeLog
from tending.questions.models import Answer, FavouriteQuestion, QuestionDay, QuestionMessage
from tending.rituals.models import Ritual, RitualDone

BEFORE_THE_MOVE = [
    ("practices", "0002_encrypt_free_text"),
    ("questions", None),
    ("appreciations", None),
    ("conversations", None),
    ("breathing", None),
    ("rituals", None),
]
MOVED = {
    "questions": ["questionday", "answer", "questionmessage", "favouritequestion"],
    "appreciations": ["appreciation"],
    "conversations": ["conversation"],
    "breathing": ["breathinginvite"],
    "rituals": ["ritual", "ritualdone"],
}


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


def fill_the_old_tables(apps) -> dict:
    user_model = apps.get_model("accounts", "User")
    alice = user_model.objects.create(email="alice@example.org", display_name="Alice")
    bob = user_model.objects.create(email="bob@example.org", display_name="Bob")
    couple = apps.get_model("couples", "Couple").objects.create()
    model = lambda name: apps.get_model("practices", name)  # noqa: E731
    today = timezone.now().date()
    conversation = model("Conversation").objects.create(
        couple=couple, kind="meeting", local_date=today, went_well_notes="A slow Sunday"
    )
    ritual = model("Ritual").objects.create(
        couple=couple, title="Evening walk", why="To talk", rhythm="weekly"
    )
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.get_or_create(app_label="practices", model="ritual")
    return {
        "question_day": model("QuestionDay")
        .objects.create(couple=couple, day=today, question_id="dreams-1", chosen_by=alice)
        .pk,
        "answer": model("Answer")
        .objects.create(couple=couple, question_id="dreams-1", user=alice, text="To see the sea")
        .pk,
        "message": model("QuestionMessage")
        .objects.create(couple=couple, question_id="dreams-1", author=bob, text="Let's go in May")
        .pk,
        "favourite": model("FavouriteQuestion").objects.create(user=bob, question_id="dreams-1").pk,
        "appreciation": model("Appreciation")
        .objects.create(couple=couple, author=bob, recipient=alice, text="your patience")
        .pk,
        "conversation": conversation.pk,
        "log": model("PracticeLog")
        .objects.create(
            user=alice, couple=couple, conversation=conversation, kind="meeting", local_date=today
        )
        .pk,
        "invite": model("BreathingInvite")
        .objects.create(couple=couple, sender=bob, pattern="box", minutes=3)
        .pk,
        "ritual": ritual.pk,
        "mark": model("RitualDone")
        .objects.create(ritual=ritual, user=alice, local_date=today - dt.timedelta(days=1))
        .pk,
    }


@pytest.mark.django_db(transaction=True)
def test_every_row_survives_the_move_to_the_new_apps():
    executor = migrate(BEFORE_THE_MOVE)
    old_apps = executor.loader.project_state(BEFORE_THE_MOVE[:1]).apps
    ids = fill_the_old_tables(old_apps)

    migrate(executor.loader.graph.leaf_nodes())

    assert QuestionDay.objects.get(pk=ids["question_day"]).question_id == "dreams-1"
    assert Answer.objects.get(pk=ids["answer"]).text == "To see the sea"
    assert QuestionMessage.objects.get(pk=ids["message"]).text == "Let's go in May"
    assert FavouriteQuestion.objects.filter(pk=ids["favourite"]).exists()
    assert Appreciation.objects.get(pk=ids["appreciation"]).text == "your patience"
    meeting = Conversation.objects.get(pk=ids["conversation"])
    assert meeting.went_well_notes == "A slow Sunday"
    assert PracticeLog.objects.get(pk=ids["log"]).conversation == meeting
    assert BreathingInvite.objects.get(pk=ids["invite"]).pattern == "box"
    ritual = Ritual.objects.get(pk=ids["ritual"])
    assert ritual.why == "To talk"
    assert list(ritual.marks.values_list("pk", flat=True)) == [ids["mark"]]
    assert RitualDone.objects.count() == 1
    ritual_type = ContentType.objects.get_for_model(Ritual)
    assert ritual_type.app_label == "rituals"
    assert not ContentType.objects.filter(app_label="practices", model="ritual").exists()


def test_the_moved_models_keep_their_tables():
    for app, models in MOVED.items():
        for name in models:
            assert apps.get_model(app, name)._meta.db_table == f"practices_{name}"
