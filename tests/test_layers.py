"""Imports point one way only: core ← storage ← services ← {ui, reports, cli}; app and cli on top.

Every import counts: at the top of a file, under ``TYPE_CHECKING``, inside a function, and a
module named to ``importlib.import_module``.  Above services the database is a
``services.connection.DatabaseHandle``; nothing there imports ``storage``.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "qazvin_diplomacy"

#: Our packages and top-level modules.
OURS = ("core", "storage", "services", "reports", "ui", "cli", "app", "paths", "streams", "windows")

# For each of them: the third-party top-level modules it may import, and ours it may not.
RULES: dict[str, tuple[set[str], set[str]]] = {
    "core": ({"jdatetime"}, {"storage", "services", "ui", "reports", "cli", "app", "paths"}),
    "storage": ({"sqlalchemy", "alembic"}, {"services", "ui", "reports", "cli", "app"}),
    "services": (
        # keyring: optional, the Windows credential store holding a server database's password;
        # argon2: the users' password hashes
        {"sqlalchemy", "openpyxl", "cryptography", "icalendar", "keyring", "argon2"},
        {"ui", "reports", "cli", "app"},
    ),
    "reports": (
        # PIL: Pillow (ReportLab's own dependency) draws the atlas map's picture for Word.
        {"reportlab", "arabic_reshaper", "bidi", "jdatetime", "docx", "PIL"},
        {"ui", "cli", "app", "storage"},
    ),
    "ui": ({"PySide6", "shiboken6", "platformdirs"}, {"cli", "app", "storage"}),
    # The entry point: opens the window (app), runs the UI selftest, prints through services.
    "cli": (set(), {"storage"}),
    # The window's composition root; the CLI starts it, never the other way round.
    "app": (set(), {"cli", "storage"}),
    "paths": ({"platformdirs"}, set(OURS) - {"paths"}),
    "streams": (set(), set(OURS) - {"streams"}),
    "windows": (set(), set(OURS) - {"windows"}),
}


def _module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, root: Path = PACKAGE) -> set[str]:
    """Every module ``path`` imports, anywhere in the file (``from a import b`` gives a and a.b)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path, root).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in _DYNAMIC
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value)
    return names


_DYNAMIC = {"import_module", "__import__"}


def _files(layer: str, root: Path = PACKAGE) -> list[Path]:
    module = root / f"{layer}.py"
    return [module] if module.is_file() else sorted((root / layer).rglob("*.py"))


def _violations(layer: str, root: Path = PACKAGE) -> list[str]:
    allowed_third_party, forbidden = RULES[layer]
    problems = []
    for path in _files(layer, root):
        where = path.relative_to(root).as_posix()
        for name in sorted(_imports(path, root)):
            top = name.split(".")[0]
            if top == "qazvin_diplomacy":
                parts = name.split(".")
                if len(parts) < 2 or parts[1] not in forbidden:
                    continue
                problems.append(f"{where} imports {name}")
            elif top in sys.stdlib_module_names or top == "__future__":
                continue
            elif top not in allowed_third_party:
                problems.append(f"{where} imports third-party {name}")
    return problems


def test_every_module_of_the_package_is_under_a_rule() -> None:
    """A new package or top-level module gets its row in RULES."""
    tops = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()}
    tops = {t for t in tops if not t.startswith("__") and t != "data"}
    assert tops == set(OURS) == set(RULES)


@pytest.mark.parametrize("layer", sorted(RULES))
def test_layer_imports(layer: str) -> None:
    assert not _violations(layer)


def test_the_rule_sees_every_kind_of_import(tmp_path: Path) -> None:
    """Imports under TYPE_CHECKING, inside functions, relative and by name are all seen."""
    root = tmp_path / "qazvin_diplomacy"
    (root / "ui").mkdir(parents=True)
    (root / "ui" / "_layer_probe.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from qazvin_diplomacy.storage.database import Database\n"
        "def f():\n"
        "    from ..storage import location\n"
        "    import importlib\n"
        "    importlib.import_module('qazvin_diplomacy.storage.models')\n"
        "    from qazvin_diplomacy import storage\n",
        encoding="utf-8",
    )
    assert _violations("ui", root) == [
        "ui/_layer_probe.py imports qazvin_diplomacy.storage",
        "ui/_layer_probe.py imports qazvin_diplomacy.storage.database",
        "ui/_layer_probe.py imports qazvin_diplomacy.storage.database.Database",
        "ui/_layer_probe.py imports qazvin_diplomacy.storage.location",
        "ui/_layer_probe.py imports qazvin_diplomacy.storage.models",
    ]


#: Storage names a service may hand on: the background integrity check is a worker object
#: (``run``/``cancel`` on a file path), not a database type.
HANDED_ON = {"FullCheck"}


def test_services_do_not_hand_out_storage_names() -> None:
    """No service lists a name it imported from storage in ``__all__`` (no ``Database`` re-export)."""
    problems = []
    for path in _files("services"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        from_storage = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            and (node.module or "").startswith("qazvin_diplomacy.storage")
            for alias in node.names
        }
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
            ):
                exported = {
                    e.value for e in getattr(node.value, "elts", ()) if isinstance(e, ast.Constant)
                }
                problems += [
                    f"{path.relative_to(PACKAGE)}: {name}"
                    for name in sorted((exported & from_storage) - HANDED_ON)
                ]
    assert not problems


def test_no_qt_below_ui() -> None:
    for layer in ("core", "storage", "services", "reports"):
        for path in _files(layer):
            assert not any(n.startswith(("PySide6", "shiboken6")) for n in _imports(path)), path
