"""Committing an import plan: the rows written in one transaction, rechecked, merged or added."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.tabular import ColumnMapping, format_count
from qazvin_diplomacy.core.text import compact_key, index_key, normalize
from qazvin_diplomacy.services.directory import person_search_key
from qazvin_diplomacy.services.excel_import.preview import (
    DuplicateHit,
    ImportPreview,
    PreviewRow,
    _choice,
    _existing_keys,
    _Resolver,
    preview_contacts,
)
from qazvin_diplomacy.services.excel_import.reading import (
    DUPLICATE_CHOICES,
    FLUSH_EVERY,
    Cancelled,
    ImportValidationError,
    Progress,
    _every,
    _Steps,
)
from qazvin_diplomacy.services.merge import contact_keys
from qazvin_diplomacy.services.records import write
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Country, Organization, Person


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote (or would write, for a dry run)."""

    added: int
    merged: int
    skipped: int
    organizations_created: int
    warnings: list[str]
    dry_run: bool = False
    person_ids: list[int] = field(default_factory=list)


class _DryRun(Exception):
    def __init__(self, result: ImportResult) -> None:
        super().__init__("dry run")
        self.result = result


_PERSON_TEXT_FIELDS = (
    "name_en",
    "honorific_fa",
    "honorific_en",
    "title_fa",
    "title_en",
    "phone",
    "email",
    "languages",
    "biography",
    "notes",
)


def _apply(
    session: Session, person: Person, row: PreviewRow, org_id: int | None, *, only_filled: bool
) -> None:
    c = row.contact
    if not only_filled or c.name_fa:
        person.name_fa = normalize(c.name_fa)
    for name in _PERSON_TEXT_FIELDS:
        value = getattr(c, name)
        if not only_filled or value:
            setattr(person, name, normalize(value) if name not in ("phone", "email") else value)
    if not only_filled or org_id is not None:
        person.organization_id = org_id
    if not only_filled or row.country_id is not None:
        person.country_id = row.country_id
    if not only_filled or c.diplomatic_rank:
        person.diplomatic_rank = c.diplomatic_rank
    if not only_filled or c.functions_started_at is not None:
        person.functions_started_at = c.functions_started_at
    person.search_key = person_search_key(session, person)


def commit_import(
    db: Database,
    preview: ImportPreview,
    *,
    on_duplicate: str = "skip",
    choices: Mapping[int, str] | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Write a validated preview in one transaction (all or nothing).

    ``on_duplicate`` (skip, merge, add) applies to every flagged row unless ``choices`` gives a
    sheet row its own.  ``merge`` updates the person it duplicates (the first hit; for a hit on
    an earlier row of the sheet, the person that row became) and brings it back when it was
    archived.  The preview may be stale (previewed twice, committed twice; someone else adding
    a contact meanwhile): inside the transaction every row's duplicates in the directory are
    found again, so a row that has become a duplicate follows ``on_duplicate`` (or its own
    choice) too, and a new organization that now exists is reused rather than created again.
    ``progress(rows done, rows)`` is reported as rows are written; ``cancelled()`` is checked at every row and once more
    just before the commit: returning True raises ``ImportCancelled`` inside the transaction,
    which is rolled back whole.
    """
    if not preview.ok:
        raise ImportValidationError(preview.issues)
    for choice in (on_duplicate, *(choices or {}).values()):
        if choice not in DUPLICATE_CHOICES:
            raise KnownError(
                f"انتخاب «{choice}» برای تکراری‌ها معتبر نیست (skip، merge یا add).",
                f"Invalid duplicate choice '{choice}' (skip, merge or add).",
            )
    try:
        with write(db) as session:
            steps = _Steps(progress, cancelled)
            result = _write_rows(
                session, preview, on_duplicate, dict(choices or {}), dry_run, steps
            )
            steps.check()  # the last moment a cancel is honoured: only the COMMIT follows
            if dry_run:
                raise _DryRun(result)
            return result
    except _DryRun as done:
        return done.result


def _write_rows(
    session: Session,
    preview: ImportPreview,
    on_duplicate: str,
    choices: dict[int, str],
    dry_run: bool,
    steps: _Steps,
) -> ImportResult:
    organizations: dict[str, int] = {}
    person_of_row: dict[int, Person] = {}
    added = merged = skipped = 0
    existing = _existing_keys(session)  # the directory as it is now, not as previewed
    resolver = _Resolver(session)
    newly_flagged = 0
    ids: list[Person] = []
    total = len(preview.rows)
    every = _every(total)
    # Strong references to the countries and organizations the rows point at: the session's
    # identity map is weak, and ``person_search_key`` reads their names for every row.
    country_ids = {r.country_id for r in preview.rows if r.country_id is not None}
    org_ids = {r.organization_id for r in preview.rows if r.organization_id is not None}
    kept: list[Any] = list(session.scalars(select(Country).where(Country.id.in_(country_ids))))
    kept += session.scalars(select(Organization).where(Organization.id.in_(org_ids)))
    for done, row in enumerate(preview.rows):
        if done % every == 0:
            steps.report(done, total)
        else:
            steps.check()
        if done and done % FLUSH_EVERY == 0:
            session.flush()
        number = row.contact.row
        fresh = _recheck(row, existing)
        if fresh.duplicates and not row.duplicates:
            newly_flagged += 1
        row = fresh
        choice = _choice(row, on_duplicate, choices)
        if choice == "skip":
            # A skipped row writes nothing: not even the new organization it names.
            skipped += 1
            earlier = next(
                (h.sheet_row for h in row.duplicates if h.sheet_row in person_of_row), None
            )
            if earlier is not None:
                person_of_row[number] = person_of_row[earlier]
            continue
        org_id = row.organization_id
        if row.new_organization and (found := resolver.organization(row.new_organization)):
            org_id = found  # created since the preview (by an earlier import, say)
        elif row.new_organization:
            key = compact_key(row.new_organization)
            if key not in organizations:
                org = Organization(
                    name_fa=normalize(row.new_organization), country_id=row.country_id
                )
                org.search_key = index_key(org.name_fa)
                session.add(org)
                session.flush()
                kept.append(org)
                organizations[key] = org.id
            org_id = organizations[key]
        if choice == "merge":
            target = _merge_target(session, row, person_of_row)
            if target is not None:
                _apply(session, target, row, org_id, only_filled=True)
                target.archived_at = None  # the office lists this contact again
                person_of_row[number] = target
                merged += 1
                continue
        person = Person(name_fa="")
        _apply(session, person, row, org_id, only_filled=False)
        session.add(person)
        person_of_row[number] = person
        ids.append(person)
        added += 1
    session.flush()
    steps.report(total, total)
    warnings = list(preview.warnings)
    if newly_flagged:
        warnings.append(
            f"فهرست مخاطبان پس از پیش‌نمایش تغییر کرده بود: {format_count(newly_flagged)} ردیف "
            "هنگام ثبت تکراری شناخته شد و مانند دیگر تکراری‌ها با آن رفتار شد."
        )
    return ImportResult(
        added,
        merged,
        skipped,
        len(organizations),
        warnings,
        dry_run,
        [p.id for p in ids],
    )


def _recheck(
    row: PreviewRow, existing: Mapping[str, Mapping[str, list[tuple[int, str, bool]]]]
) -> PreviewRow:
    """``row`` with its directory duplicates found again in ``existing`` (the commit's view).

    Hits the preview found that are still there keep their order (the first one is what a
    merge goes into); hits on people added since come after them; hits on earlier rows of the
    sheet are kept as they are.
    """
    c = row.contact
    now: dict[int, DuplicateHit] = {}
    for reason, keys in contact_keys(c.name_fa, c.name_en, c.email, c.phone).items():
        for key in keys:
            for person_id, name, archived in existing[reason].get(key, []):
                now.setdefault(person_id, DuplicateHit(reason, person_id, None, name, archived))
    before = {h.person_id for h in row.duplicates if h.person_id is not None}
    if before == set(now):
        return row
    kept = [h for h in row.duplicates if h.person_id is None or h.person_id in now]
    added = [hit for person_id, hit in now.items() if person_id not in before]
    return replace(row, duplicates=tuple(kept + added))


def _merge_target(
    session: Session, row: PreviewRow, person_of_row: dict[int, Person]
) -> Person | None:
    for hit in row.duplicates:
        if hit.person_id is not None:
            found = session.get(Person, hit.person_id)
            if found is not None:
                return found
        if hit.sheet_row is not None and hit.sheet_row in person_of_row:
            return person_of_row[hit.sheet_row]
    return None


def import_contacts(
    db: Database,
    path: Path | str,
    *,
    mapping: ColumnMapping | None = None,
    on_duplicate: str = "skip",
    dry_run: bool = False,
) -> ImportResult:
    """Read, validate and import a contact sheet in one transaction; see the module notes.

    Raises ``ImportRefusedError`` for a bad file and ``ImportValidationError`` (with every
    bad cell) when any row is invalid — in both cases nothing is written.
    """
    preview = preview_contacts(db, path, mapping=mapping)
    if not preview.ok:
        raise ImportValidationError(preview.issues)
    return commit_import(db, preview, on_duplicate=on_duplicate, dry_run=dry_run)
