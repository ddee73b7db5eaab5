"""The OpenAPI schema and the docs page, which must work under our content policy."""

import json

import jsonschema
from django.test import Client

from conftest import client_for

URL = "/api/coach/analyse"


def test_the_schema_lists_the_analyse_endpoint_and_both_ways_in(db):
    schema = Client().get("/api/openapi.json").json()
    operation = schema["paths"]["/api/coach/analyse"]["post"]
    assert operation["summary"] == "Analyse a message before saying it"
    assert set(schema["components"]["securitySchemes"]) == {"AccessToken", "Session"}
    assert schema["components"]["securitySchemes"]["AccessToken"]["scheme"] == "bearer"
    properties = schema["components"]["schemas"]["FindingOut"]["properties"]
    assert set(properties) == {"kind", "start", "end", "text", "explanation", "suggestion"}


def test_the_docs_page_loads_only_our_own_files(db):
    page = Client().get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert "<script>" not in page
    assert '"validatorUrl": null' in page


def test_every_error_body_matches_the_documented_problem_shape(alice):
    schema = Client().get("/api/openapi.json").json()
    operation = schema["paths"]["/api/coach/analyse"]["post"]
    components = schema["components"]["schemas"]
    problem = {**components["Problem"], "$defs": components}
    problem = json.loads(json.dumps(problem).replace("#/components/schemas/", "#/$defs/"))
    client = client_for(alice)
    answers = {
        400: client.post(URL, "{not json", content_type="application/json"),
        401: Client().post(URL, json.dumps({"text": "hi"}), content_type="application/json"),
        422: client.post(URL, json.dumps({"text": 3}), content_type="application/json"),
    }
    for status, response in answers.items():
        assert response.status_code == status
        assert str(status) in operation["responses"], f"{status} is not documented"
        jsonschema.validate(response.json(), problem)
        assert response.json()["detail"]
