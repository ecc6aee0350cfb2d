"""The ``version`` sub-command: which program this is."""

from __future__ import annotations

import argparse

from qazvin_diplomacy import __version__

COMMANDS = ("version",)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``version`` to the CLI."""
    sub.add_parser("version", help="print the version")


def run(_args: argparse.Namespace) -> int:
    """Print the version."""
    print(f"qazvin-diplomacy {__version__}")
    return 0
