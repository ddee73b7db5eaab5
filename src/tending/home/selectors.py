from tending.core.registry import merged_context
from tending.couples.selectors import answers_about, couple_and_partner, live_version_for
from tending.home.live import token_for


def home_context(user) -> dict:
    """Everything the home page shows: the couple, the answers to every app's facts (one
    query), then every app's cards for today."""
    couple, partner = couple_and_partner(user)
    people = {"viewer": user, "couple": couple, "partner": partner}
    facts = answers_about(user, merged_context("home_facts", **people))
    cards = merged_context("home_cards", **people, facts=facts)
    return {
        "couple": couple,
        "partner": partner,
        "live_version": live_version_for(couple),
        "live_token": token_for(user),
        **cards,
    }
