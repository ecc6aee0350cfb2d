"""Directory use-cases: countries, organizations and people.

People and organizations are archived (soft-deleted), never deleted: lists hide archived
records unless asked (``include_archived`` / ``archived_only``), the global search index
drops them and takes them back on restore (its triggers watch ``archived_at``), and their
history stays linked.  An organization is archived only once nothing active hangs from it
(sub-organizations, people), so the tree and the people list never point at a hidden record
without the user having decided so.  Duplicates merged away (``services.merge``) are deleted,
so they never appear among the archived.
"""

from __future__ import annotations

import csv
from collections.abc import Collection
from dataclasses import fields
from importlib import resources
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from qazvin_diplomacy.core.directory import (
    CountryView,
    DiplomaticRank,
    OrganizationInput,
    OrganizationKind,
    OrganizationView,
    PersonInput,
    PersonView,
    email_error,
    phone_error,
    phone_search_fields,
)
from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.text import (
    compact_key,
    index_key,
    normalize,
    to_latin_digits,
    to_persian_digits,
)
from qazvin_diplomacy.services.filters import text_condition
from qazvin_diplomacy.services.records import (
    check_version,
    get_row,
    row_to_save,
    set_archived,
    write,
)
from qazvin_diplomacy.storage.base import utcnow
from qazvin_diplomacy.storage.database import PERSIAN_COLLATION, Database
from qazvin_diplomacy.storage.directory import Country, Organization, Person

# -- countries ---------------------------------------------------------------------------


def load_country_rows() -> list[dict[str, str]]:
    """The ISO 3166-1 country list shipped with the application."""
    text = resources.files("qazvin_diplomacy.data").joinpath("countries.csv").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def seed_countries(session: Session) -> int:
    """Add every shipped country missing from the table; return how many were added."""
    existing = set(session.scalars(select(Country.iso2)))
    added = 0
    for row in load_country_rows():
        if row["iso2"] in existing:
            continue
        session.add(
            Country(
                iso2=row["iso2"],
                iso3=row["iso3"],
                name_fa=normalize(row["name_fa"]),
                name_en=row["name_en"],
                region=row.get("region", ""),
                search_key=index_key(row["name_fa"], row["name_en"], row["iso2"], row["iso3"]),
            )
        )
        added += 1
    return added


def ensure_reference_data(db: Database) -> int:
    """Make sure the countries are present (idempotent, cheap when they are)."""
    with write(db) as session:
        return seed_countries(session)


def _country_view(c: Country) -> CountryView:
    return CountryView(
        id=c.id,
        iso2=c.iso2,
        iso3=c.iso3,
        name_fa=c.name_fa,
        name_en=c.name_en,
        region=c.region,
        is_target=c.is_target,
        priority=c.priority,
        notes=c.notes,
        version=c.version,
    )


def list_countries(
    db: Database, *, text: str = "", targets_only: bool = False
) -> list[CountryView]:
    """Countries ordered by Persian name, optionally filtered by text or target flag."""
    query = select(Country)
    query = query.where(text_condition(Country.search_key, text))
    if targets_only:
        query = query.where(Country.is_target.is_(True))
    with db.read_session() as session:
        return [
            _country_view(c)
            for c in session.scalars(query.order_by(Country.name_fa.collate(PERSIAN_COLLATION)))
        ]


def country_by_code(db: Database, code: str) -> CountryView | None:
    """Find a country by ISO code (2 or 3 letters) or by its Persian/English name."""
    code = code.strip()
    with db.read_session() as session:
        row = session.scalar(
            select(Country)
            .where(
                or_(
                    func.upper(Country.iso2) == code.upper(),
                    func.upper(Country.iso3) == code.upper(),
                    Country.search_key.like(f"%{compact_key(code)}%") if len(code) > 3 else False,
                )
            )
            .limit(1)
        )
        return _country_view(row) if row else None


def update_country(
    db: Database, *, country_id: int, version: int, is_target: bool, priority: int, notes: str
) -> CountryView:
    """Change a country's target flag, priority and notes (names are reference data)."""
    with write(db) as session:
        row = get_row(session, Country, country_id, "کشور")
        check_version(row, version, "کشور")
        row.is_target = is_target
        row.priority = priority
        row.notes = normalize(notes)
        session.flush()
        return _country_view(row)


# -- organizations -----------------------------------------------------------------------


#: The stored fields of an organization that ``OrganizationView`` gives as they are.
_ORG_FIELDS = tuple(f.name for f in fields(OrganizationInput))


def _org_view(o: Organization) -> OrganizationView:
    return OrganizationView(
        **{name: getattr(o, name) for name in _ORG_FIELDS},
        country_name_fa=o.country.name_fa if o.country else "",
        country_name_en=o.country.name_en if o.country else "",
        archived=o.archived_at is not None,
    )


def validate_organization(org: OrganizationInput) -> None:
    """Raise ``ValidationError`` naming each bad field, in Persian."""
    errors: dict[str, str] = {}
    if not normalize(org.name_fa):
        errors["name_fa"] = "نام فارسی سازمان را وارد کنید."
    if org.kind not in {k.value for k in OrganizationKind}:
        errors["kind"] = "نوع سازمان معتبر نیست."
    if msg := email_error(org.email):
        errors["email"] = msg
    if msg := phone_error(to_latin_digits(org.phone)):
        errors["phone"] = msg
    if org.id is not None and org.parent_id == org.id:
        errors["parent_id"] = "سازمان نمی‌تواند زیرمجموعه خودش باشد."
    if errors:
        raise ValidationError(errors)


def save_organization(db: Database, *, org: OrganizationInput) -> OrganizationView:
    """Create or update an organization in one transaction."""
    validate_organization(org)
    with write(db) as session:
        row = row_to_save(session, Organization, org.id, org.version, "سازمان", name_fa="")
        row.name_fa = normalize(org.name_fa)
        row.name_en = normalize(org.name_en)
        row.kind = org.kind
        row.country_id = org.country_id
        row.parent_id = org.parent_id
        row.city_fa = normalize(org.city_fa)
        row.city_en = normalize(org.city_en)
        row.phone = to_latin_digits(org.phone).strip()
        row.email = org.email.strip()
        row.address = normalize(org.address)
        row.notes = normalize(org.notes)
        row.search_key = organization_search_key(row)
        session.flush()
        return _org_view(row)


def _archive_condition(model: Any, include_archived: bool, archived_only: bool) -> Any:
    """Active records by default; every record, or archived ones only, when asked."""
    if archived_only:
        return model.archived_at.is_not(None)
    if include_archived:
        return True
    return model.archived_at.is_(None)


def list_organizations(
    db: Database,
    *,
    text: str = "",
    kind: str | None = None,
    country_id: int | None = None,
    limit: int = 500,
    include_archived: bool = False,
    archived_only: bool = False,
    ids: Collection[int] | None = None,
) -> list[OrganizationView]:
    """Organizations filtered in SQL: active ones unless ``include_archived``/``archived_only``;
    only those of ``ids`` when given.

    Read as plain rows with their country's names (one query; mapped objects cost about
    three times as much for the whole directory's tree)."""
    query = select(
        *(getattr(Organization, name) for name in _ORG_FIELDS),
        Organization.archived_at,
        Country.name_fa,
        Country.name_en,
    ).outerjoin(Country, Country.id == Organization.country_id)
    query = query.where(_archive_condition(Organization, include_archived, archived_only))
    query = query.where(text_condition(Organization.search_key, text))
    if kind:
        query = query.where(Organization.kind == kind)
    if country_id is not None:
        query = query.where(Organization.country_id == country_id)
    if ids is not None:
        query = query.where(Organization.id.in_(list(ids)))
    n = len(_ORG_FIELDS)
    with db.read_session() as session:
        rows = session.execute(
            query.order_by(Organization.name_fa.collate(PERSIAN_COLLATION)).limit(limit)
        )
        return [
            OrganizationView(
                **dict(zip(_ORG_FIELDS, row[:n], strict=True)),
                country_name_fa=row[n + 1] or "",
                country_name_en=row[n + 2] or "",
                archived=row[n] is not None,
            )
            for row in rows
        ]


def get_organization(db: Database, org_id: int) -> OrganizationView:
    """One organization by id (archived or not: see ``OrganizationView.archived``)."""
    with db.read_session() as session:
        return _org_view(get_row(session, Organization, org_id, "سازمان"))


def archive_organization(db: Database, *, organization_id: int, version: int) -> OrganizationView:
    """Archive an organization that nothing active depends on any more.

    Refused (``ValidationError``, in Persian, with the counts) while active sub-organizations
    or active people belong to it: the office archives or moves them first, so no active
    contact is left pointing at a hidden organization by accident.
    """
    with write(db) as session:
        row = get_row(session, Organization, organization_id, "سازمان")
        check_version(row, version, "سازمان")
        if row.archived_at is not None:
            return _org_view(row)
        children = (
            session.scalar(
                select(func.count())
                .select_from(Organization)
                .where(Organization.parent_id == row.id, Organization.archived_at.is_(None))
            )
            or 0
        )
        people = (
            session.scalar(
                select(func.count())
                .select_from(Person)
                .where(Person.organization_id == row.id, Person.archived_at.is_(None))
            )
            or 0
        )
        if children or people:
            parts = []
            if children:
                parts.append(f"{to_persian_digits(children)} زیرمجموعه فعال")
            if people:
                parts.append(f"{to_persian_digits(people)} شخص فعال")
            raise ValidationError(
                {
                    "": f"«{row.name_fa}» هنوز {' و '.join(parts)} دارد؛ ابتدا آن‌ها را بایگانی کنید "
                    "یا به سازمان دیگری منتقل کنید، سپس این سازمان را بایگانی کنید."
                },
                f"'{row.name_en or row.name_fa}' still has {children} active sub-organization(s) "
                f"and {people} active person(s); archive or move them first.",
            )
        row.archived_at = utcnow()
        session.flush()
        return _org_view(row)


def restore_organization(db: Database, *, organization_id: int, version: int) -> OrganizationView:
    """Bring an archived organization back into the lists and the search."""
    with write(db) as session:
        row = get_row(session, Organization, organization_id, "سازمان")
        set_archived(session, row, version, False, "سازمان")
        return _org_view(row)


# -- people ------------------------------------------------------------------------------


def person_names(p: Person) -> dict[str, str]:
    """A person's name, honorific and title in both languages, as the views take them."""
    return {
        "name_fa": p.name_fa,
        "name_en": p.name_en,
        "honorific_fa": p.honorific_fa,
        "honorific_en": p.honorific_en,
        "title_fa": p.title_fa,
        "title_en": p.title_en,
    }


def _person_view(p: Person) -> PersonView:
    return PersonView(
        id=p.id,
        version=p.version,
        **person_names(p),
        organization_id=p.organization_id,
        country_id=p.country_id,
        diplomatic_rank=p.diplomatic_rank,
        functions_started_at=p.functions_started_at,
        languages=p.languages,
        phone=p.phone,
        email=p.email,
        biography=p.biography,
        notes=p.notes,
        organization_name_fa=p.organization.name_fa if p.organization else "",
        organization_name_en=p.organization.name_en if p.organization else "",
        country_name_fa=p.country.name_fa if p.country else "",
        country_name_en=p.country.name_en if p.country else "",
        archived=p.archived_at is not None,
    )


def organization_search_key(row: Organization) -> str:
    """The stored search key of an organization: names, city, phone numbers and e-mail.

    Phones and e-mail come last (migration 0008 appended them to the keys stored before).
    """
    return index_key(
        row.name_fa,
        row.name_en,
        row.city_fa,
        row.city_en,
        *phone_search_fields(row.phone),
        row.email,
    )


def person_search_key(session: Session, row: Person) -> str:
    """The stored search key of a contact: names, titles, e-mail, organization, country, phones.

    Including the organization's and country's names lets «سفیر تاجیکستان» find the ambassador
    whose title alone says «سفیر»; phones (``core.directory.phone_search_fields``) let «۲۲۳۳»
    find the contact whose number is «۰۲۱-۲۲۳۳۴۴۵۵».  Phones come last (migration 0008
    appended them to the keys stored before).
    """
    org = session.get(Organization, row.organization_id) if row.organization_id else None
    country = session.get(Country, row.country_id) if row.country_id else None
    return index_key(
        row.name_fa,
        row.name_en,
        row.title_fa,
        row.title_en,
        row.email,
        org.name_fa if org else "",
        org.name_en if org else "",
        country.name_fa if country else "",
        country.name_en if country else "",
        *phone_search_fields(row.phone),
    )


def validate_person(person: PersonInput) -> None:
    """Raise ``ValidationError`` naming each bad field, in Persian."""
    errors: dict[str, str] = {}
    if not normalize(person.name_fa):
        errors["name_fa"] = "نام فارسی شخص را وارد کنید."
    if person.diplomatic_rank and person.diplomatic_rank not in {r.value for r in DiplomaticRank}:
        errors["diplomatic_rank"] = "رتبهٔ دیپلماتیک معتبر نیست."
    if person.functions_started_at is not None and person.functions_started_at.tzinfo is None:
        errors["functions_started_at"] = "زمان آغاز مأموریت باید با منطقه زمانی ثبت شود."
    if msg := email_error(person.email):
        errors["email"] = msg
    if msg := phone_error(to_latin_digits(person.phone)):
        errors["phone"] = msg
    if errors:
        raise ValidationError(errors)


def save_person(db: Database, *, person: PersonInput) -> PersonView:
    """Create or update a contact in one transaction."""
    validate_person(person)
    with write(db) as session:
        row = row_to_save(session, Person, person.id, person.version, "شخص", name_fa="")
        row.name_fa = normalize(person.name_fa)
        row.name_en = normalize(person.name_en)
        row.honorific_fa = normalize(person.honorific_fa)
        row.honorific_en = normalize(person.honorific_en)
        row.title_fa = normalize(person.title_fa)
        row.title_en = normalize(person.title_en)
        row.organization_id = person.organization_id
        row.country_id = person.country_id
        row.diplomatic_rank = person.diplomatic_rank or None
        row.functions_started_at = person.functions_started_at
        row.languages = normalize(person.languages)
        row.phone = to_latin_digits(person.phone).strip()
        row.email = person.email.strip()
        row.biography = normalize(person.biography)
        row.notes = normalize(person.notes)
        row.search_key = person_search_key(session, row)
        session.flush()
        return _person_view(row)


def get_person(db: Database, person_id: int) -> PersonView:
    """One contact by id."""
    with db.read_session() as session:
        return _person_view(get_row(session, Person, person_id, "شخص"))


def list_people(
    db: Database,
    *,
    text: str = "",
    country_id: int | None = None,
    organization_id: int | None = None,
    limit: int = 200,
    offset: int = 0,
    include_archived: bool = False,
    archived_only: bool = False,
) -> list[PersonView]:
    """Contacts filtered in SQL, ordered by Persian name.

    Active contacts only, unless ``include_archived`` (every contact) or ``archived_only``.
    """
    query = select(Person).where(_archive_condition(Person, include_archived, archived_only))
    query = query.where(text_condition(Person.search_key, text))
    if country_id is not None:
        query = query.where(Person.country_id == country_id)
    if organization_id is not None:
        query = query.where(Person.organization_id == organization_id)
    with db.read_session() as session:
        rows = session.scalars(
            query.order_by(Person.name_fa.collate(PERSIAN_COLLATION), Person.id)
            .offset(offset)
            .limit(limit)
            # Their organizations and countries in two queries, not one per row.
            .options(selectinload(Person.organization), selectinload(Person.country))
        )
        return [_person_view(p) for p in rows]


def archive_person(db: Database, *, person_id: int, version: int) -> PersonView:
    """Archive (soft-delete) a contact; its history stays linked.  Returns the new state."""
    with write(db) as session:
        row = get_row(session, Person, person_id, "شخص")
        set_archived(session, row, version, True, "شخص")
        return _person_view(row)


def restore_person(db: Database, *, person_id: int, version: int) -> PersonView:
    """Bring an archived contact back into the lists and the search.  Returns the new state."""
    with write(db) as session:
        row = get_row(session, Person, person_id, "شخص")
        set_archived(session, row, version, False, "شخص")
        return _person_view(row)
