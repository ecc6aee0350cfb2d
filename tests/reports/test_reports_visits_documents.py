"""Weekly agenda, daily programme, visit dossier and itinerary, built from the demo and read back."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_reports_visits_register import column_streams

from qazvin_diplomacy.core.errors import KnownError, NotFoundError
from qazvin_diplomacy.core.jalali import format_jalali, week_range
from qazvin_diplomacy.core.visits import GuestEntry, VisitInput, VisitStatus
from qazvin_diplomacy.reports import daily_programme as daily_module
from qazvin_diplomacy.reports import dossier_sections
from qazvin_diplomacy.reports import weekly_agenda as agenda_module
from qazvin_diplomacy.reports.catalog import render_report
from qazvin_diplomacy.reports.fonts import MissingGlyphError
from qazvin_diplomacy.reports.page import MARGIN_X
from qazvin_diplomacy.services.directory import get_person, list_people, save_person
from qazvin_diplomacy.services.visit_reports import ProfileSection, visit_dossier, weekly_agenda
from qazvin_diplomacy.services.visits import get_visit, list_visits, save_visit, visits_between

TODAY = dt.date(2026, 11, 24)  # Tuesday 1405/09/03
PRINTED = dt.datetime(2026, 11, 24, 10, 30)
BIO = "دانش‌آموختهٔ اقتصاد از دانشگاه کابل و پیش‌تر رایزن بازرگانی در 3 کشور؛ به زبان‌های پشتو و فارسی سخن می‌گوید."


def _words(text: str) -> list[str]:
    """Words as drawn (no ZWNJ), without the punctuation that ends a clause."""
    return [w.strip("؛،") for w in text.replace("\u200c", "").split()]


def _d(text: str) -> str:
    """``text`` as drawn (ZWNJ steers joining and is not drawn)."""
    return text.replace("\u200c", "")


def _contains(lines: list[str], phrase: str) -> bool:
    """Whether the words of ``phrase`` occur, contiguously, inside one line."""
    want = _words(phrase)
    for line in lines:
        got = _words(line)
        if any(got[i : i + len(want)] == want for i in range(len(got) - len(want) + 1)):
            return True
    return False


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_database):
    """The demo database, today fixed, plus a new visit of the Afghan chargé d'affaires."""
    from qazvin_diplomacy.storage.database import Database

    db = Database.open(
        demo_database(tmp_path_factory.mktemp("docs") / "office.sqlite3", today=TODAY)
    )
    held = next(v for v in list_visits(db) if "افغانستان" in v.title)
    cda = get_person(db, held.guests[0].id)
    save_person(db, person=replace(cda, biography=BIO))
    start = dt.datetime(2026, 12, 1, 9, 0)
    again = save_visit(
        db,
        visit=VisitInput(
            title="دیدار دوباره کاردار افغانستان",
            start_at=start,
            end_at=start + dt.timedelta(hours=2),
            status=VisitStatus.PLANNED,
            guests=(GuestEntry(cda.id),),
            hosts=(held.hosts[0].id,),
        ),
        conflict_reason="آزمون",
    )
    yield db, held, again
    db.close()


def _lines(pdf_reader, path: Path, *, ltr: bool = False) -> list[str]:
    return [
        b.logical_ltr if ltr else b.logical for page in pdf_reader(path, split_gap=7) for b in page
    ]


def test_weekly_agenda_shows_every_day_in_order_with_the_visits(demo, tmp_path, pdf_reader):
    db, _held, _again = demo
    out = tmp_path / "week.pdf"
    render_report("weekly-agenda", db, out, week="1405/09/03", printed_at=PRINTED)
    lines = _lines(pdf_reader, out)
    start, end = week_range(TODAY)
    days = [start + dt.timedelta(days=i) for i in range(7)]
    headings = [_d(format_jalali(d, long=True, weekday=True)) for d in days]
    found = [next(i for i, line in enumerate(lines) if line.startswith(h)) for h in headings]
    assert found == sorted(found)  # Saturday first, Friday last
    assert lines[found[-1]] == headings[-1] + " — تعطیل"
    expected = visits_between(db, start=start, end=end)
    assert len(expected) >= 3
    empty_days = sum(1 for d in days if not any(v.start_at.date() == d for v in expected))
    assert lines.count(_d(agenda_module.EMPTY_DAY)) == empty_days > 0
    titles = column_streams(out, agenda_module.WIDTHS)[1]
    assert _words(" ".join(titles)) == [w for v in expected for w in _words(v.title)]
    assert "صفحه ۱ از ۱" in lines


def test_weekly_agenda_marks_official_holidays(demo, tmp_path, pdf_reader):
    db, _held, _again = demo
    agenda = weekly_agenda(db, day=dt.date(2026, 3, 21))  # 1405/01/01, Nowruz
    assert [d.holiday for d in agenda.days if d.holiday] == ["نوروز"] * 4
    out = tmp_path / "nowruz.pdf"
    render_report("weekly-agenda", db, out, week=dt.date(2026, 3, 21), printed_at=PRINTED)
    assert "شنبه ۱ فروردین ۱۴۰۵ — تعطیل رسمی (نوروز)" in _lines(pdf_reader, out)


def test_daily_programme_lists_items_with_times_places_and_staff(demo, tmp_path, pdf_reader):
    db, _held, _again = demo
    out = tmp_path / "day.pdf"
    render_report("daily-programme", db, out, date="۱۴۰۵/۰۹/۰۳", printed_at=PRINTED)
    times, items, guests, places, staff, notes = column_streams(out, daily_module.WIDTHS)
    todays = visits_between(db, start=TODAY, end=TODAY, include_cancelled=False)
    expected_items = []
    expected_guests = []
    for summary in todays:
        for item in get_visit(db, summary.id).itinerary:
            expected_items.append((item, summary.title))
            expected_guests.extend(_words(summary.guest_names()))
    assert expected_items and expected_guests
    # who attends: each item's row names the guests of its visit (not folded into «برنامه»)
    assert _words(" ".join(guests)) == expected_guests
    assert not any("مهمانان:" in t for t in items)
    assert times == [
        f"{format_jalali(i.start_at)[:0]}{i.start_at:%H:%M} تا {i.end_at:%H:%M}".translate(
            str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
        )
        for i, _t in expected_items
    ]
    # the visit under each item, labelled «دیدار:» unless its title already says «دیدار …»
    want = [
        w
        for i, title in expected_items
        for w in _words(i.activity)
        + _words(title if title.startswith("دیدار") else "دیدار: " + title)
    ]
    assert not any("دیدار: دیدار" in " ".join(_words(t)) for t in [" ".join(items)])
    assert _words(" ".join(items)) == want
    assert _words(" ".join(places)) == [w for i, _t in expected_items for w in _words(i.place)]
    assert _words(" ".join(staff)) == [
        w for i, _t in expected_items for w in _words(i.responsible_text)
    ]
    assert "مترجم: مترجم عربی" in " ".join(notes)
    lines = _lines(pdf_reader, out)
    assert lines[0].startswith("استانداری قزوین") and "سه‌شنبه ۳ آذر ۱۴۰۵".replace("\u200c", "") in [
        w.replace("\u200c", "") for w in [" ".join(_words(line)[:4]) for line in lines]
    ]


def test_daily_programme_of_an_empty_day(demo, tmp_path, pdf_reader):
    db, _held, _again = demo
    out = tmp_path / "empty.pdf"
    render_report("daily-programme", db, out, date="1405/09/07", printed_at=PRINTED)
    assert _d(daily_module.EMPTY) in _lines(pdf_reader, out)


def test_dossier_has_guests_country_record_itinerary_checklist_and_gifts(
    demo, tmp_path, pdf_reader, monkeypatch
):
    db, held, again = demo
    extra = ProfileSection(
        "موافقت‌نامه‌ها", ("عنوان", "وضعیت"), (("تفاهم‌نامهٔ همکاری بازرگانی", "امضاشده"),)
    )
    sections = (*dossier_sections.COUNTRY_SECTIONS, lambda _db, _country, _visit: extra)
    monkeypatch.setattr(dossier_sections, "COUNTRY_SECTIONS", sections)
    out = tmp_path / "dossier.pdf"
    render_report("visit-dossier", db, out, visit=str(again.id), printed_at=PRINTED)
    lines = _lines(pdf_reader, out)
    cda = get_person(db, again.guests[0].person_id)
    assert f"جناب آقای {cda.name_fa} ({cda.name_en})" in lines
    text = " ".join(_words(" ".join(lines)))  # a wrapped paragraph's lines follow each other
    assert (
        " ".join(
            _words(f"{cda.title_fa}؛ سازمان: {cda.organization_name_fa}؛ نقش در هیئت: عضو هیئت")
        )
        in text
    )
    bio_lines = [line for line in lines if _words(line) and _words(line)[0] == "دانشآموختهٔ"]
    assert bio_lines  # the biography, read from its first line on, word for word:
    start = lines.index(bio_lines[0])
    bio = _words(BIO.replace("3", "۳"))
    assert _words(" ".join(lines[start : start + 3]))[: len(bio)] == bio
    # the country's record: the earlier (held) visit, its open follow-ups, the added section
    dossier = visit_dossier(db, visit_id=again.id)
    assert dossier.country is not None and [
        e.summary.id for e in dossier.country.earlier_visits
    ] == [held.id]
    assert _contains(lines, "سابقهٔ افغانستان در دفتر")
    assert _contains(lines, held.title) or _contains(lines, held.title.split(" درباره")[0])
    for task in dossier.country.open_followups:
        assert _contains(lines, task.title)
    assert len(dossier.country.open_followups) == 2
    assert _contains(lines, "تفاهم‌نامهٔ همکاری بازرگانی")
    # checklist: every item with its state; the gift given at the earlier visit
    visit = get_visit(db, again.id)
    for entry in visit.checklist:
        assert _contains(lines, f"{entry.key.label_fa}") and _contains(lines, entry.state.label_fa)
    assert dossier.earlier_gifts and _contains(lines, dossier.earlier_gifts[0].description)
    pages = PdfReader(str(out)).pages
    assert f"صفحه ۱ از {len(pages)}".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) in lines


def test_dossier_of_the_iraq_visit_shows_its_itinerary(demo, tmp_path, pdf_reader):
    db, _held, _again = demo
    iraq = next(v for v in list_visits(db) if "عراق" in v.title)
    out = tmp_path / "iraq.pdf"
    render_report("visit-dossier", db, out, visit=iraq.id, printed_at=PRINTED)
    lines = _lines(pdf_reader, out)
    detail = get_visit(db, iraq.id)
    for item in detail.itinerary:
        assert _contains(lines, item.activity)
    for guest in detail.guest_refs():
        assert _contains(lines, guest.name_fa)
    assert _contains(lines, "چک‌لیست تشریفات") and _contains(lines, "پرچم‌ها")


def _no_arabic_script(lines: list[str]) -> bool:
    return not any(unicodedata.bidirectional(ch) in ("AL", "R") for line in lines for ch in line)


def test_english_itinerary_has_english_names_and_gregorian_dates(demo, tmp_path, pdf_reader):
    db, _held, _again = demo
    iraq = next(v for v in list_visits(db) if "عراق" in v.title)
    out = tmp_path / "itinerary.pdf"
    render_report("itinerary", db, out, visit=iraq.id, lang="en", printed_at=PRINTED)
    pages = pdf_reader(out, split_gap=7)
    lines = [b.logical_ltr for page in pages for b in page]
    assert _no_arabic_script(lines)
    detail = get_visit(db, iraq.id)
    assert detail.title_en in lines
    for guest in detail.guest_refs():
        assert guest.name_en in lines and guest.title_en in lines
    assert "Tuesday 24 November 2026 (3 Azar 1405)" in lines
    for item in detail.itinerary:
        assert item.activity_en in lines and _contains(lines, item.place_en)
    assert "10:00 – 13:00" in lines
    assert "Page 1 of 1" in lines and "Qazvin Governorate — International Affairs Office" in lines
    heading = next(b for b in pages[0] if b.logical_ltr == "Tuesday 24 November 2026 (3 Azar 1405)")
    assert heading.x0 == pytest.approx(MARGIN_X, abs=1)  # left-aligned, not right


def test_itinerary_falls_back_to_persian_only_without_an_english_form(demo, tmp_path, pdf_reader):
    db, _held, _again = demo
    tajik = next(v for v in list_visits(db) if "تاجیکستان" in v.title)
    member = get_person(db, tajik.guests[1].id)
    save_person(db, person=replace(member, name_en=""))
    try:
        out = tmp_path / "tj.pdf"
        render_report("itinerary", db, out, visit=tajik.id, printed_at=PRINTED)
        lines = _lines(pdf_reader, out, ltr=True)
        assert member.name_fa.replace("\u200c", "") in [
            line.replace("\u200c", "") for line in lines
        ]
        assert tajik.guests[0].name_en in lines
    finally:
        save_person(db, person=replace(get_person(db, member.id), name_en=member.name_en))


def test_persian_and_bilingual_itineraries(demo, tmp_path, pdf_reader):
    db, _held, _again = demo
    tajik = next(v for v in list_visits(db) if "تاجیکستان" in v.title)
    detail = get_visit(db, tajik.id)
    fa = tmp_path / "fa.pdf"
    render_report("itinerary", db, fa, visit=tajik.id, lang="fa", printed_at=PRINTED)
    lines = _lines(pdf_reader, fa)
    assert _d("پنجشنبه ۵ آذر ۱۴۰۵ (۲۶ نوامبر ۲۰۲۶)") in lines and "صفحه ۱ از ۱" in lines
    both = tmp_path / "both.pdf"
    render_report("itinerary", db, both, visit=tajik.id, lang="both", printed_at=PRINTED)
    ltr = _lines(pdf_reader, both, ltr=True)
    rtl = _lines(pdf_reader, both)
    assert "Thursday 26 November 2026 (5 Azar 1405)" in ltr and "Page 1 of 1" in ltr
    assert "پنجشنبه ۵ آذر ۱۴۰۵ (۲۶ نوامبر ۲۰۲۶)" in rtl
    for item in detail.itinerary:
        assert _contains(ltr, item.activity_en.split()[0])
        assert _contains(rtl, item.activity.split()[0])


def test_every_glyph_is_drawn_with_the_embedded_vazirmatn(demo, tmp_path):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from test_reports_visits_register import _chars

    db, _held, again = demo
    out = tmp_path / "dossier.pdf"
    render_report("visit-dossier", db, out, visit=again.id, printed_at=PRINTED)
    fonts = {
        ch.fontname
        for page in extract_pages(str(out), laparams=LAParams(all_texts=True))
        for ch in _chars(page)
    }
    assert fonts and all("Vazirmatn" in f for f in fonts)
    for page in PdfReader(str(out)).pages:
        for font in page["/Resources"]["/Font"].values():
            name = str(font.get_object()["/BaseFont"])
            if "Vazirmatn" in name:  # embedded: a subset with its font file
                descriptor = font.get_object()["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor


def test_a_character_without_glyph_fails_loudly_and_leaves_no_file(demo, tmp_path):
    db, _held, again = demo
    visit = get_visit(db, again.id)
    save_visit(db, visit=replace(visit, title="دیدار 🎉 ویژه"), conflict_reason="آزمون")
    try:
        out = tmp_path / "glyph.pdf"
        with pytest.raises(MissingGlyphError):
            render_report("visit-dossier", db, out, visit=again.id)
        assert not list(tmp_path.iterdir())
    finally:
        fresh = get_visit(db, again.id)
        save_visit(db, visit=replace(fresh, title=visit.title), conflict_reason="آزمون")


def test_unknown_visit_and_bad_options(demo, tmp_path):
    db, _held, _again = demo
    with pytest.raises(NotFoundError):
        render_report("visit-dossier", db, tmp_path / "x.pdf", visit=99_999)
    with pytest.raises(KnownError, match="عدد نیست"):
        render_report("itinerary", db, tmp_path / "x.pdf", visit="abc")
    with pytest.raises(KnownError, match="کبیسه"):
        render_report("weekly-agenda", db, tmp_path / "x.pdf", week="1404/12/30")
    with pytest.raises(KnownError, match="وجود ندارد"):
        render_report("no-such-report", db, tmp_path / "x.pdf")
    with pytest.raises(KnownError, match="لازم است"):
        render_report("daily-programme", db, tmp_path / "x.pdf")
    assert not list(tmp_path.iterdir())
    assert list_people(db, limit=1)
