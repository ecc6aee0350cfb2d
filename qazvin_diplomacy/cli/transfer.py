"""The ``transfer`` sub-command: copy a whole database, a desk's file to the server or back.

``transfer --from PATH_OR_URL --to PATH_OR_URL`` (``services.transfer``): prints each table's
rows and checksum, the audit entries verified on the target and where the attachments went.
A refusal (non-empty target, another schema, the same database twice, a user who may not see
confidential records) is one line and exit 1; the target is left as it was.  A source with
users takes ``--user`` and its password (``cli.sign_in``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qazvin_diplomacy.cli.sign_in import add_sign_in_options

COMMANDS = ("transfer",)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``transfer`` to the CLI."""
    transfer = sub.add_parser(
        "transfer",
        help="copy a whole database into an empty one (a file to a postgresql:// server, or back)",
    )
    transfer.add_argument("--from", dest="source", required=True, help="database file or URL")
    transfer.add_argument(
        "--to", dest="target", required=True, help="new database file, or an empty server database"
    )
    for side in ("from", "to"):
        transfer.add_argument(
            f"--{side}-password-file",
            help=f"file whose first line is the password of a postgresql:// --{side}",
        )
    transfer.add_argument("--quiet", action="store_true", help="no progress lines")
    add_sign_in_options(transfer)  # a source with users: only a user who sees every record


def _passwords(args: argparse.Namespace) -> None:
    from qazvin_diplomacy.services import connection

    for url, password_file in (
        (args.source, args.from_password_file),
        (args.target, args.to_password_file),
    ):
        if connection.is_server(url) and password_file:
            connection.use_password(url, connection.read_password_file(Path(password_file)))
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        connection.set_password_prompt(
            lambda shown: getpass.getpass(f"گذرواژهٔ پایگاه داده — password for {shown}: ")
        )


def run(args: argparse.Namespace) -> int:
    """Run ``transfer``."""
    from qazvin_diplomacy.services.transfer import transfer_database

    _passwords(args)
    last = [-1]

    def progress(done: int, total: int, table: str) -> None:
        percent = done * 100 // max(total, 1)
        if not args.quiet and percent // 10 != last[0] and sys.stderr is not None:
            last[0] = percent // 10
            sys.stderr.write(f"… {percent}% ({done}/{total}) {table}\n")

    report = transfer_database(args.source, args.target, progress=progress)
    for table in report.tables:
        print(f"{table.table}\t{table.rows}\t{table.target_checksum}")
    print(
        f"OK — انتقال انجام شد: {report.rows} سطر در {len(report.tables)} جدول، تعداد و چکیدهٔ همهٔ "
        f"جدول‌ها یکسان، {report.audit_entries} مدخل سابقهٔ تغییرات در مقصد سالم — transferred "
        f"{report.rows} rows in {len(report.tables)} tables from {report.source} to {report.target}; "
        f"counts and checksums match; audit trail intact ({report.audit_entries} entries); "
        f"search index rebuilt ({report.search_rows} entries)"
    )
    print(
        f"پیوست‌ها — attachments: {report.attachments_copied} file(s) copied to "
        f"{report.attachments_dir}"
    )
    return 0
