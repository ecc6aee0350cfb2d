"""Directory, follow-up and attachment use-cases."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.followups import FollowUpInput
from qazvin_diplomacy.services import attachments, directory, followups


def test_countries_seeded_once_with_persian_names(db) -> None:
    countries = directory.list_countries(db)
    assert len(countries) == 249
    iraq = directory.country_by_code(db, "IRQ")
    assert iraq is not None and iraq.name_fa == "عراق" and iraq.iso2 == "IQ"
    assert directory.ensure_reference_data(db) == 0


def test_country_search_ignores_arabic_letters(db) -> None:
    names = {c.iso2 for c in directory.list_countries(db, text="تاجيكستان")}  # Arabic Yeh and Kaf
    assert names == {"TJ"}


def test_person_is_normalised_and_found_by_spelling_variants(db) -> None:
    tj = directory.country_by_code(db, "TJ")
    saved = directory.save_person(
        db,
        person=PersonInput(
            name_fa="علي  كريمي",
            name_en="Ali Karimi",
            title_fa="رايزن اقتصادي",
            country_id=tj.id,
            phone="۰۹۱۲ ۱۲۳ ۴۵۶۷",
            email="a.karimi@example.com",
        ),
    )
    assert saved.name_fa == "علی کریمی"  # Persian Yeh/Kaf, single space
    assert saved.phone == "0912 123 4567"
    assert saved.country_name_fa == "تاجیکستان"
    for query in ("کریمی", "كريمي", "karimi", "KARIM", "رایزن‌اقتصادی", "علی کریم"):
        assert [p.id for p in directory.list_people(db, text=query)] == [saved.id], query
    assert directory.list_people(db, text="حسینی") == []


def test_person_validation_names_fields(db) -> None:
    with pytest.raises(ValidationError) as info:
        directory.save_person(
            db, person=PersonInput(name_fa="  ", email="not-an-email", phone="abc")
        )
    assert set(info.value.errors) == {"name_fa", "email", "phone"}
    assert all(info.value.errors.values())
    assert directory.list_people(db) == []


def test_organization_tree_and_validation(db) -> None:
    iq = directory.country_by_code(db, "IQ")
    parent = directory.save_organization(
        db,
        org=OrganizationInput(name_fa="وزارت امور خارجه عراق", kind="ministry", country_id=iq.id),
    )
    child = directory.save_organization(
        db,
        org=OrganizationInput(
            name_fa="سفارت عراق در تهران", kind="embassy", country_id=iq.id, parent_id=parent.id
        ),
    )
    assert child.parent_id == parent.id
    assert [o.name_fa for o in directory.list_organizations(db, kind="embassy")] == [
        "سفارت عراق در تهران"
    ]
    with pytest.raises(ValidationError) as info:
        directory.save_organization(db, org=OrganizationInput(name_fa="x", kind="spaceship"))
    assert "kind" in info.value.errors


def test_archive_and_restore_person(db) -> None:
    p = directory.save_person(db, person=PersonInput(name_fa="رضا محمدی"))
    directory.archive_person(db, person_id=p.id, version=p.version)
    assert directory.list_people(db) == []
    archived = directory.get_person(db, p.id)
    assert archived.archived
    directory.restore_person(db, person_id=p.id, version=archived.version)
    assert [x.id for x in directory.list_people(db)] == [p.id]


def test_overdue_followups(db) -> None:
    today = date(2025, 10, 25)
    late = followups.save_followup(
        db,
        task=FollowUpInput(
            title="ارسال گزارش سفر",
            deadline=today - timedelta(days=3),
            source_kind="visit",
            source_id=1,
        ),
    )
    followups.save_followup(
        db, task=FollowUpInput(title="پیگیری نامه", deadline=today + timedelta(days=3))
    )
    followups.save_followup(
        db, task=FollowUpInput(title="انجام‌شده", deadline=today - timedelta(days=9), status="done")
    )
    overdue = followups.list_overdue(db, today=today)
    assert [t.id for t in overdue] == [late.id]
    assert overdue[0].is_overdue(today)
    assert followups.count_overdue(db, today=today) == 1
    assert [t.title for t in followups.list_followups(db, source_kind="visit", source_id=1)] == [
        "ارسال گزارش سفر"
    ]
    with pytest.raises(ValidationError):
        followups.save_followup(db, task=FollowUpInput(title=""))


def test_attachment_stored_under_hash_and_deduplicated(db, tmp_path: Path) -> None:
    source = tmp_path / "تفاهم‌نامه امضاشده.pdf"
    source.write_bytes(b"%PDF-1.4 signed scan" * 100)
    first = attachments.add_attachment(db, owner_kind="agreement", owner_id=7, source=source)
    second = attachments.add_attachment(db, owner_kind="agreement", owner_id=8, source=source)
    assert first.sha256 == second.sha256
    stored = attachments.stored_path(db, first.sha256)
    assert stored.read_bytes() == source.read_bytes()
    assert first.original_name == "تفاهم‌نامه امضاشده.pdf"
    assert first.media_type == "application/pdf"
    assert [a.id for a in attachments.list_attachments(db, owner_kind="agreement", owner_id=7)] == [
        first.id
    ]
    out = attachments.export_attachment(db, attachment_id=first.id, folder=tmp_path / "out")
    assert out.name == "تفاهم‌نامه امضاشده.pdf" and out.read_bytes() == source.read_bytes()


def test_attachment_over_limit_is_refused_and_nothing_saved(db, tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(ValidationError) as info:
        attachments.add_attachment(db, owner_kind="visit", owner_id=1, source=big, limit=1000)
    assert "حجم" in info.value.message
    assert attachments.list_attachments(db, owner_kind="visit", owner_id=1) == []
    assert not [p for p in db.attachments_dir.rglob("*") if p.is_file()]


def test_missing_attachment_file_refused(db, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        attachments.add_attachment(db, owner_kind="visit", owner_id=1, source=tmp_path / "nope.pdf")


def test_safe_filename_for_windows() -> None:
    from qazvin_diplomacy.core.filenames import safe_filename

    assert safe_filename('گزارش: دیدار "سفیر"?.pdf') == "گزارش_ دیدار _سفیر__.pdf"
    assert safe_filename("CON.txt") == "_CON.txt"
    assert safe_filename("  . ") == "file"
    assert safe_filename("می‌روم.pdf") == "می‌روم.pdf"
    assert len(safe_filename("ا" * 400 + ".pdf")) == 150


# --- archive and restore -------------------------------------------------------------------


def _hits(db, query: str, kind: str) -> list[int]:
    from qazvin_diplomacy.services.search import search

    group = search(db, query).group(kind)
    return [h.id for h in group.hits] if group else []


def test_archived_people_listed_only_when_asked(db) -> None:
    kept = directory.save_person(db, person=PersonInput(name_fa="سارا احمدی"))
    gone = directory.save_person(db, person=PersonInput(name_fa="سامان احمدی"))
    archived = directory.archive_person(db, person_id=gone.id, version=gone.version)
    assert archived.archived and archived.version == gone.version + 1
    assert [p.id for p in directory.list_people(db, text="احمدی")] == [kept.id]
    assert [p.id for p in directory.list_people(db, text="احمدی", archived_only=True)] == [gone.id]
    both = directory.list_people(db, text="احمدی", include_archived=True)
    assert {p.id: p.archived for p in both} == {kept.id: False, gone.id: True}
    assert directory.list_people(db, text="سارا", archived_only=True) == []


def test_person_archive_and_restore_refuse_a_stale_version(db) -> None:
    from qazvin_diplomacy.core.errors import StaleRecordError

    p = directory.save_person(db, person=PersonInput(name_fa="رضا محمدی"))
    directory.save_person(
        db, person=PersonInput(id=p.id, version=p.version, name_fa="رضا محمدی", title_fa="رایزن")
    )
    with pytest.raises(StaleRecordError):
        directory.archive_person(db, person_id=p.id, version=p.version)
    assert not directory.get_person(db, p.id).archived
    current = directory.get_person(db, p.id)
    directory.archive_person(db, person_id=p.id, version=current.version)
    with pytest.raises(StaleRecordError):
        directory.restore_person(db, person_id=p.id, version=current.version)
    assert directory.get_person(db, p.id).archived


def test_restored_person_is_found_by_global_search_again(db) -> None:
    p = directory.save_person(
        db, person=PersonInput(name_fa="فرهاد نوروزی", name_en="Farhad Nowruzi")
    )
    assert _hits(db, "نوروزی", "person") == [p.id]
    archived = directory.archive_person(db, person_id=p.id, version=p.version)
    assert _hits(db, "نوروزی", "person") == []
    assert _hits(db, "nowruzi", "person") == []
    directory.restore_person(db, person_id=p.id, version=archived.version)
    assert _hits(db, "نوروزي", "person") == [p.id]  # Arabic Yeh still matches
    assert [x.id for x in directory.list_people(db, text="نوروزی")] == [p.id]


def test_organization_archive_restore_and_listing(db) -> None:
    org = directory.save_organization(
        db, org=OrganizationInput(name_fa="دانشگاه بین‌المللی امام خمینی", kind="university")
    )
    other = directory.save_organization(
        db, org=OrganizationInput(name_fa="دانشگاه تهران", kind="university")
    )
    assert _hits(db, "امام خمینی", "organization") == [org.id]
    archived = directory.archive_organization(db, organization_id=org.id, version=org.version)
    assert archived.archived and archived.version == org.version + 1
    assert [o.id for o in directory.list_organizations(db, text="دانشگاه")] == [other.id]
    assert [o.id for o in directory.list_organizations(db, archived_only=True)] == [org.id]
    assert {o.id for o in directory.list_organizations(db, include_archived=True)} == {
        org.id,
        other.id,
    }
    assert _hits(db, "امام خمینی", "organization") == []
    restored = directory.restore_organization(db, organization_id=org.id, version=archived.version)
    assert not restored.archived
    assert directory.list_organizations(db, archived_only=True) == []
    assert _hits(db, "امام‌خمینی", "organization") == [org.id]


def test_organization_archive_refuses_stale_version(db) -> None:
    from qazvin_diplomacy.core.errors import StaleRecordError

    org = directory.save_organization(
        db, org=OrganizationInput(name_fa="اتاق بازرگانی قزوین", kind="chamber")
    )
    directory.save_organization(
        db,
        org=OrganizationInput(
            id=org.id,
            version=org.version,
            name_fa="اتاق بازرگانی قزوین",
            kind="chamber",
            city_fa="قزوین",
        ),
    )
    with pytest.raises(StaleRecordError):
        directory.archive_organization(db, organization_id=org.id, version=org.version)
    assert not directory.get_organization(db, org.id).archived
    now = directory.get_organization(db, org.id)
    archived = directory.archive_organization(db, organization_id=org.id, version=now.version)
    with pytest.raises(StaleRecordError):
        directory.restore_organization(db, organization_id=org.id, version=now.version)
    assert directory.get_organization(db, org.id).version == archived.version


def test_organization_with_active_members_or_children_is_not_archived(db) -> None:
    ministry = directory.save_organization(
        db, org=OrganizationInput(name_fa="وزارت امور خارجه", kind="ministry")
    )
    office = directory.save_organization(
        db,
        org=OrganizationInput(
            name_fa="دفتر نمایندگی قزوین", kind="ministry", parent_id=ministry.id
        ),
    )
    person = directory.save_person(
        db, person=PersonInput(name_fa="مریم صادقی", organization_id=office.id)
    )
    with pytest.raises(ValidationError) as info:
        directory.archive_organization(db, organization_id=ministry.id, version=ministry.version)
    assert "۱ زیرمجموعه فعال" in info.value.message
    with pytest.raises(ValidationError) as info:
        directory.archive_organization(db, organization_id=office.id, version=office.version)
    assert "۱ شخص فعال" in info.value.message and "دفتر نمایندگی قزوین" in info.value.message
    assert directory.list_organizations(db, archived_only=True) == []
    # once the member is archived, the office can go; then the ministry
    directory.archive_person(db, person_id=person.id, version=person.version)
    office = directory.archive_organization(db, organization_id=office.id, version=office.version)
    ministry = directory.archive_organization(
        db, organization_id=ministry.id, version=ministry.version
    )
    assert {o.id for o in directory.list_organizations(db, archived_only=True)} == {
        office.id,
        ministry.id,
    }
    # the archived member still shows their organization's name
    assert directory.get_person(db, person.id).organization_name_fa == "دفتر نمایندگی قزوین"


def test_merged_away_duplicate_never_appears_as_archived(db) -> None:
    from qazvin_diplomacy.services.merge import merge_organizations, merge_people

    a = directory.save_person(db, person=PersonInput(name_fa="حسن رضایی"))
    b = directory.save_person(db, person=PersonInput(name_fa="حسن رضائی"))
    b = directory.archive_person(db, person_id=b.id, version=b.version)
    merge_people(db, keep_id=a.id, remove_id=b.id)
    everyone = directory.list_people(db, include_archived=True)
    assert [p.id for p in everyone] == [a.id] and not everyone[0].archived
    assert directory.list_people(db, archived_only=True) == []
    o1 = directory.save_organization(
        db, org=OrganizationInput(name_fa="سفارت ارمنستان", kind="embassy")
    )
    o2 = directory.save_organization(
        db, org=OrganizationInput(name_fa="سفارت ارمنستان در تهران", kind="embassy")
    )
    o2 = directory.archive_organization(db, organization_id=o2.id, version=o2.version)
    merge_organizations(db, keep_id=o1.id, remove_id=o2.id)
    assert directory.list_organizations(db, archived_only=True) == []
    assert [o.id for o in directory.list_organizations(db, include_archived=True)] == [o1.id]


def test_the_people_filter_finds_words_typed_without_a_space(db) -> None:
    tj = directory.country_by_code(db, "TJ")
    ambassador = directory.save_person(
        db, person=PersonInput(name_fa="جمشید قادرزاده", title_fa="سفیر", country_id=tj.id)
    )
    directory.save_person(db, person=PersonInput(name_fa="تاجیک پور", title_fa="کارشناس استان"))

    def names(text: str) -> list[str]:
        return [p.name_fa for p in directory.list_people(db, text=text)]

    # «سفیر» (title) and «تاجیکستان» (country) sit in different fields of the same contact.
    assert names("سفیرتاجیکستان") == [ambassador.name_fa]
    assert names("سفيرتاجيكستان") == [ambassador.name_fa]
    # A word some contact holds as typed is not cut: «تاجیک» + «ستان» would add «تاجیک پور».
    assert names("تاجیکستان") == [ambassador.name_fa]
    assert names("سفیرونزوئلا") == []


def test_lists_are_in_persian_alphabetical_order(db) -> None:
    for name in ("گرجستان نو", "چین نو", "پاکستان نو", "یمن نو", "ثبت نو"):
        directory.save_organization(db, org=OrganizationInput(name_fa=name))
    names = [o.name_fa for o in directory.list_organizations(db, text="نو")]
    assert names == [
        "پاکستان نو",
        "ثبت نو",
        "چین نو",
        "گرجستان نو",
        "یمن نو",
    ]  # not code-point order
    countries = [c.name_fa for c in directory.list_countries(db)]
    assert countries.index("پاکستان") < countries.index("تاجیکستان")
    assert countries.index("کانادا") < countries.index("گرجستان") < countries.index("لبنان")


def test_lists_read_organizations_and_countries_in_a_few_queries(db) -> None:
    """Twelve people of twelve organizations in twelve countries: the list names them all
    with a fixed number of queries, not one more per row (it was one per organization)."""
    from sqlalchemy import event

    countries = directory.list_countries(db)[:12]
    for i, country in enumerate(countries):
        org = directory.save_organization(
            db,
            org=OrganizationInput(
                name_fa=f"سفارت شماره {i}", kind="embassy", country_id=country.id
            ),
        )
        directory.save_person(
            db,
            person=PersonInput(f"رایزن شماره {i}", organization_id=org.id, country_id=country.id),
        )
    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        people = directory.list_people(db, text="رایزن شماره")
        people_queries = len(statements)
        statements.clear()
        orgs = directory.list_organizations(db, text="سفارت شماره")
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(people) == len(orgs) == 12
    names = {c.name_fa for c in countries}
    assert {p.country_name_fa for p in people} == names
    assert {p.organization_name_fa for p in people} == {o.name_fa for o in orgs}
    assert {o.country_name_fa for o in orgs} == names
    assert people_queries <= 4
    assert len(statements) <= 3
