"""The ``backup`` and ``restore`` sub-commands.

A password is never taken on the command line (it would stay in the shell history): it is
asked for on the terminal (``--encrypt``) or read from the first line of ``--password-file``
(UTF-8, or UTF-8/UTF-16 with a byte-order mark as Notepad writes; the mark and the line end
are not part of the password).
"""

from __future__ import annotations

import argparse
import codecs
import getpass
import sys
from pathlib import Path

from qazvin_diplomacy.core.errors import KnownError

COMMANDS = ("backup", "restore")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``backup`` and ``restore`` to the CLI."""
    backup = sub.add_parser("backup", help="write a single-file backup (database + attachments)")
    backup.add_argument("--db", required=True, help="database file to back up (may be in use)")
    backup.add_argument("--out", required=True, help="backup file to write (.qdbackup)")
    backup.add_argument("--encrypt", action="store_true", help="ask for a password and encrypt")
    backup.add_argument(
        "--password-file", help="encrypt with the password on this file's first line"
    )

    restore = sub.add_parser("restore", help="verify a backup, then swap it in for the database")
    restore.add_argument("--in", dest="source", required=True, help="backup file to restore")
    restore.add_argument("--db", required=True, help="database file to replace (or create)")
    restore.add_argument("--password-file", help="password of an encrypted backup, first line")


def _decode_password_file(raw: bytes) -> str:
    """The text of a password file: UTF-8, or UTF-8/UTF-16 by their byte-order mark."""
    encoding = "utf-8"
    if raw.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"  # the codec reads the mark and drops it
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise KnownError(
            "پرونده گذرواژه متن UTF-8 نیست؛ آن را با کدگذاری UTF-8 ذخیره کنید.",
            "The password file is not UTF-8 text; save it as UTF-8.",
        ) from exc


def _password_from_file(path: str) -> str:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise KnownError(
            f"پرونده گذرواژه خوانده نشد: {exc.strerror}", f"Cannot read the password file: {exc}"
        ) from exc
    lines = _decode_password_file(raw).splitlines()
    password = lines[0] if lines else ""
    if not password:
        raise KnownError("پرونده گذرواژه خالی است.", "The password file is empty.")
    if "\x00" in password:  # UTF-16 without a byte-order mark, or not a text file
        raise KnownError(
            "پرونده گذرواژه نویسه تهی دارد؛ آن را با کدگذاری UTF-8 ذخیره کنید.",
            "The password file holds NUL characters; save it as UTF-8.",
        )
    return password


def _ask(prompt: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise KnownError(
            "گذرواژه را نمی‌توان پرسید (ورودی تعاملی نیست)؛ از --password-file استفاده کنید.",
            "No terminal to ask for the password; use --password-file.",
        )
    return getpass.getpass(prompt)


def _backup(args: argparse.Namespace) -> int:
    from qazvin_diplomacy.services.backup import create_backup
    from qazvin_diplomacy.services.connection import is_server, open_database

    password = None
    if args.password_file:
        password = _password_from_file(args.password_file)
    elif args.encrypt:
        password = _ask("Password / گذرواژه: ")
        if password != _ask("Again / تکرار: "):
            raise KnownError("دو گذرواژه یکسان نیستند.", "The two passwords differ.")
        if not password:
            raise KnownError("گذرواژه خالی است.", "The password is empty.")
    path: Path | str = args.db if is_server(args.db) else Path(args.db)
    if isinstance(path, Path) and not path.exists():
        raise KnownError(f"پرونده «{path}» وجود ندارد.", f"'{path}' does not exist.")
    db = open_database(path)  # a server database: its rows, read in one snapshot
    try:
        manifest = create_backup(db, out=Path(args.out), password=password)
    finally:
        db.close()
    kind = "encrypted" if manifest.encrypted else "plain"
    print(
        f"backup written: {args.out} ({kind}; schema {manifest.schema_revision}; "
        f"{len(manifest.attachments)} attachments)"
    )
    for name in manifest.damaged:
        print(f"warning — هشدار: damaged attachment kept as found: {name}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from qazvin_diplomacy.services.backup import is_encrypted, restore_backup
    from qazvin_diplomacy.services.connection import is_server, open_database

    source = Path(args.source)
    if not source.is_file():
        raise KnownError(f"پروندهٔ پشتیبان «{source}» وجود ندارد.", f"'{source}' does not exist.")
    server = is_server(args.db)
    db_path = None if server else Path(args.db).expanduser().resolve()
    if db_path is not None and db_path.is_file():
        # The database replaced may have users: its administrator signs in (a server database
        # signs in when it is opened for the restore).
        open_database(db_path, read_only=True, allow_older=True).close()
    password = None
    if args.password_file:
        password = _password_from_file(args.password_file)
    elif is_encrypted(source):
        password = _ask("Password / گذرواژه: ")
    if db_path is None:
        return _restore_server(args.db, source, password)
    result = restore_backup(
        source=source,
        db_path=db_path,
        backups_dir=db_path.parent / f"{db_path.stem}-backups",
        attachments_dir=db_path.parent / f"{db_path.stem}-attachments",
        password=password,
    )
    kept = f"; previous database kept at {result.previous_backup}" if result.previous_backup else ""
    migrated = f"; migrated {result.schema_from} → {result.schema_to}" if result.migrated else ""
    print(f"restored into {result.db_path}{migrated}{kept}")
    for name in result.attachments_set_aside:
        print(
            f"warning — هشدار: damaged attachment not restored under its name (kept as .damaged "
            f"unless the genuine file was there): {name}"
        )
    return 0


def _restore_server(url: str, source: Path, password: str | None) -> int:
    """``restore`` into a server database: every row replaced in one transaction."""
    from qazvin_diplomacy.services.backup import restore_backup_to_server
    from qazvin_diplomacy.services.connection import open_database

    db = open_database(url)
    try:
        result = restore_backup_to_server(source=source, db=db, password=password)  # type: ignore[arg-type]
    finally:
        db.close()
    migrated = f"; migrated {result.schema_from} → {result.schema_to}" if result.migrated else ""
    print(
        f"OK — بازیابی در پایگاه داده سرور انجام شد — restored into {db.url}{migrated}; "
        f"previous rows kept at {result.previous_backup}"
    )
    return 0


def run(args: argparse.Namespace) -> int:
    """Run ``backup`` or ``restore``."""
    return _backup(args) if args.command == "backup" else _restore(args)
