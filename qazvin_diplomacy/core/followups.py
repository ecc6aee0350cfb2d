"""Follow-up tasks (اقدام پیگیری) passed between layers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class FollowUpStatus(StrEnum):
    """Where a follow-up task stands."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def label_fa(self) -> str:
        """Persian label."""
        return {
            "open": "باز",
            "in_progress": "در حال انجام",
            "done": "انجام‌شده",
            "cancelled": "لغوشده",
        }[self.value]

    @property
    def is_closed(self) -> bool:
        """Done or cancelled."""
        return self in (FollowUpStatus.DONE, FollowUpStatus.CANCELLED)


SOURCE_KIND_FA = {
    "visit": "دیدار",
    "agreement": "موافقت‌نامه",
    "meeting": "جلسه",
    "delegation": "هیئت",
    "event": "رویداد",
    "": "—",
}


@dataclass(frozen=True)
class FollowUpInput:
    """A follow-up task as edited in a form."""

    title: str
    source_kind: str = ""
    source_id: int | None = None
    owner_person_id: int | None = None
    owner_text: str = ""
    deadline: date | None = None
    status: str = FollowUpStatus.OPEN.value
    notes: str = ""
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class FollowUpView(FollowUpInput):
    """A follow-up task as read back, with its owner's name and source title."""

    owner_name_fa: str = ""
    source_title: str = ""

    def is_overdue(self, today: date) -> bool:
        """Past its deadline and not closed."""
        return (
            self.deadline is not None
            and self.deadline < today
            and not FollowUpStatus(self.status).is_closed
        )
