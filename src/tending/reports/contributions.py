"""What reports contribute to other apps' pages and processes (see core.registry)."""

from tending.reports.exporters import export_tables

__all__ = ["export_tables"]
