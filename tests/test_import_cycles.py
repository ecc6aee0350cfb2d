"""No import cycles between our modules, counting every import: top of the file, under
``TYPE_CHECKING`` and inside functions (a function-level import hides a cycle, it does not
remove it).

The one allowance: the factories of ``ui.registry`` import each module's page and cards when
first called (so the window starts without loading them), and pages may use the registry.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "qazvin_diplomacy"

#: Modules whose imports inside functions are deliberate lazy loading, not dependencies.
LAZY_LOADERS = {"qazvin_diplomacy.ui.registry"}


def _modules(package: Path) -> dict[str, Path]:
    found = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _statements(node: ast.AST) -> list[ast.stmt]:
    """Every statement inside ``node``, nested ones too (imports are statements)."""
    found: list[ast.stmt] = []
    for field in ("body", "orelse", "finalbody", "handlers", "cases"):
        for child in getattr(node, field, ()):
            if isinstance(child, ast.stmt):
                found.append(child)
            found.extend(_statements(child))
    return found


def _top_level_nodes(tree: ast.Module) -> set[int]:
    """Ids of the nodes that run at import (module body, ``if``/``try`` blocks in it)."""
    seen: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            seen.add(id(node))
            continue
        seen.update(id(n) for n in [node, *_statements(node)])
    return seen


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module → the modules of ours it imports (``from a import b`` names a.b if b is a module)."""
    modules = _modules(package)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        at_import = _top_level_nodes(tree) if name in LAZY_LOADERS else set()
        is_package = path.name == "__init__.py"
        edges: set[str] = set()
        for node in _statements(tree):
            if name in LAZY_LOADERS and id(node) not in at_import:
                continue
            if isinstance(node, ast.Import):
                edges.update(a.name for a in node.names if a.name in modules)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = name.split(".")[: len(name.split(".")) - node.level + is_package]
                    base = ".".join(parts + ([node.module] if node.module else []))
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    if full in modules:
                        edges.add(full)
                    elif base in modules:
                        edges.add(base)
        edges.discard(name)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_a_cycle_behind_a_function_level_import_is_found(tmp_path: Path) -> None:
    """The detector sees through function-level, TYPE_CHECKING and relative imports."""
    package = tmp_path / "qazvin_diplomacy"
    (package / "ui").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "ui" / "__init__.py").write_text("")
    (package / "ui" / "a.py").write_text("from qazvin_diplomacy.ui import b\n")
    (package / "ui" / "b.py").write_text("def f():\n    from . import c\n")
    (package / "ui" / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from qazvin_diplomacy.ui.a import X\n"
    )
    (package / "ui" / "d.py").write_text("import qazvin_diplomacy.ui.a\n")
    assert cycles(import_graph(package)) == [
        ["qazvin_diplomacy.ui.a", "qazvin_diplomacy.ui.b", "qazvin_diplomacy.ui.c"]
    ]
