"""Seating plan (نقشهٔ چیدمان میزها): every table drawn with its seats and who sits where.

A round table is a circle with its seats around it; a straight (head) table is a row of
seats behind a long table, facing the room.  The plan is seen from above with the host at
the top of a round table: seat numbers increase towards the host's right, which is the left
of the page (``core.seating``).  The host's seat is dark, the seat of honour (the host's
right; at a table without a host the first seat of the order) is gold; interpreters sitting
behind their principal are written under the table.  Each table across the page's width;
a table too large to draw legibly (``ROUND_DIAGRAM_MAX``, ``STRAIGHT_DIAGRAM_MAX`` seats) is
a seat-by-seat list instead, and tables nobody sits at are one line at the end rather than
a page of empty seats.  A4 landscape.  CLI: ``report seating-plan --event ID``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import CondPageBreak, Flowable

from qazvin_diplomacy.core.events import (
    EventReportData,
    GuestView,
    SeatingView,
    SeatView,
    TableView,
)
from qazvin_diplomacy.core.seating import TableShape, honour_sequence
from qazvin_diplomacy.reports.badges import ACCENT, FLOOR_SIZE, Fitted, draw_lines, fit_text
from qazvin_diplomacy.reports.catalog import (
    ReportContent,
    ReportSpec,
    heading,
    join_nonempty,
    paragraph,
)
from qazvin_diplomacy.reports.event_guests import EVENT_OPTION, event_heading, fa, report_data
from qazvin_diplomacy.reports.fonts import FONT_BOLD, FONT_REGULAR
from qazvin_diplomacy.reports.rtl_draw import draw_text
from qazvin_diplomacy.reports.styles import GRID_COLOR, MUTED_COLOR, TEXT_COLOR
from qazvin_diplomacy.reports.tables import rtl_table
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.events import get_seating

TITLE = "نقشهٔ چیدمان میزها"
HONOUR_FILL = HexColor("#e3b64a")
TABLE_FILL = HexColor("#eef1f5")
WHITE = Color(1, 1, 1)
SEAT_R = 0.3 * cm
TITLE_H = 0.75 * cm
LABEL_BLOCK = 1.05 * cm  # room for a name and its title/country above/below the circle
BEHIND_LINE = 0.5 * cm
HOST_MARK = "میزبان"
HOME_COUNTRY = "IR"
EMPTY = "خالی"
#: Most seats drawn as a diagram; a larger table is listed seat by seat (no crowded names).
ROUND_DIAGRAM_MAX = 12
STRAIGHT_DIAGRAM_MAX = 12
NO_TABLES = "برای این رویداد هنوز میزی تعریف نشده است."
EMPTY_TABLES = "میزهای بدون مهمان"


def honour_seat(table: TableView) -> int:
    """The seat of honour: the host's right, or the reference seat at a table without a host."""
    spec = table.spec
    if spec.host_key is None or spec.capacity == 1:
        return spec.host_position
    return honour_sequence(spec.capacity, spec.host_position, spec.shape)[0]


def host_seat(table: TableView) -> int | None:
    """The host's seat, when the table has a host."""
    return table.spec.host_position if table.spec.host_key is not None else None


def seat_name(seat: SeatView) -> str:
    """Who sits there (Persian name), the host marked; '' for an empty seat."""
    if seat.host_person_id is not None:
        name = seat.host_name_fa or (seat.guest.name_fa if seat.guest else "")
        return f"{name} ({HOST_MARK})"
    if seat.guest is None:
        return ""
    return seat.guest.name_fa or seat.guest.name_en


def seat_detail(seat: SeatView) -> str:
    """The sitter's title and country, printed under the name («سفیر — عراق»)."""
    guest = seat.guest
    if guest is None:
        return ""
    country = guest.country_name_fa
    title = guest.title_fa
    # «سفیر جمهوری عراق» already names the country; the office's own officials need none.
    if country and (country in title or guest.country_iso2 == HOME_COUNTRY):
        country = ""
    return join_nonempty([title, country], " — ")


def table_title(table: TableView) -> str:
    """«میز ۱ — میز اصلی (میز گرد، ۱۰ صندلی)»."""
    spec = table.spec
    text = f"میز {fa(spec.number)}"
    if spec.label:
        text += f" — {spec.label}"
    return text + f" ({TableShape(spec.shape).label_fa}، {fa(spec.capacity)} صندلی)"


def behind_text(table: TableView) -> str:
    """«پشت سر عادل حسین الجبوری: فاطمه کریمی (مترجم)»; '' when nobody sits behind."""
    by_person: dict[int, GuestView] = {}
    for s in table.seats:
        if s.guest is not None:
            by_person[s.guest.person_id] = s.guest
    parts = []
    for g in table.behind:
        principal = by_person.get(g.interpreter_for_person_id or 0)
        who = g.name_fa or g.name_en
        if principal is not None:
            parts.append(f"پشت سر {principal.name_fa or principal.name_en}: {who} (مترجم)")
        else:
            parts.append(f"پشت سر مهمان: {who}")
    return "؛ ".join(parts)


def round_radius(capacity: int) -> float:
    """Radius of the circle on which the seats of a round table sit."""
    # 1.45 cm of arc per seat: room between neighbours for a name and the line under it.
    return max(1.75 * cm, capacity * 1.45 * cm / (2 * math.pi))


def diagram_height(table: TableView) -> float:
    """Height a table's diagram needs."""
    if TableShape(table.spec.shape) is TableShape.ROUND:
        radius = round_radius(table.spec.capacity) + SEAT_R + 0.15 * cm
        return TITLE_H + 2 * (radius + LABEL_BLOCK) + BEHIND_LINE
    return TITLE_H + 4.6 * cm + BEHIND_LINE


def _seat_circle(canvas: Canvas, x: float, y: float, seat: int, fill: Color, empty: bool) -> None:
    canvas.saveState()
    canvas.setFillColor(fill)
    canvas.setStrokeColor(MUTED_COLOR if empty else TEXT_COLOR)
    canvas.setLineWidth(0.6)
    if empty:
        canvas.setDash(1.5, 1.5)
    canvas.circle(x, y, SEAT_R, stroke=1, fill=1)
    canvas.setDash()
    canvas.setFillColor(WHITE if fill == ACCENT else TEXT_COLOR)
    draw_text(canvas, str(seat), x, y - 2.4, font_name=FONT_BOLD, font_size=7.5, align="center")
    canvas.restoreState()


def _seat_fill(table: TableView, seat: int) -> Color:
    if seat == host_seat(table):
        return ACCENT
    if seat == honour_seat(table):
        return HONOUR_FILL
    return WHITE


def _label(
    canvas: Canvas,
    text: str,
    x: float,
    y: float,
    width: float,
    align: str,
    vertical: str,
    detail: str = "",
) -> None:
    """A seat's name near (x, y), its ``detail`` (title, country) under it in grey:
    ``vertical`` 'above', 'below' or 'middle' of y."""
    muted = text == EMPTY
    fitted = fit_text(text, FONT_BOLD if HOST_MARK in text else FONT_REGULAR, width,
                      max_size=8, min_size=FLOOR_SIZE, max_lines=2)  # fmt: skip
    small = _detail_lines(detail, width)
    height = fitted.height + (small.height if small is not None else 0.0)
    if vertical == "above":
        top = y + height
    elif vertical == "below":
        top = y
    else:
        top = y + height / 2
    if align == "right":
        left, right = x - width, x
    elif align == "left":
        left, right = x, x + width
    else:
        left, right = x - width / 2, x + width / 2
    draw_lines(canvas, fitted, left, right, top, align=align,
               color=MUTED_COLOR if muted else TEXT_COLOR)  # fmt: skip
    if small is not None:
        draw_lines(canvas, small, left, right, top - fitted.height, align=align,
                   color=MUTED_COLOR)  # fmt: skip


def _detail_lines(detail: str, width: float) -> Fitted | None:
    """The title/country lines under a name (at most two, never below the floor size)."""
    if not detail:
        return None
    return fit_text(detail, FONT_REGULAR, width, max_size=FLOOR_SIZE, min_size=FLOOR_SIZE,
                    max_lines=2)  # fmt: skip


def draw_round(canvas: Canvas, table: TableView, x: float, y: float, width: float) -> None:
    """A round table in the box (x, y, width, its diagram height); host at the top."""
    spec = table.spec
    cap = spec.capacity
    radius = round_radius(cap)
    height = diagram_height(table)
    cx = x + width / 2
    cy = y + BEHIND_LINE + LABEL_BLOCK + radius + SEAT_R + 0.15 * cm
    canvas.saveState()
    canvas.setFillColor(TABLE_FILL)
    canvas.setStrokeColor(GRID_COLOR)
    canvas.circle(cx, cy, radius - SEAT_R - 0.2 * cm, stroke=1, fill=1)
    canvas.restoreState()
    label_r = radius + SEAT_R + 0.15 * cm
    side_width = width / 2 - label_r - 0.2 * cm
    for s in table.seats:
        angle = math.pi / 2 + 2 * math.pi * (s.seat - spec.host_position) / cap
        sx, sy = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        name = seat_name(s)
        _seat_circle(canvas, sx, sy, s.seat, _seat_fill(table, s.seat), not name)
        cos, sin = math.cos(angle), math.sin(angle)
        if abs(cos) < 0.35:  # top or bottom: centred above/below the seat
            edge = sy + (SEAT_R + 0.1 * cm) * (1 if sin > 0 else -1)
            _label(canvas, name or EMPTY, sx, edge, 2 * side_width * 0.6, "center",
                   "above" if sin > 0 else "below", seat_detail(s))  # fmt: skip
        else:  # a side: beside the seat, away from the table
            edge = sx + (SEAT_R + 0.12 * cm) * (1 if cos > 0 else -1)
            _label(canvas, name or EMPTY, edge, sy, side_width, "left" if cos > 0 else "right",
                   "middle", seat_detail(s))  # fmt: skip
    _caption(canvas, table, x, y, width, height)


def draw_straight(canvas: Canvas, table: TableView, x: float, y: float, width: float) -> None:
    """A straight table facing the room; seat 1 at the right end, numbers increase leftwards."""
    cap = table.spec.capacity
    height = diagram_height(table)
    margin = 0.6 * cm
    slot = (width - 2 * margin) / cap
    table_y = y + BEHIND_LINE + 0.3 * cm
    canvas.saveState()
    canvas.setFillColor(TABLE_FILL)
    canvas.setStrokeColor(GRID_COLOR)
    canvas.rect(x + margin, table_y, width - 2 * margin, 0.7 * cm, stroke=1, fill=1)
    canvas.restoreState()
    seat_y = table_y + 0.7 * cm + SEAT_R + 0.15 * cm
    for s in table.seats:
        sx = x + width - margin - (s.seat - 0.5) * slot
        name = seat_name(s)
        _seat_circle(canvas, sx, seat_y, s.seat, _seat_fill(table, s.seat), not name)
        fitted = fit_text(name or EMPTY, FONT_REGULAR, slot - 4, max_size=8, min_size=FLOOR_SIZE,
                          max_lines=3)  # fmt: skip
        small = _detail_lines(seat_detail(s), slot - 4)
        top = seat_y + SEAT_R + 0.15 * cm + fitted.height + (small.height if small else 0.0)
        draw_lines(canvas, fitted, sx - slot / 2 + 2, sx + slot / 2 - 2, top,
                   color=TEXT_COLOR if name else MUTED_COLOR)  # fmt: skip
        if small is not None:
            draw_lines(canvas, small, sx - slot / 2 + 2, sx + slot / 2 - 2, top - fitted.height,
                       color=MUTED_COLOR)  # fmt: skip
    _caption(canvas, table, x, y, width, height)


def _caption(canvas: Canvas, table: TableView, x: float, y: float, w: float, h: float) -> None:
    """The table's title at the top of its box and who sits behind whom at the bottom."""
    title = fit_text(table_title(table), FONT_BOLD, w - 0.4 * cm, max_size=10, min_size=7,
                     max_lines=1)  # fmt: skip
    draw_lines(canvas, title, x, x + w, y + h)
    behind = behind_text(table)
    if behind:
        small = fit_text(behind, FONT_REGULAR, w - 0.4 * cm, max_size=8, min_size=FLOOR_SIZE,
                         max_lines=2)  # fmt: skip
        draw_lines(canvas, small, x, x + w, y + small.height, color=MUTED_COLOR)


class TableRow(Flowable):
    """One or two table diagrams side by side, the first on the right."""

    def __init__(self, tables: Sequence[TableView]) -> None:
        super().__init__()
        self.tables = list(tables)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Full width; as high as the tallest diagram (Flowable.wrap)."""
        self.width = availWidth
        self.height = max(diagram_height(t) for t in self.tables) + 0.3 * cm
        return self.width, self.height

    def draw(self) -> None:
        """Draw each diagram in its share of the row, right to left (Flowable.draw)."""
        share = self.width / len(self.tables)
        for i, table in enumerate(self.tables):
            x = self.width - (i + 1) * share
            y = self.height - diagram_height(table)
            if TableShape(table.spec.shape) is TableShape.ROUND:
                draw_round(self.canv, table, x, y, share)
            else:
                draw_straight(self.canv, table, x, y, share)
        if len(self.tables) > 1:
            self.canv.saveState()
            self.canv.setStrokeColor(GRID_COLOR)
            self.canv.setDash(2, 3)
            self.canv.line(share, 0.2 * cm, share, self.height - 0.2 * cm)
            self.canv.restoreState()


class Legend(Flowable):
    """The key: host's seat, seat of honour, empty seat."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """One line (Flowable.wrap)."""
        self.width = availWidth
        self.height = 0.8 * cm
        return self.width, self.height

    def draw(self) -> None:
        """Seat samples with their meaning, right to left (Flowable.draw)."""
        canvas = self.canv
        x = self.width - SEAT_R
        y = self.height / 2
        for fill, empty, text in (
            (ACCENT, False, "صندلی میزبان"),
            (HONOUR_FILL, False, "صندلی افتخار (سمت راست میزبان)"),
            (WHITE, True, "صندلی خالی"),
        ):
            _seat_circle(canvas, x, y, 1, fill, empty)
            canvas.setFillColor(TEXT_COLOR)
            used = draw_text(canvas, text, x - SEAT_R - 0.15 * cm, y - 3, font_name=FONT_REGULAR,
                             font_size=9, align="right")  # fmt: skip
            x -= 2 * SEAT_R + 0.15 * cm + used + 0.8 * cm


def rows_of(tables: Sequence[TableView]) -> list[list[TableView]]:
    """Every table on a row of its own, in table order: the whole width leaves room for each
    name with its title and country on the line under it."""
    return [[t] for t in tables]


def has_guests(table: TableView) -> bool:
    """Whether anyone but the host sits at (or behind a guest of) the table."""
    return bool(table.behind) or any(
        s.guest is not None and s.host_person_id is None for s in table.seats
    )


def fits_diagram(table: TableView) -> bool:
    """Whether the table is small enough to draw with every name legible."""
    limit = (
        ROUND_DIAGRAM_MAX
        if TableShape(table.spec.shape) is TableShape.ROUND
        else STRAIGHT_DIAGRAM_MAX
    )
    return table.spec.capacity <= limit


def seat_rows(table: TableView) -> tuple[list[list[str]], list[int]]:
    """Rows of a table's seat list and the indices of its empty rows; a run of empty seats
    is one row («۱۷–۴۰ | خالی»), not a page of them."""
    rows: list[list[str]] = []
    empty_rows: list[int] = []
    run: list[int] = []

    def close_run() -> None:
        if run:
            seats = fa(run[0]) if len(run) == 1 else f"{fa(run[0])}–{fa(run[-1])}"
            empty_rows.append(len(rows))
            rows.append([seats, EMPTY, "", ""])
            run.clear()

    for s in table.seats:
        name = seat_name(s)
        if not name:
            run.append(s.seat)
            continue
        close_run()
        mark = "میزبان" if s.seat == host_seat(table) else ""
        if s.seat == honour_seat(table) and not mark:
            mark = "صندلی افتخار"
        rows.append([fa(s.seat), name, seat_detail(s), mark])
    close_run()
    return rows, empty_rows


def seat_list(table: TableView) -> list[Flowable]:
    """A large table as a list: its title, then seat number, who sits there, title and
    country; the title never alone at the foot of a page."""
    rows, empty_rows = seat_rows(table)
    title = heading(table_title(table), 2)
    title.keepWithNext = False  # a long list would push the pair to the next page
    story: list[Flowable] = [CondPageBreak(3 * cm), title]
    story.append(
        rtl_table(
            ["صندلی", "نام", "سمت و کشور", "ملاحظات"],
            rows,
            [2.0 * cm, 9.0 * cm, 13.0 * cm, 3.4 * cm],
            col_align=["center", "right", "right", "right"],
            muted_rows=empty_rows,
        )
    )
    behind = behind_text(table)
    if behind:
        story.append(paragraph(behind, muted=True))
    return story


def empty_tables_line(tables: Sequence[TableView]) -> str:
    """«میزهای بدون مهمان: میز ۲ (میز گرد، ۸ صندلی، میزبان: …)؛ …»."""
    parts = []
    for table in tables:
        text = table_title(table)
        host = next((seat_name(s) for s in table.seats if s.host_person_id is not None), "")
        if host:
            text = f"{text[:-1]}، {host.replace(f' ({HOST_MARK})', '')} میزبان)"
        parts.append(text)
    return f"{EMPTY_TABLES}: " + "؛ ".join(parts)


def build(header: EventReportData, seating: SeatingView) -> list[Flowable]:
    """Heading, legend, the tables with guests, the empty ones in a line, the unseated."""
    story = event_heading(header)
    if not seating.tables:
        story.append(paragraph(NO_TABLES, muted=True))
        return story
    used = [t for t in seating.tables if has_guests(t)]
    empty = [t for t in seating.tables if not has_guests(t)]
    if any(fits_diagram(t) for t in used):
        story.append(Legend())
    for table in used:
        if fits_diagram(table):
            story.append(TableRow([table]))
        else:
            story.extend(seat_list(table))
    if empty:
        story.append(paragraph(empty_tables_line(empty), muted=True))
    if seating.unseated:
        story.append(heading("پاسخ مثبت، بدون صندلی", 2))
        names = "، ".join(g.name_fa or g.name_en for g in seating.unseated)
        story.append(paragraph(names))
    return story


def make(db: DatabaseHandle, options: Mapping[str, Any]) -> ReportContent:
    """The saved seating plan of the event, A4 landscape."""
    header = report_data(db, options["event"])
    return ReportContent(build(header, get_seating(db, event_id=options["event"])), TITLE,
                         landscape=True)  # fmt: skip


SPEC = ReportSpec(
    kind="seating-plan",
    title_fa=TITLE,
    title_en="Seating plan",
    options=(EVENT_OPTION,),
    make=make,
)
