"""The person's questionnaire results and schedule, for their export (results also as
FHIR R4 QuestionnaireResponse resources), and restoring them."""

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from tending.assessments.models import Result, ScheduleChoice
from tending.assessments.scoring import UnknownInstrument, get_instrument
from tending.core.exports import Document, Table
from tending.yourdata.fhir import collection_bundle, questionnaire_response

RESULT_COLUMNS = {
    "taken_at": "When you completed the questionnaire (UTC).",
    "instrument_key": "Which questionnaire (phq9, gad7, who5, csi4, pss4, phq2, gad2).",
    "instrument_version": "The version of Tending's wording and scoring of it.",
    "answers": "Your answer to each item: the option's value, by item number.",
    "total": "The total score, as published for the questionnaire.",
    "band_key": "The severity band the total falls in.",
    "safety_flag": "Whether an answer led Tending to offer its safety screen.",
    "sharing": "What your partner could see: nothing, the band only, or band and score.",
}
SCHEDULE_COLUMNS = {
    "instrument_key": "Which questionnaire.",
    "active": "Whether Tending reminds you to take it.",
    "every_days": "How often, in days.",
}
FHIR_PATH = "fhir/questionnaire_responses.json"


def export_tables(user) -> list[Table | Document]:
    results = list(Result.objects.filter(user=user).order_by("taken_at", "pk"))
    parts: list[Table | Document] = [
        Table(
            "assessment_results",
            "Every questionnaire you completed, with your answers and what they scored.",
            RESULT_COLUMNS,
            [{name: getattr(result, name) for name in RESULT_COLUMNS} for result in results],
        ),
        Table(
            "assessment_schedule",
            "How often you chose to take each questionnaire.",
            SCHEDULE_COLUMNS,
            list(ScheduleChoice.objects.filter(user=user).values(*SCHEDULE_COLUMNS)),
        ),
    ]
    resources = []
    for number, result in enumerate(results, start=1):
        try:
            instrument = get_instrument(result.instrument_key)
        except UnknownInstrument:
            continue
        resources.append(
            questionnaire_response(
                resource_id=f"{result.instrument_key}-{number}",
                instrument=instrument,
                result=result,
            )
        )
    if resources:
        parts.append(
            Document(
                FHIR_PATH,
                "Your questionnaire results as a FHIR R4 Bundle of QuestionnaireResponse "
                "resources, a format health records and clinicians' systems can read.",
                collection_bundle(resources, timestamp=timezone.now()),
            )
        )
    return parts


def import_tables(user, tables: dict[str, list[dict]]) -> None:
    Result.objects.bulk_create(
        Result(
            user=user,
            **{name: row[name] for name in RESULT_COLUMNS if name != "taken_at"},
            taken_at=parse_datetime(row["taken_at"]),
        )
        for row in tables.get("assessment_results") or []
    )
    ScheduleChoice.objects.bulk_create(
        ScheduleChoice(user=user, **{name: row[name] for name in SCHEDULE_COLUMNS})
        for row in tables.get("assessment_schedule") or []
    )
