"""A status as a record form lists it: whether the record may move there now, and why (not).

Shared by the visits', the delegations' and the events' workflows (their ``status_moves``,
which build on ``refused_move`` and ``held_undone``) and shown by ``ui.status_moves``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from qazvin_diplomacy.core.labels import LabelledEnum


@dataclass(frozen=True)
class StatusMove:
    """One status as the form shows it: whether the record may move there, and why (not)."""

    status: Enum
    allowed: bool
    why_fa: str
    why_en: str


def refused_move(status: Enum, current: LabelledEnum, what_en: str) -> StatusMove:
    """``status``, out of reach of a record in ``current`` (its workflow has no such move);
    ``what_en`` names the record in English ("visit")."""
    return StatusMove(
        status,
        False,
        f"از «{current.label_fa}» نمی‌توان به این وضعیت رفت.",
        f"A {current.label_en.lower()} {what_en} cannot move here.",
    )


def held_undone(status: Enum) -> StatusMove:
    """``status``, allowed, taking back "held": a reason is asked for and kept."""
    return StatusMove(
        status,
        True,
        "لغو «برگزارشده»؛ دلیل پرسیده و در سابقه نگه داشته می‌شود.",
        "Undoes “held”; you are asked for a reason, kept in the history.",
    )
