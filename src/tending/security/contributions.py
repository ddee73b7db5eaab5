"""What sign-in security contributes to other apps' processes (see core.registry)."""

from tending.security.exporters import export_tables
from tending.security.services import forget_account

__all__ = ["export_tables", "forget_account"]
