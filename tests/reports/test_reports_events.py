"""The event reports (guest list, invitations, badges, place cards, summary, seating plan),
rendered from the Panjah Bedar 1404 demo and read back."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar
from pypdf import PdfReader

from qazvin_diplomacy.core.events import Badge, EventInput, Rsvp
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.seating import TableShape, TableSpec
from qazvin_diplomacy.core.text import to_latin_digits, to_persian_digits
from qazvin_diplomacy.reports import badges as badges_report
from qazvin_diplomacy.reports import invitations, place_cards
from qazvin_diplomacy.reports.catalog import render_report, report_kinds
from qazvin_diplomacy.reports.document import build_pdf
from qazvin_diplomacy.reports.fonts import MissingGlyphError
from qazvin_diplomacy.reports.page import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X
from qazvin_diplomacy.reports.rtl import FORMAT_CHARS, reorder_line
from qazvin_diplomacy.services import events as svc
from qazvin_diplomacy.services import letters as letters_svc

TODAY = from_jalali(1404, 8, 3)
PRINTED = dt.datetime(2025, 5, 1, 10, 30)
KINDS = ("event-guests", "invitations", "badges", "place-cards", "event-summary", "seating-plan")


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_database):
    """The demo database and the id of the Panjah Bedar 1404 event."""
    from qazvin_diplomacy.storage.database import Database

    db = Database.open(
        demo_database(tmp_path_factory.mktemp("events") / "office.sqlite3", today=TODAY)
    )
    event_id = next(e.id for e in svc.list_events(db) if "پنجاه بدر ۱۴۰۴" in e.title_fa)
    yield db, event_id
    db.close()


def render(db, kind: str, out: Path, event_id: int) -> Path:
    return render_report(kind, db, out, event=event_id, printed_at=PRINTED)


def nfkc_visual(visual: str) -> str:
    """Presentation forms back to letters, keeping visual order (as tests/reports/conftest.py)."""
    out = []
    for ch in visual:
        mapped = unicodedata.normalize("NFKC", ch)
        if len(mapped) > 1 and unicodedata.bidirectional(ch) == "AL":
            mapped = mapped[::-1]
        out.append(mapped)
    return "".join(out)


def drawn(text: str) -> str:
    """``text`` as it can be found in read-back text: no ZWNJ, no white space."""
    return "".join(text.translate(dict.fromkeys(map(ord, FORMAT_CHARS))).split())


def page_texts(pdf_reader, path: Path, **kwargs) -> list[str]:
    return ["\n".join(b.logical for b in page) for page in pdf_reader(path, **kwargs)]


def compact(text: str) -> str:
    return "".join(text.split())


def test_every_event_report_is_registered():
    assert set(KINDS) <= set(report_kinds())


# --- event-guests ----------------------------------------------------------------------------


def test_guest_list_in_precedence_order_with_flags(demo, tmp_path, pdf_reader):
    db, event_id = demo
    pdf = render(db, "event-guests", tmp_path / "g.pdf", event_id)
    pages = pdf_reader(pdf)
    text = compact("".join(page_texts(pdf_reader, pdf)))
    guests = svc.precedence_list(db, event_id=event_id)
    assert len(guests.guests) == 21
    positions = []
    for g in guests.guests:
        assert all(word in text for word in g.name_en.split()), g.name_en  # may wrap
        assert drawn(g.name_fa) in text, g.name_fa
        positions.append(text.index(drawn(g.name_fa)))
    assert positions == sorted(positions), "guests are not in the order of precedence"
    # Ties and missing dates are flagged for a human, row by row and listed below the table.
    flagged = [g for g in guests.guests if g.flagged]
    assert flagged and text.count(drawn("نیازمند تصمیم:")) == len(flagged)
    for flag in guests.open_flags:
        assert drawn(flag.message_fa) in text
    # RSVP, attendance and seats are shown.
    assert drawn("میز ۱، صندلی ۲") in text and drawn("میز ۱، پشت سر") in text
    assert drawn("عدم حضور") in text and drawn("غایب") in text
    # First column on the right; Persian page numbers.
    head = {b.logical: b for b in pdf_reader(pdf, split_gap=4)[0]}
    assert head["ردیف"].x0 > head["مهمان"].x0 > head["ملاحظات"].x0
    total = to_persian_digits(len(pages))
    assert any(b.logical == f"صفحه ۱ از {total}" for b in pages[0])


# --- invitations -----------------------------------------------------------------------------


def test_one_invitation_page_per_guest_in_both_languages(demo, tmp_path, pdf_reader):
    db, event_id = demo
    pdf = render(db, "invitations", tmp_path / "i.pdf", event_id)
    letters = invitations.letters_for(db, event_id)
    service_letters = svc.invitation_letters(db, event_id=event_id)
    hosts = {t.host_key for t in svc.get_event(db, event_id).tables if t.host_key}
    assert len(letters) == len(service_letters) - len(
        [x for x in service_letters if x.guest.person_id in hosts]
    )
    assert all(x.guest.rsvp is not Rsvp.NO for x in letters)
    pages = pdf_reader(pdf)
    assert len(pages) == len(letters) == len(PdfReader(str(pdf)).pages)
    for letter, page in zip(letters, pages, strict=True):
        text = compact("\n".join(b.logical for b in page))
        english = compact("\n".join(b.logical_ltr for b in page))
        assert drawn(letter.salutation_fa) in text
        assert drawn(letter.salutation_en) in english
        assert drawn("جمعه ۱۹ اردیبهشت ۱۴۰۴") in text  # Jalali long form with weekday
        assert drawn("Friday 9 May 2025") in english  # Gregorian for the English half
        assert drawn(letter.venue_en) in english and drawn(letter.venue_fa) in text
        assert drawn("محمد نوذری") in text  # the host signs
        # An official letterhead, not a report's furniture: no print time, no «page 3 of 16».
        assert text.startswith(drawn("بسمه تعالی"))
        assert drawn("استانداری قزوین") in text and drawn("دفتر امور بین‌الملل") in text
        assert "تاریخچاپ" not in text and "صفحه" not in text
        # Numbered from the outgoing-letters register, printing again keeps the number.
        number = letters_svc.find_letter(db, source_key=invitations.source_key(event_id, letter))
        assert number is not None and drawn(f"شماره:{number.number}") in text
    governor = "محمد نوذری"
    assert all(governor not in x.salutation_fa for x in letters)  # the host gets no letter


def _paragraph_lines(page, first_words: str, stop: str, attr: str) -> list[str]:
    lines, inside = [], False
    for box in page:
        text = getattr(box, attr)
        if text.startswith(first_words):
            inside = True
        elif inside and text.startswith(stop):
            break
        if inside:
            lines.append(text)
    return lines


def test_invitation_paragraphs_read_top_to_bottom(demo, tmp_path, pdf_reader, reading_order):
    db, event_id = demo
    pdf = render(db, "invitations", tmp_path / "i.pdf", event_id)
    letter = invitations.letters_for(db, event_id)[0]
    page = pdf_reader(pdf)[0]
    fa_lines = _paragraph_lines(page, "بدین", "برگزارکننده", "logical")
    assert len(fa_lines) >= 2  # a wrapped paragraph: the order of lines matters
    reading_order(fa_lines, invitations.body_fa(letter))
    en_lines = _paragraph_lines(page, letter.host_name_en, "Organised", "logical_ltr")
    assert len(en_lines) >= 2
    reading_order(en_lines, invitations.body_en(letter))


# --- badges ----------------------------------------------------------------------------------


def test_badges_one_per_accepting_guest_eight_per_sheet(demo, tmp_path, pdf_reader):
    db, event_id = demo
    pdf = render(db, "badges", tmp_path / "b.pdf", event_id)
    items = svc.badges(db, event_id=event_id)
    yes = [g for g in svc.list_guests(db, event_id=event_id) if g.rsvp is Rsvp.YES]
    assert len(items) == len(yes) == 18
    pages = page_texts(pdf_reader, pdf, split_gap=8)
    assert len(pages) == math.ceil(len(items) / badges_report.PER_SHEET)
    assert not any("صفحه" in p or "تاریخ چاپ" in p for p in pages)  # sheets to cut: no furniture
    text = compact("".join(pages))
    for b in items:
        assert text.count(drawn(b.name_fa)) == 1, b.name_fa
        assert drawn(b.name_en) in text and drawn(b.country_en) in text
    # Precedence order: the first sheet starts with the first guest, at the top right.
    first = pdf_reader(pdf, split_gap=8)[0]
    body = [b for b in first if b.baseline < 842 - MARGIN_TOP]
    names = [b for b in body if compact(b.logical) == drawn(items[0].name_fa)]
    second = [b for b in body if compact(b.logical) == drawn(items[1].name_fa)]
    assert names and second and names[0].x0 > second[0].x1  # right of the second badge


def _long_badge(name_fa: str) -> Badge:
    return Badge(
        guest_id=1,
        name_fa=name_fa,
        name_en="Abdulrahman bin Abdulaziz bin Mohammed Al-Abdulkarim Al-Othman",
        title_fa="سفیر کبیر و نمایندهٔ تام‌الاختیار پادشاهی عربستان سعودی در جمهوری اسلامی ایران",
        title_en="Ambassador Extraordinary and Plenipotentiary of the Kingdom of Saudi Arabia",
        country_fa="عربستان سعودی",
        country_en="Saudi Arabia",
        category_fa="سفیر",
        category_en="Ambassador",
        event_title_fa="جشن فرهنگی پنجاه بدر",
        event_title_en="Panjah Bedar",
    )


def test_long_badge_texts_shrink_and_are_never_clipped(tmp_path, pdf_reader):
    long_name = "عبدالرحمن بن عبدالعزیز بن محمد العبدالکریم العثمان"
    items = [_long_badge(long_name)] * 3
    pdf = tmp_path / "long.pdf"
    build_pdf(pdf, badges_report.build(items), title="badges", printed_at=PRINTED)
    page_w = 595.27
    gutter = badges_report.GUTTER  # between the two columns of badges
    grid_w = badges_report.COLUMNS * badges_report.BADGE_W + gutter
    left = (page_w - 2 * MARGIN_X - grid_w) / 2 + MARGIN_X
    middle = left + badges_report.BADGE_W  # the left badge's right edge
    right = middle + gutter + badges_report.BADGE_W
    boxes = [
        b for b in pdf_reader(pdf, split_gap=8)[0] if MARGIN_BOTTOM < b.baseline < 842 - MARGIN_TOP
    ]
    assert boxes
    for box in boxes:
        assert left + badges_report.PAD - 1 <= box.x0 and box.x1 <= right - badges_report.PAD + 1
        assert (
            box.x1 <= middle - badges_report.PAD + 1
            or box.x0 >= middle + gutter + badges_report.PAD - 1
        )
    text = compact("".join(b.logical for b in boxes))
    assert text.count(drawn(long_name)) == 3  # whole, on one line or two
    fitted = badges_report.fit_text(long_name, "Vazirmatn-Bold", 100, max_size=17, min_size=10)
    assert all(line.width <= 100 for line in fitted.lines) and fitted.size < 10


def test_a_long_name_takes_two_lines_at_a_larger_size_than_one_small_line():
    """«عبدالرحمن بن عبدالعزیز …» fits one badge line only at about 10 pt: two lines at a
    clearly larger size are taken instead; a short name stays on one line at full size."""
    from qazvin_diplomacy.reports.badges import MULTI_LINE_GAIN

    long_name = "عبدالرحمن بن عبدالعزیز بن محمد العبدالکریم العثمان"
    inner = badges_report.BADGE_W - 2 * badges_report.PAD
    fitted = badges_report.fit_text(long_name, "Vazirmatn-Bold", inner, max_size=17, min_size=10)
    one_line = next(
        s / 2 for s in range(34, 19, -1)
        if badges_report.text_width(long_name, "Vazirmatn-Bold", s / 2) <= inner
    )  # fmt: skip
    assert len(fitted.lines) == 2 and fitted.size >= one_line * MULTI_LINE_GAIN
    assert all(line.width <= inner for line in fitted.lines)
    short = badges_report.fit_text("عادل حسین الجبوری", "Vazirmatn-Bold", inner, max_size=17,
                                   min_size=10)  # fmt: skip
    assert len(short.lines) == 1 and short.size == 17


def test_place_card_honorific_is_not_repeated():
    from qazvin_diplomacy.reports.place_cards import with_honorific

    assert with_honorific("H.E. Mr.", "Mr. Abdullah Nikzad") == "H.E. Mr. Abdullah Nikzad"
    assert with_honorific("H.E. Mr.", "Adel Al-Jubouri") == "H.E. Mr. Adel Al-Jubouri"
    assert with_honorific("جناب آقای", "آقای عبدالرحمن") == "جناب آقای عبدالرحمن"
    assert with_honorific("Ms.", "") == ""


def test_a_character_without_a_glyph_fails_loudly(tmp_path):
    with pytest.raises(MissingGlyphError):
        build_pdf(tmp_path / "x.pdf", badges_report.build([_long_badge("مهمان 🎉")]), title="x")


# --- place cards -----------------------------------------------------------------------------


def _halves(path: Path, page_index: int) -> tuple[str, str]:
    """(upright lower half, upside-down upper half) of a place card, each in logical order."""
    page = list(extract_pages(str(path), laparams=LAParams(all_texts=True)))[page_index]
    page_h = page.height
    upright: dict[float, list[LTChar]] = {}
    rotated: dict[float, list[LTChar]] = {}
    for item in page:
        for ch in _walk(item):
            y = round(ch.matrix[5], 1)
            if ch.matrix[0] < 0:
                assert y > page_h / 2, "an upside-down glyph below the fold"
                rotated.setdefault(y, []).append(ch)
            elif MARGIN_BOTTOM < y < page_h / 2:
                upright.setdefault(y, []).append(ch)

    def read(lines: dict[float, list[LTChar]], upside_down: bool) -> str:
        out = []
        for y in sorted(lines, reverse=not upside_down):
            chars = sorted(lines[y], key=lambda c: c.x0, reverse=upside_down)
            visual = nfkc_visual("".join(c.get_text() for c in chars))
            out.append(reorder_line(visual, rtl=True))
        return "".join(compact(t) for t in out)

    return read(upright, False), read(rotated, True)


def _walk(item):
    if isinstance(item, LTChar):
        yield item
    elif hasattr(item, "__iter__"):
        for child in item:
            yield from _walk(child)


def test_place_cards_name_on_both_faces_top_half_upside_down(demo, tmp_path):
    db, event_id = demo
    pdf = render(db, "place-cards", tmp_path / "p.pdf", event_id)
    cards = svc.place_cards(db, event_id=event_id)
    assert len(cards) == 17 == len(PdfReader(str(pdf)).pages)
    assert [(c.table_no, c.seat_no) for c in cards] == sorted(
        (c.table_no, c.seat_no) for c in cards
    )
    for index in (0, 5, len(cards) - 1):
        card = cards[index]
        front, back = _halves(pdf, index)
        assert back == front  # the same face, turned 180°
        assert drawn(card.name_fa) in front and drawn(card.name_en) in front
        assert drawn(card.country_fa) in front
        assert drawn(place_cards.seat_label(card)) in front


# --- event summary ---------------------------------------------------------------------------


def test_summary_counts_equal_the_service(demo, tmp_path, pdf_reader):
    db, event_id = demo
    pdf = render(db, "event-summary", tmp_path / "s.pdf", event_id)
    report = svc.event_summary(db, event_id=event_id)
    rows: dict[str, list[int]] = {}
    for page in pdf_reader(pdf):
        by_line: dict[float, list] = {}
        for box in page:
            by_line.setdefault(box.baseline, []).append(box)
        for boxes in by_line.values():
            boxes.sort(key=lambda b: -b.x1)  # right to left: the table's column order
            cells = [b.logical for b in boxes]
            numbers = [to_latin_digits(c) for c in cells[1:]]
            if len(cells) == 7 and all(n.isdigit() for n in numbers):
                rows[compact(cells[0])] = [int(n) for n in numbers]
    for c in report.by_country:
        assert rows[drawn(c.country_fa)] == [
            c.invited, c.yes, c.no, c.no_reply, c.attended, c.companions
        ], c.country_fa  # fmt: skip
    t = report.totals
    assert rows["جمع"] == [
        t.invited,
        t.yes,
        t.no,
        t.no_reply,
        t.attended,
        report.attended_companions,
    ]
    text = compact("".join(page_texts(pdf_reader, pdf)))
    assert drawn("آرسن هاکوبیان") in text  # accepted, did not come


# --- seating plan ----------------------------------------------------------------------------


def test_seating_plan_names_host_and_seat_of_honour(demo, tmp_path, pdf_reader):
    db, event_id = demo
    pdf = render(db, "seating-plan", tmp_path / "t.pdf", event_id)
    seating = svc.get_seating(db, event_id=event_id)
    pages = pdf_reader(pdf)
    text = compact("".join(page_texts(pdf_reader, pdf)))
    for table in seating.tables:
        for seat in table.seats:
            if seat.guest is not None:
                assert drawn(seat.guest.name_fa) in text
    assert drawn("محمد نوذری (میزبان)") in text
    assert drawn("پشت سر آندری کووالویچ: فاطمه کریمی (مترجم)") in text
    boxes = {compact(b.logical): b for b in pages[0]}
    host = boxes[drawn("محمد نوذری (میزبان)")]
    honour = boxes[drawn(seating.tables[0].seats[1].guest.name_fa)]  # seat 2: host's right
    left_one = boxes[drawn(seating.tables[0].seats[-1].guest.name_fa)]  # seat 10: host's left
    host_x = (host.x0 + host.x1) / 2
    assert honour.x1 < host_x < left_one.x0  # the host's right is the page's left
    # Table 1 (the head table) comes first; each table has the page's width (room for the
    # title and country under each name), so table 2 follows it below or on the next page.
    second = next(
        b for page in pages for b in page if compact(b.logical) == drawn("محمدرضا صفی‌خانی (میزبان)")
    )
    assert (second.page, -second.baseline) > (host.page, -host.baseline)


def test_straight_head_table_seat_one_on_the_right(demo, tmp_path, pdf_reader):
    db, event_id = demo
    guests = svc.list_guests(db, event_id=event_id, rsvp=Rsvp.YES)
    governor = next(g for g in guests if g.name_fa == "محمد نوذری")
    draft = svc.save_event(
        db,
        event=EventInput(title_fa="ضیافت شام سفیران", start_date=from_jalali(1404, 3, 1)),
    ).id
    svc.invite_people(db, event_id=draft, person_ids=[g.person_id for g in guests[:7]])
    if governor.person_id not in {g.person_id for g in guests[:7]}:
        svc.invite_people(db, event_id=draft, person_ids=[governor.person_id])
    svc.save_seating(
        db,
        event_id=draft,
        tables=[TableSpec(1, 7, TableShape.STRAIGHT, host_key=governor.person_id)],
        include_no_reply=True,
    )
    seating = svc.get_seating(db, event_id=draft)
    pdf = render(db, "seating-plan", tmp_path / "s.pdf", draft)
    boxes = [b for page in pdf_reader(pdf, split_gap=4) for b in page]
    seats = seating.tables[0].seats
    assert seats[3].host_person_id == governor.person_id  # the middle seat of 7
    xs = []
    for seat in seats:
        name = seat.guest.name_fa if seat.host_person_id is None else "(میزبان)"
        hits = [b for b in boxes if drawn(name.split()[-1]) in compact(b.logical)]
        assert hits, name
        xs.append(hits[0].x0)
    assert xs == sorted(xs, reverse=True)  # seat numbers increase to the left of the page


def test_seating_plan_lists_a_large_table_and_puts_empty_tables_on_one_line(
    demo, tmp_path, pdf_reader
):
    """A 40-seat table (too many names for a legible circle) is a seat list whose empty
    seats are runs, not rows; a table nobody sits at is one line, not a page of «خالی»;
    nothing crashes and no page is printed for nothing."""
    from qazvin_diplomacy.reports import seating_plan

    db, event_id = demo
    guests = svc.list_guests(db, event_id=event_id, rsvp=Rsvp.YES)
    governor = next(g for g in guests if g.name_fa == "محمد نوذری")
    draft = svc.save_event(
        db, event=EventInput(title_fa="ضیافت بزرگ سفیران", start_date=from_jalali(1404, 3, 2))
    ).id
    invited = {g.person_id for g in guests[:6]} | {governor.person_id}
    svc.invite_people(db, event_id=draft, person_ids=sorted(invited))
    svc.save_seating(
        db,
        event_id=draft,
        tables=[
            TableSpec(1, 40, TableShape.ROUND, host_key=governor.person_id),
            TableSpec(2, 8, TableShape.ROUND, label="میز جانبی"),
        ],
        include_no_reply=True,
    )
    seating = svc.get_seating(db, event_id=draft)
    big, side = seating.tables
    assert not seating_plan.fits_diagram(big) and not seating_plan.has_guests(side)
    pdf = render(db, "seating-plan", tmp_path / "big.pdf", draft)
    assert len(PdfReader(pdf).pages) == 1
    text = compact("".join(page_texts(pdf_reader, pdf)))
    seated = [s for s in big.seats if s.guest is not None]
    assert len(seated) == len(invited)
    for seat in seated:
        assert drawn(seat.guest.name_fa) in text
    empty_seats = big.spec.capacity - len(seated)
    assert empty_seats > 20
    assert text.count(drawn(seating_plan.EMPTY)) <= 3  # runs of empty seats, not 33 rows
    assert drawn("میزهای بدون مهمان: میز ۲ — میز جانبی (میز گرد، ۸ صندلی)") in text
    assert drawn("صندلی میزبان") not in text  # no legend: no diagram on the page


def test_no_letter_for_interpreters_or_the_organizers_staff(demo):
    db, event_id = demo
    guests = svc.list_guests(db, event_id=event_id)
    interpreters = {g.person_id for g in guests if g.interpreter_for_person_id is not None}
    staff = {g.person_id for g in guests if g.organization_name_fa == "استانداری قزوین"}
    assert interpreters and staff  # the demo has both
    event = svc.get_event(db, event_id)
    assert "استانداری قزوین" in event.organizer
    lettered = {x.guest.person_id for x in svc.invitation_letters(db, event_id=event_id)}
    assert lettered and not lettered & (interpreters | staff)
    # The ambassadors all get one (unless they declined).
    ambassadors = {
        g.person_id for g in guests if g.diplomatic_rank == "ambassador" and g.rsvp is not Rsvp.NO
    }
    assert ambassadors <= lettered


def test_missing_english_venue_is_warned_and_never_printed_in_persian(tmp_path, pdf_reader):
    from dataclasses import replace as dc_replace

    from qazvin_diplomacy.core.directory import PersonInput
    from qazvin_diplomacy.core.events import EventInput
    from qazvin_diplomacy.services import directory
    from qazvin_diplomacy.storage.database import Database

    db = Database.open(tmp_path / "v.sqlite3")
    try:
        directory.ensure_reference_data(db)
        event = svc.save_event(
            db,
            event=EventInput(
                title_fa="شب یلدا", title_en="Yalda Night", start_date=TODAY, venue="عمارت چهلستون"
            ),
            today=TODAY,
        )
        person = directory.save_person(
            db, person=PersonInput(name_fa="جان اسمیت", name_en="John Smith", title_en="Consul")
        )
        svc.invite_people(db, event_id=event.id, person_ids=[person.id])
        found = svc.invitation_warnings(db, event_id=event.id)
        assert [en for _fa, en in found] and "venue" in found[0][1]
        assert "محل برگزاری" in found[0][0]
        letter = svc.invitation_letters(db, event_id=event.id)[0]
        assert letter.venue_en == "" and letter.venue_fa == "عمارت چهلستون"
        english = invitations.body_en(letter)
        assert "the venue given in the Persian text" in english
        assert not any("\u0600" <= ch <= "\u06ff" for ch in english)
        fixed = svc.save_event(db, event=dc_replace(event, venue_en="Chehel Sotoun Palace"))
        assert svc.invitation_warnings(db, event_id=fixed.id) == []
    finally:
        db.close()
