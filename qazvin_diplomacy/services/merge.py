"""Duplicates in the directory: find likely ones, and merge two people or organizations into one.

Merging keeps every link.  The columns that point at the merged table are discovered from
the SQLAlchemy metadata (every foreign key to ``person.id`` or ``organization.id`` in every
model module, so tables added later — agreements, events, … — are covered without a change
here), plus generic links written as a ``<x>_kind``/``<x>_id`` column pair naming the table
(follow-ups' ``source_kind``/``source_id``, attachments' ``owner_kind``/``owner_id``).  A link
that would become a duplicate under a unique constraint (both people guests of the same
visit) is dropped rather than doubled.  The kept record takes the other's values for the
fields it has empty; phones, e-mails and notes that differ are joined — a phone number or
e-mail address the kept record already has (the same number written another way, the same
address in other letter case) is not added a second time.  All of it happens in
one transaction; the duplicate record is then deleted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypedDict, TypeVar, Unpack

from sqlalchemy import Column, Table, and_, delete, exists, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.text import compact_key, normalize, to_latin_digits
from qazvin_diplomacy.services.directory import organization_search_key, person_search_key
from qazvin_diplomacy.services.records import check_version, get_row, write
from qazvin_diplomacy.storage.base import utcnow
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Organization, Person
from qazvin_diplomacy.storage.models import metadata

__all__ = [
    "DuplicateCandidate",
    "MergeSummary",
    "contact_keys",
    "likely_duplicate_organizations",
    "likely_duplicates",
    "links_to",
    "merge_organizations",
    "merge_people",
    "phone_keys",
]

_PHONE_DIGITS = 10  # the national significant number of an Iranian phone is 10 digits


def phone_keys(phone: str) -> list[str]:
    """Comparable keys of each number in ``phone``: its last ten digits («+98 912 …» = «0912 …»).

    Numbers with fewer than seven digits give no key (an extension is no evidence).
    """
    keys = []
    for part in re.split(r"[,،;/]", to_latin_digits(phone or "")):
        digits = re.sub(r"\D", "", part)
        if len(digits) >= 7:
            keys.append(digits[-_PHONE_DIGITS:])
    return keys


#: A person's id and the columns ``contact_keys`` reads, in its order.
CONTACT_KEY_COLUMNS = (Person.id, Person.name_fa, Person.name_en, Person.email, Person.phone)


def contact_keys(name_fa: str, name_en: str, email: str, phone: str) -> dict[str, list[str]]:
    """The keys two contacts share when they are likely the same person.

    ``name``: compact keys of the Persian and English names (spelling variants, ZWNJ and
    spaces ignored); ``email``: each address in lower case; ``phone``: :func:`phone_keys`.
    """
    names = [k for k in dict.fromkeys((compact_key(name_fa), compact_key(name_en))) if k]
    emails = [e.strip().lower() for e in (email or "").replace("،", ",").split(",") if e.strip()]
    return {"name": names, "email": emails, "phone": phone_keys(phone)}


# --- finding duplicates ----------------------------------------------------------------


@dataclass(frozen=True)
class DuplicateCandidate:
    """An existing record that looks like the one being added, and why."""

    id: int
    name_fa: str
    name_en: str
    detail: str
    reasons: tuple[str, ...]  # of "name", "email", "phone"

    @property
    def reasons_fa(self) -> str:
        """«نام یکسان، تلفن یکسان»."""
        labels = {"name": "نام یکسان", "email": "رایانامه یکسان", "phone": "تلفن یکسان"}
        return "، ".join(labels[r] for r in self.reasons)


def _digits_only(column: Any) -> Any:
    expr = column
    for ch in (" ", "-", "(", ")", "+", "."):
        expr = func.replace(expr, ch, "")
    return expr


def likely_duplicates(
    db: Database, *, person: PersonInput, limit: int = 10
) -> list[DuplicateCandidate]:
    """People already in the directory who look like ``person`` (for the add/edit form).

    Same name after normalisation (Persian or English, either way round), same e-mail or same
    phone number.  ``person.id`` itself is never reported; archived people are.
    """
    keys = contact_keys(person.name_fa, person.name_en, person.email, person.phone)
    conditions = []
    for key in keys["name"]:
        conditions.append(Person.search_key.like(f"%{key}%"))
    for email in keys["email"]:
        conditions.append(func.lower(Person.email).like(f"%{email}%"))
    for phone in keys["phone"]:
        conditions.append(_digits_only(Person.phone).like(f"%{phone}%"))
    if not conditions:
        return []
    query = (
        select(*CONTACT_KEY_COLUMNS, Person.title_fa, Organization.name_fa)
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .where(or_(*conditions))
        .order_by(Person.id)
        .limit(500)
    )
    if person.id is not None:
        query = query.where(Person.id != person.id)
    found: list[DuplicateCandidate] = []
    with db.read_session() as session:
        for pid, name_fa, name_en, email, phone, title_fa, org in session.execute(query):
            theirs = contact_keys(name_fa, name_en, email, phone)
            reasons = tuple(r for r in ("name", "email", "phone") if set(keys[r]) & set(theirs[r]))
            if reasons:
                detail = "، ".join(x for x in (title_fa, org) if x)
                found.append(DuplicateCandidate(pid, name_fa, name_en, detail, reasons))
            if len(found) >= limit:
                break
    return found


def likely_duplicate_organizations(
    db: Database, *, name_fa: str, name_en: str = "", exclude_id: int | None = None, limit: int = 10
) -> list[DuplicateCandidate]:
    """Organizations whose Persian or English name equals ``name_fa``/``name_en`` after normalisation."""
    keys = [k for k in dict.fromkeys((compact_key(name_fa), compact_key(name_en))) if k]
    if not keys:
        return []
    query = (
        select(Organization.id, Organization.name_fa, Organization.name_en, Organization.city_fa)
        .where(or_(*(Organization.search_key.like(f"%{k}%") for k in keys)))
        .order_by(Organization.id)
        .limit(500)
    )
    if exclude_id is not None:
        query = query.where(Organization.id != exclude_id)
    found: list[DuplicateCandidate] = []
    with db.read_session() as session:
        for oid, fa, en, city in session.execute(query):
            if {compact_key(fa), compact_key(en)} & set(keys):
                found.append(DuplicateCandidate(oid, fa, en, city, ("name",)))
            if len(found) >= limit:
                break
    return found


# --- links -----------------------------------------------------------------------------


def links_to(table_name: str) -> list[tuple[Table, Column[Any]]]:
    """Every (table, column) with a foreign key to ``table_name.id``, from the models' metadata."""
    found = []
    for table in metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == table_name and fk.column.name == "id":
                found.append((table, fk.parent))
    return found


def _generic_links() -> list[tuple[Table, Column[Any], Column[Any]]]:
    """(table, kind column, id column) pairs such as follow_up_task.source_kind/source_id."""
    pairs = []
    for table in metadata.sorted_tables:
        for column in table.columns:
            if column.name.endswith("_kind"):
                id_name = column.name[: -len("_kind")] + "_id"
                if id_name in table.c and not table.c[id_name].foreign_keys:
                    pairs.append((table, column, table.c[id_name]))
    return pairs


def _unique_groups(table: Table, column: Column[Any]) -> list[list[Column[Any]]]:
    """The other columns of each unique constraint or unique index that contains ``column``."""
    groups = []
    for constraint in table.constraints:
        cols = list(getattr(constraint, "columns", []))
        if constraint.__class__.__name__ == "UniqueConstraint" and column in cols and len(cols) > 1:
            groups.append([c for c in cols if c is not column])
    for index in table.indexes:
        cols = list(index.columns)
        if index.unique and column in cols and len(cols) > 1:
            groups.append([c for c in cols if c is not column])
    return groups


def _stamp(table: Table) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if "version" in table.c:
        values["version"] = table.c.version + 1
    if "updated_at" in table.c:
        values["updated_at"] = utcnow()
    return values


def _relink(session: Session, target: str, keep: int, remove: int, summary: MergeSummary) -> None:
    for table, column in links_to(target):
        if table.name == target:
            continue  # the table's own hierarchy is handled by the caller
        for others in _unique_groups(table, column):
            twin = aliased(table)
            clash = exists().where(
                twin.c[column.name] == keep, *(twin.c[o.name] == table.c[o.name] for o in others)
            )
            result = session.execute(delete(table).where(column == remove, clash))
            if result.rowcount:
                summary.dropped[f"{table.name}.{column.name}"] = result.rowcount
        result = session.execute(
            update(table).where(column == remove).values({column.name: keep, **_stamp(table)})
        )
        if result.rowcount:
            summary.moved[f"{table.name}.{column.name}"] = result.rowcount
    for table, kind_col, id_col in _generic_links():
        result = session.execute(
            update(table)
            .where(and_(kind_col == target, id_col == remove))
            .values({id_col.name: keep})
        )
        if result.rowcount:
            summary.moved[f"{table.name}.{id_col.name}"] = result.rowcount


# --- merging ---------------------------------------------------------------------------


@dataclass
class MergeSummary:
    """What a merge did: links moved and duplicate links dropped, by ``table.column``."""

    kept_id: int
    removed_id: int
    moved: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)

    @property
    def links_moved(self) -> int:
        """Total links now pointing at the kept record."""
        return sum(self.moved.values())


def _combine(kept: str, other: str, separator: str) -> str:
    kept, other = kept or "", other or ""
    if not other or compact_key(other) in compact_key(kept) and other.lower() in kept.lower():
        return kept
    if not kept:
        return other
    return f"{kept}{separator}{other}"


_LIST_SPLIT = re.compile(r"[,،;]")


def _phone_key(part: str) -> set[str]:
    """The comparable forms of the numbers in ``part``: :func:`phone_keys`, else its digits."""
    keys = phone_keys(part)
    return set(keys) if keys else {re.sub(r"\D", "", to_latin_digits(part)) or part.lower()}


def _email_key(part: str) -> set[str]:
    return {part.lower()}


def _combine_list(kept: str, other: str, keys: Callable[[str], set[str]]) -> str:
    """``kept`` plus each item of ``other`` (a «, »-separated list) that ``kept`` lacks.

    An item is already there when all its ``keys`` are among the keys of ``kept``'s items.
    """
    kept, other = (kept or "").strip(), (other or "").strip()
    seen: set[str] = set()
    for part in _LIST_SPLIT.split(kept):
        if part.strip():
            seen |= keys(part.strip())
    added = []
    for part in _LIST_SPLIT.split(other):
        part = part.strip()
        if part and not keys(part) <= seen:
            seen |= keys(part)
            added.append(part)
    return ", ".join([kept, *added] if kept else added)


_M = TypeVar("_M")


def _check_pair(keep_id: int, remove_id: int) -> None:
    if keep_id == remove_id:
        raise ValidationError(
            "یک رکورد را نمی‌توان با خودش ادغام کرد.", "A record cannot be merged with itself."
        )


class SeenVersions(TypedDict, total=False):
    """The versions of the kept and the removed record the user saw (None: not checked)."""

    keep_version: int | None
    remove_version: int | None


@contextmanager
def _merging(
    db: Database, model: type[_M], label: str, ids: tuple[int, int], seen: SeenVersions
) -> Iterator[tuple[Session, _M, _M]]:
    """One merge's transaction with the kept and the removed row, each checked against the
    version the user saw."""
    _check_pair(*ids)
    unknown = seen.keys() - SeenVersions.__annotations__.keys()
    if unknown:  # a misspelt version would silently skip the stale check
        raise TypeError(f"unexpected keyword arguments: {', '.join(sorted(unknown))}")
    versions = (seen.get("keep_version"), seen.get("remove_version"))
    with write(db) as session:
        rows = (get_row(session, model, ids[0], label), get_row(session, model, ids[1], label))
        for row, version in zip(rows, versions, strict=True):
            check_version(row, version, label)
        yield session, *rows


def _take_over(
    keep: Person | Organization, other: Person | Organization, fill: tuple[str, ...]
) -> None:
    """Fill the kept row's empty ``fill`` fields from the other; join their phones, e-mails and
    notes; the kept row is live when either was."""
    for name in fill:
        if getattr(keep, name) in (None, "") and getattr(other, name) not in (None, ""):
            setattr(keep, name, getattr(other, name))
    keep.phone = _combine_list(keep.phone, other.phone, _phone_key)
    keep.email = _combine_list(keep.email, other.email, _email_key)
    keep.notes = normalize(_combine(keep.notes, other.notes, "\n"))
    if keep.archived_at is not None and other.archived_at is None:
        keep.archived_at = None


_PERSON_FILL = (
    "name_en",
    "honorific_fa",
    "honorific_en",
    "title_fa",
    "title_en",
    "organization_id",
    "country_id",
    "diplomatic_rank",
    "functions_started_at",
    "languages",
    "biography",
)


def merge_people(
    db: Database, *, keep_id: int, remove_id: int, **seen: Unpack[SeenVersions]
) -> MergeSummary:
    """Merge person ``remove_id`` into ``keep_id`` in one transaction; see the module notes."""
    summary = MergeSummary(keep_id, remove_id)
    with _merging(db, Person, "شخص", (keep_id, remove_id), seen) as (session, keep, other):
        _take_over(keep, other, _PERSON_FILL)
        keep.search_key = person_search_key(session, keep)
        session.flush()
        _relink(session, "person", keep_id, remove_id, summary)
        session.execute(delete(Person.__table__).where(Person.__table__.c.id == remove_id))
    return summary


_ORG_FILL = ("name_en", "country_id", "city_fa", "city_en", "address")


def merge_organizations(
    db: Database, *, keep_id: int, remove_id: int, **seen: Unpack[SeenVersions]
) -> MergeSummary:
    """Merge organization ``remove_id`` into ``keep_id``: members, children, parties … follow."""
    summary = MergeSummary(keep_id, remove_id)
    with _merging(db, Organization, "سازمان", (keep_id, remove_id), seen) as (session, keep, other):
        ancestors = _ancestors(session, keep_id)
        if remove_id in ancestors[2:]:
            raise ValidationError(
                {
                    "parent_id": "سازمانی که ادغام می‌شود بالادستِ غیرمستقیمِ سازمان ماندنی است؛ "
                    "ابتدا جایگاه سازمان‌ها را در درخت اصلاح کنید."
                },
                "The organization to merge is an indirect parent of the one kept; fix the tree first.",
            )
        if keep.parent_id == remove_id:
            keep.parent_id = other.parent_id if other.parent_id != keep_id else None
        if keep.kind == "other" and other.kind != "other":
            keep.kind = other.kind
        _take_over(keep, other, _ORG_FILL)
        if keep.parent_id is None and other.parent_id not in (None, keep_id):
            keep.parent_id = other.parent_id
        keep.search_key = organization_search_key(keep)
        session.flush()
        table = Organization.__table__
        children = session.execute(
            update(table)
            .where(table.c.parent_id == remove_id, table.c.id != keep_id)
            .values(parent_id=keep_id, **_stamp(table))
        )
        if children.rowcount:
            summary.moved["organization.parent_id"] = children.rowcount
        _relink(session, "organization", keep_id, remove_id, summary)
        session.execute(delete(table).where(table.c.id == remove_id))
    return summary


def _ancestors(session: Session, org_id: int) -> list[int]:
    chain = [org_id]
    parent = session.scalar(select(Organization.parent_id).where(Organization.id == org_id))
    while parent is not None and parent not in chain:
        chain.append(parent)
        parent = session.scalar(select(Organization.parent_id).where(Organization.id == parent))
    return chain
