"""What questions contribute to other apps' pages and processes (see core.registry)."""

from tending.questions.exporters import export_tables, import_tables
from tending.questions.selectors import home_cards, home_facts, practice_cards

__all__ = ["export_tables", "home_cards", "home_facts", "import_tables", "practice_cards"]
