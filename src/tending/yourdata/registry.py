"""What each app contributes to a person's export, and how it is restored.

An app takes part by holding an ``exporters.py`` module with::

    def export_tables(user) -> list[Table | Document]: ...
    def import_tables(user, tables: dict[str, list[dict]]) -> None: ...  # optional

``export_tables`` returns only what is the person's own; ``import_tables`` receives the
rows of every table of the archive, keyed by table name, and restores its own tables.
"""

from dataclasses import dataclass, field
from importlib import import_module
from types import ModuleType

from django.apps import apps
from django.utils.module_loading import module_has_submodule

EXPORTERS_MODULE = "exporters"


@dataclass(frozen=True)
class Table:
    """Rows written as ``<name>.json`` and ``<name>.csv``; columns map name to meaning."""

    name: str
    description: str
    columns: dict[str, str]
    rows: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class Document:
    """One JSON document written at ``path`` inside the archive."""

    path: str
    description: str
    content: dict


def exporter_modules() -> list[ModuleType]:
    """The ``exporters`` modules of installed apps, in the order the apps are installed."""
    modules = []
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, EXPORTERS_MODULE):
            modules.append(import_module(f"{app_config.name}.{EXPORTERS_MODULE}"))
    return modules


def collect(user) -> list[Table | Document]:
    parts: list[Table | Document] = []
    for module in exporter_modules():
        parts.extend(module.export_tables(user))
    return parts


def restore(user, tables: dict[str, list[dict]]) -> None:
    for module in exporter_modules():
        import_tables = getattr(module, "import_tables", None)
        if import_tables is not None:
            import_tables(user, tables)
