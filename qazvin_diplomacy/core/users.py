"""Rules for users: login names, passwords, lockout — and what services hand the UI.

Qt-free and database-free: ``services.users`` applies these rules and stores the users.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from qazvin_diplomacy.core.access import Role
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.text import normalize, to_persian_digits

#: Failed attempts in a row that lock an account, and for how long.
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 256
LOGIN_LENGTH = (2, 60)
#: The window locks after this many idle minutes unless the administrator sets otherwise (0: never).
DEFAULT_IDLE_LOCK_MINUTES = 15
IDLE_LOCK_BOUNDS = (0, 480)

_LOGIN_REFUSED = re.compile(r"[\s\"'<>/\\:;,]")


@dataclass(frozen=True)
class UserView:
    """A user as lists and forms show them (never the password hash)."""

    id: int
    login: str
    display_name: str
    role: Role
    cleared: bool
    disabled: bool
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None
    created_at: dt.datetime
    version: int


class SignInRefused(KnownError):
    """Signing in was refused: unknown name or wrong password, disabled or locked account,
    or a command on a database with users run without ``--user``."""


def clean_login(login: str) -> str:
    """A login name as stored: normalised; refuses spaces, quotes and slashes, and bad lengths."""
    text = normalize(login)
    low, high = LOGIN_LENGTH
    if not low <= len(text) <= high or _LOGIN_REFUSED.search(text):
        raise ValidationError(
            {
                "login": f"نام کاربری باید {to_persian_digits(low)} تا {to_persian_digits(high)} "
                "نویسه و بدون فاصله، نشانی و گیومه باشد."
            },
            f"A login name has {low} to {high} characters, without spaces, quotes or slashes.",
        )
    return text


def login_key(login: str) -> str:
    """What makes two login names the same: normalised, case-folded (``Ali`` = ``ali``)."""
    return normalize(login).casefold()


def password_error(password: str) -> str | None:
    """The Persian reason ``password`` is refused, or None when it is acceptable."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"گذرواژه باید دست‌کم {to_persian_digits(MIN_PASSWORD_LENGTH)} نویسه باشد."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"گذرواژه نباید بیش از {to_persian_digits(MAX_PASSWORD_LENGTH)} نویسه باشد."
    if password != password.strip():
        return "گذرواژه نباید با فاصله آغاز یا پایان یابد."
    if len(set(password)) < 3:
        return "گذرواژه باید دست‌کم سه نویسهٔ گوناگون داشته باشد."
    return None


def check_password(password: str, field: str = "password") -> None:
    """Refuse (``ValidationError`` on ``field``) a password that breaks the rules."""
    error = password_error(password)
    if error:
        raise ValidationError(
            {field: error},
            f"The password must have at least {MIN_PASSWORD_LENGTH} characters, "
            "no spaces at either end and three different characters.",
        )


def minutes_left(until: dt.datetime, now: dt.datetime) -> int:
    """Whole minutes (at least 1) from ``now`` until ``until``."""
    seconds = (until - now).total_seconds()
    return max(1, int(-(-seconds // 60)))
