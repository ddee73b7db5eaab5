"""The person's safety plan and hard-time notices, for their export; the plan is restored."""

from tending.core.exports import Table
from tending.safety.models import HardTimeNotice, SafetyPlan

PLAN_COLUMNS = {
    "warning_signs": "Signs that a hard time may be coming.",
    "coping_strategies": "Things you can do on your own to feel a little better.",
    "distractions": "People and places that take your mind off things.",
    "people_to_ask": "People you can ask for help.",
    "professionals": "Professionals and services you can contact.",
    "safe_environment": "How you make your surroundings safer.",
    "reasons_for_living": "What matters to you and keeps you going.",
    "shared_with_partner": "Whether your partner could read the plan.",
    "updated_at": "When you last changed it (UTC).",
}
NOTICE_COLUMNS = {
    "created_at": "When you told your partner you were having a hard time (UTC).",
    "expires_at": "When the notice would end by itself (UTC).",
    "withdrawn_at": "When you withdrew it, if you did (UTC).",
}
RESTORED_PLAN_FIELDS = [name for name in PLAN_COLUMNS if name != "updated_at"]


def export_tables(user) -> list[Table]:
    return [
        Table(
            "safety_plan",
            "Your safety plan for hard moments: one row, if you wrote one.",
            PLAN_COLUMNS,
            list(SafetyPlan.objects.filter(user=user).values(*PLAN_COLUMNS)),
        ),
        Table(
            "hard_time_notices",
            "The times you told your partner you were having a hard time. They carried no "
            "words, only that you sent them.",
            NOTICE_COLUMNS,
            list(
                HardTimeNotice.objects.filter(user=user)
                .order_by("created_at")
                .values(*NOTICE_COLUMNS)
            ),
        ),
    ]


def import_tables(user, tables: dict[str, list[dict]]) -> None:
    """Restore the plan, unshared: the partner who could read it is not here."""
    for row in tables.get("safety_plan") or []:
        values = {name: row.get(name) or "" for name in RESTORED_PLAN_FIELDS}
        values["shared_with_partner"] = False
        SafetyPlan.objects.update_or_create(user=user, defaults=values)
