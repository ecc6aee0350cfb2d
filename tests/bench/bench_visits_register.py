"""Benchmark: the visits register (1,000 and 5,000 rows of the --scale demo) against the floor.

Run:  cd /work/main && /work/venv/bin/python tests/bench/bench_visits_register.py [DB] [--no-floor]

DB defaults to /tmp/qd-scale100.sqlite3, created with ``demo --scale 100`` (50,000 visits)
when missing.  For each size it prints
  * ours: ``render_report("visits-register", ...)`` from the database to the PDF, cold text
    caches (query, shaping, bidi, wrapping, layout and writing all included), and the query
    alone;
  * floor: a plain platypus ``Table`` of ``Paragraph`` cells with the same rows, columns and
    fonts, each cell shaped/wrapped/reordered once by our text layer (the simplest correct
    way; that preparation is timed apart and not counted in the floor's build time);
  * peak traced memory of ours (a separate run: tracemalloc slows Python code).
Targets: ours ≤ 1.5 × floor, 5,000 rows < 10 s, memory growing no faster than linearly.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from qazvin_diplomacy.core.jalali import format_jalali, parse_jalali
from qazvin_diplomacy.core.visits import VisitFilter
from qazvin_diplomacy.reports import rtl
from qazvin_diplomacy.reports import visits_register as layout
from qazvin_diplomacy.reports.catalog import render_report
from qazvin_diplomacy.reports.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from qazvin_diplomacy.reports.page import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X
from qazvin_diplomacy.reports.styles import GRID_COLOR, HEADER_FILL, ZEBRA_FILL
from qazvin_diplomacy.services.visit_reports import visits_register
from qazvin_diplomacy.services.visits import list_visits
from qazvin_diplomacy.storage.database import Database

DEFAULT_DB = Path("/tmp/qd-scale100.sqlite3")
SIZES = (1000, 5000)


def open_scale_db(path: Path) -> Database:
    """Open the scale demo, building it (about 25 s) when missing."""
    if not path.exists():
        from qazvin_diplomacy.services.demo import load_demo
        from qazvin_diplomacy.services.directory import ensure_reference_data

        print(f"building {path} (demo --scale 100) …", flush=True)
        db = Database.open(path)
        ensure_reference_data(db)
        load_demo(db, scale=100)
        return db
    return Database.open(path)


def range_for(db: Database, rows: int) -> tuple[str, str]:
    """A Jalali date range holding about ``rows`` visits (whole days), ending two years ago."""
    everything = VisitFilter()
    first = list_visits(db, filters=everything, sort="start", offset=10_000, limit=1)[0]
    last = list_visits(db, filters=everything, sort="start", offset=10_000 + rows - 1, limit=1)[0]
    return format_jalali(first.start_at, digits="latin"), format_jalali(
        last.start_at, digits="latin"
    )


def clear_caches() -> None:
    rtl._word_cache.clear()
    rtl._line_cache.clear()
    rtl._wrap_cache.clear()


def floor_cells(rows: list[list[str]]) -> list[list[Paragraph]]:
    """Each cell shaped, wrapped and reordered once by our layer, then a platypus Paragraph."""
    register_fonts()
    cell = ParagraphStyle("c", fontName=FONT_REGULAR, fontSize=9, leading=15.3, alignment=TA_RIGHT)
    head = ParagraphStyle("h", parent=cell, fontName=FONT_BOLD)

    def para(text: str, width: float, style: ParagraphStyle) -> Paragraph:
        lines = rtl.wrap_text(text, style.fontName, style.fontSize, width - 8.0)
        return Paragraph("<br/>".join(escape(line.text) for line in lines), style)

    widths = layout.WIDTHS
    data = [[para(h, w, head) for h, w in zip(layout.HEADER, widths, strict=True)][::-1]]
    for row in rows:
        data.append([para(t, w, cell) for t, w in zip(row, widths, strict=True)][::-1])
    return data


def floor_build(data: list[list[Paragraph]], out: Path) -> int:
    """A plain platypus Table (first column on the right by reversing the columns)."""
    doc = SimpleDocTemplate(
        str(out), pagesize=landscape(A4), leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
    )  # fmt: skip
    table = Table(data, colWidths=layout.WIDTHS[::-1], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOR),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, ZEBRA_FILL]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    doc.build([table])
    return doc.page


def timed(func):  # tiny helper
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    with_floor = "--no-floor" not in sys.argv
    db = open_scale_db(Path(args[0]) if args else DEFAULT_DB)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in SIZES:
            first, last = range_for(db, size)
            query_s, data = timed(
                lambda f=first, t=last: visits_register(
                    db, date_from=parse_jalali(f), date_to=parse_jalali(t)
                )
            )
            n = len(data.rows)
            clear_caches()
            ours_s, _ = timed(
                lambda f=first, t=last: render_report(
                    "visits-register", db, folder / "ours.pdf", date_from=f, date_to=t
                )
            )
            clear_caches()
            tracemalloc.start()
            render_report(
                "visits-register", db, folder / "ours2.pdf", date_from=first, date_to=last
            )
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            line = f"{n:>5} rows ({first}–{last}): query {query_s:5.2f} s, ours {ours_s:5.2f} s, peak {peak:6.1f} MiB"
            floor_s = prep_s = float("nan")
            if with_floor:
                clear_caches()
                prep_s, cells = timed(lambda d=data: floor_cells(layout.table_rows(d)))
                floor_s, _pages = timed(lambda c=cells: floor_build(c, folder / "floor.pdf"))
                line += f"; floor build {floor_s:6.2f} s (+ {prep_s:4.2f} s preparing cells), ratio ours/floor {ours_s / floor_s:4.2f}"
            print(line, flush=True)
            results.append((n, ours_s, peak, floor_s))
    if len(results) == 2:
        (n1, t1, m1, _f1), (n2, t2, m2, _f2) = results
        print(
            f"growth {n1}→{n2} rows (×{n2 / n1:.1f}): time ×{t2 / t1:.1f}, peak memory ×{m2 / m1:.1f}"
        )
    db.close()


if __name__ == "__main__":
    main()
