"""The ``letters`` sub-command: the outgoing-letters register (اندیکاتور) on the command line.

    letters list --db PATH [--text T] [--year JALALI_YEAR] [--kind letter|thanks|invitation]
                 [--from JALALI] [--to JALALI] [--limit N]

prints one letter a line: number, Jalali date, kind, addressee, subject (newest first).  The
register's spreadsheet is ``export letters --db PATH --out FILE.xlsx``; a letter is printed
with ``report letter`` (a new one is numbered then) and invitations with ``report invitations``.
``cli.GROUPS`` lists this module.
"""

from __future__ import annotations

import argparse
from typing import Any

from qazvin_diplomacy.cli.args import bounded_int

COMMANDS = ("letters",)


def register(subparsers: Any) -> None:
    """Add ``letters`` (with ``list``) to the sub-parsers of ``cli.build_parser``."""
    letters = subparsers.add_parser("letters", help="the outgoing-letters register")
    actions = letters.add_subparsers(dest="letters_command", required=True)
    listing = actions.add_parser("list", help="list registered letters, newest first")
    listing.add_argument("--db", required=True, help="database file")
    listing.add_argument("--text", default="", help="number, addressee or subject contains")
    listing.add_argument("--year", type=bounded_int(1300, 1600), help="Jalali year")
    listing.add_argument(
        "--kind", choices=("letter", "thanks", "invitation"), help="only this kind of letter"
    )
    listing.add_argument("--from", dest="date_from", help="from this Jalali date, inclusive")
    listing.add_argument("--to", dest="date_to", help="up to this Jalali date, inclusive")
    listing.add_argument(
        "--limit", type=bounded_int(1, 100_000), default=200, help="at most N letters (200)"
    )


def run(args: argparse.Namespace) -> int:
    """Run ``letters list``; 0 on success (``KnownError`` is printed by ``cli.main``)."""
    from qazvin_diplomacy.core.jalali import format_jalali, parse_jalali
    from qazvin_diplomacy.core.letters import LetterFilter, LetterKind
    from qazvin_diplomacy.services.connection import existing_database, open_database
    from qazvin_diplomacy.services.letters import count_letters, list_letters

    path = existing_database(args.db)
    filters = LetterFilter(
        text=args.text,
        kind=LetterKind(args.kind) if args.kind else None,
        year=args.year,
        date_from=parse_jalali(args.date_from) if args.date_from else None,
        date_to=parse_jalali(args.date_to) if args.date_to else None,
    )
    db = open_database(path, read_only=True)
    try:
        total = count_letters(db, filters=filters)
        rows = list_letters(db, filters=filters, limit=args.limit)
    finally:
        db.close()
    for v in rows:
        print("\t".join((v.number, format_jalali(v.date), v.kind.label_fa, v.addressee, v.subject)))
    shown = f" (first {len(rows)})" if len(rows) < total else ""
    print(f"{total} letter(s){shown}")
    return 0
