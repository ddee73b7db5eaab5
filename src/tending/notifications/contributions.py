"""What notifications contribute to other apps' pages and processes (see core.registry)."""

from tending.notifications.exporters import export_tables, import_tables
from tending.notifications.selectors import profile_cards

__all__ = ["export_tables", "import_tables", "profile_cards"]
