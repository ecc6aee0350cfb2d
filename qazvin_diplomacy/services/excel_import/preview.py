"""The import preview: each row validated, matched against the directory for duplicates, and the plan of what to do with it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.contact_rows import CellIssue, ContactRow, parse_contact_row
from qazvin_diplomacy.core.sheet_headers import ColumnMapping
from qazvin_diplomacy.core.text import compact_key, to_persian_digits
from qazvin_diplomacy.services.excel_import.reading import (
    _FORMULA_MARK,
    Cancelled,
    ContactSheet,
    Progress,
    _every,
    _read_sheet,
    _row_fa,
    _Steps,
)
from qazvin_diplomacy.services.merge import CONTACT_KEY_COLUMNS, contact_keys
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Country, Organization, Person


@dataclass(frozen=True)
class DuplicateHit:
    """A likely duplicate of a sheet row: an existing person or an earlier row of the sheet."""

    reason: str  # "name", "email" or "phone"
    person_id: int | None = None
    sheet_row: int | None = None
    name: str = ""
    archived: bool = False  # the existing person is archived

    def describe(self) -> str:
        """Persian description for the wizard."""
        reason = {"name": "نام یکسان", "email": "رایانامه یکسان", "phone": "تلفن یکسان"}[
            self.reason
        ]
        if self.person_id is not None:
            state = "، بایگانی‌شده" if self.archived else ""
            return f"{reason} با «{self.name}» (شناسه {to_persian_digits(self.person_id)}{state})"
        return f"{reason} با {_row_fa(self.sheet_row or 0)} همین پرونده"


@dataclass(frozen=True)
class PreviewRow:
    """A valid row ready to import, with what it resolves to."""

    contact: ContactRow
    country_id: int | None = None
    country_name: str = ""
    organization_id: int | None = None
    new_organization: str = ""
    duplicates: tuple[DuplicateHit, ...] = ()


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do; ``issues`` empty means it can be committed."""

    sheet: ContactSheet
    rows: list[PreviewRow]
    issues: list[CellIssue]

    @property
    def ok(self) -> bool:
        """True when no cell has an error."""
        return not self.issues

    @property
    def warnings(self) -> list[str]:
        """Things handled automatically (formulas, merged cells, ignored columns)."""
        return self.sheet.warnings

    @property
    def duplicate_rows(self) -> list[PreviewRow]:
        """Rows flagged as likely duplicates."""
        return [r for r in self.rows if r.duplicates]

    @property
    def new_organizations(self) -> list[str]:
        """Organization names the import could create (when no row is skipped), in sheet order.

        Names equal after normalisation count once, as the import creates them once.  What a
        given set of duplicate choices creates is :func:`plan_import`'s ``organizations``.
        """
        return _new_organizations(self.rows)


def _new_organizations(rows: Iterable[PreviewRow]) -> list[str]:
    seen: dict[str, str] = {}
    for r in rows:
        if r.new_organization:
            seen.setdefault(compact_key(r.new_organization), r.new_organization)
    return list(seen.values())


def _choice(row: PreviewRow, on_duplicate: str, choices: Mapping[int, str]) -> str:
    """What happens to ``row``: its own choice, else ``on_duplicate`` when flagged, else add."""
    return choices.get(row.contact.row, on_duplicate) if row.duplicates else "add"


@dataclass(frozen=True)
class ImportPlan:
    """What :func:`commit_import` will do with a preview for given duplicate choices."""

    added: int
    merged: int
    skipped: int
    organizations: list[str]


def plan_import(
    preview: ImportPreview,
    *,
    on_duplicate: str = "skip",
    choices: Mapping[int, str] | None = None,
) -> ImportPlan:
    """Count what committing ``preview`` with these choices will add, merge, skip and create.

    Follows the commit's rules: a skipped row writes nothing (not even its new organization);
    a merge with nothing to merge into (its only hit is a skipped earlier row) adds.
    """
    choices = dict(choices or {})
    has_person: set[int] = set()
    added = merged = skipped = 0
    creating: list[PreviewRow] = []
    for row in preview.rows:
        number = row.contact.row
        choice = _choice(row, on_duplicate, choices)
        if choice == "skip":
            skipped += 1
            if any(h.sheet_row in has_person for h in row.duplicates):
                has_person.add(number)
            continue
        creating.append(row)
        has_person.add(number)
        if choice == "merge" and any(
            h.person_id is not None or h.sheet_row in has_person for h in row.duplicates
        ):
            merged += 1
        else:
            added += 1
    return ImportPlan(added, merged, skipped, _new_organizations(creating))


class _Resolver:
    """Finds countries and organizations by name (SQL, cached per distinct text)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.countries: dict[str, tuple[int, str] | None] = {}
        self.organizations: dict[str, int | None] = {}

    def country(self, text: str) -> tuple[int, str] | None:
        key = compact_key(text)
        if key not in self.countries:
            self.countries[key] = self._country(key)
        return self.countries[key]

    def _country(self, key: str) -> tuple[int, str] | None:
        if not key:
            return None
        fields = "|" + Country.search_key + "|"
        exact = self.session.execute(
            select(Country.id, Country.name_fa).where(fields.like(f"%|{key}|%")).limit(2)
        ).all()
        if len(exact) == 1:
            return exact[0][0], exact[0][1]
        if len(key) >= 3:
            partial = self.session.execute(
                select(Country.id, Country.name_fa)
                .where(Country.search_key.like(f"%{key}%"))
                .limit(2)
            ).all()
            if len(partial) == 1:
                return partial[0][0], partial[0][1]
        return None

    def organization(self, text: str) -> int | None:
        key = compact_key(text)
        if key not in self.organizations:
            found = None
            if key:
                candidates = self.session.execute(
                    select(Organization.id, Organization.name_fa, Organization.name_en)
                    .where(
                        Organization.archived_at.is_(None), Organization.search_key.like(f"%{key}%")
                    )
                    .order_by(Organization.id)
                    .limit(50)
                ).all()
                for org_id, name_fa, name_en in candidates:
                    if key in (compact_key(name_fa), compact_key(name_en)):
                        found = org_id
                        break
            self.organizations[key] = found
        return self.organizations[key]


def _existing_keys(session: Session) -> dict[str, dict[str, list[tuple[int, str, bool]]]]:
    """Directory people (archived ones too) by name key, e-mail and phone key (one query).

    Each entry is ``(id, Persian name, archived)``.
    """
    index: dict[str, dict[str, list[tuple[int, str, bool]]]] = {
        "name": {},
        "email": {},
        "phone": {},
    }
    rows = session.execute(
        select(*CONTACT_KEY_COLUMNS, Person.archived_at.is_not(None)).order_by(Person.id)
    )
    for person_id, name_fa, name_en, email, phone, archived in rows:
        for reason, keys in contact_keys(name_fa, name_en, email, phone).items():
            for key in keys:
                index[reason].setdefault(key, []).append((person_id, name_fa, bool(archived)))
    return index


def _preview(
    session: Session, sheet: ContactSheet, steps: _Steps | None = None, offset: int = 0
) -> ImportPreview:
    steps = steps or _Steps(None, None)
    total = offset + len(sheet.rows)
    every = _every(len(sheet.rows))
    resolver = _Resolver(session)
    existing = _existing_keys(session)
    seen: dict[str, dict[str, int]] = {"name": {}, "email": {}, "phone": {}}
    columns = sheet.column_of
    rows: list[PreviewRow] = []
    issues: list[CellIssue] = []
    for done, (number, texts) in enumerate(sheet.rows):
        if done % every == 0:
            steps.report(offset + done, total)
        else:
            steps.check()
        formula_fields = [name for name, text in texts.items() if text == _FORMULA_MARK]
        for name in formula_fields:
            issues.append(
                CellIssue(
                    number,
                    columns.get(name, ""),
                    name,
                    "فرمول این خانه مقدار ذخیره‌شده ندارد؛ پرونده را در اکسل باز و ذخیره کنید.",
                )
            )
            texts = {k: v for k, v in texts.items() if k != name}
        contact, row_issues = parse_contact_row(number, texts, columns)
        # A formula cell already has its error: not a second one («name is empty») for it.
        issues.extend(i for i in row_issues if i.field not in formula_fields)
        country = resolver.country(texts["country"]) if texts.get("country") else None
        if texts.get("country") and country is None:
            issues.append(
                CellIssue(
                    number,
                    columns.get("country", ""),
                    "country",
                    f"کشور «{texts['country']}» شناخته نشد؛ نام فارسی یا انگلیسی یا کد کشور را بنویسید.",
                )
            )
        if contact is None or formula_fields or (texts.get("country") and country is None):
            continue
        org_id = resolver.organization(contact.organization) if contact.organization else None
        hits: list[DuplicateHit] = []
        keys = contact_keys(contact.name_fa, contact.name_en, contact.email, contact.phone)
        for reason, values in keys.items():
            for key in values:
                for person_id, name, archived in existing[reason].get(key, []):
                    if not any(h.person_id == person_id for h in hits):
                        hits.append(
                            DuplicateHit(reason, person_id=person_id, name=name, archived=archived)
                        )
                earlier = seen[reason].get(key)
                if earlier is not None and not any(h.sheet_row == earlier for h in hits):
                    hits.append(DuplicateHit(reason, sheet_row=earlier))
                seen[reason].setdefault(key, number)
        rows.append(
            PreviewRow(
                contact=contact,
                country_id=country[0] if country else None,
                country_name=country[1] if country else "",
                organization_id=org_id,
                new_organization=contact.organization
                if contact.organization and org_id is None
                else "",
                duplicates=tuple(hits),
            )
        )
    steps.report(total, total)
    return ImportPreview(sheet, rows, issues)


def preview_contacts(
    db: Database,
    path: Path | str,
    *,
    mapping: ColumnMapping | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPreview:
    """Read and validate a contact sheet without writing anything.

    ``progress(done, total)`` counts row-steps: every row of the sheet is read, then every
    data row validated, so ``total`` is the sheet's rows plus its data rows (it grows once
    reading is over and the data rows are known).  ``cancelled()`` returning True raises
    ``ImportCancelled``.
    """
    steps = _Steps(progress, cancelled)
    sheet = _read_sheet(Path(path), mapping, steps, 2)
    with db.read_session() as session:
        return _preview(session, sheet, steps, offset=steps.done)
