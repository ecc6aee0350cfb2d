"""Files of an agenda item and of a resolution's log entry: stored once the record accepts them."""

from __future__ import annotations

import pytest

from qazvin_diplomacy.core.directory import OrganizationInput
from qazvin_diplomacy.core.errors import KnownError, NotFoundError
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.meetings import (
    AgendaItemInput,
    MeetingInput,
    ResolutionInput,
    ResolutionLogInput,
    SeriesInput,
)
from qazvin_diplomacy.services import meetings as svc
from qazvin_diplomacy.services.directory import save_organization


@pytest.fixture
def meeting(db):
    series = svc.save_series(db, series=SeriesInput("کارگروه توسعه صادرات غیرنفتی"))
    return svc.save_meeting(
        db,
        meeting=MeetingInput(
            series_id=series.id,
            meeting_date=from_jalali(1404, 8, 3),
            agenda=(AgendaItemInput("گزارش سفر تیم تجاری به تاجیکستان"),),
        ),
    )


def test_agenda_item_files_are_refused_on_an_archived_or_locked_meeting(db, meeting, tmp_path):
    scan = tmp_path / "گزارش.pdf"
    scan.write_bytes(b"%PDF-1.4 report")
    item = meeting.agenda[0].id
    stored = svc.add_agenda_attachment(db, agenda_item_id=item, source=scan, description="گزارش")
    assert [a.id for a in svc.list_agenda_attachments(db, agenda_item_id=item)] == [stored.id]
    with pytest.raises(NotFoundError):
        svc.add_agenda_attachment(db, agenda_item_id=item + 999, source=scan)
    held = svc.set_meeting_status(db, meeting_id=meeting.id, status="held", version=meeting.version)
    svc.approve_minutes(db, meeting_id=meeting.id, version=held.version)
    with pytest.raises(KnownError, match="قفل"):
        svc.add_agenda_attachment(db, agenda_item_id=item, source=scan)
    svc.archive_meeting(db, meeting_id=meeting.id)
    with pytest.raises(KnownError, match="بایگانی"):
        svc.add_agenda_attachment(db, agenda_item_id=item, source=scan)
    assert len(svc.list_agenda_attachments(db, agenda_item_id=item)) == 1


def test_log_entry_files(db, meeting, tmp_path):
    chamber = save_organization(db, org=OrganizationInput("اتاق بازرگانی قزوین"))
    resolution = svc.save_resolution(
        db, resolution=ResolutionInput(meeting.id, "گزارش", responsible_org_id=chamber.id)
    )
    entry = svc.add_log_entry(
        db,
        entry=ResolutionLogInput(
            resolution.id, "letter_sent", from_jalali(1404, 8, 5), "۱۴۰۴/ب‌م/۱۲"
        ),
    )
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4 letter")
    stored = svc.add_log_attachment(db, log_id=entry.id, source=letter)
    assert [a.id for a in svc.list_log_attachments(db, log_id=entry.id)] == [stored.id]
    with pytest.raises(NotFoundError):
        svc.add_log_attachment(db, log_id=entry.id + 999, source=letter)
    assert len(svc.list_log_attachments(db, log_id=entry.id)) == 1
