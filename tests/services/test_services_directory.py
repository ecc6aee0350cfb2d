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
    saved = directory.save_person(db, person=PersonInput(
        name_fa="علي  كريمي", name_en="Ali Karimi", title_fa="رايزن اقتصادي", country_id=tj.id,
        phone="۰۹۱۲ ۱۲۳ ۴۵۶۷", email="a.karimi@example.com"))
    assert saved.name_fa == "علی کریمی"  # Persian Yeh/Kaf, single space
    assert saved.phone == "0912 123 4567"
    assert saved.country_name_fa == "تاجیکستان"
    for query in ("کریمی", "كريمي", "karimi", "KARIM", "رایزن‌اقتصادی", "علی کریم"):
        assert [p.id for p in directory.list_people(db, text=query)] == [saved.id], query
    assert directory.list_people(db, text="حسینی") == []


def test_person_validation_names_fields(db) -> None:
    with pytest.raises(ValidationError) as info:
        directory.save_person(db, person=PersonInput(name_fa="  ", email="not-an-email", phone="abc"))
    assert set(info.value.errors) == {"name_fa", "email", "phone"}
    assert all(info.value.errors.values())
    assert directory.list_people(db) == []


def test_organization_tree_and_validation(db) -> None:
    iq = directory.country_by_code(db, "IQ")
    parent = directory.save_organization(db, org=OrganizationInput(name_fa="وزارت امور خارجه عراق", kind="ministry", country_id=iq.id))
    child = directory.save_organization(db, org=OrganizationInput(name_fa="سفارت عراق در تهران", kind="embassy", country_id=iq.id, parent_id=parent.id))
    assert child.parent_id == parent.id
    assert [o.name_fa for o in directory.list_organizations(db, kind="embassy")] == ["سفارت عراق در تهران"]
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
    late = followups.save_followup(db, task=FollowUpInput(title="ارسال گزارش سفر", deadline=today - timedelta(days=3), source_kind="visit", source_id=1))
    followups.save_followup(db, task=FollowUpInput(title="پیگیری نامه", deadline=today + timedelta(days=3)))
    followups.save_followup(db, task=FollowUpInput(title="انجام‌شده", deadline=today - timedelta(days=9), status="done"))
    overdue = followups.list_overdue(db, today=today)
    assert [t.id for t in overdue] == [late.id]
    assert overdue[0].is_overdue(today)
    assert followups.count_overdue(db, today=today) == 1
    assert [t.title for t in followups.list_followups(db, source_kind="visit", source_id=1)] == ["ارسال گزارش سفر"]
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
    assert [a.id for a in attachments.list_attachments(db, owner_kind="agreement", owner_id=7)] == [first.id]
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
