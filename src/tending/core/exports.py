"""The parts of a person's export: tables and documents each app contributes.

The archive itself is written by ``yourdata``; apps contribute their parts through
``export_tables`` in their ``contributions`` module (see ``core.registry``).
"""

from dataclasses import dataclass, field


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
