"""What guided conversations contribute to other apps' pages and processes (see core.registry)."""

from tending.conversations.exporters import export_tables
from tending.conversations.selectors import practice_cards, practice_history
from tending.conversations.services import forget_account

__all__ = ["export_tables", "forget_account", "practice_cards", "practice_history"]
