"""What the API contributes to other apps' pages (see core.registry)."""

from tending.api.selectors import profile_cards

__all__ = ["profile_cards"]
