"""What the OpenAPI document says of the conventions every route shares, added in one
place: ``If-None-Match`` and 304 on reads with their ``ETag``, ``Retry-After`` on 429,
``Idempotency-Key`` on creates (a route asks for it with ``IDEMPOTENT``)."""

from tending.api.idempotency import HEADER, KEY_SCHEMA

JSON = "application/json"

IDEMPOTENT = {
    "parameters": [
        {
            "name": HEADER,
            "in": "header",
            "required": False,
            "description": "A key of your own (e.g. a UUID) that makes retrying this create "
            "safe: for a day, the same key with the same request gets the first answer again.",
            "schema": KEY_SCHEMA,
        }
    ]
}

IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "The `ETag` of an earlier answer: 304 with no body when nothing changed.",
    "schema": {"type": "string"},
}
ETAG = {
    "description": "A tag of this answer's content, to send back as `If-None-Match`.",
    "required": True,
    "schema": {"type": "string"},
}
RETRY_AFTER = {
    "description": "Seconds to wait before the next request.",
    "required": True,
    "schema": {"type": "integer", "minimum": 0},
}


def _is_json(response: dict) -> bool:
    return JSON in response.get("content", {})


def document_conventions(schema: dict) -> dict:
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            responses = {str(code): answer for code, answer in operation["responses"].items()}
            operation["responses"] = responses
            if "429" in responses:
                responses["429"].setdefault("headers", {})["Retry-After"] = RETRY_AFTER
            takes_key = any(p.get("name") == HEADER for p in operation.get("parameters", []))
            if takes_key and "409" not in responses:
                responses["409"] = {**responses["422"], "description": "Conflict"}
            if method != "get" or not _is_json(responses.get("200", {})):
                continue
            operation.setdefault("parameters", []).append(IF_NONE_MATCH)
            responses["200"].setdefault("headers", {})["ETag"] = ETAG
            responses["304"] = {"description": "Not modified: the `ETag` sent still holds."}
    return schema
