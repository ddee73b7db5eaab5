from tending.core.registry import merged_context
from tending.couples.selectors import couple_and_partner, live_version_for
from tending.home.live import token_for


def home_context(user) -> dict:
    """Everything the home page shows: the couple, then every app's cards for today."""
    couple, partner = couple_and_partner(user)
    cards = merged_context("home_cards", viewer=user, couple=couple, partner=partner)
    return {
        "couple": couple,
        "partner": partner,
        "live_version": live_version_for(couple),
        "live_token": token_for(user),
        **cards,
    }
