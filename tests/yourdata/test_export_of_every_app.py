"""Every app's part of the export: mine only, restorable where it needs no couple, and
questionnaire results as valid FHIR QuestionnaireResponse resources."""

import datetime as dt
import io
import json
import zipfile

import pytest
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from tending.accounts.models import User
from tending.assessments.models import Result
from tending.assessments.scoring import get_instrument
from tending.assessments.services import record_result
from tending.coach.models import GentleMessage
from tending.couples.models import Couple
from tending.couples.selectors import active_couple_for
from tending.learn.models import Reflection
from tending.practices.models import (
    Answer,
    Appreciation,
    Conversation,
    FavouriteQuestion,
    PracticeLog,
    QuestionMessage,
    Ritual,
    RitualDone,
)
from tending.reports.models import Report, ShareAccess, ShareLink
from tending.safety.models import SafetyPlan
from tending.yourdata.services import export_archive, import_archive

pytestmark = pytest.mark.on_edge_days

PHQ9_ANSWERS = {1: 1, 2: 2, 3: 0, 4: 3, 5: 1, 6: 0, 7: 2, 8: 1, 9: 0}
FHIR_BUNDLE = "fhir/questionnaire_responses.json"


def members(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


@pytest.fixture
def lives(people):
    alice, bob, dana = people["alice"], people["bob"], people["dana"]
    couple = active_couple_for(alice)
    old_couple = Couple.objects.filter(ended_at__isnull=False).get()
    Answer.objects.create(couple=couple, question_id="closeness/1", user=alice, text="alice: sea")
    Answer.objects.create(couple=couple, question_id="closeness/1", user=bob, text="bob: hills")
    QuestionMessage.objects.create(
        couple=couple, question_id="closeness/1", author=bob, text="bob: why the sea?"
    )
    QuestionMessage.objects.create(
        couple=couple, question_id="closeness/1", author=alice, text="alice: the light"
    )
    Appreciation.objects.create(couple=couple, author=alice, recipient=bob, text="alice: thanks")
    Appreciation.objects.create(couple=couple, author=bob, recipient=alice, text="bob: you shine")
    Appreciation.objects.create(
        couple=old_couple, author=dana, recipient=alice, text="dana: long ago"
    )
    FavouriteQuestion.objects.create(user=alice, question_id="dreams/2")
    PracticeLog.objects.create(
        user=alice, kind="breathing", local_date="2026-01-05", detail="4-7-8, 3 min", feeling=4
    )
    Reflection.objects.create(article_slug="finding-words", author=alice, text="alice: words")
    Reflection.objects.create(article_slug="finding-words", author=bob, text="bob: silence")
    SafetyPlan.objects.create(
        user=alice, warning_signs="alice: sleepless", shared_with_partner=True
    )
    SafetyPlan.objects.create(user=bob, warning_signs="bob: restless", shared_with_partner=True)
    record_result(user=alice, instrument=get_instrument("phq9"), answers=PHQ9_ANSWERS)
    record_result(
        user=alice, instrument=get_instrument("who5"), answers=dict.fromkeys(range(1, 6), 3)
    )
    record_result(
        user=bob, instrument=get_instrument("gad7"), answers=dict.fromkeys(range(1, 8), 1)
    )
    return people


def test_my_export_holds_my_words_from_every_app_and_none_of_anyone_elses(lives):
    text = "\n".join(members(export_archive(user=lives["alice"])).values())
    for mine in (
        "alice: sea",
        "alice: the light",
        "alice: thanks",
        "bob: you shine",
        "alice: words",
        "alice: sleepless",
        "dreams/2",
        "4-7-8, 3 min",
    ):
        assert mine in text
    for not_mine in ("bob: hills", "bob: why the sea?", "dana: long ago", "bob: silence"):
        assert not_mine not in text
    assert "bob: restless" not in text


def test_questionnaire_results_are_valid_fhir_questionnaire_responses(lives):
    files = members(export_archive(user=lives["alice"]))
    bundle = Bundle.model_validate(json.loads(files[FHIR_BUNDLE]))
    assert bundle.type == "collection"
    responses = [
        QuestionnaireResponse.model_validate(entry.resource.model_dump()) for entry in bundle.entry
    ]
    assert [r.questionnaire for r in responses] == [
        "urn:tending:questionnaire:phq9|1",
        "urn:tending:questionnaire:who5|1",
    ]
    phq9 = responses[0]
    assert phq9.status == "completed"
    answers = {item.linkId: item.answer[0] for item in phq9.item}
    assert answers["4"].valueCoding.code == "3"
    assert answers["4"].valueCoding.display == "Nearly every day"
    assert answers["total"].valueInteger == sum(PHQ9_ANSWERS.values())
    assert "fhir/questionnaire_responses.json" in files["README.txt"]


def test_no_fhir_file_without_results(alice):
    assert FHIR_BUNDLE not in members(export_archive(user=alice))


def test_import_restores_what_is_mine_without_a_couple(lives):
    alice = lives["alice"]
    archive = export_archive(user=alice)
    result_fields = ("instrument_key", "answers", "total", "taken_at")
    results_before = list(Result.objects.filter(user=alice).values_list(*result_fields))
    alice.delete()

    restored = import_archive(data=archive)

    assert SafetyPlan.objects.get(user=restored).warning_signs == "alice: sleepless"
    assert SafetyPlan.objects.get(user=restored).shared_with_partner is False
    assert Reflection.objects.get(author=restored).text == "alice: words"
    assert FavouriteQuestion.objects.get(user=restored).question_id == "dreams/2"
    assert PracticeLog.objects.get(user=restored).detail == "4-7-8, 3 min"
    restored_results = Result.objects.filter(user=restored).values_list(*result_fields)
    assert list(restored_results) == results_before
    assert User.objects.filter(email="alice@example.org").count() == 1


def test_gentle_messages_and_reports_are_mine_and_share_links_stay_secret(people):
    alice, bob = people["alice"], people["bob"]
    couple = active_couple_for(alice)
    GentleMessage.objects.create(couple=couple, sender=bob, recipient=alice, text="bob: I feel")
    GentleMessage.objects.create(couple=couple, sender=alice, recipient=bob, text="alice: I need")
    report = Report.objects.create(
        owner=alice, start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 3, 31)
    )
    link = ShareLink.objects.create(report=report, expires_at=timezone.now() + dt.timedelta(7))
    ShareAccess.objects.create(link=link, kind="pdf", browser="Firefox")

    files = members(export_archive(user=alice))
    text = "\n".join(files.values())
    assert "alice: I need" in text and "bob: I feel" in text
    assert link.token not in text
    assert json.loads(files["report_link_openings.json"])[0]["browser"] == "Firefox"
    assert json.loads(files["reports.json"])[0]["end_date"] == "2026-03-31"
    assert "2026-03-31" not in "\n".join(members(export_archive(user=bob)).values())


def test_the_readme_explains_every_file_and_every_field(lives):
    alice, bob = lives["alice"], lives["bob"]
    couple = active_couple_for(alice)
    GentleMessage.objects.create(couple=couple, sender=alice, recipient=bob, text="alice: I need")
    GentleMessage.objects.create(couple=couple, sender=bob, recipient=alice, text="bob: I feel")
    meeting = Conversation.objects.create(
        couple=couple, kind="meeting", local_date=dt.date(2026, 1, 5), work_on_notes="shelves"
    )
    PracticeLog.objects.create(
        user=alice, couple=couple, conversation=meeting, kind="meeting", local_date="2026-01-05"
    )
    ritual = Ritual.objects.create(couple=couple, title="Tea", why="calm", rhythm="daily")
    RitualDone.objects.create(ritual=ritual, user=alice, local_date=dt.date(2026, 1, 6))
    report = Report.objects.create(
        owner=alice, start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 1, 31)
    )
    link = ShareLink.objects.create(report=report, expires_at=timezone.now() + dt.timedelta(7))
    ShareAccess.objects.create(link=link, kind="page", browser="Firefox")

    files = members(export_archive(user=alice))
    readme = files.pop("README.txt")
    for name in files:
        assert name in readme, f"{name} is not explained"
    manifest = json.loads(files["manifest.json"])
    for table, (json_name, _) in manifest["tables"].items():
        heading = f"{table}.json and {table}.csv"
        columns = readme.split(heading, 1)[1].split("\n\n")[1]
        rows = json.loads(files[json_name])
        for field in {key for row in rows for key in row}:
            assert f"  {field} " in columns, f"{table}.{field} is not explained"
