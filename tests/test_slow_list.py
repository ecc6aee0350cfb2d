"""Every entry of tests/slow_tests.txt names a test that exists (a renamed or removed test must
not leave a stale line behind while its new name silently joins the fast set)."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from tests.conftest import slow_test_ids

ROOT = Path(__file__).resolve().parent.parent


@cache
def _tests_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef):
            names |= {f"{node.name}::{f.name}" for f in node.body if isinstance(f, ast.FunctionDef)}
    return names


def test_every_listed_slow_test_exists() -> None:
    stale = []
    for entry in sorted(slow_test_ids()):
        file, _, name = entry.partition("::")
        path = ROOT / file
        if not path.is_file() or name not in _tests_in(path):
            stale.append(entry)
    assert stale == []
