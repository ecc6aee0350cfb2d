"""Confidential records: kept out of every ORM query made for a user without clearance.

Visits, agreements, meetings and trade delegations carry a ``confidential`` flag
(``base.ConfidentialMixin``).  While ``core.access.sees_confidential()`` is False, a
``do_orm_execute`` listener adds :func:`visible` to every ORM SELECT as loader criteria
(``with_loader_criteria``): lists, counts, subqueries, joins, ``Session.get`` and the lazy
loads of what the query returned all leave a flagged record out, so no list, calendar,
report, export or look-up by id needs a filter of its own.  What belongs to a flagged record
and is queried on its own goes with it: a confidential meeting's resolutions, the
follow-up tasks of a flagged record and the outgoing letters written for one, and every row
below one (a visit's guests and itinerary, an agenda item, a resolution's log, a
delegation's members …, found from the foreign keys) with the files and meeting links they
own.  SQL written by hand (the search index) asks :func:`hidden_ids_sql` instead; the audit
page and report ask :func:`visible_audit_entry` (rows since removed included).  Core statements on ``Table`` objects (backups, transfers,
the audit chain itself) are not filtered, nor is work inside :func:`every_record`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    cast,
    event,
    exists,
    false,
    inspect,
    literal,
    or_,
    select,
    true,
)
from sqlalchemy.orm import ORMExecuteState, Session, aliased, with_loader_criteria

from qazvin_diplomacy.core.access import sees_confidential
from qazvin_diplomacy.storage import models
from qazvin_diplomacy.storage.agreements import Agreement
from qazvin_diplomacy.storage.attachments import Attachment
from qazvin_diplomacy.storage.audit import AuditEntry
from qazvin_diplomacy.storage.base import Base, ConfidentialMixin
from qazvin_diplomacy.storage.delegations import TradeDelegation
from qazvin_diplomacy.storage.followups import FollowUpTask
from qazvin_diplomacy.storage.letters import OutgoingLetter
from qazvin_diplomacy.storage.meetings import Meeting, MeetingLink, Resolution
from qazvin_diplomacy.storage.visits import Visit

__all__ = [
    "CONFIDENTIAL_MODELS",
    "FOLLOW_UP_SOURCES",
    "every_record",
    "hidden_among",
    "hidden_ids_sql",
    "install",
    "visible",
    "visible_audit_entry",
    "visible_letter",
    "visible_follow_up",
    "visible_resolution",
]

#: The models with a ``confidential`` flag.
CONFIDENTIAL_MODELS: tuple[type[ConfidentialMixin], ...] = (
    Visit,
    Agreement,
    Meeting,
    TradeDelegation,
)
#: A follow-up task's ``source_kind`` → the model of its source.
FOLLOW_UP_SOURCES: dict[str, type[ConfidentialMixin]] = {
    "visit": Visit,
    "agreement": Agreement,
    "meeting": Meeting,
    "delegation": TradeDelegation,
}

_unfiltered: ContextVar[bool] = ContextVar("qazvin_every_record", default=False)


def visible(model: type[ConfidentialMixin]) -> ColumnElement[bool]:
    """The criterion "not flagged confidential" on ``model`` (or an alias of it)."""
    return model.confidential == false()


def _flagged_ids(model: type[ConfidentialMixin]) -> Any:
    """SELECT of the flagged ids, on the table (so the loader criteria never rewrite it)."""
    table = model.__table__  # type: ignore[attr-defined]
    return select(table.c.id).where(table.c.confidential).correlate(None)


def visible_resolution() -> ColumnElement[bool]:
    """The criterion "its meeting is not confidential" on ``Resolution``."""
    return Resolution.meeting_id.not_in(_flagged_ids(Meeting))


def visible_follow_up() -> ColumnElement[bool]:
    """The criterion "its source is not a confidential record" on ``FollowUpTask``."""
    return ~_of_flagged(FollowUpTask.source_kind, FollowUpTask.source_id)


#: The owner kinds of generic rows (``attachment``, ``meeting_link``) that may be hidden: their
#: ``owner_kind`` is the owner's table name.
_GENERIC_OWNERS = (
    "visit",
    "agreement",
    "meeting",
    "trade_delegation",
    "meeting_agenda_item",
    "resolution",
    "resolution_log",
    "outgoing_letter",
)


@cache
def _belonging() -> dict[str, Any]:
    """Table name → SELECT of the ids of its rows hidden with a flagged record.

    The flagged records themselves, the rows holding a foreign key to one of them (a
    visit's guests, a meeting's resolutions …) and those rows' own rows (a resolution's
    bodies and log), the follow-up tasks and letters of a flagged record, and the files and
    links owned by any of these.  Built once (Core SELECTs on the tables, never rewritten by
    the loader criteria).
    """
    found: dict[str, Any] = {
        model.__tablename__: _flagged_ids(model)  # type: ignore[attr-defined]
        for model in CONFIDENTIAL_MODELS
    }
    for _depth in range(2):
        for table in models.metadata.sorted_tables:
            if table.name in found or "id" not in table.c:
                continue
            owners = [
                (fk.parent, found[fk.column.table.name])
                for fk in table.foreign_keys
                if fk.column.table.name in found and fk.column.name == "id"
            ]
            if owners:
                found[table.name] = (
                    select(table.c.id)
                    .where(or_(*(column.in_(ids) for column, ids in owners)))
                    .correlate(None)
                )
    tasks, letters = FollowUpTask.__table__, OutgoingLetter.__table__
    found[tasks.name] = (
        select(tasks.c.id)
        .where(_of_flagged(tasks.c.source_kind, tasks.c.source_id))
        .correlate(None)
    )
    found[letters.name] = (
        select(letters.c.id)
        .where(_of_flagged(letters.c.link_kind, letters.c.link_id))
        .correlate(None)
    )
    for model in (Attachment, MeetingLink):
        table = model.__table__  # type: ignore[attr-defined]
        found[table.name] = (
            select(table.c.id)
            .where(_owned_by_hidden(found, table.c.owner_kind, table.c.owner_id))
            .correlate(None)
        )
    return found


def _owned_by_hidden(
    found: dict[str, Any], kind_column: Any, id_column: Any
) -> ColumnElement[bool]:
    """A generic owner (kind = the owner's table name, id) that is hidden."""
    return or_(*(and_(kind_column == name, id_column.in_(found[name])) for name in _GENERIC_OWNERS))


def _hidden_rows() -> dict[str, Any]:
    """Table name → SELECT of the audit trail's ids (as text) of the rows hidden from an
    uncleared user: what belongs to a flagged record (:func:`_belonging`), the meeting links
    to one, and the rows of tables keyed by two ids (``"5/3"``) naming one."""
    found = dict(_belonging())
    links = MeetingLink.__table__
    found[links.name] = select(links.c.id).where(
        or_(
            links.c.id.in_(found[links.name]),
            _owned_by_hidden(found, links.c.target_kind, links.c.target_id),
        )
    )
    for table in models.metadata.sorted_tables:
        owners = [fk for fk in table.foreign_keys if fk.column.table.name in found]
        if "id" in table.c or not owners:
            continue
        key = cast(table.primary_key.columns[0], String)
        for column in list(table.primary_key.columns)[1:]:
            key = key + "/" + cast(column, String)
        found[table.name] = select(key.label("id")).where(
            or_(*(fk.parent.in_(found[fk.column.table.name]) for fk in owners))
        )
    return found


@cache
def _owned_criteria() -> tuple[tuple[type[Any], ColumnElement[bool]], ...]:
    """(model, "not hidden with a flagged record") for every model below a flagged one.

    A row is hidden with its owner: any foreign key to a hidden row, or a generic owner
    (files, meeting links).  Tables keyed by two ids (a delegation's links to agreements)
    are read through their owner only.  The flagged models,
    resolutions, follow-ups and letters have criteria of their own.
    """
    found = _belonging()
    own = {m.__tablename__ for m in CONFIDENTIAL_MODELS}  # type: ignore[attr-defined]
    own |= {Resolution.__tablename__, FollowUpTask.__tablename__, OutgoingLetter.__tablename__}
    classes = {m.local_table.name: m.class_ for m in Base.registry.mappers}
    criteria: list[tuple[type[Any], ColumnElement[bool]]] = []
    for table in models.metadata.sorted_tables:
        model = classes.get(table.name)
        if model is None or table.name in own or table.name not in found:
            continue
        if model in (Attachment, MeetingLink):
            hidden = _owned_by_hidden(found, model.owner_kind, model.owner_id)
            criteria.append((model, ~hidden))
            continue
        keep = []
        for fk in table.foreign_keys:
            parent = fk.column.table.name
            if parent not in found:
                continue
            column = inspect(model).get_property_by_column(fk.parent).class_attribute
            keep.append(or_(column.is_(None), column.not_in(found[parent])))
        if keep:
            criteria.append((model, and_(*keep)))
    return tuple(criteria)


def visible_audit_entry() -> ColumnElement[bool] | None:
    """The criterion "not about a record hidden from the current user" on ``AuditEntry``.

    None when the user sees everything.  An entry is about a row (table and id): the
    entries of a flagged record and of the rows that belong to it are left out of the
    audit page and report; verifying the chain still reads every entry.
    """
    if sees_confidential():
        return None
    about = []
    for name, ids in _hidden_rows().items():
        rows = ids.subquery()
        about.append(
            and_(
                AuditEntry.entity == name,
                AuditEntry.entity_id.in_(select(cast(rows.c.id, String))),
            )
        )
    about += _removed_rows_of_hidden()
    return ~or_(*about)


def _removed_rows_of_hidden() -> list[ColumnElement[bool]]:
    """Entries about rows removed since (a flagged visit's itinerary item taken out …): no
    longer in their table, they are known by their insert entry's owner (foreign key, or
    kind and id), the entry's canonical JSON holding ``"visit_id":[null,5]``."""
    found = _belonging()
    base = {m.__tablename__ for m in CONFIDENTIAL_MODELS}  # type: ignore[attr-defined]
    clauses = []
    for table in models.metadata.sorted_tables:
        if table.name not in found or table.name in base:
            continue
        for fk in table.foreign_keys:
            if fk.column.table.name in found:
                clauses.append(
                    _inserted_under(table.name, fk.parent.name, found[fk.column.table.name])
                )
    generic = (
        (FollowUpTask, "source", {k: _flagged_ids(m) for k, m in FOLLOW_UP_SOURCES.items()}),
        (OutgoingLetter, "link", {k: _flagged_ids(m) for k, m in FOLLOW_UP_SOURCES.items()}),
        (Attachment, "owner", {name: found[name] for name in _GENERIC_OWNERS}),
        (MeetingLink, "owner", {name: found[name] for name in _GENERIC_OWNERS}),
    )
    for model, prefix, owners in generic:
        name = model.__tablename__  # type: ignore[attr-defined]
        for kind, ids in owners.items():
            clauses.append(_inserted_under(name, f"{prefix}_id", ids, (f"{prefix}_kind", kind)))
    return clauses


def _inserted_under(
    entity: str, column: str, owner_ids: Any, kind: tuple[str, str] | None = None
) -> ColumnElement[bool]:
    """An entry about a row of ``entity`` inserted with ``column`` one of ``owner_ids`` (and
    the kind column ``kind[0]`` = ``kind[1]``)."""
    insert = aliased(AuditEntry)
    owners = owner_ids.subquery()
    where = [
        insert.entity == entity,
        insert.entity_id == AuditEntry.entity_id,
        insert.action == "insert",
        insert.changes.like(literal(f'%"{column}":[null,') + cast(owners.c.id, String) + "]%"),
    ]
    if kind is not None:
        where.append(insert.changes.like(f'%"{kind[0]}":[null,"{kind[1]}"]%'))
    return and_(
        AuditEntry.entity == entity,
        exists(select(1).select_from(insert).join(owners, true()).where(*where)),
    )


def visible_letter() -> ColumnElement[bool]:
    """The criterion "not written for a confidential record" on ``OutgoingLetter``."""
    return ~_of_flagged(OutgoingLetter.link_kind, OutgoingLetter.link_id)


def _of_flagged(kind_column: Any, id_column: Any) -> ColumnElement[bool]:
    """A generic link (kind + id, as follow-ups' sources and letters' links) to a flagged record."""
    return or_(
        *(
            and_(kind_column == kind, id_column.in_(_flagged_ids(model)))
            for kind, model in FOLLOW_UP_SOURCES.items()
        )
    )


def hidden_ids_sql(table: str) -> str | None:
    """SQL selecting the ids of ``table``'s rows hidden from the current user, or None.

    None when the user sees everything or the table holds nothing confidential; for SQL
    written by hand (the search index), the same rule as the loader criteria.
    """
    if sees_confidential():
        return None
    if table == Resolution.__tablename__:
        return "SELECT r.id FROM resolution r JOIN meeting m ON m.id = r.meeting_id WHERE m.confidential"
    if table == FollowUpTask.__tablename__:
        sources = " OR ".join(
            f"(f.source_kind = '{kind}' AND f.source_id IN "
            f"(SELECT id FROM {model.__tablename__} WHERE confidential))"  # type: ignore[attr-defined]
            for kind, model in FOLLOW_UP_SOURCES.items()
        )
        return f"SELECT f.id FROM follow_up_task f WHERE {sources}"
    for model in CONFIDENTIAL_MODELS:
        if model.__tablename__ == table:  # type: ignore[attr-defined]
            return f"SELECT id FROM {table} WHERE confidential"
    return None


def hidden_among(
    session: Session, model: type[ConfidentialMixin], ids: Iterable[int | None]
) -> set[int]:
    """Which of ``ids`` are records of ``model`` the current user may not see.

    A link from a record the user edits to one hidden from them is neither shown nor lost:
    the service leaves it out of what it shows and keeps it when saving.
    """
    wanted = {i for i in ids if i is not None}
    if not wanted or sees_confidential():
        return set()
    with every_record():
        found = session.scalars(
            select(model.id).where(model.id.in_(wanted), model.confidential)  # type: ignore[attr-defined]
        )
        return set(found)


@contextmanager
def every_record() -> Iterator[None]:
    """Within the block, ORM queries see confidential records whoever is signed in.

    For work on the whole database that is not showing records to the user (integrity
    checks, copying a database); never around a list, report or export.
    """
    token = _unfiltered.set(True)
    try:
        yield
    finally:
        _unfiltered.reset(token)


def _criteria() -> list[Any]:
    options: list[Any] = [
        with_loader_criteria(model, visible(model), include_aliases=True)
        for model in CONFIDENTIAL_MODELS
    ]
    options.append(with_loader_criteria(Resolution, visible_resolution(), include_aliases=True))
    options.append(with_loader_criteria(FollowUpTask, visible_follow_up(), include_aliases=True))
    options.append(with_loader_criteria(OutgoingLetter, visible_letter(), include_aliases=True))
    options += [
        with_loader_criteria(model, criterion, include_aliases=True)
        for model, criterion in _owned_criteria()
    ]
    return options


def _filter(state: ORMExecuteState) -> None:
    """Add the loader criteria to a SELECT made for a user who may not see confidential records.

    Column and relationship loads inherit the criteria of the query that loaded the object;
    a lazy load of an object loaded otherwise (``Session.get`` …) is a SELECT of its own.
    """
    if not state.is_select or state.is_column_load or _unfiltered.get() or sees_confidential():
        return
    state.statement = state.statement.options(*_criteria())


def install(target: Any) -> None:
    """Filter confidential records out of the queries of ``target`` (a sessionmaker or Session)."""
    if not event.contains(target, "do_orm_execute", _filter):
        event.listen(target, "do_orm_execute", _filter)
