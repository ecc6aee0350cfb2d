"""The visits register read back cell by cell: exactly the visits of the range, in order."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTContainer
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, landscape

from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.jalali import (
    MONTH_NAMES_FA,
    format_jalali,
    format_time,
    parse_jalali,
    to_jalali,
)
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.core.visits import VisitFilter, VisitStatus
from qazvin_diplomacy.reports import visits_register as register_module
from qazvin_diplomacy.reports.catalog import render_report
from qazvin_diplomacy.reports.page import MARGIN_X
from qazvin_diplomacy.reports.rtl import reorder_line
from qazvin_diplomacy.reports.styles import MUTED_COLOR
from qazvin_diplomacy.services.directory import country_by_code
from qazvin_diplomacy.services.visit_reports import visits_register
from qazvin_diplomacy.services.visits import count_visits, list_visits

TODAY = dt.date(2026, 11, 24)  # 1405/09/03
PRINTED = dt.datetime(2026, 11, 24, 10, 30)


@pytest.fixture(scope="module")
def scaled_db(tmp_path_factory, demo_database):
    """A demo database with one scale unit (500 synthetic visits over seven years)."""
    from qazvin_diplomacy.storage.database import Database

    db = Database.open(
        demo_database(tmp_path_factory.mktemp("reg") / "office.sqlite3", scale=1, today=TODAY)
    )
    yield db
    db.close()


def _chars(item) -> list[LTChar]:
    if isinstance(item, LTChar):
        return [item]
    if isinstance(item, LTContainer):
        return [c for child in item for c in _chars(child)]
    return []


def _visual(chars: list[LTChar]) -> str:
    chars = sorted(chars, key=lambda c: c.x0)
    out, prev = [], None
    for ch in chars:
        if prev is not None and ch.x0 - prev > 1.0:
            out.append(" ")
        # The fonts' ToUnicode maps glyphs to base letters (lam-alef in visual order); the
        # zero-width ZWNJ glyph is drawn so that copying keeps it, and is not compared.
        text = unicodedata.normalize("NFKC", ch.get_text()).replace("\u200c", "")
        out.append(text)
        prev = ch.x1 if prev is None else max(prev, ch.x1)
    return " ".join("".join(out).split())


def _is_muted(chars: list[LTChar]) -> bool:
    """Whether the characters are drawn in the muted colour (not the body text colour)."""
    grey = round(MUTED_COLOR.red, 2)
    return bool(chars) and all(round(float(ch.graphicstate.ncolor[0]), 2) == grey for ch in chars)


def read_table(path: Path, widths: list[float]) -> list[dict]:
    """Per page: header cells (bold, across the columns), month headings (bold rows spanning
    the table) and body rows, each a list of cells in column order, top to bottom.

    A character belongs to the column whose [left, right] holds its centre (the first column
    is the rightmost); a row starts at each baseline where the first column holds a number.
    ``items`` lists ("month", text) and ("row", cells) in page order; ``muted`` the indices of
    the rows drawn in the muted colour.
    """
    page_w = landscape(A4)[0]
    edges, right = [], page_w - MARGIN_X
    for w in widths:
        edges.append((right - w, right))
        right -= w
    pages = []
    for page in extract_pages(str(path), laparams=LAParams(all_texts=True)):
        cells: dict[tuple[int, float], list[LTChar]] = {}
        bold: dict[float, list[LTChar]] = {}
        for ch in _chars(page):
            centre = (ch.x0 + ch.x1) / 2
            col = next((i for i, (a, b) in enumerate(edges) if a <= centre <= b), None)
            baseline = round(ch.matrix[5], 1)
            if col is None or not 50 < baseline < landscape(A4)[1] - 75:
                continue
            if "Bold" in ch.fontname:
                bold.setdefault(baseline, []).append(ch)
                continue
            cells.setdefault((col, baseline), []).append(ch)
        header_baselines = {max(bold)}  # the (one-line) header: the table's top row
        table_top = max(bold)
        header_lines = {}
        for b in header_baselines:
            for ch in bold[b]:
                centre = (ch.x0 + ch.x1) / 2
                col = next(i for i, (a, bb) in enumerate(edges) if a <= centre <= bb)
                header_lines.setdefault((col, b), []).append(ch)
        header = [
            " ".join(
                reorder_line(_visual(header_lines[(c, b)]), rtl=True)
                for b in sorted(header_baselines, reverse=True)
                if (c, b) in header_lines
            )
            for c in range(len(widths))
        ]
        months = {
            b: reorder_line(_visual(chs), rtl=True) for b, chs in bold.items() if b < table_top - 1
        }
        lines = {key: reorder_line(_visual(chs), rtl=True) for key, chs in cells.items()}
        starts = sorted(
            (b for (c, b) in lines if c == 0 and b < table_top and lines[(c, b)].isdigit()),
            reverse=True,
        )
        items: list[tuple[str, object]] = []
        rows, muted = [], []
        # Text in the first column that is no row number (the total under the table) ends it.
        ends = {b for (c, b) in lines if c == 0 and b < table_top and b not in starts}
        stops = sorted({*starts, *months, *ends}, reverse=True)
        for top in stops:
            if top in ends:
                break
            if top in months:
                items.append(("month", months[top]))
                continue
            later = [b for b in stops if b < top]
            bottom = later[0] if later else -1
            row, row_chars = [], []
            for c in range(len(widths)):
                keys = sorted({b for (cc, b) in lines if cc == c and bottom < b <= top + 0.5})
                row.append(" ".join(lines[(c, b)] for b in reversed(keys)))
                row_chars += [ch for b in keys for ch in cells[(c, b)]]
            if _is_muted(row_chars):
                muted.append(len(rows))
            rows.append(row)
            items.append(("row", row))
        pages.append({"header": header, "rows": rows, "items": items, "muted": muted})
    return pages


def column_streams(
    path: Path, widths: list[float], *, page_size=A4, rtl: bool = True
) -> list[list[str]]:
    """Per column (first column first), the logical lines of its regular-weight text on every
    page, top to bottom: the column's cells in order.  Bold text (headers, headings) is left out.
    """
    page_w, page_h = page_size
    edges = []
    if rtl:
        right = page_w - MARGIN_X
        for w in widths:
            edges.append((right - w, right))
            right -= w
    else:
        left = MARGIN_X
        for w in widths:
            edges.append((left, left + w))
            left += w
    columns: list[list[str]] = [[] for _ in widths]

    def column_of(ch: LTChar) -> int | None:
        centre = (ch.x0 + ch.x1) / 2
        return next((i for i, (a, b) in enumerate(edges) if a <= centre <= b), None)

    for page in extract_pages(str(path), laparams=LAParams(all_texts=True)):
        by_baseline: dict[float, list[LTChar]] = {}
        for ch in _chars(page):
            baseline = round(ch.matrix[5], 1)
            if "Bold" not in ch.fontname and 50 < baseline < page_h - 75:
                by_baseline.setdefault(baseline, []).append(ch)
        cells: dict[tuple[int, float], list[LTChar]] = {}
        for baseline, chars in by_baseline.items():
            runs: list[list[LTChar]] = []
            for ch in sorted(chars, key=lambda c: c.x0):  # runs of text between wide gaps
                if runs and ch.x0 - max(c.x1 for c in runs[-1]) <= 7:
                    runs[-1].append(ch)
                else:
                    runs.append([ch])
            for run in runs:
                cols = {column_of(ch) for ch in run}
                if len(cols) == 1 and None not in cols:  # a paragraph across columns is no cell
                    cells.setdefault((cols.pop(), baseline), []).extend(run)
        for (col, _b), chs in sorted(cells.items(), key=lambda kv: -kv[0][1]):
            columns[col].append(reorder_line(_visual(chs), rtl=rtl))
    return columns


def _words(text: str) -> list[str]:
    return text.replace("\u200c", "").split()


def test_register_of_a_year_has_exactly_the_visits_of_list_visits_in_order(scaled_db, tmp_path):
    first, last = parse_jalali("1404/07/01"), parse_jalali("1405/06/31")
    filters = VisitFilter(date_from=first, date_to=last)
    expected = list_visits(scaled_db, filters=filters, limit=10_000)
    assert len(expected) == count_visits(scaled_db, filters=filters) > 40
    out = tmp_path / "register.pdf"
    render_report(
        "visits-register",
        scaled_db,
        out,
        date_from="۱۴۰۴/۷/۱",
        date_to="1405-06-31",
        printed_at=PRINTED,
    )
    pages = read_table(out, register_module.WIDTHS)
    assert len(pages) >= 3
    for page in pages:  # the header row is repeated on every page
        assert page["header"] == register_module.HEADER
    rows = [row for page in pages for row in page["rows"]]
    assert [r[0] for r in rows] == [to_persian_digits(n) for n in range(1, len(expected) + 1)]
    outcomes = visits_register(scaled_db, date_from=first, date_to=last).rows
    for row, visit, data in zip(rows, expected, outcomes, strict=True):
        number, day, hours, title, country, guests, status, outcome = row
        assert day == format_jalali(visit.start_at)
        assert _words(hours)[0] == format_time(visit.start_at)
        assert _words(title) == _words(visit.title)
        assert _words(country) == _words(visit.country_name_fa)
        assert _words(guests) == _words(visit.guest_names())
        assert status == register_module.status_label(visit.status)
        assert _words(outcome) == _words(data.outcome)
    assert any(r[7] for r in rows)  # held visits carry an outcome
    # Persian page numbers, total included: «صفحه ۱ از N».
    text = PdfReader(str(out)).pages[0].extract_text()
    assert text  # pypdf reads the file


def test_register_filters_by_country_and_status(scaled_db, tmp_path, pdf_reader):
    iraq = country_by_code(scaled_db, "IQ")
    assert iraq is not None
    first, last = parse_jalali("1400/01/01"), parse_jalali("1406/12/29")
    filters = VisitFilter(
        country_id=iraq.id, status=VisitStatus.HELD, date_from=first, date_to=last
    )
    expected = list_visits(scaled_db, filters=filters, limit=10_000)
    assert expected
    out = tmp_path / "iraq.pdf"
    render_report(
        "visits-register",
        scaled_db,
        out,
        date_from="1400/01/01",
        date_to="1406/12/29",
        country="عراق",
        status="برگزارشده",
        printed_at=PRINTED,
    )
    rows = [r for p in read_table(out, register_module.WIDTHS) for r in p["rows"]]
    assert [_words(r[3]) for r in rows] == [_words(v.title) for v in expected]
    assert {r[4] for r in rows} == {"عراق"} and {r[6] for r in rows} == {"برگزارشده"}
    read = pdf_reader(out)
    top = [b.logical for b in read[0][:4]]
    assert any("کشور: عراق" in t and "وضعیت: برگزارشده" in t for t in top)
    footer = [b.logical for b in read[0] if b.logical.startswith("صفحه")]
    assert footer == [f"صفحه ۱ از {to_persian_digits(len(read))}"]


def test_empty_register_says_so(scaled_db, tmp_path, pdf_reader):
    out = tmp_path / "empty.pdf"
    render_report(
        "visits-register",
        scaled_db,
        out,
        date_from="1390/01/01",
        date_to="1390/01/02",
        printed_at=PRINTED,
    )
    lines = [b.logical for b in pdf_reader(out)[0]]
    assert "در این بازه دیداری ثبت نشده است." in lines


@pytest.fixture
def fresh_db(tmp_path_factory, fresh_database):
    """A fresh database outside the test's folder (the scaled demo costs CPU-seconds)."""
    from qazvin_diplomacy.storage.database import Database

    folder = tmp_path_factory.mktemp("reg-fresh")
    db = Database.open(fresh_database(folder / "office.sqlite3", countries=True))
    yield db
    db.close()


def test_reversed_range_is_refused(fresh_db, tmp_path):
    """Refused before anything is read: a fresh database will do."""
    from qazvin_diplomacy.core.errors import KnownError

    with pytest.raises(KnownError, match="پیش از"):
        render_report(
            "visits-register",
            fresh_db,
            tmp_path / "x.pdf",
            date_from="1405/02/01",
            date_to="1405/01/01",
        )
    assert not list(tmp_path.iterdir())


def test_register_is_dense_grouped_by_month_with_counts_total_and_cancelled_marked(
    scaled_db, tmp_path, pdf_reader
):
    """At least 20 visits on every full page (a plain table held 12); a heading row with the
    month's count before each month's visits; the total under the table; a cancelled visit
    muted with «لغو شد»."""
    first, last = parse_jalali("1403/01/01"), parse_jalali("1405/06/31")
    expected = list_visits(
        scaled_db, filters=VisitFilter(date_from=first, date_to=last), limit=10_000
    )
    assert any(v.status is VisitStatus.CANCELLED for v in expected)
    out = tmp_path / "register.pdf"
    render_report(
        "visits-register", scaled_db, out, date_from="1403/01/01", date_to="1405/06/31",
        printed_at=PRINTED,
    )  # fmt: skip
    pages = read_table(out, register_module.WIDTHS)
    for page in pages[:-1]:
        assert len(page["rows"]) >= 20
    # Months in order, each heading with its own count, each visit under its month.
    items = [item for page in pages for item in page["items"]]
    months: list[tuple[str, int]] = []
    for kind, value in items:
        if kind == "month":
            months.append((value, 0))
        else:
            assert months, "a visit before any month heading"
            months[-1] = (months[-1][0], months[-1][1] + 1)
    by_month: dict[tuple[int, int], int] = {}
    for v in expected:
        key = to_jalali(v.start_at.date())[:2]
        by_month[key] = by_month.get(key, 0) + 1
    assert [m for m, _n in months] == [
        f"{MONTH_NAMES_FA[m - 1]} {to_persian_digits(y)} — {format_count(n)} دیدار"
        for (y, m), n in by_month.items()
    ]
    assert [n for _m, n in months] == list(by_month.values())
    # A month heading never ends a page.
    assert all(page["items"][-1][0] == "row" for page in pages)
    # Cancelled visits: «لغو شد», the row muted; other rows are not.
    rows, muted = [], set()
    for page in pages:
        muted |= {len(rows) + i for i in page["muted"]}
        rows += page["rows"]
    cancelled = {i for i, v in enumerate(expected) if v.status is VisitStatus.CANCELLED}
    assert muted == cancelled
    assert {rows[i][6] for i in cancelled} == {"لغو شد"}
    # The total, with the count per status.
    data = visits_register(scaled_db, date_from=first, date_to=last)
    lines = [b.logical for b in pdf_reader(out)[-1]]
    assert register_module.total_line(data) in lines
    assert f"جمع: {format_count(len(expected))} دیدار در {format_count(len(by_month))} ماه" in (
        register_module.total_line(data)
    )
