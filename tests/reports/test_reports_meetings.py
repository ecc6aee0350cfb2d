"""The secretariat's printouts read back: minutes (PDF and .docx), status report, letters to the bodies."""

from __future__ import annotations

from datetime import time

import docx
import pytest

from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.meetings import (
    AgendaItemInput,
    AttendeeInput,
    Frequency,
    MeetingInput,
    ResolutionInput,
    SeriesInput,
    SeriesRecurrence,
)
from qazvin_diplomacy.reports.catalog import render_report
from qazvin_diplomacy.services import meetings as svc
from qazvin_diplomacy.services.directory import save_organization, save_person
from qazvin_diplomacy.services.letters import list_letters


@pytest.fixture
def council(db):
    """The dialogue council's 107th session with two resolutions, one of them overdue."""
    chamber = save_organization(db, org=OrganizationInput("اتاق بازرگانی قزوین"))
    industry = save_organization(db, org=OrganizationInput("سازمان صنعت، معدن و تجارت استان قزوین"))
    governor = save_person(db, person=PersonInput("محمد نوذری", title_fa="استاندار قزوین"))
    series = svc.save_series(
        db,
        series=SeriesInput(
            "شورای گفت‌وگوی دولت و بخش خصوصی استان قزوین",
            chair_person_id=governor.id,
            venue="استانداری قزوین",
            recurrence=SeriesRecurrence(Frequency.MONTHLY_WEEKDAY, weekday=0, nth=1),
            first_number=107,
        ),
    )
    meeting = svc.save_meeting(
        db,
        meeting=MeetingInput(
            series_id=series.id,
            meeting_date=from_jalali(1404, 8, 3),
            start_time=time(11, 0),
            attendees=(
                AttendeeInput(person_id=governor.id),
                AttendeeInput(name_text="رئیس اتاق بازرگانی", organization_id=chamber.id),
                AttendeeInput(
                    name_text="رئیس سازمان صمت",
                    organization_id=industry.id,
                    attendance="represented",
                    represented_by_text="معاون بازرگانی",
                ),
                AttendeeInput(name_text="مدیرکل گمرک", attendance="absent"),
            ),
            agenda=(
                AgendaItemInput(
                    "دیپلماسی اقتصادی و توسعهٔ صادرات",
                    presenter_person_id=governor.id,
                    notes="تشکیل کنسرسیوم صادراتی و دبیرخانهٔ دیپلماسی اقتصادی مطرح شد.",
                ),
            ),
        ),
    )
    late = svc.save_resolution(
        db,
        resolution=ResolutionInput(
            meeting.id,
            "تشکیل کنسرسیوم صادراتی استان",
            responsible_org_id=chamber.id,
            deadline=from_jalali(1404, 9, 1),
        ),
    )
    roadmap = svc.save_resolution(
        db,
        resolution=ResolutionInput(
            meeting.id,
            "تدوین نقشه راه عملیاتی صادرات و بازاریابی",
            responsible_org_id=industry.id,
            co_responsible_org_ids=(chamber.id,),
            deadline=from_jalali(1499, 1, 15),
        ),
    )
    return db, meeting, late, roadmap, chamber


def _text(pdf_reader, path) -> str:
    """The PDF's text in reading order; ZWNJ is not drawn, so it is dropped (here and in
    what a test looks for: ``_has``)."""
    return "\n".join(" ".join(b.logical for b in line) for line in pdf_reader(path))


def _has(text: str, expected: str) -> bool:
    return expected.replace("\u200c", "") in text


def test_minutes_pdf_reads_back(council, tmp_path, pdf_reader) -> None:
    db, meeting, *_ = council
    out = render_report("minutes", db, tmp_path / "m.pdf", meeting=str(meeting.id))
    text = _text(pdf_reader, out)
    for expected in (
        "صورتجلسهٔ جلسهٔ ۱۰۷",
        "شورای گفت‌وگوی دولت و بخش خصوصی",
        "۳ آبان ۱۴۰۴",
        "محمد نوذری",
        "نماینده: معاون بازرگانی",
        "غایب",
        "دیپلماسی اقتصادی و توسعهٔ صادرات",
        "۱۰۷/۱",
        "۱۰۷/۲",
        "تشکیل کنسرسیوم صادراتی استان",
        "امضای حاضران",
        "پیش‌نویس",
    ):
        assert _has(text, expected), expected


def test_minutes_docx_reads_back(council, tmp_path) -> None:
    db, meeting, *_ = council
    out = render_report("minutes", db, tmp_path / "m.docx", meeting=meeting.id)
    document = docx.Document(str(out))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    paragraphs = [p.text for p in document.paragraphs]
    everything = "\n".join(paragraphs + cells)
    assert "صورتجلسهٔ جلسهٔ ۱۰۷" in everything
    assert "تدوین نقشه راه عملیاتی صادرات و بازاریابی" in cells
    assert "۱۰۷/۲" in cells


def test_minutes_docx_has_its_title_once_and_every_word_fits_its_column(council, tmp_path) -> None:
    """Word lays the tables out as the PDF does: no «ردی / ف» or «۱۴۰۴/۰۹/۱ / ۲» cut
    mid-word in a column sized for the PDF's smaller cell padding and font."""
    from docx.oxml.ns import qn

    from qazvin_diplomacy.reports.fonts import FONT_BOLD, FONT_REGULAR
    from qazvin_diplomacy.reports.minutes import title_of
    from qazvin_diplomacy.reports.rtl import text_width
    from qazvin_diplomacy.services.meetings import minutes_data

    db, meeting, *_ = council
    out = render_report("minutes", db, tmp_path / "m.docx", meeting=meeting.id)
    document = docx.Document(str(out))
    title = title_of(minutes_data(db, meeting_id=meeting.id))
    assert [p.text for p in document.paragraphs].count(title) == 1
    marks = str.maketrans("", "", "\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069")
    checked = 0
    for table in document.tables:
        margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
        sides = (
            [int(margins.find(qn(f"w:{s}")).get(qn("w:w"))) / 20 for s in ("left", "right")]
            if margins is not None
            else [5.4, 5.4]  # Word's default
        )
        for r, row in enumerate(table.rows):
            for cell in row.cells:
                room = cell.width.pt - sum(sides)
                runs = [run for p in cell.paragraphs for run in p.runs]
                size = runs[0].font.size.pt if runs and runs[0].font.size else 11.0
                font = FONT_BOLD if r == 0 else FONT_REGULAR
                for word in cell.text.translate(marks).split():
                    assert text_width(word, font, size) <= room, (word, room)
                    checked += 1
    assert checked > 20


def test_the_minutes_name_each_agenda_items_files(council, tmp_path, pdf_reader) -> None:
    db, meeting, *_ = council
    item_id = meeting.agenda_rows[0].id
    for name in ("consortium-plan.pdf", "گزارش سفر"):
        (tmp_path / name).write_bytes(b"%PDF-1.4 scan")
        svc.add_agenda_attachment(db, agenda_item_id=item_id, source=tmp_path / name)
    text = _text(pdf_reader, render_report("minutes", db, tmp_path / "m.pdf", meeting=meeting.id))
    assert _has(text, "پیوست‌ها:") and "consortium-plan.pdf" in text and "گزارش سفر" in text
    out = render_report("minutes", db, tmp_path / "m.docx", meeting=meeting.id)
    embeds = str.maketrans("", "", "\u202a\u202b\u202c")  # the writer's direction marks
    paragraphs = [p.text.translate(embeds) for p in docx.Document(str(out)).paragraphs]
    assert [p for p in paragraphs if p.startswith("پیوست")] == [
        "پیوست‌ها: consortium-plan.pdf، گزارش سفر"
    ]


def test_status_report_groups_by_body_with_days_overdue(
    council, tmp_path, pdf_reader, monkeypatch
) -> None:
    db, _meeting, late, _roadmap, chamber = council
    from qazvin_diplomacy.reports import resolutions_status

    monkeypatch.setattr(resolutions_status, "today_local", lambda: from_jalali(1404, 9, 11))
    out = render_report("resolutions", db, tmp_path / "s.pdf", status="overdue")
    text = _text(pdf_reader, out)
    assert _has(text, "اتاق بازرگانی قزوین") and _has(text, "تشکیل کنسرسیوم صادراتی استان")
    assert "۱۰" in text  # 1 Azar → 11 Azar
    assert "نقشه راه" not in text  # not overdue
    everything = render_report("resolutions", db, tmp_path / "all.pdf", body=str(chamber.id))
    assert "نقشه راه" not in _text(pdf_reader, everything)  # co-responsible only


def test_status_report_refuses_a_bad_status_and_leaves_no_file(council, tmp_path) -> None:
    from qazvin_diplomacy.core.errors import KnownError

    db, *_ = council
    with pytest.raises(KnownError, match="overdue"):
        render_report("resolutions", db, tmp_path / "s.pdf", status="late")
    assert not (tmp_path / "s.pdf").exists()


def test_letters_one_per_body_numbered_and_logged(council, tmp_path, pdf_reader) -> None:
    db, meeting, late, roadmap, chamber = council
    out = render_report("resolution-letters", db, tmp_path / "l.pdf", meeting=meeting.id)
    letters = list_letters(db)
    assert sorted(v.addressee for v in letters) == sorted(
        ["اتاق بازرگانی قزوین", "سازمان صنعت، معدن و تجارت استان قزوین"]
    )
    text = _text(pdf_reader, out)
    assert _has(text, "ابلاغ مصوبات جلسهٔ ۱۰۷") and _has(text, "مصوبهٔ ۱۰۷/۱")
    numbers = {v.number for v in letters}
    log = svc.list_log(db, resolution_id=late.id)
    assert [e.kind for e in log] == ["letter_sent"] and log[0].letter_number in numbers
    # The roadmap is logged in both bodies' letters (responsible and co-responsible).
    assert len(svc.list_log(db, resolution_id=roadmap.id)) == 2
    # Printing again (as Word) keeps the numbers and logs nothing new.
    again = render_report("resolution-letters", db, tmp_path / "l.docx", meeting=meeting.id)
    assert {v.number for v in list_letters(db)} == numbers
    assert len(svc.list_log(db, resolution_id=late.id)) == 1
    body = "\n".join(p.text for p in docx.Document(str(again)).paragraphs)
    assert "تشکیل کنسرسیوم صادراتی استان" in body
    assert chamber.name_fa in body


def test_an_earlier_approved_version_prints_as_approved(council, tmp_path, pdf_reader) -> None:
    from dataclasses import replace

    from qazvin_diplomacy.core.errors import KnownError
    from qazvin_diplomacy.core.meetings import AgendaItemInput

    db, meeting, *_ = council
    held = svc.set_meeting_status(db, meeting_id=meeting.id, status="held")
    svc.approve_minutes(db, meeting_id=meeting.id, version=held.version)
    reopened = svc.start_correction(db, meeting_id=meeting.id, reason="محل جلسه اشتباه بود")
    view = svc.get_meeting(db, meeting_id=meeting.id)
    corrected = MeetingInput(
        series_id=view.series_id,
        meeting_date=view.meeting_date,
        number=view.number,
        start_time=view.start_time,
        venue="اتاق بازرگانی قزوین، سالن همایش",
        chair_person_id=view.chair_person_id,
        attendees=view.attendees,
        agenda=tuple(
            AgendaItemInput(a.title, a.presenter_person_id, notes=a.notes, id=a.id)
            for a in view.agenda
        ),
        id=view.id,
        version=reopened.version,
    )
    svc.save_meeting(db, meeting=replace(corrected))
    first = _text(
        pdf_reader, render_report("minutes", db, tmp_path / "v1.pdf", meeting=meeting.id, version=1)
    )
    now = _text(pdf_reader, render_report("minutes", db, tmp_path / "now.pdf", meeting=meeting.id))
    assert _has(first, "محل: استانداری قزوین") and _has(first, "وضعیت صورتجلسه: تأییدشده")
    assert _has(first, "تشکیل کنسرسیوم صادراتی استان")
    assert _has(now, "سالن همایش") and _has(now, "نسخهٔ ۲") and _has(now, "پیش‌نویس")
    with pytest.raises(KnownError, match="۲"):
        render_report("minutes", db, tmp_path / "v2.pdf", meeting=meeting.id, version=2)
    assert not (tmp_path / "v2.pdf").exists()
