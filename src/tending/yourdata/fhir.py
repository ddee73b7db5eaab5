"""Questionnaire results as FHIR R4 QuestionnaireResponse resources, as plain dicts."""

import datetime as dt
import uuid

QUESTIONNAIRE_URI = "urn:tending:questionnaire:{key}"


def _instant(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds").replace("+00:00", "Z")


def questionnaire_response(*, resource_id: str, instrument, result) -> dict:
    """One completed questionnaire: each answered item (value and option label), then the
    total and the band, as Tending scored them."""
    items = []
    for number, value in sorted(result.answers_by_item.items()):
        try:
            item = instrument.item(number)
        except KeyError:
            items.append({"linkId": str(number), "answer": [{"valueInteger": value}]})
            continue
        labels = {option.value: option.label for option in item.options}
        coding = {"code": str(value)}
        if value in labels:
            coding["display"] = labels[value]
        items.append(
            {"linkId": str(number), "text": item.text, "answer": [{"valueCoding": coding}]}
        )
    items.append(
        {"linkId": "total", "text": "Total score", "answer": [{"valueInteger": result.total}]}
    )
    band = instrument.band_for(result.total)
    if band is not None:
        items.append({"linkId": "band", "text": "Band", "answer": [{"valueString": band.label}]})
    return {
        "resourceType": "QuestionnaireResponse",
        "id": resource_id,
        "questionnaire": (
            f"{QUESTIONNAIRE_URI.format(key=instrument.key)}|{result.instrument_version}"
        ),
        "status": "completed",
        "authored": _instant(result.taken_at),
        "item": items,
    }


def collection_bundle(resources: list[dict], *, timestamp: dt.datetime) -> dict:
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": _instant(timestamp),
        "entry": [
            {"fullUrl": f"urn:uuid:{uuid.uuid4()}", "resource": resource} for resource in resources
        ],
    }
