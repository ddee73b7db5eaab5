"""The shape of the code: which app may import which, and how big a module or view may grow.

The import graph is read from the source (every ``import`` and ``from … import`` of a
``tending.*`` module, wherever it stands in a file), so it holds for imports inside
functions too. ``core`` is the ground floor: it imports no other app. No two apps import
each other, directly or through others. See docs/architecture.md for the app map.
"""

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "tending"
PROJECT_MODULES = {"settings", "urls", "wsgi", "cli"}
MAX_MODULE_LINES = 450
MAX_VIEW_LINES = 40


def app_of(module: str) -> str | None:
    """The app a ``tending.*`` module belongs to; None for the package itself."""
    parts = module.split(".")
    if parts[0] != "tending" or len(parts) < 2:
        return None
    return "project" if parts[1] in PROJECT_MODULES else parts[1]


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("tending.")}


def python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def app_imports() -> dict[str, dict[str, set[str]]]:
    """For each app, the other apps it imports and from which of its modules."""
    graph: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path in python_files():
        source = module_name(path)
        importer = app_of(source)
        if importer is None:
            continue
        for target in imported_modules(path):
            imported = app_of(target)
            if imported is not None and imported != importer and (PACKAGE / imported).exists():
                graph[importer][imported].add(source)
    return graph


def cycles(graph: dict[str, dict[str, set[str]]]) -> list[list[str]]:
    """The strongly connected groups of more than one app (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(app: str) -> None:
        index[app] = low[app] = len(index)
        stack.append(app)
        for other in graph.get(app, {}):
            if other not in index:
                visit(other)
                low[app] = min(low[app], low[other])
            elif other in stack:
                low[app] = min(low[app], index[other])
        if low[app] == index[app]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == app:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for app in sorted(graph):
        if app not in index:
            visit(app)
    return groups


def describe(graph, apps) -> str:
    return "\n".join(
        f"  {importer} -> {imported} (in {', '.join(sorted(graph[importer][imported]))})"
        for importer in sorted(apps)
        for imported in sorted(graph.get(importer, {}))
        if imported in apps
    )


def test_no_two_apps_import_each_other():
    graph = app_imports()
    found = cycles(graph)
    assert not found, "Apps that import each other, directly or through others:\n" + "\n".join(
        f"{' <-> '.join(group)}:\n{describe(graph, set(group))}" for group in found
    )


def test_core_imports_no_other_app():
    imported = app_imports().get("core", {})
    assert not imported, "core imports other apps:\n" + "\n".join(
        f"  {app} (in {', '.join(sorted(modules))})" for app, modules in sorted(imported.items())
    )


def test_the_graph_reader_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "late.py"
    module.write_text("def f():\n    from tending.checkins.models import CheckIn\n")
    assert "tending.checkins.models" in imported_modules(module)


def test_the_cycle_finder_finds_a_cycle_through_three_apps():
    graph = {"a": {"b": set()}, "b": {"c": set()}, "c": {"a": set()}, "d": {"a": set()}}
    assert cycles(graph) == [["a", "b", "c"]]


def counted_modules() -> list[Path]:
    return [path for path in python_files() if "migrations" not in path.parts]


def test_no_module_is_longer_than_a_newcomer_can_read():
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in counted_modules()
        if (lines := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert not long, f"Modules over {MAX_MODULE_LINES} lines: {long}"


def view_functions() -> list[tuple[str, int]]:
    found = []
    for path in counted_modules():
        if path.name != "views.py":
            continue
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.FunctionDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                found.append((f"{module_name(path)}.{node.name}", node.end_lineno - start + 1))
    return found


def test_no_view_function_is_longer_than_a_screen():
    long = {name: lines for name, lines in view_functions() if lines > MAX_VIEW_LINES}
    assert not long, f"View functions over {MAX_VIEW_LINES} lines: {long}"


def installed_apps() -> list[str]:
    return sorted(path.parent.name for path in PACKAGE.glob("*/apps.py"))


@pytest.mark.parametrize("app", installed_apps())
def test_every_app_is_on_the_app_map(app):
    architecture = (PACKAGE.parents[1] / "docs" / "architecture.md").read_text()
    assert f"| `{app}` |" in architecture
