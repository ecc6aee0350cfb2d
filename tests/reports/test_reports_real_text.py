"""The text engine with the text real offices type (issue 14, item 1), each case read back.

Words are never cut between letters, each paragraph and cell takes its own direction,
phone numbers, e-mails, codes and Latin names stay one left-to-right run, digits follow
their phrase, an empty title prints a placeholder, every font is embedded, and the PDF
copies and searches as Persian with poppler's ``pdftotext`` and with MuPDF.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hostile_data import (
    ALLAH,
    BRACKETED_NAME,
    HARAKAT,
    LATIN_PHRASE,
    LONG_WORD,
    MIXED,
    NAME_EN,
    PHONE,
    PRINTED,
    TODAY,
    ZWNJ,
    hostile_database,
    put_hostile_guest_in_event,
)
from reportlab.lib.units import cm

from qazvin_diplomacy.core.jalali import format_jalali
from qazvin_diplomacy.reports.catalog import heading, render_report
from qazvin_diplomacy.reports.document import build_pdf
from qazvin_diplomacy.reports.fonts import FONT_BOLD, FONT_REGULAR
from qazvin_diplomacy.reports.page import UNTITLED_FA
from qazvin_diplomacy.reports.rtl import reorder_line, visual_line, wrap_text
from qazvin_diplomacy.reports.rtl_draw import RTLParagraph
from qazvin_diplomacy.reports.styles import style
from qazvin_diplomacy.reports.tables import rtl_table
from qazvin_diplomacy.services.agreements import list_agreements
from qazvin_diplomacy.services.demo import load_demo
from qazvin_diplomacy.services.events import list_events

_BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def nfkc(visual: str) -> str:
    """Drawn (visual-order) text with presentation forms mapped back to letters."""
    out = []
    for ch in visual:
        mapped = unicodedata.normalize("NFKC", ch)
        out.append(
            mapped[::-1] if len(mapped) > 1 and unicodedata.bidirectional(ch) == "AL" else mapped
        )
    return "".join(out)


def logical(visual: str, *, rtl: bool = True) -> str:
    """A drawn line back in reading order (what a reader reads)."""
    return reorder_line(nfkc(visual), rtl=rtl)


def no_zwnj(text: str) -> str:
    return text.replace("\u200c", "")


# --- never cut a word ------------------------------------------------------------------------


def test_a_persian_word_wider_than_its_column_widens_the_column_and_stays_whole():
    # The agreements register's kind column (1.9 cm) with the demo data's «خواهرخواندگی».
    rows = [["۲", "خواهرخواندگی", "موافقت‌نامهٔ خواهرخواندگی استان قزوین و استان مینسک"]]
    table = rtl_table(["ردیف", "نوع", "عنوان"], rows, [1.0 * cm, 1.9 * cm, 4.7 * cm])
    table.wrap(7.6 * cm, 1000)
    widths = table._layout.col_widths
    assert widths[1] > 1.9 * cm and sum(widths) == pytest.approx(7.6 * cm)
    assert [no_zwnj(logical(t)) for t in table.cell_lines(0, 1)] == ["خواهرخواندگی"]


@pytest.mark.parametrize("word", ["عبدالرحمن", "خواهرخواندگی", LONG_WORD])
def test_a_word_wider_than_its_line_is_set_smaller_never_cut(word):
    lines = wrap_text(word, FONT_REGULAR, 9, 40, min_font_size=8)
    assert len(lines) == 1
    assert logical(lines[0].text) == word  # one word, joined: no «عبدالرح|من», no lone «ی»
    assert lines[0].size == 0 or 8 <= lines[0].size < 9
    # without a minimum size it overflows its line rather than being cut
    assert [logical(line.text) for line in wrap_text(word, FONT_REGULAR, 9, 40)] == [word]


def test_a_word_that_must_break_breaks_at_its_zwnj():
    word = "هماهنگی‌های‌بین‌المللی"
    lines = wrap_text(word, FONT_REGULAR, 10, 60)
    assert len(lines) > 1
    pieces = [logical(line.text) for line in lines]
    assert "".join(pieces) == word
    assert all(piece.endswith("\u200c") for piece in pieces[:-1])


def test_a_latin_name_breaks_at_its_hyphen_and_an_url_anywhere():
    lines = wrap_text("Nikzad-Rahmani", FONT_REGULAR, 10, 45, direction="ltr")
    assert [nfkc(line.text) for line in lines] == ["Nikzad-", "Rahmani"]
    url = "https://example.org/" + "a" * 60
    assert "".join(nfkc(line.text) for line in wrap_text(url, FONT_REGULAR, 9, 60)) == url


# --- direction -------------------------------------------------------------------------------


def test_phone_number_prints_as_one_left_to_right_run():
    for text in (PHONE, PHONE + "؛ و", "شماره " + "+98 28 3355 1234" + " است"):
        drawn = nfkc(visual_line(text, FONT_REGULAR))
        assert "+۹۸ ۲۸ ۳۳۵۵ ۱۲۳۴" in drawn, drawn  # left to right, the plus sign first
        assert logical(visual_line(text, FONT_REGULAR)).startswith(text.split()[0])


def test_latin_name_in_brackets_keeps_its_brackets_over_two_lines():
    lines = wrap_text(BRACKETED_NAME, FONT_REGULAR, 10, 150)
    drawn = [nfkc(line.text) for line in lines]
    assert len(drawn) >= 2
    assert any("(Abdullah" in d for d in drawn), drawn  # not «Abdullah)»
    assert any("Nikzad-Rahmani)" in d for d in drawn), drawn  # not «(Nik…»


def test_mr_at_the_end_of_a_line_keeps_its_full_stop():
    text = "با حضور سفیر Mr. Smith و هیئت همراه"
    for width in range(60, 240, 10):
        for line in wrap_text(text, FONT_REGULAR, 10, width):
            drawn = nfkc(line.text)
            assert ".Mr" not in drawn, (width, drawn)
            if "Mr" in drawn:
                assert "Mr." in drawn


def test_each_cell_takes_its_own_direction_in_an_english_table():
    rows = [
        ["11:00", "Visit to Line-3", "بازدید از خط تولید Line-3"],
        ["12:00", "Hall", "سالن (A) طبقهٔ ۲"],
    ]
    table = rtl_table(
        ["Time", "Activity", "برنامه"], rows, [2 * cm, 5 * cm, 6 * cm], direction="ltr"
    )
    table.wrap(13 * cm, 1000)
    persian = table._layout.rows[0][2][0]
    assert persian.rtl
    assert logical(persian.text) == "بازدید از خط تولید Line-3"
    assert nfkc(persian.text).startswith("Line-3")  # the Latin word at the left end, read last
    bracket = table._layout.rows[1][2][0]
    assert logical(bracket.text) == "سالن (A) طبقهٔ ۲"  # not «]طبقهٔ (A) سالن»
    assert not table._layout.rows[0][1][0].rtl


# --- digits ----------------------------------------------------------------------------------


def test_digits_latin_inside_latin_phrases_and_codes_persian_in_persian_text():
    drawn = nfkc(visual_line(LATIN_PHRASE, FONT_REGULAR))
    assert "TU München (2001)" in drawn and "۲۰۰۱" not in drawn
    assert "1403/ق/25-A" in drawn  # as typed, left to right
    mixed = logical(visual_line(MIXED, FONT_REGULAR))
    assert "۱۰:۳۰" in mixed and "۲۰٪" in mixed and "(فاز ۲)" in mixed and "Alborz Steel" in mixed
    # the same code reads the same in a table cell
    table = rtl_table(["کد"], [["1403/ق/25-A"]], [5 * cm])
    table.wrap(5 * cm, 100)
    assert nfkc(table.cell_lines(0, 0)[0]) == "1403/ق/25-A"


def test_persian_thousands_and_decimal_separators():
    assert logical(visual_line("مبلغ 1,250,000 ریال و نرخ 12.5 درصد", FONT_REGULAR)) == (
        "مبلغ ۱٬۲۵۰٬۰۰۰ ریال و نرخ ۱۲٫۵ درصد"
    )
    assert "1,250,000" in nfkc(visual_line("Budget 1,250,000 EUR", FONT_REGULAR))


# --- the PDF: fonts, copy and search -----------------------------------------------------------

PERSIAN_LINES = [
    "استانداری قزوین (دفتر امور بین‌الملل) و سفارت",
    "لا اله الا الله و عبدالله",
    "می‌روم به خانهٔ دوستی در قزوین",
    "بلاروس و ولایت سغد [تاجیکستان] و ارمنستان",
]


def _engine_pdf(tmp_path: Path) -> Path:
    pdf = tmp_path / "lines.pdf"
    story = [RTLParagraph(text, style("body_right")) for text in PERSIAN_LINES]
    build_pdf(pdf, story, title="آزمون", printed_at=PRINTED)
    return pdf


def _clean(line: str) -> str:
    return " ".join(line.translate(_BIDI_CONTROLS).split())


def _pdftotext(pdf: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [_clean(line) for line in out.stdout.splitlines() if line.strip()]


def _mupdf(pdf: Path) -> list[str]:
    pymupdf = pytest.importorskip("pymupdf")
    with pymupdf.open(str(pdf)) as doc:
        return [
            _clean(line) for page in doc for line in page.get_text().splitlines() if line.strip()
        ]


@pytest.mark.parametrize("extract", [_pdftotext, _mupdf], ids=["pdftotext", "mupdf"])
def test_persian_lines_copy_as_base_letters_in_reading_order(tmp_path, extract):
    lines = extract(_engine_pdf(tmp_path))
    for text in PERSIAN_LINES:
        assert text in lines, (text, lines)  # ZWNJ kept, brackets right, «لا» intact
    assert not any(
        "\ufb50" <= ch <= "\ufeff" for line in lines for ch in line
    )  # no presentation forms


def test_a_pdf_searches_for_persian_typed_normally(tmp_path):
    pymupdf = pytest.importorskip("pymupdf")
    with pymupdf.open(str(_engine_pdf(tmp_path))) as doc:
        page = doc[0]
        for needle in ("استانداری", "بین‌الملل", "الله", "تاجیکستان", "خانهٔ دوستی"):
            assert page.search_for(needle), needle


def test_an_empty_title_prints_a_placeholder(tmp_path, pdf_reader):
    pdf = tmp_path / "untitled.pdf"
    build_pdf(pdf, [heading("", 1), heading("   ", 2)], title="", printed_at=PRINTED)
    text = [b.logical for page in pdf_reader(pdf) for b in page]
    assert text.count(UNTITLED_FA) >= 4  # header, footer, both headings


# --- every report with hostile text ------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    db, visit = hostile_database(folder / "office.sqlite3")
    event_id = list_events(db)[0].id
    guest_names = put_hostile_guest_in_event(db, event_id)
    agreement = list_agreements(db, limit=100, today=TODAY)[0].id
    day = format_jalali(visit.start_at.date(), digits="latin")
    jobs = {
        "weekly-agenda": {"week": day},
        "daily-programme": {"date": day},
        "visit-dossier": {"visit": visit.id},
        "itinerary-en": {"visit": visit.id, "lang": "en"},
        "itinerary-fa": {"visit": visit.id, "lang": "fa"},
        "itinerary-both": {"visit": visit.id, "lang": "both"},
        "visits-register": {"date_from": "1405/09/01", "date_to": "1405/09/30"},
        "agreements-register": {},
        "agreement-sheet": {"agreement": agreement},
        "event-guests": {"event": event_id},
        "invitations": {"event": event_id},
        "badges": {"event": event_id},
        "place-cards": {"event": event_id},
        "event-summary": {"event": event_id},
        "seating-plan": {"event": event_id},
    }
    pdfs = {}
    for name, options in jobs.items():
        kind = "itinerary" if name.startswith("itinerary") else name
        pdfs[name] = render_report(kind, db, folder / f"{name}.pdf", printed_at=PRINTED, **options)
    yield pdfs, guest_names
    db.close()


def test_every_report_embeds_every_font(hostile):
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    pdfs, _ = hostile
    for name, pdf in pdfs.items():
        out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
        rows = out.stdout.splitlines()[2:]
        assert rows, name
        for row in rows:
            assert "Helvetica" not in row, (name, row)
            assert re.search(r"\syes\s+yes\s+yes\s", row), (
                name,
                row,
            )  # embedded, subset, ToUnicode


def _words(text: str) -> list[str]:
    return re.findall(r"[\u0600-\u06ff\u200c]+|[A-Za-z0-9]+", no_zwnj(text))


def test_hostile_visit_reads_back_whole_in_every_visit_document(hostile, pdf_reader):
    pdfs, _ = hostile
    for name in (
        "visit-dossier",
        "itinerary-fa",
        "itinerary-both",
        "weekly-agenda",
        "daily-programme",
    ):
        text = "\n".join(b.logical for page in pdf_reader(pdfs[name]) for b in page)
        flat = "".join(no_zwnj(text).split())
        assert no_zwnj(LONG_WORD) in flat, name  # the 40-letter word in one piece
        assert not re.search(r"(?m)^ی$", text), name  # no lone «ی» on a line of its own
        if name in ("visit-dossier", "itinerary-fa", "itinerary-both"):  # a heading
            assert "".join(no_zwnj(MIXED).replace("10:30", "۱۰:۳۰").split()) in flat, name
    # as drawn, left to right: the phone number and the bracketed Latin name read as typed
    drawn = "\n".join(b.visual for page in pdf_reader(pdfs["visit-dossier"]) for b in page)
    assert "+۹۸ ۲۸ ۳۳۵۵ ۱۲۳۴ :نفلت" in drawn
    assert "(Abdullah Nikzad-Rahmani)" in drawn
    assert "1403/ق/25-A" in drawn and "TU München (2001)" in drawn


def test_hostile_texts_copy_from_the_dossier_with_pdftotext_and_mupdf(hostile):
    pdfs, _ = hostile
    for extract in (_pdftotext, _mupdf):
        text = "\n".join(extract(pdfs["visit-dossier"]))
        for phrase in (
            no_zwnj(HARAKAT).split("،")[0],
            "خانهٔ دوستی",
            "بسم الله الرحمن الرحیم",
            "عبدالله",
        ):
            assert phrase in no_zwnj(text), (extract.__name__, phrase)
        assert no_zwnj(ZWNJ) in no_zwnj(text) and ZWNJ.split()[0] in text  # ZWNJ kept
        assert ALLAH.split()[0] in text


def test_long_guest_names_are_whole_and_not_below_8pt_on_badges_and_plans(hostile, pdf_reader):
    pdfs, (_word_name, long_name) = hostile
    for name in ("badges", "place-cards", "seating-plan", "event-guests"):
        boxes = [b for page in pdf_reader(pdfs[name], split_gap=8) for b in page]
        flat = "".join(no_zwnj("".join(b.logical for b in boxes)).split())
        assert no_zwnj(LONG_WORD) in flat, name  # the 40-letter word in one piece
        for word in no_zwnj(long_name).split():  # on two lines, beside the next badge's
            assert word in flat, (name, word)
        # a long name of many words wraps (two lines) instead of shrinking below 8 pt; only a
        # single word too wide for its box at 8 pt (the 40-letter one) is set smaller
        sizes = [b.size for b in boxes if "العبدالکریم" in b.logical]
        assert sizes and min(sizes) >= 8 - 0.01, (name, sizes)


def test_agreements_register_prints_sister_city_whole(tmp_path, db, pdf_reader):
    load_demo(db, scale=0, today=TODAY)
    pdf = render_report("agreements-register", db, tmp_path / "r.pdf", printed_at=PRINTED)
    lines = [b.logical for page in pdf_reader(pdf, split_gap=6) for b in page]
    assert "خواهرخواندگی" in lines  # the kind column: one word on one line
    assert "گی" not in lines and "خواهرخواند" not in lines


def test_bold_header_words_are_not_cut_either():
    table = rtl_table(["شمارهٔ‌ثبت", "خواهرخواندگی"], [["۱", "۲"]], [1.0 * cm, 1.0 * cm], font_size=9)
    table.wrap(2.0 * cm, 100)
    header = table._layout.header
    assert [no_zwnj(logical(line.text)) for line in header[1]] == ["خواهرخواندگی"]
    assert FONT_BOLD == table.table_style.header_font_name


# --- per document ------------------------------------------------------------------------------


def test_language_codes_print_as_language_names(hostile, pdf_reader):
    from qazvin_diplomacy.core.languages import language_names

    assert language_names("ps, fa") == "پشتو، فارسی"
    assert language_names("en, xx", "en") == "English, xx"
    pdfs, _ = hostile
    text = "\n".join(b.logical for page in pdf_reader(pdfs["visit-dossier"]) for b in page)
    assert "زبان‌ها: پشتو، فارسی".replace("\u200c", "") in text.replace("\u200c", "")
    assert "ps, fa" not in text and "fa ,ps" not in text


def test_event_summary_shows_no_zero_percent_before_the_event(hostile, pdf_reader):
    pdfs, _ = hostile
    text = "\n".join(b.logical for page in pdf_reader(pdfs["event-summary"]) for b in page)
    assert "نسبت حاضران به پاسخ‌های مثبت".replace("\u200c", "") in text.replace("\u200c", "")
    assert "۰٪" not in text and "٪۰" not in text


def test_a_closing_gap_never_makes_a_blank_last_page(tmp_path, hostile, pdf_reader):
    from pypdf import PdfReader
    from reportlab.platypus.flowables import Spacer

    from qazvin_diplomacy.reports.page import MARGIN_BOTTOM, MARGIN_TOP

    frame = 842 - MARGIN_TOP - MARGIN_BOTTOM
    story = [RTLParagraph("متن", style("body_right")), Spacer(1, frame - 10)]
    assert build_pdf(tmp_path / "gap.pdf", story, title="آزمون", printed_at=PRINTED) == 1
    pdfs, _ = hostile
    for name, pdf in pdfs.items():  # every page has text of its own between header and footer
        heights = [float(page.mediabox.height) for page in PdfReader(str(pdf)).pages]
        for number, (boxes, height) in enumerate(zip(pdf_reader(pdf), heights, strict=True), 1):
            body = [b for b in boxes if MARGIN_BOTTOM < b.baseline < height - MARGIN_TOP]
            assert body, (name, number)


def test_one_spelling_of_guest_in_the_event_documents(hostile, pdf_reader):
    pdfs, _ = hostile
    for name in ("badges", "seating-plan", "event-guests", "place-cards", "event-summary"):
        text = "\n".join(b.logical for page in pdf_reader(pdfs[name]) for b in page)
        assert "میهمان" not in text, name  # «مهمان» everywhere


def test_an_honorific_the_name_already_begins_with_is_not_repeated(hostile, pdf_reader):
    """«H.E. Mr.» before «Mr. Abdullah Nikzad-Rahmani» gives «H.E. Mr. Abdullah …», as on
    the place cards (the invitation said «H.E. Mr. Mr. Abdullah …»)."""
    pdfs, _ = hostile
    ltr = " ".join(b.logical_ltr for page in pdf_reader(pdfs["invitations"]) for b in page)
    assert f"H.E. {NAME_EN}" in ltr
    assert "Mr. Mr." not in ltr
