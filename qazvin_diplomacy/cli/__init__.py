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
import logging
import sys
from collections.abc import Callable, Sequence

from qazvin_diplomacy import APP_TITLE_EN
from qazvin_diplomacy.cli import (
    audit,
    backup,
    database,
    directory,
    letters,
    program,
    reports,
    selftest,
    transfer,
    users,
)
from qazvin_diplomacy.cli.output import configure_streams, print_guarded
from qazvin_diplomacy.cli.sign_in import add_sign_in_options, database_commands, require_sign_in
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.users import SignInRefused
from qazvin_diplomacy.streams import error_text

log = logging.getLogger(__name__)

#: Every command group, in ``--help`` order.  A group is a module of this package with
#: ``COMMANDS`` (its sub-command names), ``register(sub)`` adding their parsers and
#: ``run(args) -> int``.  A new group is one module and one entry here.
GROUPS = (database, program, reports, directory, backup, letters, audit, users, transfer, selftest)

#: Sub-command name → the function that runs it.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    name: group.run for group in GROUPS for name in group.COMMANDS
}


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
    for group in GROUPS:
        group.register(sub)
    for command in database_commands(sub):  # every command taking --db may name a server
        command.add_argument(
            "--db-password-file",
            help="file whose first line is the password of a postgresql:// --db "
            "(else PGPASSWORD, the credential store or a prompt)",
        )
        add_sign_in_options(command)
    return parser


def _server_password(args: argparse.Namespace) -> None:
    """For a ``postgresql://`` ``--db``: the password file given, else a prompt when needed."""
    from qazvin_diplomacy.services import connection

    if not connection.is_server(getattr(args, "db", None)):
        return
    if getattr(args, "db_password_file", None):
        from pathlib import Path

        connection.use_password(args.db, connection.read_password_file(Path(args.db_password_file)))
    elif sys.stdin is not None and sys.stdin.isatty():
        import getpass

        connection.set_password_prompt(
            lambda shown: getpass.getpass(f"گذرواژهٔ پایگاه داده — password for {shown}: ")
        )


def _say_error(exc: KnownError) -> int:
    en = f" — {exc.message_en}" if exc.message_en and exc.message_en != exc.message else ""
    sys.stderr.write(f"خطا: {exc.message}{en}\n")
    return 1


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
    if not configure_streams():
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
        _server_password(args)
        require_sign_in(args)
        return print_guarded(lambda: COMMANDS[args.command](args))
    except SignInRefused as exc:  # no --user, a wrong password, a locked account: exit 2
        _say_error(exc)
        return 2
    except KnownError as exc:
        return _say_error(exc)
    finally:
        require_sign_in(None)  # signed out again (main() may run again in this process)
