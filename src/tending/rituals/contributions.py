"""What rituals contribute to other apps' pages and processes (see core.registry)."""

from tending.rituals.exporters import export_tables
from tending.rituals.services import forget_account

__all__ = ["export_tables", "forget_account"]
