"""The registry through which apps contribute to pages and processes they do not own."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from tending.core import registry


def test_every_contributions_module_names_only_known_contributions():
    modules = registry.contribution_modules()
    assert {module.__name__ for module in modules} >= {
        "tending.accounts.contributions",
        "tending.checkins.contributions",
    }
    for module in modules:
        unknown = set(module.__all__) - registry.HOOKS
        assert not unknown, f"{module.__name__} contributes unknown {unknown}"
        assert all(callable(getattr(module, name)) for name in module.__all__)


def test_an_unknown_contribution_is_refused():
    with pytest.raises(ValueError, match="home_card is not a contribution"):
        registry.contributions("home_card")


def test_the_export_starts_with_the_profile():
    first = registry.contributions("export_tables")[0]
    assert first.__module__ == "tending.accounts.exporters"


def test_two_apps_giving_the_same_key_fail_loudly(monkeypatch):
    def cards(**arguments):
        return {"partner_today": None}

    monkeypatch.setattr(registry, "contributions", lambda hook: [cards, cards])
    with pytest.raises(ImproperlyConfigured, match="partner_today"):
        registry.merged_context("home_cards", viewer=None, couple=None, partner=None)
