"""Unit tests of the RTL text layer: shaping, digits, bidi, wrapping, glyph check, flowable."""

from __future__ import annotations

import unicodedata

import pytest
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.enums import TA_JUSTIFY, TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth

from qazvin_diplomacy.reports import rtl
from qazvin_diplomacy.reports.fonts import (
    FONT_BOLD,
    FONT_REGULAR,
    MissingGlyphError,
    check_glyphs,
    font_path,
    fonts_dir,
)
from qazvin_diplomacy.reports.rtl import reorder_line, shape, text_width, visual_line, wrap_text
from qazvin_diplomacy.reports.rtl_draw import LTRParagraph, RTLParagraph
from qazvin_diplomacy.reports.styles import scaled, style

LONG_TEXT = (
    "در نشست هفتگی کارگروه دیپلماسی اقتصادی استان، سفیر Italia و رایزن اقتصادی آقای Marco Rossi "
    "با استاندار قزوین دیدار کردند و دربارهٔ موافقت‌نامهٔ خواهرخواندگی با شهر Tbilisi، "
    "همکاری دانشگاه‌ها و پارک علم و فناوری گفت‌وگو شد؛ نشانی رایانامهٔ دبیرخانه info2@qazvin.ir "
    "و کد پرونده QZ-1404-017 است و هزینهٔ برآوردی ۲۵۰۰ میلیون ریال برای سال ۱۴۰۵ پیش‌بینی شد."
)


def nfkc_visual(visual: str) -> str:
    """NFKC per character; a ligature's expansion (logical order) is reversed to stay visual."""
    out = []
    for ch in visual:
        mapped = unicodedata.normalize("NFKC", ch)
        out.append(
            mapped[::-1] if len(mapped) > 1 and unicodedata.bidirectional(ch) == "AL" else mapped
        )
    return "".join(out)


def logical(visual: str, *, rtl_base: bool = True) -> str:
    """Undo shaping (NFKC) and reorder a visual line back to logical order."""
    return reorder_line(nfkc_visual(visual), rtl=rtl_base).replace("\u200c", "")


class RecordingCanvas:
    """Stands in for a ReportLab canvas and records drawString calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, float, str]] = []

    def drawString(self, x: float, y: float, text: str) -> None:
        self.calls.append((x, y, text))

    def __getattr__(self, name: str):
        return lambda *args, **kwargs: None


# --- fonts -----------------------------------------------------------------------------


def test_fonts_are_found_relative_to_the_package():
    assert font_path(FONT_REGULAR).name == "Vazirmatn-Regular.ttf"
    assert font_path(FONT_BOLD).is_file()
    assert (fonts_dir() / "Vazirmatn-Bold.ttf").is_file()


def test_fonts_dir_when_frozen(monkeypatch, tmp_path):
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr("sys.frozen", True, raising=False)
    assert fonts_dir() == tmp_path / "resources" / "fonts"


def test_check_glyphs_lists_missing_code_points():
    check_glyphs("استانداری قزوین 1405 (abc) «خانهٔ»", FONT_REGULAR)  # no error
    with pytest.raises(MissingGlyphError) as info:
        check_glyphs("سلام 中文 😀", FONT_REGULAR)
    assert info.value.code_points == [0x4E2D, 0x6587, 0x1F600]
    assert "U+1F600" in info.value.message_en and "U+4E2D" in info.value.message


def test_missing_glyph_raised_when_laying_out_a_paragraph():
    para = RTLParagraph("گزارش سفر 😀 هیئت", style("body"))
    with pytest.raises(MissingGlyphError) as info:
        para.wrap(300, 800)
    assert info.value.code_points == [0x1F600]


# --- shaping and digits --------------------------------------------------------------------


def test_ezafe_hamza_is_kept():
    shaped = shape("خانهٔ")
    assert "\u0654" in shaped
    assert unicodedata.normalize("NFKC", shaped).endswith("ه\u0654")


def test_allah_is_not_turned_into_a_ligature_but_lam_alef_is():
    assert "\ufdf2" not in shape("عبدالله")
    assert unicodedata.normalize("NFKC", shape("عبدالله")) == "عبدالله"
    assert "\ufefb" in shape("لا")  # lam-alef is mandatory in Persian script


def test_zwnj_breaks_joining_and_is_drawn_as_a_zero_width_glyph():
    shaped = shape("می\u200cروم")
    # yeh before the ZWNJ takes its final form (U+FBFD), not medial (U+FBFE); reh is isolated
    assert "\ufbfd" in shaped and "\ufbfe" not in shaped
    assert "\ufead" in shaped
    drawn = visual_line("می\u200cروم", FONT_REGULAR)
    assert "\u200d" not in drawn
    # drawn (zero width) so that text copied from the PDF keeps it
    assert unicodedata.normalize("NFKC", drawn)[::-1] == "می\u200cروم"
    assert stringWidth("\u200c", FONT_REGULAR, 10) == 0


def test_format_characters_are_removed_after_bidi():
    drawn = visual_line("نام \u2068John Smith\u2069 و \u200fسال 1405", FONT_REGULAR)
    assert not set(drawn) & set(rtl.FORMAT_CHARS)
    assert "John Smith" in drawn


def test_digits_persian_in_persian_text_but_not_in_latin_tokens():
    drawn = logical(
        visual_line("سال 1405 و info2@qazvin.ir و QZ-1404-017 و http://x.ir/12", FONT_REGULAR)
    )
    assert drawn.split() == [
        "سال",
        "۱۴۰۵",
        "و",
        "info2@qazvin.ir",
        "و",
        "QZ-1404-017",
        "و",
        "http://x.ir/12",
    ]


def test_digits_stay_latin_in_english_paragraphs():
    para = LTRParagraph("Flight IR 712 at 10:30 (gate 4)", style("body_en"))
    para.wrap(400, 100)
    assert para.plain_lines() == ["Flight IR 712 at 10:30 (gate 4)"]


def test_width_is_the_width_of_the_shaped_form():
    word = "استانداری"
    assert text_width(word, FONT_REGULAR, 10) == pytest.approx(
        stringWidth(shape(word), FONT_REGULAR, 10)
    )
    assert text_width(word, FONT_REGULAR, 10) != pytest.approx(stringWidth(word, FONT_REGULAR, 10))


# --- bidi ------------------------------------------------------------------------------------


def test_brackets_are_mirrored_on_rtl_levels():
    drawn = visual_line("(گزارش)", FONT_REGULAR)
    assert drawn[0] == "(" and drawn[-1] == ")"  # as drawn left to right
    assert logical(drawn) == "(گزارش)"
    # python-bidi's own get_display leaves them unmirrored: this is what we fix.
    assert get_display("(گزارش)", base_dir="R")[0] == ")"


def test_brackets_inside_latin_stay_as_typed():
    drawn = unicodedata.normalize("NFKC", visual_line("مقدار f(x) و [آزمایشی] است", FONT_REGULAR))
    assert "f(x)" in drawn
    assert drawn == "تسا [یشیامزآ] و f(x) رادقم"  # as drawn left to right, brackets mirrored
    assert logical(drawn) == "مقدار f(x) و [آزمایشی] است"


@pytest.mark.parametrize(
    ("text", "drawn"),
    [
        # the bracket opened before «ارائه» closes after the name: at the left end, mirrored
        ("(ارائه: Mr. John Smith (UNIDO))", "(Mr. John Smith (UNIDO) :هئارا)"),
        ("[کد QZ-12]", "[QZ-12 دک]"),
        ("(ارائه: Mr. Smith).", ".(Mr. Smith :هئارا)"),
        ("شرکت (Alborz Steel) فعال", "لاعف (Alborz Steel) تکرش"),
    ],
)
def test_a_bracket_closing_persian_after_a_latin_run_stays_outside_it(text, drawn):
    visual = unicodedata.normalize("NFKC", visual_line(text, FONT_REGULAR))
    assert visual == drawn  # as drawn left to right
    assert logical(visual_line(text, FONT_REGULAR)) == text


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Qazvin میزبان هیئت بود", "Qazvin"),
        ("1405 سال خوبی بود", "۱۴۰۵"),
        ("QZ-12 کد پرونده", "QZ-12"),
    ],
)
def test_line_starting_with_latin_or_digits_stays_rtl(text, first):
    drawn = unicodedata.normalize("NFKC", visual_line(text, FONT_REGULAR))
    assert drawn.endswith(first)  # first logical word drawn at the right end


def test_latin_only_text_reads_left_to_right():
    assert visual_line("Mr. Smith.", FONT_REGULAR) == "Mr. Smith."


_ALPHABET = st.sampled_from(
    list("ابپتسشکگیهو") + list("abcXYZ") + list("0123456789") + [" ", ".", ",", "-", ":", "/", "،"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, min_size=1, max_size=40).map("".join), st.booleans())
def test_own_reordering_matches_python_bidi_when_nothing_mirrors(text, rtl_base):
    text = " ".join(text.split())
    if not text:
        return
    base = "R" if rtl_base else "L"
    levels = rtl._resolved_levels(text, base)
    assert levels is not None, "python-bidi's level dump format was not recognised"
    assert rtl._reorder_by_levels(text, levels) == get_display(text, base_dir=base)


# --- wrapping --------------------------------------------------------------------------------


def test_wrapped_lines_read_top_to_bottom(reading_order):
    lines = wrap_text(LONG_TEXT, FONT_REGULAR, 10, 180)
    assert len(lines) >= 5
    assert all(line.width <= 180 for line in lines)
    logical_lines = [logical(line.text) for line in lines]
    reading_order(logical_lines, LONG_TEXT)


def test_reading_order_detector_catches_bidi_before_wrapping(reading_order):
    """The classic bug: reorder the whole paragraph, then wrap the visual string."""
    visual_paragraph = get_display(shape(LONG_TEXT), base_dir="R")
    words = visual_paragraph.split(" ")
    buggy_lines: list[str] = []
    current: list[str] = []
    for word in words:  # naive left-to-right greedy wrap of the visual string
        if current and stringWidth(" ".join([*current, word]), FONT_REGULAR, 10) > 180:
            buggy_lines.append(" ".join(current))
            current = []
        current.append(word)
    buggy_lines.append(" ".join(current))
    with pytest.raises(AssertionError, match="top line"):
        reading_order([logical(line) for line in buggy_lines], LONG_TEXT)


def test_hard_line_breaks_and_blank_lines():
    lines = wrap_text("سطر یک\n\nسطر دو", FONT_REGULAR, 10, 300)
    assert [logical(line.text) for line in lines] == ["سطر یک", "", "سطر دو"]


def test_overlong_token_is_cut_to_fit():
    url = "https://www.mfa.gov.ir/portal/newsview/123456789/very-long-path-segment"
    lines = wrap_text(url, FONT_REGULAR, 9, 60)
    assert len(lines) > 1
    assert all(line.width <= 60 for line in lines)
    assert "".join(line.text for line in lines) == url


def test_wrap_is_cached():
    first = wrap_text(LONG_TEXT, FONT_REGULAR, 9, 200)
    assert wrap_text(LONG_TEXT, FONT_REGULAR, 9, 200) is first


# --- the flowable ----------------------------------------------------------------------------


def test_justified_paragraph_fills_all_lines_but_the_last():
    st_body = scaled(style("body"), 10, alignment=TA_JUSTIFY)
    para = RTLParagraph(LONG_TEXT, st_body)
    para.wrap(200, 1000)
    canvas = RecordingCanvas()
    para.canv = canvas
    para.draw()
    by_line: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in canvas.calls:
        by_line.setdefault(y, []).append((x, text))
    ys = sorted(by_line, reverse=True)
    assert len(ys) == len(para.plain_lines()) >= 4
    for y in ys[:-1]:
        segments = sorted(by_line[y])
        assert len(segments) > 1
        assert segments[0][0] == pytest.approx(0, abs=0.01)
        last_x, last_text = segments[-1]
        assert last_x + stringWidth(last_text, FONT_REGULAR, 10) == pytest.approx(200, abs=0.01)
    (x_last, text_last), *_ = by_line[ys[-1]]
    assert len(by_line[ys[-1]]) == 1  # the last line is drawn whole, right-aligned
    assert x_last + stringWidth(text_last, FONT_REGULAR, 10) == pytest.approx(200, abs=0.01)
    assert x_last > 1


def test_right_aligned_paragraph_draws_each_line_at_right_edge_minus_width():
    para = RTLParagraph(LONG_TEXT, scaled(style("body"), 10, alignment=TA_RIGHT))
    para.wrap(220, 1000)
    canvas = RecordingCanvas()
    para.canv = canvas
    para.draw()
    assert len(canvas.calls) == len(para.plain_lines())
    for x, _y, text in canvas.calls:
        assert x + stringWidth(text, FONT_REGULAR, 10) == pytest.approx(220, abs=0.01)


def test_paragraph_split_keeps_every_line_once():
    para = RTLParagraph(LONG_TEXT, style("body"))
    _w, height = para.wrap(150, 10_000)
    leading = style("body").leading
    head, tail = para.split(150, leading * 3 + 1)
    assert head.wrap(150, 1000)[1] == pytest.approx(3 * leading)
    assert head.plain_lines() + tail.plain_lines() == para.plain_lines()
    assert tail.wrap(150, 1000)[1] == pytest.approx(height - 3 * leading)
    assert para.split(150, leading / 2) == []
