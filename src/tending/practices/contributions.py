"""What practices contribute to other apps' pages and processes (see core.registry)."""

from tending.practices.exporters import export_tables, import_tables
from tending.practices.selectors import home_cards
from tending.practices.services import forget_account

__all__ = ["export_tables", "forget_account", "home_cards", "import_tables"]
