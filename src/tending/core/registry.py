"""What each app contributes to pages and processes that another app owns.

An app takes part by holding a ``contributions`` module with any of these functions,
found through ``INSTALLED_APPS`` and called in the order the apps are installed:

``home_facts(*, viewer, couple, partner, now) -> dict[str, Expression]``
    Yes-or-no and one-value questions for the home page, as query expressions
    (``Exists``, a one-value ``Subquery``): the ``home`` app asks every app's in one query
    and hands the answers to ``home_cards``, so a card with nothing to show costs no query.
    The query is compiled once per process (``core.statements``): ``viewer``, ``couple``
    and ``partner`` are bound values standing for their ids (None when there is no couple or
    partner) and ``now`` for the time; any other value that changes between requests is
    a ``Bound`` worked out from the run's ``viewer``, ``couple``, ``partner`` and ``now``.
``home_cards(*, viewer, couple, partner, facts) -> dict``
    Context for the home page (the ``home`` app); keys must not clash between apps.
    ``facts`` holds the answers to every app's ``home_facts``, under the same keys.
``practice_cards(*, viewer, couple, partner) -> dict``
    Context for the Practices page (the ``practices`` app).
``practice_history(*, viewer, couple, partner) -> dict``
    Context for the practice history page (the ``practices`` app).
``profile_cards(*, viewer) -> dict``
    Context for the profile page (the ``accounts`` app).
``export_tables(user) -> list[Table | Document]``
    What of the person's the app holds, for their export (``yourdata``); only their own.
``import_tables(user, tables: dict[str, list[dict]]) -> None``
    Restore the app's own tables from an export archive (``yourdata``).
``forget_account(user) -> None``
    Remove, just before the person's account is deleted, what the app keeps that the
    database would not delete with them (``accounts``).

So ``core`` and the owning apps never import the contributing apps: a new app adds its
card, its export and its clean-up by writing these functions, not by editing others.
"""

from collections.abc import Callable
from functools import cache
from importlib import import_module
from types import ModuleType
from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import module_has_submodule

MODULE = "contributions"
HOOKS = frozenset(
    {
        "home_facts",
        "home_cards",
        "practice_cards",
        "practice_history",
        "profile_cards",
        "export_tables",
        "import_tables",
        "forget_account",
    }
)


def contribution_modules() -> list[ModuleType]:
    """The ``contributions`` modules of installed apps, in the order the apps are installed."""
    return list(_contribution_modules_of(tuple(apps.get_app_configs())))


@cache
def _contribution_modules_of(app_configs: tuple) -> tuple[ModuleType, ...]:
    """Found once per set of installed apps: looking for them costs more than a page's query."""
    return tuple(
        import_module(f"{app_config.name}.{MODULE}")
        for app_config in app_configs
        if module_has_submodule(app_config.module, MODULE)
    )


def contributions(hook: str) -> list[Callable[..., Any]]:
    """Every installed app's ``hook`` function."""
    if hook not in HOOKS:
        raise ValueError(f"{hook} is not a contribution; the known ones are {sorted(HOOKS)}.")
    return [getattr(module, hook) for module in contribution_modules() if hasattr(module, hook)]


def merged_context(hook: str, **arguments: Any) -> dict[str, Any]:
    """The contexts every app contributes to one page, merged; a key two apps use fails."""
    context: dict[str, Any] = {}
    for contribute in contributions(hook):
        part = contribute(**arguments)
        clash = context.keys() & part.keys()
        if clash:
            raise ImproperlyConfigured(
                f"{contribute.__module__}.{hook} gives {sorted(clash)}, which another app gives."
            )
        context.update(part)
    return context
