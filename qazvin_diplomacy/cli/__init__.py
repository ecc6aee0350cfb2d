"""Command line: no sub-command opens the window; sub-commands work on a database file.

Errors the user can act on print one line (Persian — English) and exit non-zero; a bad
command or option exits 2.  When the reader of the output goes away (``… | head``) the
command stops quietly: no traceback, exit code 1.

The windowed build (``QazvinDiplomacy.exe``) starts without output streams: its lines go to
the log and an error is shown in a dialog.  The console build (``QazvinDiplomacy-cli.exe``)
is the one to run from a command prompt.
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from qazvin_diplomacy import APP_TITLE_EN, __version__, cli_backup, cli_directory, cli_reports
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.streams import error_text, install_missing_streams

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit 2."""

    def error(self, message: str) -> None:  # overrides ArgumentParser.error
        sys.stderr.write(f"خطا در فرمان — usage error: {message} (see --help)\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = _Parser(
        prog="qazvin-diplomacy", description=f"{APP_TITLE_EN} — میز دیپلماسی استانی قزوین"
    )
    parser.add_argument("--db", help="database file (default: the per-user data folder)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

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

    sub.add_parser("version", help="print the version")

    cli_reports.register(sub)
    cli_directory.register(sub)
    cli_backup.register(sub)

    selftest = sub.add_parser("selftest", help="open every view offscreen and report")
    selftest.add_argument("--db", help="database (default: a temporary demo database)")
    selftest.add_argument("--shots", help="folder to save a PNG of each view into")
    return parser


def _say_error(exc: KnownError) -> int:
    en = f" — {exc.message_en}" if exc.message_en and exc.message_en != exc.message else ""
    sys.stderr.write(f"خطا: {exc.message}{en}\n")
    return 1


def _drop_stdout() -> None:
    """Send whatever is still to be printed to the null device (its reader has gone away)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # a stream without a file descriptor
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # lives to exit


def print_guarded(command: Callable[[], int]) -> int:
    """Run a command that prints lines; a closed stdout (``… | head``) ends it quietly with 1.

    The output is flushed here, so a reader that has gone away is noticed while this guard
    is in place rather than at interpreter exit.
    """
    try:
        code = command()
        sys.stdout.flush()
    except OSError as exc:
        if not _is_closed_pipe(exc):
            raise
        _drop_stdout()
        return 1
    return code


def _is_closed_pipe(exc: OSError) -> bool:
    """Whether ``exc`` says that stdout's reader has gone away.

    On Windows a write to a closed pipe raises ``OSError(EINVAL)`` rather than
    ``BrokenPipeError``; EINVAL also comes from a bad file name, so it counts only when
    stdout itself still cannot be flushed.
    """
    if isinstance(exc, BrokenPipeError):
        return True
    if exc.errno != errno.EINVAL:
        return False
    try:
        sys.stdout.flush()
    except OSError as again:
        return isinstance(again, BrokenPipeError) or again.errno == errno.EINVAL
    return False


def _configure_streams() -> bool:
    """UTF-8 output, and log streams for missing ones; True when one was missing."""
    missing = install_missing_streams()
    # Windows consoles default to a legacy code page that cannot print Persian.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
            except (ValueError, OSError):  # pragma: no cover - exotic streams
                pass
    if missing:
        _log_to_file()
    return missing


def _log_to_file() -> None:
    """Send log records, and with them the replaced streams' lines, to the log file."""
    from qazvin_diplomacy.app import setup_logging
    from qazvin_diplomacy.paths import resolve_paths

    try:
        setup_logging(resolve_paths())
    except OSError:  # a profile that cannot be written to: the lines are dropped
        log.debug("no log file", exc_info=True)


def _cmd_demo(args: argparse.Namespace) -> int:
    from qazvin_diplomacy.app import open_database
    from qazvin_diplomacy.paths import resolve_paths
    from qazvin_diplomacy.services.demo import check_scale, load_demo

    check_scale(args.scale)  # before the database file is created
    started = time.perf_counter()
    paths = resolve_paths(args.db)
    existed = paths.db_path.exists()
    db = open_database(paths)
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
    print(f"demo database written: {args.db} ({summary.total} records: {details}; {elapsed:.1f} s)")
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


def _cmd_check(args: argparse.Namespace) -> int:
    from qazvin_diplomacy.services.health import check
    from qazvin_diplomacy.storage.database import Database
    from qazvin_diplomacy.storage.location import is_writable

    path = Path(args.db)
    if not path.exists():
        raise KnownError(f"پرونده «{path}» وجود ندارد.", f"'{path}' does not exist.")
    changes = args.repair or args.upgrade
    # Without --repair/--upgrade nothing is written: an older schema is reported, not migrated.
    db = Database.open(path, read_only=not changes, allow_older=True)
    try:
        if db.migrated_from is not None:
            print(
                f"schema upgraded: {db.migrated_from} → {db.schema_revision()}; "
                f"copy kept at {db.migration_backup}"
            )
        if args.repair:
            from qazvin_diplomacy.services.search import rebuild_search_index

            print(f"search index rebuilt: {rebuild_search_index(db)} records")
        report = check(db)
    finally:
        db.close()
    counts = ", ".join(f"{k}={v}" for k, v in sorted(report.counts.items()))
    if not is_writable(db.path):
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


def _cmd_version(_args: argparse.Namespace) -> int:
    print(f"qazvin-diplomacy {__version__}")
    return 0


def _cmd_selftest(args: argparse.Namespace) -> int:
    from qazvin_diplomacy.ui.selftest import main as selftest_main

    return selftest_main(db=args.db, shots=args.shots)


COMMANDS = {
    "demo": _cmd_demo,
    "check": _cmd_check,
    "selftest": _cmd_selftest,
    "version": _cmd_version,
    "report": cli_reports.run,
    **{name: cli_directory.run for name in cli_directory.COMMANDS},
    **{name: cli_backup.run for name in cli_backup.COMMANDS},
}


def _window_only(argv: list[str]) -> tuple[bool, str | None]:
    """Whether ``argv`` just opens the window (nothing, or ``--db PATH``), and that path.

    The window then starts without building the full parser, whose sub-commands import
    the report and spreadsheet libraries (a third of the start-up time).
    """
    if not argv:
        return True, None
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > 5:
        return True, argv[0][5:]
    if len(argv) == 2 and argv[0] == "--db" and argv[1] and not argv[1].startswith("-"):
        return True, argv[1]
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    from qazvin_diplomacy.windows import hold_app_mutex

    hold_app_mutex()  # the installer waits while the program runs
    if not _configure_streams():
        return _run(argv)
    return _run_windowed(argv)


def _run_windowed(argv: Sequence[str] | None) -> int:
    """``_run`` without output streams: nothing may escape as a traceback, errors in a dialog."""
    try:
        code = _run(argv)
    except SystemExit as stop:  # --help (0) or a usage error (2)
        code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
    except Exception:  # there is no console: log it and tell the user
        log.exception("unexpected error")
        sys.stderr.write(
            "خطا: خطای پیش‌بینی‌نشده‌ای رخ داد؛ جزئیات در پروندهٔ گزارش (log) است."
            " — An unexpected error happened; the details are in the log file.\n"
        )
        code = 1
    if code != 0 and (text := error_text()):
        from qazvin_diplomacy.ui.application import show_error

        show_error(text)
    return code


def _run(argv: Sequence[str] | None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    window, db = _window_only(arguments)
    if window:
        from qazvin_diplomacy.app import run_gui

        return run_gui(db)
    args = build_parser().parse_args(arguments)
    if args.command is None:
        from qazvin_diplomacy.app import run_gui

        return run_gui(args.db)
    try:
        return print_guarded(lambda: COMMANDS[args.command](args))
    except KnownError as exc:
        return _say_error(exc)
