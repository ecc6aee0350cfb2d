"""Imports point one way only: core ← storage ← services ← {ui, reports, cli}."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "qazvin_diplomacy"

# For each layer: the third-party top-level modules it may import, and our layers it may not.
RULES = {
    "core": ({"jdatetime"}, {"storage", "services", "ui", "reports", "cli", "app", "paths"}),
    "storage": ({"sqlalchemy", "alembic"}, {"services", "ui", "reports", "cli", "app"}),
    "services": (
        {"sqlalchemy", "openpyxl", "cryptography", "icalendar"},
        {"ui", "reports", "cli", "app"},
    ),
    "reports": (
        {"reportlab", "arabic_reshaper", "bidi", "jdatetime", "docx"},
        {"ui", "cli", "app", "storage"},
    ),
}
STDLIB_ALLOWED = True


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _files(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(RULES))
def test_layer_imports(layer: str) -> None:
    import sys

    allowed_third_party, forbidden_layers = RULES[layer]
    problems = []
    for path in _files(layer):
        for name in _imports(path):
            top = name.split(".")[0]
            if top == "qazvin_diplomacy":
                parts = name.split(".")
                if len(parts) > 1 and parts[1] in forbidden_layers:
                    problems.append(f"{path.name} imports {name}")
            elif top in sys.stdlib_module_names or top == "__future__":
                continue
            elif top not in allowed_third_party:
                problems.append(f"{path.name} imports third-party {name}")
    assert not problems, problems


def test_no_qt_below_ui() -> None:
    for layer in ("core", "storage", "services", "reports"):
        for path in _files(layer):
            assert not any(n.startswith("PySide6") for n in _imports(path)), path
