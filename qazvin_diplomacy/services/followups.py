"""Follow-up task use-cases, shared by every module that creates tasks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.followups import (
    FollowUpDue,
    FollowUpFilter,
    FollowUpInput,
    FollowUpStatus,
    FollowUpView,
)
from qazvin_diplomacy.core.jalali import week_range
from qazvin_diplomacy.core.text import index_key, normalize
from qazvin_diplomacy.services.filters import text_condition
from qazvin_diplomacy.services.listing import count_of, sorted_by
from qazvin_diplomacy.services.records import check_version, get_row, row_to_save, write
from qazvin_diplomacy.storage.base import utcnow
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Person
from qazvin_diplomacy.storage.followups import FollowUpTask

OPEN_STATUSES = (FollowUpStatus.OPEN.value, FollowUpStatus.IN_PROGRESS.value)


def followup_view(
    t: FollowUpTask, source_title: str = "", owner_name_fa: str | None = None
) -> FollowUpView:
    """A stored follow-up as the read-only view the UI and reports show.

    ``owner_name_fa`` is the owner's name when already read (else it is read from ``t``).
    """
    if owner_name_fa is None:
        owner_name_fa = t.owner.name_fa if t.owner else t.owner_text
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
        owner_name_fa=owner_name_fa,
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


def write_source_followups(
    session: Session,
    inputs: Sequence[FollowUpInput],
    *,
    source_kind: str,
    source_id: int,
    what: str,
    not_found: Callable[[int], KnownError],
) -> None:
    """Make ``inputs`` the open follow-ups of one record (a visit's tasks, an agreement's
    obligations): new ones are added, listed ones updated after the version check (``what``
    names them), the others archived.  An id the record does not have raises ``not_found(id)``.
    """
    tasks = session.scalars(
        select(FollowUpTask).where(
            FollowUpTask.source_kind == source_kind,
            FollowUpTask.source_id == source_id,
            FollowUpTask.archived_at.is_(None),
        )
    ).all()
    existing = {t.id: t for t in tasks}
    for task in inputs:
        if task.id is not None and task.id not in existing:
            raise not_found(task.id)
    kept: set[int] = set()
    for task in inputs:
        target = existing.get(task.id) if task.id is not None else None
        if target is None:
            target = FollowUpTask(title="")
            session.add(target)
        else:
            check_version(target, task.version, what)
            kept.add(target.id)
        apply_followup(target, replace(task, source_kind=source_kind, source_id=source_id))
    now = utcnow()
    for task_row in tasks:
        if task_row.id not in kept:
            task_row.archived_at = now


def save_followup(db: Database, *, task: FollowUpInput) -> FollowUpView:
    """Create or update one follow-up task."""
    validate_followup(task)
    with write(db) as session:
        row = row_to_save(session, FollowUpTask, task.id, task.version, "اقدام پیگیری", title="")
        apply_followup(row, task)
        session.flush()
        return followup_view(row)


def get_followup(db: Database, *, task_id: int) -> FollowUpView:
    """One follow-up (``NotFoundError`` when there is none with that id)."""
    with db.read_session() as session:
        return followup_view(get_row(session, FollowUpTask, task_id, "اقدام پیگیری"))


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
    """Open tasks whose deadline has passed, oldest first, each with its source's title."""
    with db.read_session() as session:
        tasks = list(session.scalars(overdue_query(today, limit)))
        titles = _source_titles(session, tasks)
        return [followup_view(t, titles.get((t.source_kind, t.source_id or 0), "")) for t in tasks]


def overdue_query(today: date, limit: int) -> Select[tuple[FollowUpTask]]:
    """The query of :func:`list_overdue`: open tasks past their deadline, oldest first."""
    return (
        select(FollowUpTask)
        .where(
            FollowUpTask.archived_at.is_(None),
            FollowUpTask.status.in_(OPEN_STATUSES),
            FollowUpTask.deadline < today,
        )
        .order_by(FollowUpTask.deadline, FollowUpTask.id)
        .limit(limit)
    )


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
    return count_of(db, query)


# --- the follow-ups page ------------------------------------------------------------------


def filtered(query: Select[Any], f: FollowUpFilter) -> Select[Any]:
    """``query`` over ``FollowUpTask`` narrowed by the page's filters (all in SQL)."""
    today = f.today or today_local()
    query = query.where(FollowUpTask.archived_at.is_(None))
    due = FollowUpDue(f.due)
    if due is FollowUpDue.DONE:
        query = query.where(FollowUpTask.status == FollowUpStatus.DONE.value)
    elif due is not FollowUpDue.ALL:
        query = query.where(FollowUpTask.status.in_(OPEN_STATUSES))
    if due is FollowUpDue.WEEK:
        first, last = week_range(today)
        query = query.where(FollowUpTask.deadline >= first, FollowUpTask.deadline <= last)
    elif due is FollowUpDue.OVERDUE:
        query = query.where(FollowUpTask.deadline < today)
    if f.owner_person_id is not None:
        query = query.where(FollowUpTask.owner_person_id == f.owner_person_id)
    owner = normalize(f.owner_text)
    if owner:
        people = select(Person.id).where(
            or_(Person.name_fa.contains(owner), Person.name_en.contains(owner))
        )
        query = query.where(
            or_(FollowUpTask.owner_text.contains(owner), FollowUpTask.owner_person_id.in_(people))
        )
    if f.source_kind is not None:
        query = query.where(FollowUpTask.source_kind == f.source_kind)
    return query.where(text_condition(FollowUpTask.search_key, f.text))


def count_followup_rows(db: Database, *, filters: FollowUpFilter) -> int:
    """How many follow-ups the page's filters match."""
    query = filtered(select(func.count()).select_from(FollowUpTask), filters)
    return count_of(db, query)


def _source_titles(session: Any, tasks: list[FollowUpTask]) -> dict[tuple[str, int], str]:
    """The titles of the records the tasks come from, one query per kind."""
    from qazvin_diplomacy.storage.agreements import Agreement
    from qazvin_diplomacy.storage.delegations import TradeDelegation
    from qazvin_diplomacy.storage.events import Event
    from qazvin_diplomacy.storage.visits import Visit

    columns = {
        "visit": (Visit.id, Visit.title),
        "agreement": (Agreement.id, Agreement.title),
        "event": (Event.id, Event.title_fa),
        "delegation": (TradeDelegation.id, TradeDelegation.title),
    }
    titles: dict[tuple[str, int], str] = {}
    for kind, (id_col, title_col) in columns.items():
        ids = {t.source_id for t in tasks if t.source_kind == kind and t.source_id is not None}
        if ids:
            for record_id, title in session.execute(
                select(id_col, title_col).where(id_col.in_(ids))
            ):
                titles[(kind, record_id)] = title
    return titles


def list_followup_rows(
    db: Database,
    *,
    filters: FollowUpFilter,
    sort: str = "deadline",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[FollowUpView]:
    """One page of the follow-ups the filters match, with their source's title."""
    keys = {
        "deadline": (FollowUpTask.deadline.is_(None), FollowUpTask.deadline),
        "title": (FollowUpTask.title,),
        "status": (FollowUpTask.status,),
        "source": (FollowUpTask.source_kind, FollowUpTask.source_id),
    }
    query = sorted_by(
        filtered(select(FollowUpTask), filters), keys, sort, descending, FollowUpTask.id
    )
    with db.read_session() as session:
        tasks = list(session.scalars(query.offset(offset).limit(limit)))
        titles = _source_titles(session, tasks)
        return [followup_view(t, titles.get((t.source_kind, t.source_id or 0), "")) for t in tasks]


def due_this_week(db: Database, *, today: date, limit: int = 20) -> list[FollowUpView]:
    """Open follow-ups whose deadline falls in the week of ``today`` (Saturday to Friday)."""
    return list_followup_rows(
        db, filters=FollowUpFilter(due=FollowUpDue.WEEK.value, today=today), limit=limit
    )
