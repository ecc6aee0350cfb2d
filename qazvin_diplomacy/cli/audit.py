"""The ``audit`` sub-command: ``audit verify --db PATH`` checks the audit trail's hash chain.

Exit 0 when every entry verifies (one line with their number), 1 naming the first broken
entry (one line, Persian — English).  ``check`` runs the same verification.  The trail itself
is printed with ``report audit``.  ``cli.GROUPS`` lists this module.
"""

from __future__ import annotations

import argparse
from typing import Any

COMMANDS = ("audit",)


def register(subparsers: Any) -> None:
    """Add ``audit`` (with ``verify``) to the sub-parsers of ``cli.build_parser``."""
    audit = subparsers.add_parser("audit", help="the audit trail of every change")
    actions = audit.add_subparsers(dest="audit_command", required=True)
    verify = actions.add_parser(
        "verify", help="check the audit trail's hash chain (exit 1 naming the first broken entry)"
    )
    verify.add_argument("--db", required=True, help="database file")


def run(args: argparse.Namespace) -> int:
    """Run ``audit verify``; a broken chain is a ``KnownError`` (exit 1, printed by ``cli``)."""
    from qazvin_diplomacy.services.audit import require_intact
    from qazvin_diplomacy.services.connection import existing_database, open_database

    path = existing_database(args.db)
    db = open_database(path, read_only=True)
    try:
        result = require_intact(db)
    finally:
        db.close()
    print(
        f"OK — زنجیرهٔ سابقهٔ تغییرات سالم است ({result.entries} مدخل) — "
        f"the audit trail is intact ({result.entries} entries; last hash {result.last_hash[:16]}…)"
    )
    return 0
