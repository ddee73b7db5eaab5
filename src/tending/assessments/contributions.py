"""What questionnaires contribute to other apps' pages and processes (see core.registry)."""

from tending.assessments.exporters import export_tables, import_tables
from tending.assessments.selectors import home_cards

__all__ = ["export_tables", "home_cards", "import_tables"]
