"""What couples contribute to other apps' pages and processes (see core.registry)."""

from tending.couples.exporters import export_tables
from tending.couples.selectors import home_cards

__all__ = ["export_tables", "home_cards"]
