"""What breathing invitations contribute to other apps' pages and processes (see core.registry)."""

from tending.breathing.selectors import home_cards, home_facts

__all__ = ["home_cards", "home_facts"]
