"""The office's stored rank table (services.rank_table) used by every guest ordering, and the
event status workflow enforced by services.events."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.core.errors import StaleRecordError, ValidationError
from qazvin_diplomacy.core.events import EventInput, EventKind, EventStatus, Rsvp
from qazvin_diplomacy.core.precedence import DEFAULT_RANK_TABLE, RankRow, default_rank_rows
from qazvin_diplomacy.core.recurrence import PANJAH_BEDAR
from qazvin_diplomacy.core.seating import TableSpec
from qazvin_diplomacy.reports.catalog import render_report
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import events as svc
from qazvin_diplomacy.services import rank_table as ranks
from qazvin_diplomacy.storage.rank_table import RankEntry

# Other guests: by the default table the director-general (40) precedes the chamber's
# president (50) and the mayor (55).
GUESTS = (
    ("شهردار قزوین", "Mayor of Qazvin", "Zorro Mayor"),
    ("مدیرکل میراث فرهنگی", "Director-General of Heritage", "Yasmin Director"),
    ("رئیس اتاق بازرگانی", "President of the Chamber", "Xavier President"),
)
OFFICE_TABLE = [
    RankRow("شهردار", "۱", "شهردار مرکز استان پیش از همه"),
    RankRow("رئیس اتاق", 2),
    RankRow("مدیرکل", 3),
]


@pytest.fixture
def party(db):
    """A planned event with three non-diplomatic guests who accepted; (db, event id, ids)."""
    ids = {}
    for title_fa, title_en, name_en in GUESTS:
        person = directory.save_person(
            db,
            person=PersonInput(
                name_fa=f"آقای {title_fa.split()[0]}",
                name_en=name_en,
                title_fa=title_fa,
                title_en=title_en,
            ),
        )
        ids[name_en] = person.id
    event = svc.save_event(db, event=_event())
    svc.invite_people(db, event_id=event.id, person_ids=list(ids.values()))
    for guest in svc.list_guests(db, event_id=event.id):
        svc.record_rsvp(db, guest_id=guest.id, rsvp=Rsvp.YES)
    return db, event.id, ids


def _event(**changes) -> EventInput:
    event = EventInput(
        title_fa="ضیافت شام",
        title_en="Dinner",
        kind=EventKind.CEREMONY,
        status=EventStatus.PLANNED,
        start_date=date(2025, 5, 9),
        start_time=time(19, 0),
        recurrence=PANJAH_BEDAR,
    )
    return replace(event, **changes)


def names(guest_list) -> list[str]:
    return [g.name_en for g in guest_list.guests]


def test_no_stored_table_means_the_default(db):
    table = ranks.get_rank_table(db)
    assert table.is_default and table.rows == default_rank_rows()
    assert table.as_mapping() == DEFAULT_RANK_TABLE


def test_a_table_saved_by_someone_else_meanwhile_is_not_overwritten(db):
    mine = ranks.get_rank_table(db)  # the default: nothing stored yet
    theirs = ranks.save_rank_table(db, entries=OFFICE_TABLE, expected_stamp=mine.stamp)
    assert theirs.stamp and theirs.stamp != mine.stamp
    with pytest.raises(StaleRecordError):
        ranks.save_rank_table(db, entries=[RankRow("Mayor", 9)], expected_stamp=mine.stamp)
    with pytest.raises(StaleRecordError):
        ranks.reset_rank_table(db, expected_stamp=mine.stamp)
    assert ranks.get_rank_table(db) == theirs  # untouched
    again = ranks.save_rank_table(db, entries=[RankRow("Mayor", 9)], expected_stamp=theirs.stamp)
    assert again.stamp != theirs.stamp
    assert ranks.reset_rank_table(db, expected_stamp=again.stamp).is_default


def test_save_replaces_the_whole_table_in_row_order_and_reset_forgets_it(db):
    saved = ranks.save_rank_table(db, entries=OFFICE_TABLE)
    assert not saved.is_default
    assert [(r.title, r.order, r.note) for r in saved.rows] == [
        ("شهردار", 1, "شهردار مرکز استان پیش از همه"),
        ("رئیس اتاق", 2, ""),
        ("مدیرکل", 3, ""),
    ]
    again = ranks.save_rank_table(db, entries=[RankRow("Mayor", 9), RankRow("شهردار", 4)])
    assert [(r.title, r.order) for r in again.rows] == [("Mayor", 9), ("شهردار", 4)]
    assert ranks.get_rank_table(db) == again
    assert ranks.reset_rank_table(db).is_default
    assert ranks.get_rank_table(db).is_default
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(RankEntry)) == 0


def test_invalid_rows_are_refused_per_row_and_nothing_is_saved(db):
    ranks.save_rank_table(db, entries=OFFICE_TABLE)
    bad = [RankRow("شهردار", 1), RankRow("", 2), RankRow("شهر دار", "x"), RankRow("مدیر", "0")]
    with pytest.raises(ValidationError) as info:
        ranks.save_rank_table(db, entries=bad)
    assert set(info.value.errors) == {
        "entries.1.title",
        "entries.2.title",
        "entries.2.order",
        "entries.3.order",
    }
    assert "ردیف ۱" in info.value.errors["entries.2.title"]
    with pytest.raises(ValidationError) as empty:
        ranks.save_rank_table(db, entries=[])
    assert "بازنشانی" in empty.value.errors["entries"]
    assert [r.title for r in ranks.get_rank_table(db).rows] == ["شهردار", "رئیس اتاق", "مدیرکل"]


def test_the_stored_table_orders_every_guest_list(party):
    db, event_id, ids = party
    default_order = ["Yasmin Director", "Xavier President", "Zorro Mayor"]
    office_order = ["Zorro Mayor", "Xavier President", "Yasmin Director"]
    assert names(svc.precedence_list(db, event_id=event_id)) == default_order
    ranks.save_rank_table(db, entries=OFFICE_TABLE)
    assert names(svc.precedence_list(db, event_id=event_id)) == office_order
    assert names(svc.precedence_list(db, event_id=event_id, rsvp=Rsvp.YES)) == office_order
    # An explicit table still wins over the stored one.
    explicit = svc.precedence_list(db, event_id=event_id, rank_table=DEFAULT_RANK_TABLE)
    assert names(explicit) == default_order
    assert [b.name_en for b in svc.badges(db, event_id=event_id)] == office_order
    assert [c.name_en for c in svc.place_cards(db, event_id=event_id)] == office_order
    letters = svc.invitation_letters(db, event_id=event_id)
    assert [letter.guest.name_en for letter in letters] == office_order
    seating = svc.save_seating(db, event_id=event_id, tables=[TableSpec(1, 4)])
    seated = [s.guest.name_en for t in seating.tables for s in t.seats if s.guest is not None]
    assert seated[0] == "Zorro Mayor", seated
    ranks.reset_rank_table(db)
    assert names(svc.precedence_list(db, event_id=event_id)) == default_order


def test_a_saved_table_changes_the_printed_guest_list(party, tmp_path):
    db, event_id, _ids = party

    def printed_order(name: str) -> list[str]:
        pdf = render_report("event-guests", db, tmp_path / name, event=event_id)
        text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        found = {n: text.find(n.split()[0]) for _fa, _en, n in GUESTS}
        assert all(i >= 0 for i in found.values()), found
        return sorted(found, key=found.__getitem__)

    assert printed_order("default.pdf") == ["Yasmin Director", "Xavier President", "Zorro Mayor"]
    ranks.save_rank_table(db, entries=OFFICE_TABLE)
    assert printed_order("office.pdf") == ["Zorro Mayor", "Xavier President", "Yasmin Director"]


# --- status workflow in the service ---------------------------------------------------------


def test_forbidden_status_change_is_refused_on_the_status_field(db):
    event = svc.save_event(db, event=_event(status=EventStatus.DRAFT))
    with pytest.raises(ValidationError) as info:
        svc.save_event(
            db,
            event=replace(
                _event(status=EventStatus.HELD, title_fa="عنوان تازه"),
                id=event.id,
                version=event.version,
            ),
        )
    assert (
        "«پیش‌نویس»" in info.value.errors["status"] and "«برگزارشده»" in info.value.errors["status"]
    )
    kept = svc.get_event(db, event.id)
    assert kept.status is EventStatus.DRAFT and kept.title_fa == "ضیافت شام"
    with pytest.raises(ValidationError):
        svc.set_event_status(
            db, event_id=event.id, version=kept.version, status=EventStatus.INVITING
        )
    assert svc.get_event(db, event.id).status is EventStatus.DRAFT


def test_allowed_status_changes_walk_the_workflow(db):
    event = svc.save_event(db, event=_event(status=EventStatus.DRAFT))
    for status in (
        EventStatus.PLANNED,
        EventStatus.INVITING,
        EventStatus.POSTPONED,
        EventStatus.PLANNED,
        EventStatus.CANCELLED,
        EventStatus.DRAFT,
    ):
        event = svc.set_event_status(db, event_id=event.id, version=event.version, status=status)
        assert event.status is status
    event = svc.save_event(
        db, event=replace(_event(status=EventStatus.PLANNED), id=event.id, version=event.version)
    )
    event = svc.set_event_status(
        db, event_id=event.id, version=event.version, status=EventStatus.HELD
    )
    # Held is final, but other fields of a held event may still be corrected.
    fixed = svc.save_event(
        db,
        event=replace(
            _event(status=EventStatus.HELD, venue="تالار"), id=event.id, version=event.version
        ),
    )
    assert fixed.status is EventStatus.HELD and fixed.venue == "تالار"
    with pytest.raises(ValidationError) as info:
        svc.set_event_status(
            db, event_id=event.id, version=fixed.version, status=EventStatus.CANCELLED
        )
    assert "«برنامه‌ریزی‌شده»" in info.value.errors["status"]
    # The one way back: a wrong "held" is undone, with a reason kept in the history.
    with pytest.raises(ValidationError) as info:
        svc.set_event_status(
            db, event_id=event.id, version=fixed.version, status=EventStatus.PLANNED
        )
    assert "دلیل لغو «برگزارشده»" in info.value.errors["status"]
    assert svc.get_event(db, event.id).status is EventStatus.HELD
    undone = svc.set_event_status(
        db,
        event_id=event.id,
        version=fixed.version,
        status=EventStatus.PLANNED,
        status_reason="  به اشتباه ثبت شد ",
    )
    assert undone.status is EventStatus.PLANNED
    assert [(u.old_status, u.new_status, u.reason) for u in undone.log] == [
        (EventStatus.HELD, EventStatus.PLANNED, "به اشتباه ثبت شد")
    ]


def test_undoing_held_through_the_form_save_needs_a_reason_and_keeps_it(db):
    event = svc.save_event(db, event=_event(status=EventStatus.HELD))
    back = replace(event, status=EventStatus.PLANNED, venue="تالار")
    with pytest.raises(ValidationError) as info:
        svc.save_event(db, event=back)
    assert "دلیل" in info.value.errors["status"]
    kept = svc.get_event(db, event.id)
    assert kept.status is EventStatus.HELD and kept.venue != "تالار" and kept.log == ()
    saved = svc.save_event(db, event=back, status_reason="تاریخ جابه‌جا شد")
    assert saved.status is EventStatus.PLANNED and saved.venue == "تالار"
    assert [u.reason for u in svc.get_event(db, event.id).log] == ["تاریخ جابه‌جا شد"]
    again = svc.save_event(db, event=replace(saved, venue="سالن"))  # no undo: no reason needed
    assert again.log == saved.log


def test_a_future_event_cannot_be_marked_held(db):
    day_before = _event().start_date - timedelta(days=1)
    event = svc.save_event(db, event=_event(), today=day_before)
    with pytest.raises(ValidationError) as info:
        svc.set_event_status(
            db, event_id=event.id, version=event.version, status=EventStatus.HELD, today=day_before
        )
    assert "هنوز برگزار نشده" in info.value.errors["status"]
    with pytest.raises(ValidationError) as info:
        svc.save_event(
            db,
            event=replace(event, status=EventStatus.HELD, venue="تالار"),
            today=day_before,
        )
    assert "هنوز برگزار نشده" in info.value.errors["status"]
    with pytest.raises(ValidationError):
        svc.save_event(db, event=_event(status=EventStatus.HELD), today=day_before)
    kept = svc.get_event(db, event.id)
    assert kept.status is EventStatus.PLANNED and kept.venue != "تالار"
    held = svc.set_event_status(
        db,
        event_id=event.id,
        version=kept.version,
        status=EventStatus.HELD,
        today=_event().start_date,
    )
    assert held.status is EventStatus.HELD


def test_new_events_may_start_in_any_status_and_copies_start_as_drafts(db):
    held = svc.save_event(db, event=_event(status=EventStatus.HELD))
    assert held.status is EventStatus.HELD
    copy = svc.copy_to_next_year(db, event_id=held.id)
    assert copy.status is EventStatus.DRAFT
    planned = svc.set_event_status(
        db, event_id=copy.id, version=copy.version, status=EventStatus.PLANNED
    )
    assert planned.status is EventStatus.PLANNED
