"""What visits got from agreements: attachments, a reference number, checklist owners and deadlines."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.core.errors import KnownError, NotFoundError, ValidationError
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.visits import (
    TEHRAN,
    ChecklistEntry,
    ChecklistItem,
    ChecklistState,
    GuestEntry,
    VisitFilter,
    VisitInput,
)
from qazvin_diplomacy.services import search as search_service
from qazvin_diplomacy.services import visits as svc
from qazvin_diplomacy.services.attachments import export_attachment, list_attachments
from qazvin_diplomacy.services.directory import save_person

DAY = from_jalali(1404, 8, 4)  # a Sunday


@pytest.fixture
def world(db):
    """A guest, a host official and a protocol officer."""

    def person(name_fa: str, name_en: str) -> int:
        view = save_person(db, person=PersonInput(name_fa, name_en))
        assert view.id is not None
        return view.id

    return {
        "db": db,
        "guest": person("کازوتوشی آیکاوا", "Kazutoshi Aikawa"),
        "host": person("استاندار قزوین", "Governor of Qazvin"),
        "officer": person("مسئول تشریفات", "Protocol officer"),
    }


def visit_input(w, **changes) -> VisitInput:
    visit = VisitInput(
        title="دیدار سفیر ژاپن با استاندار",
        start_at=datetime(DAY.year, DAY.month, DAY.day, 10, tzinfo=TEHRAN),
        end_at=datetime(DAY.year, DAY.month, DAY.day, 12, tzinfo=TEHRAN),
        guests=(GuestEntry(w["guest"]),),
        hosts=(w["host"],),
    )
    return replace(visit, **changes)


def count(db, table: str) -> int:
    with db.engine.connect() as conn:  # a connection of its own, on either database
        return conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()


def test_reference_number_is_saved_reloaded_and_searchable(world) -> None:
    db = world["db"]
    saved = svc.save_visit(db, visit=visit_input(world, reference_number=" ۱۴۰۴/ه/۷ "))
    assert svc.get_visit(db, saved.id).reference_number == "۱۴۰۴/ه/۷"
    other = svc.save_visit(
        db,
        visit=visit_input(
            world,
            title="دیدار کنسول",
            reference_number="۱۴۰۴/ه/۹",
            start_at=datetime(DAY.year, DAY.month, DAY.day, 14, tzinfo=TEHRAN),
            end_at=datetime(DAY.year, DAY.month, DAY.day, 15, tzinfo=TEHRAN),
        ),
    )
    for typed in ("۱۴۰۴/ه/۷", "1404/ه/7"):
        found = svc.list_visits(db, filters=VisitFilter(text=typed))
        assert [v.id for v in found] == [saved.id], typed
    hits = search_service.search(db, "۱۴۰۴/ه/۹", kinds=["visit"])
    assert [h.id for h in hits.hits] == [other.id]


def test_checklist_owner_and_deadline_round_trip(world) -> None:
    db = world["db"]
    deadline = from_jalali(1404, 8, 2)
    checklist = (
        ChecklistEntry(ChecklistItem.FLAGS, ChecklistState.DONE, owner_person_id=world["officer"]),
        ChecklistEntry(ChecklistItem.HOTEL, owner_text=" دفتر  تشریفات ", deadline=deadline),
    )
    saved = svc.save_visit(db, visit=visit_input(world, checklist=checklist))
    got = {c.key: c for c in svc.get_visit(db, saved.id).checklist}
    assert got[ChecklistItem.FLAGS].owner_person_id == world["officer"]
    assert got[ChecklistItem.FLAGS].owner_text == "" and got[ChecklistItem.FLAGS].deadline is None
    assert got[ChecklistItem.HOTEL].owner_text == "دفتر تشریفات"
    assert got[ChecklistItem.HOTEL].deadline == deadline
    detail = svc.get_visit(db, saved.id)
    assert detail.person(world["officer"]) is not None  # the owner is named with the visit
    # a later save clears them again
    cleared = replace(
        detail, checklist=tuple(ChecklistEntry(c.key, c.state) for c in detail.checklist)
    )
    svc.save_visit(db, visit=cleared)
    again = svc.get_visit(db, saved.id).checklist
    assert all(
        c.owner_text == "" and c.owner_person_id is None and c.deadline is None for c in again
    )


def test_checklist_owner_must_be_a_known_person(world) -> None:
    db = world["db"]
    checklist = (ChecklistEntry(ChecklistItem.FLAGS, owner_person_id=99999),)
    with pytest.raises(ValidationError) as caught:
        svc.save_visit(db, visit=visit_input(world, checklist=checklist))
    assert "checklist" in caught.value.errors
    assert count(db, "visit") == 0


def test_visit_attachment_is_stored_listed_and_exported(world, tmp_path: Path) -> None:
    db = world["db"]
    saved = svc.save_visit(db, visit=visit_input(world))
    letter = tmp_path / "دعوت‌نامه.pdf"
    letter.write_bytes(b"%PDF-1.4 invitation")
    view = svc.add_visit_attachment(db, visit_id=saved.id, source=letter, description="دعوت‌نامه")
    assert (view.owner_kind, view.owner_id) == ("visit", saved.id)
    # content-addressed: the same bytes twice are one stored file, two rows
    svc.add_visit_attachment(db, visit_id=saved.id, source=letter)
    assert [p.name for p in db.attachments_dir.rglob("*") if p.is_file()] == [view.sha256]
    assert [a.id for a in svc.list_visit_attachments(db, visit_id=saved.id)][0] == view.id
    # an agreement with the same id does not see the visit's files
    assert list_attachments(db, owner_kind="agreement", owner_id=saved.id) == []
    out = export_attachment(db, attachment_id=view.id, folder=tmp_path / "out")
    assert out.read_bytes() == b"%PDF-1.4 invitation"


def test_visit_attachment_guards(world, tmp_path: Path) -> None:
    db = world["db"]
    saved = svc.save_visit(db, visit=visit_input(world))
    big = tmp_path / "photos.zip"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(ValidationError) as caught:
        svc.add_visit_attachment(db, visit_id=saved.id, source=big, limit=1024)
    assert "حجم" in caught.value.errors["file"]
    with pytest.raises(ValidationError) as caught:
        svc.add_visit_attachment(db, visit_id=saved.id, source=tmp_path / "missing.pdf")
    assert "پیدا نشد" in caught.value.errors["file"]
    with pytest.raises(NotFoundError):
        svc.add_visit_attachment(db, visit_id=99999, source=big)
    svc.archive_visit(db, visit_id=saved.id, version=saved.version)
    small = tmp_path / "a.pdf"
    small.write_bytes(b"x")
    with pytest.raises(KnownError) as archived:
        svc.add_visit_attachment(db, visit_id=saved.id, source=small)
    assert "بایگانی" in str(archived.value)
    assert count(db, "attachment") == 0
    assert [p for p in db.attachments_dir.rglob("*") if p.is_file()] == []  # no partial copies
