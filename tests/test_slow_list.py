"""Every entry of tests/slow_tests.txt names a test that exists (a renamed or removed test must
not leave a stale line behind while its new name silently joins the fast set)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from tests.conftest import slow_test_ids

ROOT = Path(__file__).resolve().parent.parent


@cache
def _tests_in(path: Path) -> set[str]:
    """The module-level functions and the ``Class::method`` names of ``path``, read line by line
    (a regular expression, not ``ast``: parsing every listed file cost seconds of the fast set)."""
    names: set[str] = set()
    cls = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        top = re.match(r"(?:async\s+)?def\s+(\w+)\s*\(|class\s+(\w+)\b", line)
        if top:
            function, cls = top.group(1), top.group(2) or ""
            if function:
                names.add(function)
        elif cls and (method := re.match(r"    (?:async\s+)?def\s+(\w+)\s*\(", line)):
            names.add(f"{cls}::{method.group(1)}")
    return names


def _names_parameter(path: Path, ids: str) -> bool:
    """Whether a parameter's id (``no-users``), or each part of it (``admin-True``), is a quoted
    string of ``path`` (an explicit ``pytest.param(…, id="viewer")`` or a value) or a literal
    (``True``, ``3``) in it: a listed parameter must keep a name its file spells out."""
    text = path.read_text(encoding="utf-8")

    def quoted(word: str) -> bool:
        if word in ("True", "False", "None") or word.isdigit():  # a literal value, unquoted
            return re.search(rf"\b{word}\b", text) is not None
        return f'"{word}"' in text or f"'{word}'" in text

    return quoted(ids) or all(quoted(part) for part in ids.split("-"))


def test_every_listed_slow_test_exists() -> None:
    stale = []
    for entry in sorted(slow_test_ids()):
        file, _, name = entry.partition("::")
        name, bracket, ids = name.partition("[")
        path = ROOT / file
        if not path.is_file() or name not in _tests_in(path):
            stale.append(entry)
        elif bracket and not (ids.endswith("]") and _names_parameter(path, ids[:-1])):
            stale.append(entry)
    assert stale == []


def test_a_stale_entry_is_not_found(tmp_path: Path) -> None:
    """The reader finds what is defined at the top and in classes, and nothing else."""
    source = tmp_path / "test_x.py"
    source.write_text(
        "def test_a():\n    def test_inner():\n        pass\n"
        "class TestB:\n    def test_c(self):\n        pass\n"
        "# def test_commented():\nasync def test_d():\n    pass\n",
        encoding="utf-8",
    )
    assert _tests_in(source) == {"test_a", "TestB::test_c", "test_d"}
    source.write_text('WHO = [pytest.param(1, id="no-users"), ("admin", True)]\n', "utf-8")
    assert _names_parameter(source, "no-users") and _names_parameter(source, "admin-True")
    assert not _names_parameter(source, "editor") and not _names_parameter(source, "admin-False")
