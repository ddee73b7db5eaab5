"""/api/v1 safety plan: read, write, edit, share; the partner reads it only when shared."""

from tending.safety.models import SafetyPlan
from tests.support.api import send, token_client


def test_a_plan_is_written_edited_and_shared_only_by_choice(alice, bob, charlie):
    client = token_client(alice)
    empty = send(client, "get", "/api/v1/safety-plan").json()
    assert empty["warning_signs"] == "" and empty["updated_at"] is None
    written = send(client, "put", "/api/v1/safety-plan", {"reasons_for_living": "Our dog"})
    assert written.status_code == 200 and written.json()["shared_with_partner"] is False
    assert send(token_client(bob), "get", "/api/v1/partner/safety-plan").status_code == 404
    send(client, "patch", "/api/v1/safety-plan", {"shared_with_partner": True})
    assert SafetyPlan.objects.get().reasons_for_living == "Our dog"
    seen = send(token_client(bob), "get", "/api/v1/partner/safety-plan").json()
    assert seen["reasons_for_living"] == "Our dog" and seen["owner_name"] == "Alice"
    assert send(token_client(charlie), "get", "/api/v1/partner/safety-plan").status_code == 404
    send(client, "patch", "/api/v1/safety-plan", {"shared_with_partner": False})
    assert send(token_client(bob), "get", "/api/v1/partner/safety-plan").status_code == 404


def test_a_section_over_its_limit_is_refused_and_nothing_changes(alice):
    client = token_client(alice)
    send(client, "put", "/api/v1/safety-plan", {"warning_signs": "Not sleeping"})
    response = send(client, "patch", "/api/v1/safety-plan", {"warning_signs": "x" * 2001})
    assert response.status_code == 422
    assert SafetyPlan.objects.get().warning_signs == "Not sleeping"
