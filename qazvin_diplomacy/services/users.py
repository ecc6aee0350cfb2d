"""Users: the first administrator, adding and disabling users, passwords, signing in.

A database without users works as before (no principal: everyone edits everything).  Once
it has users, the window and the command line sign in with :func:`authenticate`, which
returns the :class:`~qazvin_diplomacy.core.access.Principal` to pass to
``access.set_principal``.  Five wrong passwords in a row lock an account for 15 minutes
(measured with ``core.clock.now_utc``).  Passwords are stored only as Argon2id hashes.
Writing users needs an administrator (checked here, and again by the storage's write guard).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from qazvin_diplomacy.core import access, clock
from qazvin_diplomacy.core.access import Principal, Role, current_principal
from qazvin_diplomacy.core.errors import KnownError, NotFoundError, ValidationError
from qazvin_diplomacy.core.text import normalize, to_persian_digits
from qazvin_diplomacy.core.users import (
    DEFAULT_IDLE_LOCK_MINUTES,
    IDLE_LOCK_BOUNDS,
    LOCKOUT,
    MAX_FAILED_ATTEMPTS,
    SignInRefused,
    UserView,
    check_password,
    clean_login,
    login_key,
    minutes_left,
)
from qazvin_diplomacy.services.records import check_version, write
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.letters import OfficeSetting
from qazvin_diplomacy.storage.users import AppUser, account_bookkeeping, refuse_non_admin

IDLE_LOCK_KEY = "users.idle_lock_minutes"

_WRONG = (
    "نام کاربری یا گذرواژه نادرست است.",
    "Wrong user name or password.",
)


def _hasher():  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher  # imported when first needed (start-up time)

    return PasswordHasher()


def hash_password(password: str) -> str:
    """The Argon2id hash of ``password`` (salted; what is stored)."""
    return str(_hasher().hash(password))


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether ``password`` matches ``stored_hash`` (False for a damaged hash too)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(stored_hash, password))
    except (VerificationError, InvalidHashError):
        return False


_DUMMY_HASH: str | None = None


def _spend_as_verify(password: str) -> None:
    """Take as long as a verification, so an unknown name is not told apart by timing."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password("not a password of anyone")
    verify_password(_DUMMY_HASH, password)


def require_admin() -> None:
    """Refuse (``WriteRefused``) unless the signed-in user is an administrator (or no users)."""
    if not access.is_admin():
        raise refuse_non_admin()


def _view(row: AppUser) -> UserView:
    return UserView(
        id=row.id,
        login=row.login,
        display_name=row.display_name,
        role=Role(row.role),
        cleared=row.cleared,
        disabled=row.disabled,
        locked_until=row.locked_until,
        last_login_at=row.last_login_at,
        created_at=row.created_at,
        version=row.version,
    )


def _principal(row: AppUser) -> Principal:
    return Principal(row.login, Role(row.role), row.cleared)


def _count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AppUser)) or 0)


def has_users(db: Database) -> bool:
    """Whether the database has users (then signing in is required).  An older schema
    without the users table has none."""
    try:
        with db.read_session() as session:
            return session.scalar(select(AppUser.id).limit(1)) is not None
    except DBAPIError:  # no app_user table: a schema from before users (read-only check)
        return False


def still_signed_in(db: Database, principal: Principal) -> bool:
    """Whether ``principal`` may go on working on ``db`` (after a restore or a switch to
    another database): the user exists there, is enabled and has the same role and
    clearance.  False on a database without users (then no one is signed in)."""
    try:
        with db.read_session() as session:
            row = _by_login(session, principal.name)
            return row is not None and not row.disabled and _principal(row) == principal
    except DBAPIError:  # no app_user table: a schema from before users
        return False


def signed_in_fits(db: Database) -> bool:
    """Whether who is signed in (``current_principal``) fits ``db``: no one on a database
    without users, else a user :func:`still_signed_in` there."""
    principal = current_principal()
    if not has_users(db):
        return principal is None
    return principal is not None and still_signed_in(db, principal)


def _by_login(session: Session, login: str) -> AppUser | None:
    return session.scalar(select(AppUser).where(AppUser.login_key == login_key(login)))


def _user(session: Session, login: str) -> AppUser:
    row = _by_login(session, login)
    if row is None:
        raise NotFoundError(f"کاربری با نام «{normalize(login)}» نیست.", f"No user '{login}'.")
    return row


def _refuse_duplicate(session: Session, login: str) -> None:
    if _by_login(session, login) is not None:
        raise ValidationError(
            {"login": f"نام کاربری «{login}» پیش‌تر ثبت شده است."},
            f"The login name '{login}' is taken.",
        )


def _new_user(
    session: Session, *, login: str, display_name: str, role: Role, cleared: bool, password: str
) -> AppUser:
    name = clean_login(login)
    check_password(password)
    _refuse_duplicate(session, name)
    row = AppUser(
        login=name,
        login_key=login_key(name),
        display_name=normalize(display_name) or name,
        role=Role(role).value,
        cleared=bool(cleared) or Role(role) is Role.ADMIN,  # an administrator sees all
        password_hash=hash_password(password),
        disabled=False,
        failed_attempts=0,
    )
    session.add(row)
    session.flush()
    return row


def create_first_admin(
    db: Database, *, login: str, password: str, display_name: str = ""
) -> UserView:
    """Create the first user, an administrator; refused once the database has users."""
    with write(db) as session:
        if _count(session):
            raise KnownError(
                "این پایگاه داده پیش‌تر مدیر سامانه دارد؛ کاربران را مدیر سامانه می‌افزاید.",
                "This database already has an administrator; users are added by an administrator.",
            )
        row = _new_user(
            session,
            login=login,
            display_name=display_name,
            role=Role.ADMIN,
            cleared=True,
            password=password,
        )
        return _view(row)


def add_user(
    db: Database,
    *,
    login: str,
    password: str,
    role: Role = Role.EDITOR,
    cleared: bool = False,
    display_name: str = "",
) -> UserView:
    """Add a user (administrators only).  On a database without users the first one must be
    an administrator (:func:`create_first_admin`)."""
    require_admin()
    with write(db) as session:
        if not _count(session) and Role(role) is not Role.ADMIN:
            raise ValidationError(
                {"role": "نخستین کاربر باید مدیر سامانه باشد."},
                "The first user must be an administrator.",
            )
        row = _new_user(
            session,
            login=login,
            display_name=display_name,
            role=Role(role),
            cleared=cleared,
            password=password,
        )
        return _view(row)


def list_users(db: Database) -> list[UserView]:
    """Every user, by login name (administrators only)."""
    require_admin()
    with db.read_session() as session:
        rows = session.scalars(select(AppUser).order_by(AppUser.login_key))
        return [_view(row) for row in rows]


def _active_admins(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(AppUser)
            .where(AppUser.role == Role.ADMIN.value, AppUser.disabled.is_(False))
        )
        or 0
    )


def _refuse_last_admin(session: Session, row: AppUser) -> None:
    """No change may leave the database without an enabled administrator."""
    if row.role == Role.ADMIN.value and not row.disabled and _active_admins(session) <= 1:
        raise ValidationError(
            {"role": "این تنها مدیر فعال سامانه است؛ نخست مدیر دیگری تعیین کنید."},
            "This is the only enabled administrator; make someone else administrator first.",
        )


def update_user(
    db: Database,
    *,
    login: str,
    role: Role,
    cleared: bool,
    display_name: str,
    version: int | None = None,
) -> UserView:
    """Change a user's role, clearance and display name (administrators only)."""
    require_admin()
    with write(db) as session:
        row = _user(session, login)
        check_version(row, version, "کاربر")
        if Role(role) is not Role.ADMIN:
            _refuse_last_admin(session, row)
        row.role = Role(role).value
        row.cleared = bool(cleared)
        row.display_name = normalize(display_name) or row.login
        session.flush()
        return _view(row)


def set_disabled(db: Database, *, login: str, disabled: bool) -> UserView:
    """Disable a user (they can no longer sign in) or enable them again (administrators only).
    Enabling also lifts a lockout."""
    require_admin()
    with write(db) as session:
        row = _user(session, login)
        if disabled:
            _refuse_last_admin(session, row)
            principal = access.current_principal()
            if principal is not None and login_key(principal.name) == row.login_key:
                raise ValidationError(
                    {"login": "حساب خودتان را نمی‌توانید غیرفعال کنید."},
                    "You cannot disable your own account.",
                )
        else:
            row.failed_attempts, row.locked_until = 0, None
        row.disabled = disabled
        session.flush()
        return _view(row)


def disable_user(db: Database, *, login: str) -> UserView:
    """Disable ``login`` (see :func:`set_disabled`)."""
    return set_disabled(db, login=login, disabled=True)


def enable_user(db: Database, *, login: str) -> UserView:
    """Enable ``login`` again (see :func:`set_disabled`)."""
    return set_disabled(db, login=login, disabled=False)


def reset_password(db: Database, *, login: str, new_password: str) -> UserView:
    """Give ``login`` a new password and lift a lockout (administrators only)."""
    require_admin()
    check_password(new_password)
    with write(db) as session:
        row = _user(session, login)
        row.password_hash = hash_password(new_password)
        row.failed_attempts, row.locked_until = 0, None
        session.flush()
        return _view(row)


def change_password(db: Database, *, login: str, old_password: str, new_password: str) -> None:
    """A user changes their own password; the old one must be right (and not locked out)."""
    check_password(new_password, "new_password")
    principal = authenticate(db, login, old_password, field="old_password")
    if new_password == old_password:
        raise ValidationError(
            {"new_password": "گذرواژهٔ جدید با گذرواژهٔ کنونی یکی است."},
            "The new password is the same as the current one.",
        )
    with account_bookkeeping(), write(db) as session:
        row = _user(session, principal.name)
        row.password_hash = hash_password(new_password)


def authenticate(db: Database, login: str, password: str, *, field: str = "") -> Principal:
    """Check ``login`` and ``password``; the signed-in principal, or ``SignInRefused``.

    A wrong password counts; the fifth in a row locks the account for 15 minutes (the
    refusal says so; a locked account is refused without checking the password).
    A disabled account is refused.  ``field`` names the form field a wrong password belongs to
    (``change_password``'s old password); it is then a ``ValidationError`` there.
    A database opened read-only (``check``, ``report`` …) is not written: a lockout in force
    still refuses, but failures there are not counted.
    """
    outcome: Principal | tuple[str, str]
    if db.read_only:
        with db.read_session() as session:  # closed without a commit: nothing is written
            outcome = _sign_in(session, login, password)
    else:
        with account_bookkeeping(), write(db) as session:  # a failure counted is kept
            outcome = _sign_in(session, login, password)
    if isinstance(outcome, Principal):
        return outcome
    if field:
        raise ValidationError({field: outcome[0]}, outcome[1])
    raise SignInRefused(*outcome)


def _sign_in(session: Session, login: str, password: str) -> Principal | tuple[str, str]:
    """The sign-in's checks on ``session``: the principal, or the refusal (Persian, English).
    The caller commits what they changed (failures, lockout, last sign-in), or not."""
    row = _by_login(session, login)
    now = clock.now_utc()
    if row is None:
        _spend_as_verify(password)
        return _WRONG
    if row.disabled:
        return (
            f"حساب «{row.login}» غیرفعال است؛ با مدیر سامانه تماس بگیرید.",
            f"The account '{row.login}' is disabled; ask the administrator.",
        )
    if row.locked_until is not None and row.locked_until > now:
        return _locked(row, now)
    if verify_password(row.password_hash, password):
        row.failed_attempts, row.locked_until, row.last_login_at = 0, None, now
        if _hasher().check_needs_rehash(row.password_hash):
            row.password_hash = hash_password(password)
        return _principal(row)
    row.failed_attempts = (row.failed_attempts or 0) + 1
    if row.failed_attempts >= MAX_FAILED_ATTEMPTS:
        row.failed_attempts, row.locked_until = 0, now + LOCKOUT
        return _locked(row, now)
    left = MAX_FAILED_ATTEMPTS - row.failed_attempts
    return (
        f"{_WRONG[0]} {to_persian_digits(left)} تلاش دیگر مانده است، سپس حساب قفل می‌شود.",
        f"{_WRONG[1]} {left} attempts left before the account is locked.",
    )


def _locked(row: AppUser, now: object) -> tuple[str, str]:
    assert row.locked_until is not None
    minutes = minutes_left(row.locked_until, now)  # type: ignore[arg-type]
    return (
        f"حساب «{row.login}» پس از {to_persian_digits(MAX_FAILED_ATTEMPTS)} تلاش نادرست قفل "
        f"شده است؛ {to_persian_digits(minutes)} دقیقهٔ دیگر دوباره تلاش کنید.",
        f"The account '{row.login}' is locked after {MAX_FAILED_ATTEMPTS} failed attempts; "
        f"try again in {minutes} minutes.",
    )


def idle_lock_minutes(db: Database) -> int:
    """Idle minutes after which the window locks (0: never); the office's setting."""
    with db.read_session() as session:
        row = session.get(OfficeSetting, IDLE_LOCK_KEY)
    try:
        value = int(row.value) if row is not None else DEFAULT_IDLE_LOCK_MINUTES
    except ValueError:
        return DEFAULT_IDLE_LOCK_MINUTES
    low, high = IDLE_LOCK_BOUNDS
    return min(max(value, low), high)


def set_idle_lock_minutes(db: Database, minutes: int) -> int:
    """Set the idle-lock minutes for every desk (administrators only); 0 turns it off."""
    require_admin()
    low, high = IDLE_LOCK_BOUNDS
    if not low <= int(minutes) <= high:
        raise ValidationError(
            {
                "idle_lock_minutes": f"زمان قفل باید از {to_persian_digits(low)} تا "
                f"{to_persian_digits(high)} دقیقه باشد."
            },
            f"The idle lock is {low} to {high} minutes.",
        )
    with write(db) as session:
        row = session.get(OfficeSetting, IDLE_LOCK_KEY)
        if row is None:
            session.add(OfficeSetting(key=IDLE_LOCK_KEY, value=str(int(minutes))))
        else:
            row.value = str(int(minutes))
    return int(minutes)
