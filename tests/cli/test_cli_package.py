"""The ``cli`` package: every command group is registered once, in ``cli.GROUPS``."""

from __future__ import annotations

import importlib
import pkgutil

from qazvin_diplomacy import cli


def _group_modules() -> list[str]:
    """Modules of the package that define commands (``COMMANDS``)."""
    names = []
    for info in pkgutil.iter_modules(cli.__path__):
        module = importlib.import_module(f"{cli.__name__}.{info.name}")
        if hasattr(module, "COMMANDS"):
            names.append(module.__name__)
    return sorted(names)


def test_every_group_module_is_in_groups_with_register_and_run() -> None:
    assert sorted(g.__name__ for g in cli.GROUPS) == _group_modules()
    for group in cli.GROUPS:
        assert callable(group.register) and callable(group.run), group.__name__


def test_every_command_is_parsed_and_run_by_its_group() -> None:
    names = [name for group in cli.GROUPS for name in group.COMMANDS]
    assert len(names) == len(set(names))  # no command claimed by two groups
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert list(sub.choices) == names  # --help lists them in GROUPS order
    for group in cli.GROUPS:
        for name in group.COMMANDS:
            assert cli.COMMANDS[name] is group.run
