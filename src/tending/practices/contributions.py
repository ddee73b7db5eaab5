"""What practices contribute to other apps' pages and processes (see core.registry)."""

from tending.practices.exporters import export_tables, import_tables

__all__ = ["export_tables", "import_tables"]
