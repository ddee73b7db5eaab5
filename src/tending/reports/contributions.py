"""What reports contribute to other apps' pages and processes (see core.contributions)."""

from tending.reports.exporters import export_tables

__all__ = ["export_tables"]
