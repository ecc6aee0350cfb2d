"""Follow-up tasks (اقدام پیگیری) passed between layers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from qazvin_diplomacy.core.labels import LabelledEnum


class FollowUpStatus(LabelledEnum):
    """Where a follow-up task stands."""

    OPEN = "open", "باز", "Open"
    IN_PROGRESS = "in_progress", "در حال انجام", "In progress"
    DONE = "done", "انجام‌شده", "Done"
    CANCELLED = "cancelled", "لغوشده", "Cancelled"

    @property
    def is_closed(self) -> bool:
        """Done or cancelled."""
        return self in (FollowUpStatus.DONE, FollowUpStatus.CANCELLED)


class FollowUpSource(LabelledEnum):
    """What a follow-up task comes from (``source_kind``); NONE for a task of its own."""

    VISIT = "visit", "دیدار", "Visit"
    AGREEMENT = "agreement", "موافقت‌نامه", "Agreement"
    MEETING = "meeting", "جلسه", "Meeting"
    DELEGATION = "delegation", "هیئت", "Delegation"
    EVENT = "event", "رویداد", "Event"
    NONE = "", "—", "—"


def followup_errors(tasks: Iterable[FollowUpInput], prefix: str = "followups") -> dict[str, str]:
    """Errors of a record's follow-up rows, keyed ``<prefix>.<i>.<field>``: a task needs a
    title and a known status."""
    errors: dict[str, str] = {}
    statuses = {s.value for s in FollowUpStatus}
    for i, task in enumerate(tasks):
        if not task.title.strip():
            errors[f"{prefix}.{i}.title"] = "شرح اقدام پیگیری را بنویسید."
        if task.status not in statuses:
            errors[f"{prefix}.{i}.status"] = "وضعیت اقدام پیگیری معتبر نیست."
    return errors


#: Persian names of the sources, by code.
SOURCE_KIND_FA = {source.value: source.label_fa for source in FollowUpSource}


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


class FollowUpDue(LabelledEnum):
    """Which follow-ups a list shows by their deadline and state."""

    OPEN = "open", "همهٔ باز", "All open"
    WEEK = "week", "مهلت این هفته", "Due this week"
    OVERDUE = "overdue", "گذشته از مهلت", "Overdue"
    DONE = "done", "انجام‌شده", "Done"
    ALL = "all", "همه", "All"


#: Sort keys accepted by ``list_followup_rows``.
FOLLOWUP_SORT_KEYS: tuple[str, ...] = ("deadline", "title", "status", "source")


@dataclass(frozen=True)
class FollowUpFilter:
    """The follow-ups page's filters: ``due`` (see :class:`FollowUpDue`, weeks Saturday to
    Friday around ``today``), the owner (a directory person, or ``owner_text`` matched in
    the owner's name or typed owner, as "mine" does), the source kind, words of the text."""

    due: str = FollowUpDue.OPEN.value
    today: date | None = None
    owner_person_id: int | None = None
    owner_text: str = ""
    source_kind: str | None = None
    text: str = ""
