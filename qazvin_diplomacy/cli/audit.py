"""The ``audit`` sub-command: ``audit verify --db PATH`` checks the audit trail's hash chain.

Exit 0 when every entry verifies (one line with their number and the head, «entry N, hash
abcd…», for the office's paper record), 1 naming the first broken entry (one line, Persian —
English), entries cut off the end included (this desk's witness, ``services.audit_seal``).
``--expect N:HASHPREFIX`` also checks a head kept on paper.  ``check`` runs the same verification.  The trail itself
is printed with ``report audit``.  ``cli.GROUPS`` lists this module.
"""

from __future__ import annotations

import argparse
from typing import Any

from qazvin_diplomacy.cli.args import chain_head

COMMANDS = ("audit",)


def register(subparsers: Any) -> None:
    """Add ``audit`` (with ``verify``) to the sub-parsers of ``cli.build_parser``."""
    audit = subparsers.add_parser("audit", help="the audit trail of every change")
    actions = audit.add_subparsers(dest="audit_command", required=True)
    verify = actions.add_parser(
        "verify", help="check the audit trail's hash chain (exit 1 naming the first broken entry)"
    )
    verify.add_argument("--db", required=True, help="database file")
    verify.add_argument(
        "--expect",
        type=chain_head,
        metavar="N:HASH",
        help="the head kept on paper (entry number and the start of its hash): exit 1 when "
        "that entry is missing or its hash differs",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``audit verify``; a broken chain is a ``KnownError`` (exit 1, printed by ``cli``)."""
    from qazvin_diplomacy.services.audit import require_intact
    from qazvin_diplomacy.services.audit_seal import Head
    from qazvin_diplomacy.services.connection import existing_database, open_database

    expect = args.expect
    path = existing_database(args.db)
    db = open_database(path, read_only=True)
    try:
        result = require_intact(db, expect=expect)
    finally:
        db.close()
    head = Head(result.entries, result.last_hash)
    print(
        f"OK — زنجیرهٔ سابقهٔ تغییرات سالم است ({result.entries} مدخل؛ سر زنجیره: "
        f"{head.shown_fa()}) — the audit trail is intact ({result.entries} entries; head: "
        f"{head.shown()})"
    )
    return 0
