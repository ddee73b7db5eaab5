"""The OpenAPI schema and the docs page, which must work under our content policy."""

from django.test import Client


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
