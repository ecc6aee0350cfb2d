"""``--user NAME``: signing in on a database that has users, for every command opening one.

A database without users needs no sign-in (a single desk works as before).  One with users
refuses every command run without ``--user`` or with a wrong password (one line, exit 2).
The password comes from ``--password-file`` (its first line; ``--user-password-file`` on
``backup`` and ``restore``, whose ``--password-file`` is the backup's) or from a prompt on
the terminal — never from the command line.  ``report`` takes ``--as-user`` (its ``--user``
filters the audit report); every command accepts ``--as-user``.  The sign-in runs where every command opens
its database (``services.connection.open_database``), so no command can skip it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from qazvin_diplomacy.core.users import SignInRefused

if TYPE_CHECKING:
    from qazvin_diplomacy.services.connection import DatabaseHandle


def database_commands(sub: argparse._SubParsersAction) -> Iterator[argparse.ArgumentParser]:  # type: ignore[type-arg]
    """Every command parser taking ``--db``, nested ones (``audit verify``, ``users add``) too."""
    for command in sub.choices.values():
        if any("--db" in action.option_strings for action in command._actions):
            yield command
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                yield from database_commands(action)


#: The ``args`` names the sign-in options and their defaults use (a command that refuses the
#: options it does not take lets these through).
SIGN_IN_DESTS = frozenset(
    {"sign_in_user", "sign_in_password_file", "sign_in_flag", "sign_in_file_flag"}
)


def add_sign_in_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--user`` and the user's password file to a command that opens a database."""
    taken = {flag for action in parser._actions for flag in action.option_strings}
    names = [f for f in ("--user", "--as-user") if f not in taken]  # a filter may own --user
    parser.add_argument(
        *names,
        dest="sign_in_user",
        metavar="NAME",
        help="sign in as this user (needed once the database has users)",
    )
    files = [f for f in ("--password-file", "--user-password-file") if f not in taken]
    # What the refusals name: ``report`` has ``--user`` as its audit filter, so ``--as-user``.
    parser.set_defaults(sign_in_flag=names[0], sign_in_file_flag=files[0])
    parser.add_argument(
        *files,
        dest="sign_in_password_file",
        metavar="FILE",
        help="file whose first line is the --user's password (else a prompt)",
    )


def require_sign_in(args: argparse.Namespace | None) -> None:
    """Sign in with ``args``' ``--user`` on every database opened from now on (None: stop,
    and sign out)."""
    from qazvin_diplomacy.core import access
    from qazvin_diplomacy.services import connection

    if args is None:
        connection.set_sign_in(None)
        access.set_principal(None)
        return
    connection.set_sign_in(lambda db: _sign_in(db, args))


def _sign_in(db: DatabaseHandle, args: argparse.Namespace) -> None:
    from qazvin_diplomacy.core import access
    from qazvin_diplomacy.services import users

    if not users.has_users(db):
        return
    name = getattr(args, "sign_in_user", None)
    if not name:
        flag = getattr(args, "sign_in_flag", "--user")
        file_flag = getattr(args, "sign_in_file_flag", "--password-file")
        raise SignInRefused(
            f"این پایگاه داده کاربر دارد؛ نام کاربری را با {flag} و گذرواژه را از {file_flag} "
            "یا در پاسخ به پرسش بدهید.",
            f"This database has users: sign in with {flag} NAME (the password from "
            f"{file_flag} or a prompt).",
        )
    principal = access.current_principal()
    if principal is not None and principal.name.casefold() == str(name).casefold():
        return  # signed in already on this run (a command opening a second database)
    access.set_principal(users.authenticate(db, name, _password(args, name)))


def _password(args: argparse.Namespace, name: str) -> str:
    from qazvin_diplomacy.services.connection import read_password_file

    if getattr(args, "sign_in_password_file", None):
        return read_password_file(Path(args.sign_in_password_file))
    if sys.stdin is None or not sys.stdin.isatty():
        file_flag = getattr(args, "sign_in_file_flag", "--password-file")
        raise SignInRefused(
            f"گذرواژهٔ کاربر را نمی‌توان پرسید (ورودی تعاملی نیست)؛ از {file_flag} استفاده کنید.",
            f"No terminal to ask for the user's password; use {file_flag}.",
        )
    import getpass

    return getpass.getpass(f"گذرواژهٔ کاربر — password for {name}: ")
