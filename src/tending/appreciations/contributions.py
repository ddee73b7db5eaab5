"""What appreciations contribute to other apps' pages and processes (see core.registry)."""

from tending.appreciations.exporters import export_tables
from tending.appreciations.selectors import home_cards, home_facts, practice_cards

__all__ = ["export_tables", "home_cards", "home_facts", "practice_cards"]
