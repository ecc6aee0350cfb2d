"""Official letters and Word output, read back: the PDF's letterhead, number block, signature and
«رونوشت»; the .docx's right-to-left flags, Persian font, digits and text order."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.reports.catalog import render_report
from qazvin_diplomacy.reports.docx import LRE, PDF_MARK, segments
from qazvin_diplomacy.reports.rtl import FORMAT_CHARS
from qazvin_diplomacy.services import events as events_svc
from qazvin_diplomacy.services import letters as svc

HOSTILE_SUBJECT = "بازدید از شرکت Alborz Steel (فاز ۲) در ساعت 10:30 — ۲۰٪ پیشرفت"
HOSTILE_BODY = (
    "پیرو هماهنگی‌ها، هیئت (Mr. Abdullah Nikzad) از شرکت Alborz Steel (فاز ۲) بازدید می‌کند؛ "
    "تلفن +98 28 3355 1234 و واژهٔ پیشگیری‌ناپذیرترینخواهرخواندگی‌هایبین‌المللی، «الله» و مُحَمَّد."
)
PHONE = "+98 28 3355 1234"
#: In Word the number's groups are joined by no-break spaces (never cut at a line end).
PHONE_BOUND = PHONE.replace(" ", "\u00a0")


def drawn(text: str) -> str:
    """``text`` as read back: no format characters, no white space."""
    return "".join(text.translate(dict.fromkeys(map(ord, FORMAT_CHARS))).split())


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_database):
    """The demo database with the office's signatory and telephone; the Panjah Bedar event."""
    from qazvin_diplomacy.storage.database import Database

    db = Database.open(
        demo_database(
            tmp_path_factory.mktemp("letters") / "office.sqlite3", today=from_jalali(1404, 1, 20)
        )
    )
    svc.save_office_settings(
        db,
        settings=replace(
            svc.get_office_settings(db),
            signatory_name="محمدنوید پرویزی",
            signatory_title="مدیرکل امور بین‌الملل",
            rsvp_phone=PHONE,
        ),
    )
    event_id = next(e.id for e in events_svc.list_events(db) if "پنجاه بدر ۱۴۰۴" in e.title_fa)
    yield db, event_id
    db.close()


def _letter(db, out: Path, **options) -> Path:
    base = {"addressee": "ریاست محترم اتاق بازرگانی قزوین", "subject": HOSTILE_SUBJECT,
            "body": HOSTILE_BODY, "cc": "بایگانی؛ دفتر نمایندگی وزارت امور خارجه"}  # fmt: skip
    base.update(options)
    return render_report("letter", db, out, **base)


def test_a_printed_letter_is_numbered_laid_out_and_kept(demo, tmp_path, pdf_reader):
    db, _event = demo
    before = svc.count_letters(db)
    pdf = _letter(db, tmp_path / "l.pdf")
    letter = svc.list_letters(db, limit=1)[0]
    assert svc.count_letters(db) == before + 1 and letter.printed_copies == 1
    assert svc.printed_copies(db, letter_id=letter.id)[0].size == pdf.stat().st_size
    boxes = [b for page in pdf_reader(pdf, split_gap=12) for b in page]
    lines = [b.logical for b in boxes]
    assert lines[0] == "بسمه تعالی"  # above everything
    text = "".join(drawn(t) for t in lines)
    for expected in (f"شماره:{letter.number}", "پیوست:ندارد", "استانداریقزوین", "موضوع:",
                     "محمدنویدپرویزی", "مدیرکلاموربین‌الملل", "رونوشت:", "بایگانی"):  # fmt: skip
        assert drawn(expected) in text, expected
    by_text = {drawn(b.logical): b for b in boxes}
    # The number block at the left, the emblem's letterhead at the right, the signatory left.
    number = next(b for b in boxes if drawn(b.logical).startswith("شماره"))
    head = by_text[drawn("استانداری قزوین")]
    assert number.x1 < head.x0
    signer = by_text[drawn("محمدنوید پرویزی")]
    assert signer.x1 < 300  # the left half of an A4 page (595 pt)
    # Reprinting the registered letter reuses its number and keeps another copy.
    render_report("letter", db, tmp_path / "again.pdf", letter=letter.id)
    again = svc.get_letter(db, letter_id=letter.id)
    assert again.number == letter.number and again.printed_copies == 2
    assert svc.count_letters(db) == before + 1


def test_a_thank_you_letter_is_written_from_the_linked_event(demo, tmp_path, pdf_reader):
    db, event_id = demo
    pdf = render_report("letter", db, tmp_path / "t.pdf", letter_type="thanks",
                        addressee="سفیر محترم جمهوری تاجیکستان", event=event_id)  # fmt: skip
    text = drawn("".join(b.logical for page in pdf_reader(pdf) for b in page))
    assert drawn("سپاس از حضور در") in text and drawn("صمیمانه سپاسگزاری") in text
    letter = svc.list_letters(db, limit=1)[0]
    assert (letter.link_kind.value, letter.link_id) == ("event", event_id)


def test_refused_letters_take_no_number_and_leave_no_file(demo, tmp_path):
    db, event_id = demo
    before = svc.count_letters(db)
    out = tmp_path / "x.pdf"
    with pytest.raises(KnownError):
        _letter(db, out, addressee="")
    with pytest.raises(KnownError):
        _letter(db, out, body="")
    with pytest.raises(KnownError) as caught:
        _letter(db, out, visit=1, event=event_id)
    assert "یک پرونده" in caught.value.message
    with pytest.raises(KnownError) as caught:
        render_report("event-guests", db, tmp_path / "g.docx", event=event_id)
    assert "Word" in caught.value.message
    assert svc.count_letters(db) == before
    assert list(tmp_path.iterdir()) == []


def _rtl(run) -> bool:
    rpr = run._r.rPr
    return rpr is not None and rpr.find(qn("w:rtl")) is not None


def _bidi(paragraph) -> bool:
    ppr = paragraph._p.pPr
    node = None if ppr is None else ppr.find(qn("w:bidi"))
    return node is not None and node.get(qn("w:val")) in (None, "1", "true")


def test_a_word_letter_is_right_to_left_with_persian_digits_and_latin_kept(demo, tmp_path):
    db, _event = demo
    out = _letter(db, tmp_path / "l.docx")
    assert svc.list_letters(db, limit=1)[0].printed_copies == 1  # the .docx is the copy
    document = docx.Document(str(out))
    section = document.sections[0]._sectPr
    assert section.find(qn("w:bidi")) is not None  # the section runs right to left
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:cs")) == "Vazirmatn" and fonts.get(qn("w:ascii")) == "Vazirmatn"
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    assert paragraphs[0].text == "بسمه تعالی"
    assert all(_bidi(p) for p in paragraphs)
    subject = next(p for p in paragraphs if p.text.startswith("موضوع"))
    # Logical order kept; digits Persian in Persian text, the Latin name its own LTR run.
    plain = subject.text.replace(LRE, "").replace(PDF_MARK, "")
    assert plain == "موضوع: " + HOSTILE_SUBJECT.replace("10:30", "۱۰:۳۰")
    latin = [r for r in subject.runs if "Alborz" in r.text]
    assert (
        len(latin) == 1 and not _rtl(latin[0]) and latin[0].text == f"{LRE}Alborz Steel{PDF_MARK}"
    )
    assert all(_rtl(r) for r in subject.runs if r.text.strip() and "Alborz" not in r.text)
    body = next(p for p in paragraphs if "پیرو" in p.text)
    phone = [r for r in body.runs if "3355" in r.text]
    assert [r.text for r in phone] == [f"{LRE}{PHONE_BOUND}{PDF_MARK}"] and not _rtl(phone[0])
    assert f"{LRE}(Mr. Abdullah Nikzad){PDF_MARK}" in body.text  # brackets stay with the name
    assert body.alignment is not None  # justified
    # Bold is also set for complex script; sizes too.
    blessing_run = paragraphs[0].runs[0]
    assert blessing_run._r.rPr.find(qn("w:bCs")) is not None
    assert blessing_run._r.rPr.find(qn("w:szCs")) is not None
    # The letterhead table: right to left, number block with the register's number.
    table = document.tables[0]
    assert table._tbl.tblPr.find(qn("w:bidiVisual")) is not None
    letter = svc.list_letters(db, limit=1)[0]
    assert f"شماره: {letter.number}" in table.rows[0].cells[2].text
    cells = [p.text for p in document.paragraphs]
    assert "رونوشت:" in cells and "– بایگانی" in cells
    # The emblem image is in the package.
    with zipfile.ZipFile(out) as package:
        assert any(n.startswith("word/media/") for n in package.namelist())


def test_word_invitations_one_letter_a_page_in_both_directions(demo, tmp_path):
    db, event_id = demo
    out = render_report(
        "invitations", db, tmp_path / "i.docx", event=event_id, rsvp_by="۱۴۰۴/۰۲/۱۵"
    )
    document = docx.Document(str(out))
    body = document.element.body
    breaks = body.findall(f".//{qn('w:pageBreakBefore')}")  # each letter starts a page
    from qazvin_diplomacy.reports import invitations

    letters = invitations.letters_for(db, event_id)
    assert len(breaks) == len(letters) - 1
    texts = [p.text for p in document.paragraphs]
    english = [p for p in document.paragraphs if p.text.startswith("Mohammad Nozari, Governor")]
    assert len(english) == len(letters)
    assert all(not _bidi(p) for p in english)  # English paragraphs run left to right
    assert all(not any(_rtl(r) for r in p.runs) for p in english)
    assert any("به اتفاق همسر محترم" in t for t in texts)
    assert any(t.startswith("سفیر محترم") for t in texts)
    rsvp = [t for t in texts if t.startswith("R.S.V.P. by Monday 5 May 2025")]
    assert len(rsvp) == len(letters) and all(t.endswith(PHONE_BOUND) for t in rsvp)
    persian = [t for t in texts if t.startswith("خواهشمند است تا دوشنبه ۱۵ اردیبهشت ۱۴۰۴")]
    unbroken = LRE + PHONE_BOUND + PDF_MARK  # one left-to-right piece
    assert len(persian) == len(letters) and all(unbroken in t for t in persian)


def test_word_dossier_has_page_numbers_and_right_to_left_tables(demo, tmp_path):
    db, _event = demo
    from qazvin_diplomacy.services.visits import list_visits

    visit = list_visits(db, limit=1)[0]
    out = render_report("visit-dossier", db, tmp_path / "d.docx", visit=visit.id)
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "پروندهٔ دیدار"
    footer = document.sections[0].footer.paragraphs[0]._p
    fields = [f.get(qn("w:instr")) for f in footer.iter(qn("w:fldSimple"))]
    assert [f.split()[0] for f in fields] == ["PAGE", "NUMPAGES"]
    assert "صفحه" in "".join(t.text or "" for t in footer.iter(qn("w:t")))
    # Page numbers in the native digits: the section's format (PAGE follows it), a switch
    # on NUMPAGES; cached results Persian; sectPr's children in the schema's order.
    sect_pr = document.sections[0]._sectPr
    assert sect_pr.find(qn("w:pgNumType")).get(qn("w:fmt")) == "hindiNumbers"
    assert "\\* HindiArabic" in fields[1] and "HindiArabic" not in fields[0]
    cached = [t.text for f in footer.iter(qn("w:fldSimple")) for t in f.iter(qn("w:t"))]
    assert cached == ["۱", "۱"]
    tags = [child.tag.split("}")[1] for child in sect_pr]
    order = ["pgSz", "pgMar", "pgNumType", "cols", "bidi", "docGrid"]
    assert [t for t in tags if t in order] == [t for t in order if t in tags]
    assert document.tables and all(
        t._tbl.tblPr.find(qn("w:bidiVisual")) is not None for t in document.tables
    )
    # Column widths as the PDF lays the table out: the label column narrower than the values,
    # every table as wide as the text (the page size is kept in twips: a rounding apart).
    first = document.tables[0]
    widths = [c.width for c in first.columns]
    assert widths[0] < widths[1]
    text_width = document.sections[0].page_width - 2 * document.sections[0].left_margin
    for table in document.tables:
        assert abs(sum(c.width for c in table.columns) - text_width) < 2 * 12700  # 2 pt
    assert visit.title in [p.text for p in document.paragraphs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بازدید از Alborz Steel (فاز ۲)", [("بازدید از ", True), ("Alborz Steel", False),
                                            (" (فاز ۲)", True)]),
        ("تلفن +98 28 3355 1234 است", [("تلفن ", True), ("+98 28 3355 1234", False),
                                       (" است", True)]),
        ("ساعت 10:30 و ۲۰٪", [("ساعت 10:30 و ۲۰٪", True)]),
        ("", []),
        ("(شرکت Alborz Steel)", [("(شرکت ", True), ("Alborz Steel", False), (")", True)]),
        ("هیئت (Mr. Abdullah Nikzad) آمد", [("هیئت ", True), ("(Mr. Abdullah Nikzad)", False),
                                            (" آمد", True)]),
        ("(تلفن +98 28 3355 1234)", [("(تلفن ", True), ("+98 28 3355 1234", False), (")", True)]),
        # as the PDF engine runs them: a bracketed year stays with its Latin name (Latin
        # digits), a number before «؛» stays whole, a code's Persian letter between LRMs
        ("دانش‌آموختهٔ TU München (2001) با کد 1403/ق/25-A؛ تلفن: +98 28 3355 1234؛ سفیر",
         [("دانش‌آموختهٔ ", True), ("TU München (2001)", False), (" با کد ", True),
          ("1403/\u200eق\u200e/25-A", False), ("؛ تلفن: ", True), ("+98 28 3355 1234", False),
          ("؛ سفیر", True)]),
        ("شماره: ", [("شماره: ", True)]),
    ],
)  # fmt: skip
def test_segments_keep_latin_and_phone_numbers_together(text, expected):
    assert segments(text) == expected


# --- the invitation's wording ----------------------------------------------------------------


def _invitation(**guest):
    import datetime as dt

    from qazvin_diplomacy.core.events import EventDates, GuestView, InvitationLetter

    dates = EventDates("جمعه ۱۹ اردیبهشت ۱۴۰۴", "۹ مه ۲۰۲۵", "Friday 19 Ordibehesht 1404",
                       "Friday 9 May 2025")  # fmt: skip
    base = {"person_id": 1, "name_fa": "عادل الجبوری", "honorific_fa": "جناب آقای"}
    base.update(guest)
    return InvitationLetter(
        guest=GuestView(**base), salutation_fa="جناب آقای عادل الجبوری",
        salutation_en="H.E. Mr. Adel Al-Jubouri", event_title_fa="جشن پنجاه بدر",
        event_title_en="Panjah Bedar Festival", dates=dates, venue_fa="کلاه‌فرنگی",
        venue_en="Kolah Farangi", organizer_fa="استانداری قزوین", organizer_en="استانداری قزوین",
    ), dt  # fmt: skip


def test_invitation_wording_rules():
    from qazvin_diplomacy.reports import invitations as inv

    letter, dt = _invitation(diplomatic_rank="ambassador", title_fa="سفیر جمهوری عراق در تهران")
    assert inv.title_fa(letter) == "سفیر محترم جمهوری عراق در تهران"
    letter, _ = _invitation(diplomatic_rank="ambassador", title_fa="", country_name_fa="عراق")
    assert inv.title_fa(letter) == "سفیر محترم عراق"
    letter, _ = _invitation(diplomatic_rank="ambassador", title_fa="سفیر محترم عراق")
    assert inv.title_fa(letter) == "سفیر محترم عراق"  # never twice
    letter, _ = _invitation(title_fa="رایزن اقتصادی")
    assert inv.title_fa(letter) == "رایزن اقتصادی"  # not a head of mission
    assert inv.companions_fa(letter) == "" and "همسر" not in inv.body_fa(letter)
    letter, _ = _invitation(companions=1)
    assert "دعوت می‌شود به اتفاق همسر محترم در «جشن پنجاه بدر»" in inv.body_fa(letter)
    assert "Adel Al-Jubouri and spouse at the" in inv.body_en(letter)
    letter, _ = _invitation(companions=3)
    assert "به اتفاق همراهان محترم" in inv.body_fa(letter)
    # The organiser's English name is never the Persian one.
    assert inv.organizer_en(letter) == "Governorate of Qazvin"
    from dataclasses import replace as dc_replace

    other = dc_replace(letter, organizer_fa="اتاق بازرگانی", organizer_en="اتاق بازرگانی")
    assert inv.organizer_en(other) == ""
    named = dc_replace(letter, organizer_en="Qazvin Chamber of Commerce")
    assert inv.organizer_en(named) == "Qazvin Chamber of Commerce"
    # R.S.V.P.: three days before, never before today, none once the event began.
    start = dt.date(2025, 5, 9)
    assert inv.default_rsvp_by(start, dt.date(2025, 4, 1)) == dt.date(2025, 5, 6)
    assert inv.default_rsvp_by(start, dt.date(2025, 5, 8)) == dt.date(2025, 5, 8)
    assert inv.default_rsvp_by(start, start) is None
    reply = inv.Reply(None, "")
    assert (
        inv.rsvp_fa(reply)
        == "خواهشمند است پاسخ خود را به دفتر امور بین‌الملل استانداری قزوین اعلام فرمایید."
    )
    assert inv.rsvp_en(reply) == "R.S.V.P. — International Affairs Office, Governorate of Qazvin"


def test_a_letter_without_a_signatory_says_so_where_the_signature_goes(demo, tmp_path, pdf_reader):
    """No signatory in the settings: the PDF and the .docx print the grey marker in the
    signature block (never a letter silently unsigned); with one, no marker."""
    from qazvin_diplomacy.reports.letter import NO_SIGNATORY

    db, _event = demo
    settings = svc.get_office_settings(db)
    svc.save_office_settings(db, settings=replace(settings, signatory_name="", signatory_title=""))
    try:
        pdf = _letter(db, tmp_path / "unsigned.pdf")
        text = "".join(drawn(b.logical) for page in pdf_reader(pdf) for b in page)
        assert drawn(NO_SIGNATORY) in text
        word = _letter(db, tmp_path / "unsigned.docx")
        cells = [c.text for t in docx.Document(str(word)).tables for c in t._cells]
        assert any(NO_SIGNATORY in drawn(c) or drawn(NO_SIGNATORY) in drawn(c) for c in cells)
    finally:
        svc.save_office_settings(db, settings=settings)
    pdf = _letter(db, tmp_path / "signed.pdf")
    text = "".join(drawn(b.logical) for page in pdf_reader(pdf) for b in page)
    assert drawn(NO_SIGNATORY) not in text and drawn("محمدنوید پرویزی") in text
