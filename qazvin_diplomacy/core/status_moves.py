"""A status as a record form lists it: whether the record may move there now, and why (not).

Shared by the visits' and the events' workflows (``core.visits.status_moves``,
``core.events.status_moves``) and shown by ``ui.status_moves``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class StatusMove:
    """One status as the form shows it: whether the record may move there, and why (not)."""

    status: Enum
    allowed: bool
    why_fa: str
    why_en: str
