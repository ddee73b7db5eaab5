from tending.safety.models import SafetyPlan
from tests.support.people import client_for

PLAN_POST = {
    "warning_signs": "Not sleeping, cancelling plans",
    "coping_strategies": "A long walk",
    "distractions": "The library",
    "people_to_ask": "My sister Jo",
    "professionals": "Dr Patel",
    "safe_environment": "Ask Sam to keep the pills",
    "reasons_for_living": "My dog Biscuit",
}


def test_write_and_read_back(alice, as_alice):
    response = as_alice.post("/help/plan/", PLAN_POST)
    assert response.status_code == 302
    plan = SafetyPlan.objects.get(user=alice)
    assert plan.reasons_for_living == "My dog Biscuit"
    assert plan.shared_with_partner is False
    page = as_alice.get("/help/plan/").content.decode()
    assert "My dog Biscuit" in page
    assert "My warning signs" in page and "What I live for" in page


def test_private_by_default(alice, as_alice, people):
    as_alice.post("/help/plan/", PLAN_POST)
    for name in ("bob", "charlie", "dana"):
        assert client_for(people[name]).get("/help/plan/partner/").status_code == 404


def test_shareable_with_the_partner_only(alice, as_alice, people):
    as_alice.post("/help/plan/", {**PLAN_POST, "shared_with_partner": "on"})
    page = client_for(people["bob"]).get("/help/plan/partner/").content.decode()
    assert "My sister Jo" in page
    for name in ("charlie", "dana"):
        assert client_for(people[name]).get("/help/plan/partner/").status_code == 404
    as_alice.post("/help/plan/", PLAN_POST)
    assert client_for(people["bob"]).get("/help/plan/partner/").status_code == 404


def test_too_long_is_refused_and_kept(alice, as_alice):
    response = as_alice.post("/help/plan/", {**PLAN_POST, "warning_signs": "x" * 2001})
    assert response.status_code == 400
    assert "My dog Biscuit" in response.content.decode()
    assert not SafetyPlan.objects.exists()


def test_printable(alice, as_alice):
    as_alice.post("/help/plan/", PLAN_POST)
    page = as_alice.get("/help/plan/print/").content.decode()
    assert "Safety plan of Alice" in page
    assert "Ask Sam to keep the pills" in page
    assert "site-nav" not in page
    assert "safety/print.js" in page


def test_one_tap_from_get_help_and_the_safety_screen(as_alice):
    assert 'href="/help/plan/"' in as_alice.get("/help/").content.decode()
    assert 'href="/help/plan/"' in as_alice.get("/help/safe/").content.decode()
