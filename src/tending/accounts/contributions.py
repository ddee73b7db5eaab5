"""What accounts contribute to other apps' pages and processes (see core.registry)."""

from tending.accounts.exporters import export_tables

__all__ = ["export_tables"]
