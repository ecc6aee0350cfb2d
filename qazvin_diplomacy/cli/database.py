"""The ``demo`` and ``check`` sub-commands: make a demo database, check (and repair) one."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from qazvin_diplomacy.core.errors import KnownError

COMMANDS = ("demo", "check")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``demo`` and ``check`` to the CLI."""
    demo = sub.add_parser("demo", help="create a database filled with demo data")
    demo.add_argument("--db", required=True, help="database file to create")
    demo.add_argument(
        "--scale",
        type=int,
        default=0,
        help="add N times a base volume of synthetic records (0 to 1000; 100 ≈ 250,000 records)",
    )

    check = sub.add_parser("check", help="check integrity, foreign keys and schema version")
    check.add_argument("--db", required=True, help="database file to check")
    check.add_argument(
        "--repair",
        action="store_true",
        help="upgrade the schema if older, rebuild the search index, then check",
    )
    check.add_argument(
        "--upgrade",
        action="store_true",
        help="upgrade an older schema (a copy is kept first), then check",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``demo`` or ``check``."""
    return _demo(args) if args.command == "demo" else _check(args)


def _demo(args: argparse.Namespace) -> int:
    from qazvin_diplomacy.paths import resolve_paths
    from qazvin_diplomacy.services.connection import is_server, open_for_work
    from qazvin_diplomacy.services.demo import check_scale, load_demo

    check_scale(args.scale)  # before the database file is created
    started = time.perf_counter()
    paths = resolve_paths(args.db)
    server = is_server(args.db)
    existed = server or paths.db_path.exists()  # a server database is never removed here
    db = open_for_work(
        args.db if server else paths.db_path,
        backups_dir=paths.backups_dir,
        attachments_dir=paths.attachments_dir,
        accepted=paths.ensure,
    )
    try:
        summary = load_demo(db, scale=args.scale, progress=_demo_progress if args.scale else None)
    except BaseException:
        db.close()
        if not existed:  # leave nothing half-made behind
            _remove_database_files(paths.db_path)
        raise
    db.close()
    elapsed = time.perf_counter() - started
    details = ", ".join(f"{k}={v}" for k, v in sorted(summary.counts.items()))
    shown = db.url or args.db  # a server's URL as shown: never its password
    print(f"demo database written: {shown} ({summary.total} records: {details}; {elapsed:.1f} s)")
    return 0


def _demo_progress(step: int, steps: int, name: str) -> None:
    """One line on stderr per step of a scaled demo (it takes minutes); none without stderr."""
    what = "writing the database file" if name == "commit" else name.replace("_", " ")
    try:
        if sys.stderr is not None:
            sys.stderr.write(f"demo {min(step, steps)}/{steps}: {what} …\n")
            sys.stderr.flush()
    except (OSError, ValueError):  # a console that went away must not stop the demo
        pass


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _check(args: argparse.Namespace) -> int:
    from qazvin_diplomacy.services.connection import is_server, is_writable, open_database
    from qazvin_diplomacy.services.health import check

    server = is_server(args.db)
    path = Path(args.db)
    if not server and not path.exists():
        raise KnownError(f"پرونده «{path}» وجود ندارد.", f"'{path}' does not exist.")
    changes = args.repair or args.upgrade
    # Without --repair/--upgrade nothing is written: an older schema is reported, not migrated.
    db = open_database(args.db if server else path, read_only=not changes, allow_older=True)
    try:
        if db.migrated_from is not None:
            print(
                f"schema upgraded: {db.migrated_from} → {db.schema_revision()}; "
                f"copy kept at {db.migration_backup}"
            )
        if args.repair:
            from qazvin_diplomacy.services.search_upkeep import rebuild_search_index

            print(f"search index rebuilt: {rebuild_search_index(db)} records")
        report = check(db)
    finally:
        db.close()
    counts = ", ".join(f"{k}={v}" for k, v in sorted(report.counts.items()))
    if not server and not is_writable(db.path):
        print(
            "توجه: پایگاه داده فقط‌خواندنی است (حافظه فقط‌خواندنی یا پرونده قفل‌شده)؛ فقط خوانده شد — "
            "note: the database is read-only (read-only medium or locked file); it was only read"
        )
    if report.healthy:
        print(f"OK — سالم: schema {report.schema_revision}; {counts}")
        return 0
    for problem in report.problems:
        print(f"مشکل — problem: {problem}")
    if report.schema_revision != report.expected_revision:
        print(
            "برای به‌روزرسانی ساختار «check --upgrade» را اجرا کنید — "
            "run `check --upgrade` to upgrade the schema (a copy is kept first)"
        )
    return 1
