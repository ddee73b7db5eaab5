"""What the coach contributes to other apps' pages and processes (see core.registry)."""

from tending.coach.exporters import export_tables
from tending.coach.selectors import home_cards, home_facts

__all__ = ["export_tables", "home_cards", "home_facts"]
