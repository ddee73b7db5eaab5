"""The OpenAPI document: valid OpenAPI 3.1, and every route documents the one error shape
for every status it may answer."""

import json

import jsonschema
from django.test import Client
from openapi_spec_validator import validate

from tests.support.api import send, token_client


def document() -> dict:
    return Client().get("/api/openapi.json").json()


def test_the_document_is_valid_openapi_3_1(db):
    schema = document()
    assert schema["openapi"].startswith("3.1")
    validate(schema)


def test_every_route_documents_the_error_shape_for_each_status(db):
    schema = document()
    problem = "#/components/schemas/Problem"
    for path, methods in schema["paths"].items():
        if not path.startswith("/api/v1/") and path != "/api/coach/analyse":
            continue
        for method, operation in methods.items():
            documented = operation["responses"]
            for status in ("400", "401", "403", "413", "422", "429"):
                answer = documented[status]
                assert answer["content"]["application/json"]["schema"]["$ref"] == problem
            assert documented["429"]["headers"]["Retry-After"]["required"] is True
            if "{" in path:
                assert "404" in documented, f"{method} {path}"
            if method == "get" and "200" in documented and path != "/api/v1/export":
                assert documented["200"]["headers"]["ETag"]["required"] is True
                assert documented["304"]


def test_error_bodies_match_the_documented_shape_for_every_status(alice, bob, settings):
    components = document()["components"]["schemas"]
    problem = {**components["Problem"], "$defs": components}
    problem = json.loads(json.dumps(problem).replace("#/components/schemas/", "#/$defs/"))
    reader = token_client(alice, ["read"])
    client = token_client(alice)
    send(
        client,
        "post",
        "/api/v1/checkins/today",
        {"mood": 3, "stress": 3, "energy": 3, "connection": 3},
    )
    answers = {
        400: client.post("/api/v1/appreciations", "{not json", content_type="application/json"),
        401: send(Client(), "get", "/api/v1/me"),
        403: send(reader, "post", "/api/v1/appreciations", {"text": "hi"}),
        404: send(client, "get", "/api/v1/results/999999"),
        409: send(
            client,
            "post",
            "/api/v1/checkins/today",
            {"mood": 3, "stress": 3, "energy": 3, "connection": 3},
        ),
        422: send(client, "post", "/api/v1/appreciations", {"text": 3}),
    }
    settings.TENDING_API_RATE = "1/m"
    limited = token_client(alice)
    send(limited, "get", "/api/v1/me")
    answers[429] = send(limited, "get", "/api/v1/me")
    for status, response in answers.items():
        assert response.status_code == status, (status, response.content)
        assert response["Content-Type"].startswith("application/json")
        jsonschema.validate(response.json(), problem)
        assert response.json()["detail"]


def test_an_unknown_method_gets_405_with_allow(alice):
    response = send(token_client(alice), "delete", "/api/v1/me")
    assert response.status_code == 405
    assert response["Allow"] == "GET"
