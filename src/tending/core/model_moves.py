"""Moving models between apps without touching their tables, for migrations.

The moved models keep their tables (``db_table`` names the old one), so a move is a change
of Django's state only (``SeparateDatabaseAndState``) plus this relabelling of their content
types, which keeps the admin's history and permissions pointing at them.
"""

from django.db import migrations


def _relabel(apps, from_label: str, to_label: str, models: list[str]) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in models:
        if content_type.objects.filter(app_label=to_label, model=model).exists():
            continue
        content_type.objects.filter(app_label=from_label, model=model).update(app_label=to_label)


def move_content_types(from_label: str, to_label: str, models: list[str]) -> migrations.RunPython:
    """An operation relabelling the content types of ``models`` (there and back)."""
    return migrations.RunPython(
        lambda apps, schema_editor: _relabel(apps, from_label, to_label, models),
        lambda apps, schema_editor: _relabel(apps, to_label, from_label, models),
    )
