"""Unit tests of RTLTable: layout once, splitting, zebra, automatic column widths."""

from __future__ import annotations

import unicodedata

import pytest

from qazvin_diplomacy.reports import tables
from qazvin_diplomacy.reports.fonts import FONT_REGULAR
from qazvin_diplomacy.reports.rtl import text_width, visual_line
from qazvin_diplomacy.reports.rtl_draw import RTLParagraph
from qazvin_diplomacy.reports.tables import rtl_table

HEADER = ["ردیف", "عنوان", "رایانامه"]
ROWS = [[str(i), f"دیدار شمارهٔ {i} با هیئت اقتصادی", f"user{i}@mfa.gov.ir"] for i in range(1, 101)]


class RectCanvas:
    """Records rect() and drawString() calls; ignores everything else."""

    def __init__(self) -> None:
        self.rects: list[tuple[float, float, float, float, int]] = []
        self.strings: list[tuple[float, float, str]] = []

    def rect(self, x, y, w, h, stroke=1, fill=0):
        self.rects.append((x, y, w, h, fill))

    def drawString(self, x, y, text):
        self.strings.append((x, y, text))

    def beginPath(self):
        class _Path:
            def moveTo(self, *a):
                pass

            def lineTo(self, *a):
                pass

        return _Path()

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


def test_cells_are_wrapped_once_even_across_splits(monkeypatch):
    calls = []
    real = tables.wrap_text

    def counting(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(tables, "wrap_text", counting)
    table = rtl_table(HEADER, ROWS, [40, 200, 150])
    table.wrap(390, 700)
    assert len(calls) == 3 * 101
    parts = [table]
    pieces = []
    while parts:
        head, *rest = parts[-1].split(390, 300) or [parts[-1]]
        pieces.append(head)
        parts = rest
    assert len(pieces) > 2
    assert len(calls) == 3 * 101  # splitting re-wraps nothing
    ranges = [p.row_range for p in pieces]
    assert ranges[0][0] == 0 and ranges[-1][1] == 100
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False))


def test_split_repeats_header_and_fits():
    table = rtl_table(HEADER, ROWS, [40, 200, 150])
    _w, total = table.wrap(390, 10_000)
    head, tail = table.split(390, 300)
    assert head.wrap(390, 300)[1] <= 300
    header_height = table._layout.header_height
    body_total = total - header_height
    assert head.height + tail.wrap(390, 10_000)[1] == pytest.approx(body_total + 2 * header_height)
    no_repeat = rtl_table(HEADER, ROWS, [40, 200, 150], repeat_header=False)
    no_repeat.wrap(390, 10_000)
    _h, tail2 = no_repeat.split(390, 300)
    assert tail2.wrap(390, 10_000)[1] == pytest.approx(body_total - (head.height - header_height))
    assert table.split(390, header_height + 1) == []


def test_zebra_and_first_column_on_the_right():
    table = rtl_table(HEADER, ROWS[:6], [40, 200, 150])
    table.wrap(390, 1000)
    canvas = RectCanvas()
    table.canv = canvas
    table.draw()
    fills = [r for r in canvas.rects if r[4]]
    assert len(fills) == 1 + 3  # header + rows 2, 4, 6
    numbers = [s for s in canvas.strings if s[2] in "۱۲۳۴۵۶"]
    assert len(numbers) == 6
    assert all(x > 350 for x, _y, _t in numbers)  # the first column is the rightmost 40 pt
    plain = rtl_table(HEADER, ROWS[:6], [40, 200, 150], zebra=False)
    plain.wrap(390, 1000)
    canvas2 = RectCanvas()
    plain.canv = canvas2
    plain.draw()
    assert len([r for r in canvas2.rects if r[4]]) == 1


def test_ltr_table_puts_first_column_on_the_left():
    table = rtl_table(["No.", "Name"], [["1", "Marco Rossi"]], [40, 200], direction="ltr")
    table.wrap(240, 1000)
    canvas = RectCanvas()
    table.canv = canvas
    table.draw()
    number = next(s for s in canvas.strings if s[2] == "1")
    assert number[0] < 40


def test_automatic_widths_fit_the_frame_and_the_longest_words():
    table = rtl_table(HEADER, ROWS, None)
    width, _h = table.wrap(500, 10_000)
    widths = table._layout.col_widths
    assert width == pytest.approx(500)
    assert widths[2] >= text_width("user100@mfa.gov.ir", FONT_REGULAR, 9) + 8
    assert widths[0] < widths[1]
    assert all(len(table.cell_lines(r, 2)) == 1 for r in range(100))  # e-mails never cut


def test_a_long_word_takes_room_but_leaves_each_neighbour_most_of_its_width():
    """A 40-letter word widens its column; the others give room, each keeping at least
    60% of its width while the word can still be set a little smaller."""
    word = ("هماهنگ" + "کننده" + "همکاری" + "های" + "بین" + "المللی" + "استان" + "قزوین")[:40]
    given = [65.0, 128.0, 99.0, 85.0, 65.0, 63.0]  # the daily programme's columns
    rows = [
        [
            "۱۰:۰۰ تا ۱۱:۰۰",
            "بازدید از شرکت Alborz Steel (فاز ۲)",
            "عبدالرحمن " + word,
            "سالن",
            "",
            "وسیله: " + word,
        ]
    ]
    header = ["ساعت", "برنامه", "مهمانان", "محل", "مسئول", "ملاحظات"]
    table = rtl_table(header, rows, given)
    table.wrap(sum(given), 10_000)
    widths = table._layout.col_widths
    assert sum(widths) == pytest.approx(sum(given))
    assert widths[2] > given[2] and widths[5] > given[5]
    for c in (0, 1, 3, 4):
        assert widths[c] >= given[c] * 0.6 - 1e-6  # «برنامه» not squeezed to a sliver
    # the word is whole on one line (set smaller, never below the floor size)
    lines = table._layout.rows[0][2]
    assert len(lines) == 2
    assert all(not line.size or line.size >= tables.MIN_FONT_SIZE for line in lines)
    room = widths[2] - 2 * tables.TableStyle().padding_x + 0.01
    assert all(line.width <= room for line in lines)


def test_decimal_numbers_use_the_persian_separator():
    nfkc = unicodedata.normalize
    assert nfkc("NFKC", visual_line("نرخ 12.5 درصد", FONT_REGULAR)) == "دصرد ۱۲٫۵ خرن"
    assert "۱۴۰۴.۰۹.۰۳" in visual_line("تاریخ 1404.09.03", FONT_REGULAR)  # not a decimal
    assert "v1.2" in visual_line("نسخهٔ v1.2", FONT_REGULAR)


def test_a_section_table_or_its_note_and_the_follow_up_rows() -> None:
    """The agreement sheet and the visit dossier print follow-ups through one row builder;
    an empty section prints its note instead of an empty table."""
    from qazvin_diplomacy.core.followups import FollowUpStatus, FollowUpView
    from qazvin_diplomacy.core.jalali import format_jalali, from_jalali
    from qazvin_diplomacy.reports.catalog import followup_rows, table_or_note

    day = from_jalali(1404, 8, 3)
    tasks = [
        FollowUpView("Send the minutes", owner_name_fa="رضایی", deadline=day, source_title="S"),
        FollowUpView("Call back", owner_text="protocol", status=FollowUpStatus.DONE.value),
    ]
    assert followup_rows(tasks) == [
        ["Send the minutes", "رضایی", format_jalali(day), FollowUpStatus.OPEN.label_fa],
        ["Call back", "protocol", "—", FollowUpStatus.DONE.label_fa],
    ]
    assert followup_rows(tasks[:1], with_source=True)[0][:2] == ["Send the minutes", "S"]
    table = table_or_note(["a", "b", "c", "d"], followup_rows(tasks), None, "none")
    assert isinstance(table, tables.RTLTable)
    note = table_or_note(["a"], [], None, "موردی ثبت نشده است.")
    assert isinstance(note, RTLParagraph) and note.text == "موردی ثبت نشده است."


def test_top_exporters_row_of_a_missing_record_has_no_blank_cell():
    """A company without a record for the year: «—» for its destinations, not an empty cell."""
    from qazvin_diplomacy.core.markets import ExporterRank, MissingExporter, TopExporters
    from qazvin_diplomacy.reports.top_exporters import HEADER, table_rows

    top = TopExporters(
        1404,
        10,
        ranks=(ExporterRank(1, 1, "روغن نباتی زرین", "", 7_250_000, 2),),
        missing=(MissingExporter(2, "لوله کاوه", "", 1403, 2_000_000),),
    )
    rows = table_rows(top)
    assert [len(row) for row in rows] == [len(HEADER)] * 2
    assert all(cell.strip() for row in rows for cell in row), rows
