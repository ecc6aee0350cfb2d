"""The size rules of CONTRIBUTING.md: no module over 800 lines (migrations aside), no class of
the window (forms, dialogs, pages) over 400 — a bigger one holds a concern of its own."""

from __future__ import annotations

import ast
from pathlib import Path

import qazvin_diplomacy

PACKAGE = Path(qazvin_diplomacy.__file__).parent
MAX_MODULE_LINES = 800
MAX_UI_CLASS_LINES = 400


def _modules() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.relative_to(PACKAGE).parts]


def test_no_module_is_over_800_lines() -> None:
    big = {
        str(p.relative_to(PACKAGE)): n
        for p in _modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert big == {}


def test_no_class_of_the_window_is_over_400_lines() -> None:
    big = {}
    for path in (PACKAGE / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_UI_CLASS_LINES:
                    big[f"{path.relative_to(PACKAGE)}:{node.name}"] = lines
    assert big == {}
