"""End-to-end tests: build PDFs and read them back (pdfminer positions, NFKC, logical order)."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Flowable, PageBreak

from qazvin_diplomacy.reports.document import build_pdf
from qazvin_diplomacy.reports.fonts import MissingGlyphError
from qazvin_diplomacy.reports.page import MARGIN_X, format_print_time, page_label
from qazvin_diplomacy.reports.rtl_draw import LTRParagraph, RTLParagraph
from qazvin_diplomacy.reports.styles import style
from qazvin_diplomacy.reports.tables import rtl_table

PRINTED = dt.datetime(2026, 11, 24, 10, 30)  # 1405/09/03

PARAGRAPH = (
    "در نشست هفتگی کارگروه دیپلماسی اقتصادی استان که روز شنبه ۳ آذر ۱۴۰۵ برگزار شد، "
    "سفیر Italia و رایزن اقتصادی آقای Marco Rossi با استاندار دیدار کردند. در این دیدار "
    "دربارهٔ موافقت‌نامهٔ خواهرخواندگی با شهر Tbilisi و همکاری‌های علمی با پارک علم و فناوری "
    "گفت‌وگو شد. نشانی رایانامهٔ دبیرخانه info2@qazvin.ir و protocol@ostan-qz.ir و کد پرونده "
    "QZ-1404-017 است. هزینهٔ برآوردی ۲۵۰۰ میلیون ریال و شمار مهمانان ۴۵ نفر اعلام شد."
)


def body_boxes(pages, page_height):
    """Boxes between the header rule and the footer rule."""
    return [b for b in pages if 40 < b.baseline < page_height - 60]


def test_long_paragraph_reads_back_word_for_word_across_pages(tmp_path, pdf_reader, reading_order):
    text = " ".join([PARAGRAPH] * 12)  # long enough to split over two pages
    out = tmp_path / "p.pdf"
    pages = build_pdf(out, [RTLParagraph(text, style("body"))], title="آزمون", printed_at=PRINTED)
    assert pages >= 2
    read = pdf_reader(out, split_gap=1000)  # a justified line is one box whatever its gaps
    lines = [box.logical for page in read for box in body_boxes(page, A4[1])]
    reading_order(lines, text)
    # Latin tokens keep their digits; numbers in Persian text are Persian.
    joined = " ".join(lines)
    assert "info2@qazvin.ir" in joined and "QZ-1404-017" in joined and "۲۵۰۰" in joined
    assert "2500" not in joined


def test_latin_digits_are_converted_in_persian_words(tmp_path, pdf_reader):
    out = tmp_path / "d.pdf"
    build_pdf(
        out,
        [RTLParagraph("سال 1405 کد AB-12 و 45 نفر", style("body_right"))],
        title="ت",
        printed_at=PRINTED,
    )
    (box,) = body_boxes(pdf_reader(out)[0], A4[1])
    assert box.logical == "سال ۱۴۰۵ کد AB-12 و ۴۵ نفر"


def test_brackets_mirrored_and_special_words_in_pdf(tmp_path, pdf_reader):
    story = [
        RTLParagraph("(گزارش)", style("body_right")),
        RTLParagraph("Qazvin میزبان هیئت بود", style("body_right")),
        RTLParagraph("1405 سال خوبی بود", style("body_right")),
        RTLParagraph("خانهٔ دوستی", style("body_right")),
        RTLParagraph("عبدالله", style("body_right")),
        RTLParagraph("می‌روم", style("body_right")),
    ]
    out = tmp_path / "b.pdf"
    build_pdf(out, story, title="ت", printed_at=PRINTED)
    boxes = body_boxes(pdf_reader(out)[0], A4[1])
    right_edge = A4[0] - MARGIN_X
    assert [b.logical for b in boxes] == [
        "(گزارش)",
        "Qazvin میزبان هیئت بود",
        "۱۴۰۵ سال خوبی بود",
        "خانهٔ دوستی",
        "عبدالله",
        "میروم",
    ]
    for box in boxes:
        assert box.x1 == pytest.approx(right_edge, abs=1.0)  # right-aligned
    brackets = boxes[0]
    assert brackets.raw[0] == "(" and brackets.raw[-1] == ")"  # drawn left to right
    assert boxes[1].visual.endswith("Qazvin")  # the Latin first word sits at the right
    assert boxes[2].visual.endswith("۱۴۰۵")
    assert "\u0654" in boxes[3].raw
    assert "\ufdf2" not in boxes[4].raw
    zwnj = boxes[5].raw
    assert "\u200c" not in zwnj
    # The glyphs copy as base letters (the fonts' ToUnicode map); the joining forms are
    # checked in test_reports_rtl (test_zwnj_breaks_joining_and_is_drawn_as_a_zero_width_glyph).
    assert zwnj == "میروم"[::-1]


def test_page_numbers_total_and_header(tmp_path, pdf_reader):
    story = [RTLParagraph("صفحهٔ یکم", style("body")), PageBreak(),
             RTLParagraph("صفحهٔ دوم", style("body")), PageBreak(),
             RTLParagraph("صفحهٔ سوم", style("body"))]  # fmt: skip
    out = tmp_path / "n.pdf"
    assert (
        build_pdf(out, story, title="گزارش آزمایشی", classification="محرمانه", printed_at=PRINTED)
        == 3
    )
    read = pdf_reader(out)
    assert len(read) == 3
    right_edge = A4[0] - MARGIN_X
    for number, page in enumerate(read, 1):
        footer = [b for b in page if b.baseline < 60]
        label = [b for b in footer if b.logical.startswith("صفحه")]
        assert len(label) == 1, [b.logical for b in footer]
        assert label[0].logical == f"صفحه {'۱۲۳'[number - 1]} از ۳"
        assert label[0].x1 == pytest.approx(right_edge, abs=1.0)
        texts = [b.logical for b in page]
        assert "استانداری قزوین — دفتر امور بینالملل" in texts
        assert "گزارش آزمایشی" in texts
        assert "تاریخ چاپ: ۱۴۰۵/۰۹/۰۳ ساعت ۱۰:۳۰" in texts
        assert texts.count("محرمانه") == 2  # stamp in the header, mark in the footer
        heading = next(b for b in page if b.logical.startswith("استانداری"))
        assert heading.x1 == pytest.approx(right_edge, abs=1.0)


@pytest.mark.parametrize("classification", [None, "محرمانه"])
def test_letter_and_card_pages_carry_no_print_time_or_page_count(
    tmp_path, pdf_reader, classification
):
    story = [
        RTLParagraph("متن نامه", style("body")),
        PageBreak(),
        RTLParagraph("نامه دوم", style("body")),
    ]
    marks = 0 if classification is None else 1
    letter = tmp_path / "letter.pdf"
    build_pdf(letter, story, title="دعوت‌نامه", furniture="letter",
              classification=classification, printed_at=PRINTED)  # fmt: skip
    for page in pdf_reader(letter):
        texts = [b.logical for b in page]
        assert "استانداری قزوین — دفتر امور بینالملل" in texts and "دعوتنامه" in texts
        assert not any(t.startswith(("صفحه", "تاریخ چاپ")) for t in texts), texts
        assert texts.count("محرمانه") == 2 * marks  # stamp at the top, mark at the foot
    cards = tmp_path / "cards.pdf"
    build_pdf(cards, story, title="کارت‌ها", furniture="none",
              classification=classification, printed_at=PRINTED)  # fmt: skip
    for page, body in zip(pdf_reader(cards), ("متن نامه", "نامه دوم"), strict=True):
        texts = [b.logical for b in page if b.logical != "محرمانه"]
        assert texts == [body]
        assert [b.logical for b in page].count("محرمانه") == 2 * marks


def test_english_variant(tmp_path, pdf_reader):
    story = [LTRParagraph("Itinerary for the delegation of Tbilisi (Georgia), 24 November 2026.", style("body_en")),
             PageBreak(), LTRParagraph("Day two.", style("body_en"))]  # fmt: skip
    out = tmp_path / "e.pdf"
    build_pdf(
        out, story, title="Itinerary", language="en", classification="normal", printed_at=PRINTED
    )
    read = pdf_reader(out)
    texts = [b.logical_ltr for b in read[1]]
    assert "Page 2 of 2" in texts
    assert "Qazvin Governorate — International Affairs Office" in texts
    assert "Printed: 2026-11-24 10:30 (1405/09/03)" in texts
    assert "Unclassified" in texts
    body = [b for b in read[0] if b.logical_ltr.startswith("Itinerary for")]
    assert body and body[0].x0 == pytest.approx(MARGIN_X, abs=1.0)  # left-aligned


def test_formatting_helpers():
    assert format_print_time(PRINTED) == "۱۴۰۵/۰۹/۰۳ ساعت ۱۰:۳۰"
    assert page_label(2, 10) == "صفحه ۲ از ۱۰"
    assert page_label(2, 10, "en") == "Page 2 of 10"


# --- tables ------------------------------------------------------------------------------


HEADER = ["ردیف", "نام", "رایانامه", "شرح"]
WIDTHS = [40.0, 110.0, 140.0, 200.0]


def table_rows(count: int) -> list[list[str]]:
    return [
        [
            str(i),
            f"مهمان شمارهٔ {i} (سفارت)",
            f"guest{i}@mfa.gov.ir",
            f"دیدار با استاندار و بازدید از خانهٔ صنعت در روز {i} آذر؛ کد QZ-{i:03d} و هزینه {i * 10} میلیون ریال",
        ]
        for i in range(1, count + 1)
    ]


def test_table_spanning_pages_reads_back(tmp_path, pdf_reader):
    rows = table_rows(60)
    out = tmp_path / "t.pdf"
    pages = build_pdf(
        out, [rtl_table(HEADER, rows, WIDTHS)], title="فهرست مهمانان", printed_at=PRINTED
    )
    assert pages >= 3
    read = pdf_reader(out, split_gap=6)
    right_edge = A4[0] - MARGIN_X
    cells: dict[int, list[str]] = {}
    for page_no, page in enumerate(read, 1):
        body = body_boxes(page, A4[1])
        # header row on every page, first column rightmost
        top = max(b.baseline for b in body)
        header = sorted((b for b in body if b.baseline == top), key=lambda b: -b.x1)
        assert [b.logical for b in header] == HEADER, page_no
        assert header[0].x1 <= right_edge and header[0].x0 > header[1].x1
        # gather body cells by column (x ranges from the right edge)
        edges = [right_edge]
        for w in WIDTHS:
            edges.append(edges[-1] - w)
        for box in body:
            if box.baseline == top:
                continue
            col = next(i for i in range(4) if edges[i + 1] <= box.x0 and box.x1 <= edges[i] + 0.5)
            cells.setdefault(col, []).append(box.logical)
    expected_numbers = [str(i) for i in range(1, 61)]
    from qazvin_diplomacy.core.text import to_persian_digits

    assert cells[0] == [to_persian_digits(n) for n in expected_numbers]
    assert cells[2] == [f"guest{i}@mfa.gov.ir" for i in range(1, 61)]
    # multi-line cells: lines top to bottom reproduce the texts word for word
    expected_words = " ".join(to_persian_digits_except_latin(r[3]) for r in rows).split()
    assert " ".join(cells[3]).split() == expected_words
    expected_names = " ".join(to_persian_digits_except_latin(r[1]) for r in rows).split()
    assert " ".join(cells[1]).split() == expected_names


def to_persian_digits_except_latin(text: str) -> str:
    from qazvin_diplomacy.core.text import to_persian_digits

    return " ".join(
        w if any("a" <= c.lower() <= "z" for c in w) else to_persian_digits(w) for w in text.split()
    )


def test_table_landscape_and_no_repeat(tmp_path, pdf_reader):
    out = tmp_path / "l.pdf"
    table = rtl_table(HEADER, table_rows(40), None, repeat_header=False, zebra=False)
    pages = build_pdf(out, [table], title="ت", landscape=True, printed_at=PRINTED)
    assert pages >= 2
    reader = PdfReader(out)
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (width, height) == pytest.approx(landscape(A4))
    read = pdf_reader(out, split_gap=6)
    second = [b.logical for b in body_boxes(read[1], landscape(A4)[1])]
    assert "رایانامه" not in second  # header not repeated when asked not to


def test_rtl_table_validates_shape():
    with pytest.raises(ValueError, match="row 1"):
        rtl_table(["a", "b"], [["1", "2"], ["3"]], None)
    with pytest.raises(ValueError, match="widths"):
        rtl_table(["a", "b"], [], [10.0])


def test_table_cell_with_missing_glyph_fails_loudly(tmp_path):
    out = tmp_path / "g.pdf"
    with pytest.raises(MissingGlyphError):
        build_pdf(out, [rtl_table(["نام"], [["سلام 中"]], [100.0])], title="ت")
    assert not out.exists()


# --- atomic write -------------------------------------------------------------------------


class Exploding(Flowable):
    def wrap(self, *args):
        raise RuntimeError("boom")


def test_build_pdf_is_atomic(tmp_path):
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old report")
    with pytest.raises(RuntimeError, match="boom"):
        build_pdf(out, [RTLParagraph("متن", style("body")), Exploding()], title="ت")
    assert out.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]  # no temp file left
    assert build_pdf(out, [RTLParagraph("متن", style("body"))], title="ت") == 1
    assert out.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]


def test_fonts_are_embedded_subsets(tmp_path):
    out = tmp_path / "f.pdf"
    build_pdf(out, [RTLParagraph("متن **", style("bold"))], title="ت", printed_at=PRINTED)
    fonts = set()
    for page in PdfReader(out).pages:
        for font in page["/Resources"]["/Font"].values():
            obj = font.get_object()
            fonts.add(str(obj["/BaseFont"]))
            descriptor = obj.get("/FontDescriptor")
            if descriptor is not None:
                assert "/FontFile2" in descriptor.get_object()
    # subset-tagged (AAAAAA+) embedded TrueType fonts
    subsets = {f.split("+", 1)[1] for f in fonts if "+" in f}
    assert subsets == {"Vazirmatn-Regular", "Vazirmatn-Bold"}
    assert unicodedata.normalize("NFKC", "ﻡ") == "م"
