"""What safety features contribute to other apps' pages and processes (see core.registry)."""

from tending.safety.exporters import export_tables, import_tables
from tending.safety.selectors import home_cards, home_facts

__all__ = ["export_tables", "home_cards", "home_facts", "import_tables"]
