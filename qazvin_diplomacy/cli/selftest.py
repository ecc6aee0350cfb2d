"""The ``selftest`` sub-command: the real window offscreen, every view and form opened.

IT staff run it after installing; ``ui.selftest`` does the work.
"""

from __future__ import annotations

import argparse

COMMANDS = ("selftest",)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``selftest`` to the CLI."""
    selftest = sub.add_parser("selftest", help="open every view offscreen and report")
    selftest.add_argument("--db", help="database (default: a temporary demo database)")
    selftest.add_argument("--shots", help="folder to save a PNG of each view into")


def run(args: argparse.Namespace) -> int:
    """Open every view offscreen; 0 when all of them worked."""
    from qazvin_diplomacy.ui.selftest import main as selftest_main

    return selftest_main(db=args.db, shots=args.shots)
