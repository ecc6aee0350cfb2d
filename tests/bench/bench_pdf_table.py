"""Benchmark: a 5,000-row × 7-column Persian table to PDF (not collected by pytest).

Run:  cd /work/main && /work/venv/bin/python tests/bench/bench_pdf_table.py [rows] [--floor-memory]

Prints rows, seconds and peak traced memory for
  * ours:  ``rtl_table`` + ``build_pdf`` (shaping, wrapping and bidi included in the time);
  * floor: a plain platypus ``Table`` of ``Paragraph`` cells holding text already shaped,
    wrapped in logical order and reordered per line (the simplest correct way with
    platypus; that preparation is timed separately and not included in its build time).
"""

from __future__ import annotations

import random
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
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from qazvin_diplomacy.reports import rtl
from qazvin_diplomacy.reports.document import build_pdf
from qazvin_diplomacy.reports.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from qazvin_diplomacy.reports.styles import GRID_COLOR, HEADER_FILL, ZEBRA_FILL
from qazvin_diplomacy.reports.tables import rtl_table

HEADER = ["ردیف", "نام و سمت", "سازمان", "رایانامه", "تاریخ", "وضعیت", "شرح و پیگیری"]
COL_WIDTHS = [1.2 * cm, 4.2 * cm, 4.2 * cm, 4.4 * cm, 2.4 * cm, 2.2 * cm, 7.0 * cm]
_NAMES = ["علی رضایی", "مریم احمدی", "Marco Rossi", "عبدالله کریمی", "Anna Müller", "زهرا موسوی"]
_TITLES = ["سفیر", "کاردار", "رایزن اقتصادی", "کنسول", "استاندار", "مدیرکل"]
_ORGS = [
    "سفارت Italia",
    "سرکنسولگری گرجستان",
    "اتاق بازرگانی قزوین",
    "دانشگاه بین‌المللی امام خمینی (ره)",
    "پارک علم و فناوری",
    "شرکت Qazvin Steel",
]
_STATUS = ["درخواست‌شده", "برنامه‌ریزی‌شده", "قطعی", "برگزارشده", "تعویق", "لغو"]
_WORDS = "دیدار هیئت موافقت‌نامه تفاهم‌نامه پیگیری مهلت صادرات بازار هدف دبیرخانه کارگروه صورتجلسه مصوبه خانهٔ گردشگری سرمایه‌گذاری".split()


def make_rows(count: int, seed: int = 1405) -> list[list[str]]:
    """Deterministic rows of Persian text mixed with Latin words, numbers, codes and e-mails."""
    rng = random.Random(seed)
    rows = []
    for i in range(1, count + 1):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(4, 16))]
        words.insert(rng.randint(0, len(words)), f"QZ-{1400 + i % 6}-{i:05d}")
        words.insert(rng.randint(0, len(words)), f"{rng.randint(2, 900)} میلیون ریال")
        rows.append(
            [
                str(i),
                f"{rng.choice(_NAMES)} ({rng.choice(_TITLES)})",
                rng.choice(_ORGS),
                f"contact{i}@mfa{rng.randint(1, 9)}.gov.ir",
                f"1405/{rng.randint(1, 12):02d}/{rng.randint(1, 29):02d}",
                rng.choice(_STATUS),
                " ".join(words),
            ]
        )
    return rows


def measure(label: str, func, *, trace: bool) -> tuple[float, object]:
    """Run ``func`` once and print its time; with ``trace``, its peak traced memory instead.

    tracemalloc slows Python code two to three times, so time and memory are separate runs.
    """
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - start
    if trace:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{label:<52} peak {peak / 2**20:8.1f} MiB (traced run)", flush=True)
    else:
        print(f"{label:<52} {seconds:8.2f} s", flush=True)
    return seconds, result


def bench_ours(rows: list[list[str]], out: Path) -> int:
    """Our layer, from logical strings to the file."""
    table = rtl_table(HEADER, rows, COL_WIDTHS, font_size=9, col_align=["center"] + ["right"] * 6)
    return build_pdf(out, [table], title="گزارش آزمایشی ۵۰۰۰ ردیف", landscape=True)


def prepare_floor(rows: list[list[str]]) -> list[list[Paragraph]]:
    """Shape/wrap/reorder each cell with our text layer and wrap it in a platypus Paragraph."""
    register_fonts()
    cell = ParagraphStyle("c", fontName=FONT_REGULAR, fontSize=9, leading=15.3, alignment=TA_RIGHT)
    head = ParagraphStyle("h", parent=cell, fontName=FONT_BOLD)
    pad = 8.0

    def para(text: str, width: float, style: ParagraphStyle) -> Paragraph:
        lines = rtl.wrap_text(text, style.fontName, style.fontSize, width - pad)
        return Paragraph("<br/>".join(escape(line.text) for line in lines), style)

    widths = COL_WIDTHS
    data = [[para(h, w, head) for h, w in zip(HEADER, widths, strict=True)][::-1]]
    for row in rows:
        data.append([para(t, w, cell) for t, w in zip(row, widths, strict=True)][::-1])
    return data


def bench_floor(data: list[list[Paragraph]], out: Path) -> int:
    """A plain platypus Table (first column placed on the right by reversing the columns)."""
    doc = SimpleDocTemplate(
        str(out), pagesize=landscape(A4), leftMargin=1.6 * cm, rightMargin=1.6 * cm
    )
    table = Table(data, colWidths=COL_WIDTHS[::-1], repeatRows=1)
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


def _clear_caches() -> None:
    rtl._word_cache.clear()
    rtl._line_cache.clear()
    rtl._wrap_cache.clear()


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 5000
    floor_memory = "--floor-memory" in sys.argv
    rows = make_rows(count)
    print(f"rows: {count} x {len(HEADER)} columns")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        _clear_caches()
        seconds, pages = measure(
            "ours: rtl_table + build_pdf, cold caches",
            lambda: bench_ours(rows, out / "a.pdf"),
            trace=False,
        )
        size = (out / "a.pdf").stat().st_size / 2**20
        print(f"  pages {pages}, file {size:.1f} MiB, {count / seconds:,.0f} rows/s")
        measure(
            "ours again, warm word/line caches",
            lambda: bench_ours(rows, out / "b.pdf"),
            trace=False,
        )
        _clear_caches()
        measure("ours, cold caches", lambda: bench_ours(rows, out / "c.pdf"), trace=True)
        _s, data = measure(
            "floor: preparing Paragraph cells (not counted)",
            lambda: prepare_floor(rows),
            trace=False,
        )
        _s, fpages = measure(
            "floor: platypus Table of Paragraphs, build",
            lambda: bench_floor(data, out / "d.pdf"),
            trace=False,
        )  # type: ignore[arg-type]
        print(f"  pages {fpages}")
        if floor_memory:
            measure("floor: build", lambda: bench_floor(data, out / "e.pdf"), trace=True)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
