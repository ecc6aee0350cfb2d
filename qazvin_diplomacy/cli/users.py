"""The ``users`` sub-command: ``users add|list|disable|enable|reset-password`` (administrators).

On a database without users, ``users add NAME --role admin`` creates the first administrator
(no sign-in yet); afterwards every ``users`` command needs an administrator's ``--user``.
A new password is never taken on the command line: ``--new-password-file`` (first line) or
asked twice on the terminal.  ``cli.GROUPS`` lists this module.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from qazvin_diplomacy.core.errors import KnownError

COMMANDS = ("users",)
ROLES = ("admin", "editor", "viewer")


def register(subparsers: Any) -> None:
    """Add ``users`` with its actions to the sub-parsers of ``cli.build_parser``."""
    users = subparsers.add_parser("users", help="the users who sign in (administrators)")
    actions = users.add_subparsers(dest="users_command", required=True)
    add = actions.add_parser("add", help="add a user (the first one must be --role admin)")
    add.add_argument("login", metavar="LOGIN", help="login name of the new user")
    add.add_argument("--role", choices=ROLES, default="editor", help="admin, editor or viewer")
    add.add_argument("--cleared", action="store_true", help="may see records flagged confidential")
    add.add_argument("--name", default="", help="display name (default: the login name)")
    add.add_argument("--new-password-file", help="the new user's password, first line")
    listing = actions.add_parser("list", help="list the users")
    disable = actions.add_parser("disable", help="disable a user (no more sign-in)")
    disable.add_argument("login", metavar="LOGIN")
    enable = actions.add_parser("enable", help="enable a disabled user again")
    enable.add_argument("login", metavar="LOGIN")
    reset = actions.add_parser("reset-password", help="give a user a new password")
    reset.add_argument("login", metavar="LOGIN")
    reset.add_argument("--new-password-file", help="the new password, first line")
    for parser in (add, listing, disable, enable, reset):
        parser.add_argument("--db", required=True, help="database file or postgresql:// URL")


def _new_password(args: argparse.Namespace) -> str:
    from qazvin_diplomacy.services.connection import read_password_file

    if args.new_password_file:
        return read_password_file(Path(args.new_password_file))
    if sys.stdin is None or not sys.stdin.isatty():
        raise KnownError(
            "گذرواژهٔ جدید را نمی‌توان پرسید (ورودی تعاملی نیست)؛ از --new-password-file استفاده کنید.",
            "No terminal to ask for the new password; use --new-password-file.",
        )
    import getpass

    first = getpass.getpass(f"گذرواژهٔ جدید — new password for {args.login}: ")
    if first != getpass.getpass("تکرار — again: "):
        raise KnownError("دو گذرواژه یکسان نیستند.", "The two passwords differ.")
    return first


def run(args: argparse.Namespace) -> int:
    """Run one ``users`` action on ``--db``."""
    from qazvin_diplomacy.core.access import Role
    from qazvin_diplomacy.services import users
    from qazvin_diplomacy.services.connection import existing_database, open_database

    action = args.users_command
    db = open_database(existing_database(args.db))  # signs in first (cli.sign_in)
    try:
        password = _new_password(args) if action in ("add", "reset-password") else ""
        if action == "add":
            user = users.add_user(
                db,
                login=args.login,
                password=password,
                role=Role(args.role),
                cleared=args.cleared,
                display_name=args.name,
            )
            print(f"user added — کاربر افزوده شد: {user.login} ({user.role.value})")
        elif action == "list":
            for user in users.list_users(db):
                state = "disabled" if user.disabled else "enabled"
                cleared = "cleared" if user.cleared else "-"
                print(f"{user.login}\t{user.role.value}\t{cleared}\t{state}\t{user.display_name}")
        elif action in ("disable", "enable"):
            user = users.set_disabled(db, login=args.login, disabled=action == "disable")
            print(f"user {action}d — {user.login}")
        else:
            user = users.reset_password(db, login=args.login, new_password=password)
            print(f"password reset — گذرواژه بازنشانی شد: {user.login}")
    finally:
        db.close()
    return 0
