"""What Learn reflections contribute to other apps' pages and processes (see core.registry)."""

from tending.learn.exporters import export_tables, import_tables

__all__ = ["export_tables", "import_tables"]
