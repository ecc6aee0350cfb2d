"""Follow-up task use-cases, shared by every module that creates tasks."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.followups import FollowUpInput, FollowUpStatus, FollowUpView
from qazvin_diplomacy.core.text import index_key, normalize
from qazvin_diplomacy.services.records import check_version, get_row, write
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.followups import FollowUpTask

OPEN_STATUSES = (FollowUpStatus.OPEN.value, FollowUpStatus.IN_PROGRESS.value)


def followup_view(t: FollowUpTask, source_title: str = "") -> FollowUpView:
    """A stored follow-up as the read-only view the UI and reports show."""
    return FollowUpView(
        id=t.id,
        version=t.version,
        title=t.title,
        source_kind=t.source_kind,
        source_id=t.source_id,
        owner_person_id=t.owner_person_id,
        owner_text=t.owner_text,
        deadline=t.deadline,
        status=t.status,
        notes=t.notes,
        owner_name_fa=t.owner.name_fa if t.owner else t.owner_text,
        source_title=source_title,
    )


def validate_followup(task: FollowUpInput) -> None:
    """Raise ``ValidationError`` for a task without a title or with an unknown status."""
    errors: dict[str, str] = {}
    if not normalize(task.title):
        errors["title"] = "شرح اقدام پیگیری را وارد کنید."
    if task.status not in {s.value for s in FollowUpStatus}:
        errors["status"] = "وضعیت اقدام پیگیری معتبر نیست."
    if errors:
        raise ValidationError(errors)


def apply_followup(row: FollowUpTask, task: FollowUpInput) -> None:
    """Copy a validated input onto a row (used by modules saving tasks in their own transaction)."""
    row.title = normalize(task.title)
    row.source_kind = task.source_kind
    row.source_id = task.source_id
    row.owner_person_id = task.owner_person_id
    row.owner_text = normalize(task.owner_text)
    row.deadline = task.deadline
    row.status = task.status
    row.notes = normalize(task.notes)
    row.search_key = index_key(row.title, row.owner_text, row.notes)


def save_followup(db: Database, *, task: FollowUpInput) -> FollowUpView:
    """Create or update one follow-up task."""
    validate_followup(task)
    with write(db) as session:
        if task.id is None:
            row = FollowUpTask(title="")
            session.add(row)
        else:
            row = get_row(session, FollowUpTask, task.id, "اقدام پیگیری")
            check_version(row, task.version, "اقدام پیگیری")
        apply_followup(row, task)
        session.flush()
        return followup_view(row)


def list_followups(db: Database, *, source_kind: str, source_id: int) -> list[FollowUpView]:
    """The tasks of one source record, by deadline."""
    query = (
        select(FollowUpTask)
        .where(
            FollowUpTask.source_kind == source_kind,
            FollowUpTask.source_id == source_id,
            FollowUpTask.archived_at.is_(None),
        )
        .order_by(FollowUpTask.deadline.is_(None), FollowUpTask.deadline, FollowUpTask.id)
    )
    with db.read_session() as session:
        return [followup_view(t) for t in session.scalars(query)]


def list_owned_followups(db: Database, *, person_id: int, limit: int = 200) -> list[FollowUpView]:
    """The tasks a person owns, by deadline (any source)."""
    query = (
        select(FollowUpTask)
        .where(FollowUpTask.owner_person_id == person_id, FollowUpTask.archived_at.is_(None))
        .order_by(FollowUpTask.deadline.is_(None), FollowUpTask.deadline, FollowUpTask.id)
        .limit(limit)
    )
    with db.read_session() as session:
        return [followup_view(t) for t in session.scalars(query)]


def list_overdue(db: Database, *, today: date, limit: int = 20) -> list[FollowUpView]:
    """Open tasks whose deadline has passed, oldest first."""
    query = (
        select(FollowUpTask)
        .where(
            FollowUpTask.archived_at.is_(None),
            FollowUpTask.status.in_(OPEN_STATUSES),
            FollowUpTask.deadline < today,
        )
        .order_by(FollowUpTask.deadline, FollowUpTask.id)
        .limit(limit)
    )
    with db.read_session() as session:
        return [followup_view(t) for t in session.scalars(query)]


def count_overdue(db: Database, *, today: date) -> int:
    """How many open tasks are past their deadline."""
    query = (
        select(func.count())
        .select_from(FollowUpTask)
        .where(
            FollowUpTask.archived_at.is_(None),
            FollowUpTask.status.in_(OPEN_STATUSES),
            FollowUpTask.deadline < today,
        )
    )
    with db.read_session() as session:
        return int(session.scalar(query) or 0)
