"""Database health: integrity, foreign keys, schema version, stored files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import DBAPIError

from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.services.attachments import is_intact, stored_path
from qazvin_diplomacy.services.audit import verify_audit_trail
from qazvin_diplomacy.services.search_upkeep import search_index_problems
from qazvin_diplomacy.storage.attachments import Attachment
from qazvin_diplomacy.storage.confidential import every_record
from qazvin_diplomacy.storage.database import Database, head_revision
from qazvin_diplomacy.storage.directory import Country, Person
from qazvin_diplomacy.storage.integrity import FullCheck

__all__ = ["FULL_CHECK_EVERY", "FullCheck", "HealthReport", "check", "full_check_due", "is_empty"]

#: The window runs the full integrity check in the background at most this often (and after
#: every unclean shutdown); opening only makes the bounded check.
FULL_CHECK_EVERY = dt.timedelta(days=1)


@dataclass(frozen=True)
class HealthReport:
    """The outcome of ``check``: healthy when ``problems`` is empty."""

    schema_revision: str | None
    expected_revision: str
    problems: list[str]
    counts: dict[str, int]

    @property
    def healthy(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems


def check(db: Database) -> HealthReport:
    """Run every check without changing anything."""
    problems: list[str] = []
    with db.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            tables = _server_checks(conn, problems)
        else:
            try:
                integrity = [
                    r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
                ]
            except DBAPIError as exc:  # damaged beyond what the check itself can walk
                integrity = [str(exc.orig)]
            if integrity != ["ok"]:  # reading on could fail anywhere: this is the finding
                problems.append("بررسی یکپارچگی ناموفق بود: " + "؛ ".join(integrity[:5]))
                return HealthReport(None, head_revision(), problems, {})
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if fk:
                tables = sorted({row[0] for row in fk})
                problems.append(
                    f"{to_persian_digits(len(fk))} ارجاع نامعتبر در جدول‌های {'، '.join(tables)}"
                )
            fk_on = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
            if fk_on != 1:
                problems.append("کلیدهای خارجی در اتصال پایگاه داده فعال نیستند.")
            tables = [
                r[0]
                for r in conn.execute(
                    text(
                        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                    )
                )
            ]
    revision = db.schema_revision()
    expected = head_revision()
    if revision != expected:
        problems.append(f"نسخه ساختار پایگاه داده {revision} است؛ نسخه مورد انتظار {expected}.")
    counts: dict[str, int] = {}
    # every stored file is checked, a confidential record's too (only counts are reported)
    with every_record(), db.read_session() as session:
        counts["countries"] = int(session.scalar(select(func.count()).select_from(Country)) or 0)
        counts["people"] = int(session.scalar(select(func.count()).select_from(Person)) or 0)
        missing = mismatched = 0
        for sha in session.scalars(select(Attachment.sha256).distinct()):
            path = stored_path(db, sha)
            if not path.is_file():
                missing += 1
            elif not is_intact(path, sha):
                mismatched += 1
        if missing:
            problems.append(f"{to_persian_digits(missing)} پرونده پیوست در پوشهٔ داده پیدا نشد.")
        if mismatched:
            problems.append(
                f"محتوای {to_persian_digits(mismatched)} پرونده پیوست با چکیده SHA-256 نام آن "
                "نمی‌خواند (آسیب‌دیده یا دستکاری‌شده)؛ پروندهٔ اصلی را دوباره پیوست کنید."
            )
    problems.extend(search_index_problems(db))
    if revision == expected:  # an older schema may not have the audit trail yet
        chain = verify_audit_trail(db)
        counts["audit_entries"] = chain.entries
        if chain.broken is not None:
            problems.append(
                f"زنجیرهٔ سابقهٔ تغییرات در مدخل {to_persian_digits(chain.broken.entry_id)} شکسته "
                f"است: {chain.broken.reason_fa} — the audit trail is broken at entry "
                f"{chain.broken.entry_id}: {chain.broken.reason_en}"
            )
    if counts["countries"] == 0:
        problems.append("فهرست کشورها خالی است.")
    counts["tables"] = len(tables)
    return HealthReport(revision, expected, problems, counts)


def _server_checks(conn: Connection, problems: list[str]) -> list[str]:
    """PostgreSQL's twin of the file checks; returns the application's table names.

    The server keeps its own pages consistent (checksums, WAL) and always enforces foreign
    keys, so what is left to check is what a person could have switched off: a foreign key
    not validated (``NOT VALID``) or a disabled trigger (the search index's, say).
    """
    tables = list(
        conn.execute(
            text("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()")
        ).scalars()
    )
    unchecked = (
        conn.execute(
            text(
                "SELECT conrelid::regclass::text FROM pg_catalog.pg_constraint "
                "WHERE contype = 'f' AND NOT convalidated "
                "AND connamespace = to_regnamespace(current_schema())"
            )
        )
        .scalars()
        .all()
    )
    if unchecked:
        problems.append(
            f"{to_persian_digits(len(unchecked))} کلید خارجی بررسی‌نشده در جدول‌های "
            f"{'، '.join(sorted(set(unchecked)))}"
        )
    disabled = (
        conn.execute(
            text(
                "SELECT t.tgname FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c "
                "ON c.oid = t.tgrelid WHERE t.tgenabled = 'D' "
                "AND c.relnamespace = to_regnamespace(current_schema())"
            )
        )
        .scalars()
        .all()
    )
    if disabled:
        problems.append(
            f"{to_persian_digits(len(disabled))} ماشه (trigger) پایگاه داده غیرفعال شده است: "
            f"{'، '.join(sorted(disabled))}"
        )
    conn.rollback()
    return tables


def is_empty(db: Database) -> bool:
    """True when the directory has no people yet (a fresh installation)."""
    with db.read_session() as session:
        return session.scalar(select(Person.id).limit(1)) is None


def full_check_due(db: Database, last_passed: dt.date | None, today: dt.date) -> bool:
    """Whether the window should run the full integrity check of ``db`` in the background.

    Due after an unclean shutdown (the last writer died: power cut, killed program), when the
    check never passed, or when it last passed :data:`FULL_CHECK_EVERY` or longer ago.
    """
    if db.unclean_shutdown or last_passed is None:
        return True
    return not dt.timedelta(0) <= today - last_passed < FULL_CHECK_EVERY
