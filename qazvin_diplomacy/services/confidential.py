"""Confidential records: who may flag them, and the criteria services share.

Which records a user sees is decided once, below the services: ``storage.confidential``
leaves flagged visits, agreements, meetings and delegations (and a flagged meeting's
resolutions, a flagged record's follow-ups) out of every ORM query made for a user
without clearance (``core.access.sees_confidential``).  A record hidden so is "not found"
by id, exactly as a missing one.  Here: the check a save makes before storing the flag.
Services that must count every record whoever asks (a session's number) use
``storage.confidential.every_record``; SQL written by hand uses ``hidden_ids_sql``.
"""

from __future__ import annotations

from qazvin_diplomacy.core.access import sees_confidential

__all__ = ["flag_errors", "may_flag"]

FLAG_REFUSED_FA = "فقط کاربری که اجازهٔ دیدن سوابق محرمانه را دارد می‌تواند سابقه‌ای را محرمانه کند."


def may_flag() -> bool:
    """Whether the signed-in user may flag a record confidential (those who see them)."""
    return sees_confidential()


def flag_errors(confidential: bool) -> dict[str, str]:
    """``{"confidential": message}`` when the user may not set the flag, else empty."""
    if confidential and not may_flag():
        return {"confidential": FLAG_REFUSED_FA}
    return {}
