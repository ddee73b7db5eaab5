"""The person's reflections under articles, for their export, and restoring them."""

from django.utils.dateparse import parse_datetime

from tending.core.exports import Table
from tending.learn.models import Reflection

REFLECTION_COLUMNS = {
    "article_slug": "The Learn article the reflection is under.",
    "text": "What you wrote.",
    "created_at": "When you wrote it (UTC).",
}


def export_tables(user) -> list[Table]:
    reflections = (
        Reflection.objects.filter(author=user).order_by("created_at").values(*REFLECTION_COLUMNS)
    )
    return [
        Table(
            "reflections",
            "Your reflections under Learn articles. Your partner's replies are theirs.",
            REFLECTION_COLUMNS,
            list(reflections),
        )
    ]


def import_tables(user, tables: dict[str, list[dict]]) -> None:
    rows = tables.get("reflections") or []
    created = Reflection.objects.bulk_create(
        Reflection(author=user, article_slug=row["article_slug"], text=row["text"]) for row in rows
    )
    for reflection, row in zip(created, rows, strict=True):
        reflection.created_at = parse_datetime(row["created_at"])
    Reflection.objects.bulk_update(created, ["created_at"])
