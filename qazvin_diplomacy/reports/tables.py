"""Fast right-to-left tables: first column on the right, wrapped cells, repeated header.

``rtl_table`` returns an ``RTLTable`` flowable (not a platypus ``Table``): every cell is wrapped
once through the cached text layer of ``rtl.py``, row heights are computed once, and a page
split only slices row indices, so a 5,000-row table lays out in a second or two where a
platypus ``Table`` of ``Paragraph`` cells takes half a minute.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.platypus.flowables import Flowable

from qazvin_diplomacy.reports.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from qazvin_diplomacy.reports.rtl import Direction, Line, text_width, widest_unbreakable, wrap_text
from qazvin_diplomacy.reports.rtl_draw import baseline_offset, draw_line
from qazvin_diplomacy.reports.styles import (
    GRID_COLOR,
    HEADER_FILL,
    LEADING_RATIO,
    MUTED_COLOR,
    TEXT_COLOR,
    ZEBRA_FILL,
)

Align = Literal["right", "left", "center"]
_ALIGN = {"right": TA_RIGHT, "left": TA_LEFT, "center": TA_CENTER}
_WIDTH_SAMPLE = 500  # rows looked at to size columns automatically
#: A cell whose word does not fit its column is set smaller, down to this size.
MIN_FONT_SIZE = 8.0
#: Share of its width a column keeps when it gives room to a neighbour's long word.
_KEEP = 0.6


def _shift(
    widths: tuple[float, ...], want: Sequence[float], floors: Sequence[float]
) -> tuple[float, ...]:
    """Widen the columns narrower than ``want`` with room taken, in proportion, from the
    columns wider than their ``floors``; the total width is kept."""
    deficit = [max(0.0, n - w) for n, w in zip(want, widths, strict=True)]
    slack = [max(0.0, w - f) for f, w in zip(floors, widths, strict=True)]
    total_deficit, total_slack = sum(deficit), sum(slack)
    if total_deficit <= 0 or total_slack <= 0:
        return widths
    moved = min(total_deficit, total_slack)
    return tuple(
        w + d * moved / total_deficit - sl * moved / total_slack
        for w, d, sl in zip(widths, deficit, slack, strict=True)
    )


@dataclass(frozen=True, slots=True)
class TableStyle:
    """Look of an ``RTLTable``."""

    font_size: float = 9.0
    font_name: str = FONT_REGULAR
    header_font_name: str = FONT_BOLD
    padding_x: float = 4.0
    padding_y: float = 2.5
    zebra: bool = True
    header_fill: Color = HEADER_FILL
    zebra_fill: Color = ZEBRA_FILL
    grid_color: Color = GRID_COLOR
    text_color: Color = TEXT_COLOR
    grid_width: float = 0.5

    @property
    def leading(self) -> float:
        """Line height of the cell text."""
        return round(self.font_size * LEADING_RATIO, 1)


@dataclass(slots=True)
class _Layout:
    """Wrapped cells and row heights, computed once for one set of column widths."""

    col_widths: tuple[float, ...]
    header: tuple[tuple[Line, ...], ...]
    header_height: float
    rows: list[tuple[tuple[Line, ...], ...]]
    heights: list[float]


class RTLTable(Flowable):
    """A table whose first column is drawn on the right (``direction="rtl"``).

    Use ``rtl_table`` to build one.  Splitting across pages repeats the header row (when
    ``repeat_header``) and shares the wrapped cells with the parts, so nothing is re-wrapped.
    """

    _SHARED = (
        "header", "rows", "col_widths", "table_style", "repeat_header", "direction",
        "col_align", "persian_digits", "hAlign", "_layout", "_auto_widths", "_fitted",
        "band_rows", "muted_rows",
    )  # fmt: skip

    def __init__(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[object]],
        col_widths: Sequence[float] | None = None,
        *,
        style: TableStyle | None = None,
        repeat_header: bool = True,
        direction: Direction = "rtl",
        col_align: Sequence[Align] | None = None,
        persian_digits: bool | None = None,
        band_rows: Collection[int] = (),
        muted_rows: Collection[int] = (),
    ) -> None:
        super().__init__()
        register_fonts()
        ncols = len(header)
        if ncols == 0:
            raise ValueError("a table needs at least one column")
        for index, row in enumerate(rows):
            if len(row) != ncols:
                raise ValueError(f"row {index} has {len(row)} cells, the header has {ncols}")
        if col_widths is not None and len(col_widths) != ncols:
            raise ValueError(f"{len(col_widths)} column widths for {ncols} columns")
        if col_align is not None and len(col_align) != ncols:
            raise ValueError(f"{len(col_align)} column alignments for {ncols} columns")
        self.header = [str(h) for h in header]
        self.rows = [["" if cell is None else str(cell) for cell in row] for row in rows]
        self.col_widths = None if col_widths is None else tuple(float(w) for w in col_widths)
        self.table_style = style or TableStyle()
        self.repeat_header = repeat_header
        self.direction: Direction = direction
        default_align: Align = "right" if direction == "rtl" else "left"
        self.col_align = [_ALIGN[a] for a in (col_align or [default_align] * ncols)]
        # None: Persian digits in right-to-left cells, whatever the table's direction.
        self.persian_digits = persian_digits
        self.hAlign = "RIGHT" if direction == "rtl" else "LEFT"
        #: Rows whose first cell spans the whole width (a group heading, bold on the header fill).
        self.band_rows = frozenset(band_rows)
        #: Rows drawn in the muted colour (e.g. a cancelled visit).
        self.muted_rows = frozenset(muted_rows)
        self._layout: _Layout | None = None
        self._auto_widths: tuple[float, tuple[float, ...]] | None = None
        self._fitted: tuple[float, ...] | None = None
        self._start = 0
        self._end = len(self.rows)
        self._show_header = True

    # -- layout --------------------------------------------------------------------------

    def _widths_for(self, avail_width: float) -> tuple[float, ...]:
        if self.col_widths is not None:
            if self._fitted is None:
                self._fitted = self._fit_widths(self.col_widths)
            return self._fitted
        if self._auto_widths is None or self._auto_widths[0] != avail_width:
            self._auto_widths = (avail_width, self._content_widths(avail_width))
        return self._auto_widths[1]

    def _fit_widths(self, widths: tuple[float, ...]) -> tuple[float, ...]:
        """The given widths, widened where a word (a Persian word, a date, a code) would not
        fit its column, at the expense of the columns with room to spare; the total is kept.

        A column giving room keeps at least ``_KEEP`` of its width while the word could
        still fit by being set smaller (``MIN_FONT_SIZE``); only a word too wide even then
        takes more, down to the givers' own widest words.  What the sample (the header and
        the first 500 rows) cannot settle, the cell settles by setting its text smaller.
        """
        ts = self.table_style
        pad = 2 * ts.padding_x
        widest = [0.0] * len(widths)
        limits = [(w - pad) / ts.font_size for w in widths]  # words narrower fit already
        for r, row in enumerate([self.header, *self.rows[:_WIDTH_SAMPLE]]):
            if r - 1 in self.band_rows:
                continue  # a group heading spans the table
            font = ts.header_font_name if r == 0 else ts.font_name
            for c, text in enumerate(row):
                if text:
                    w1 = widest_unbreakable(
                        text, font, persian_digits=self.persian_digits, limit=limits[c]
                    )
                    widest[c] = max(widest[c], w1)
        need = [w1 * ts.font_size + pad + 0.5 for w1 in widest]
        small = min(MIN_FONT_SIZE, ts.font_size)
        need_small = [w1 * small + pad + 0.5 for w1 in widest]
        floors = [max(n, w * _KEEP) for n, w in zip(need, widths, strict=True)]
        fitted = _shift(widths, need, floors)
        return _shift(fitted, need_small, need)

    def _content_widths(self, avail_width: float) -> tuple[float, ...]:
        """Column widths from the content: each at least its longest word, the rest shared
        in proportion to how much wider each column's text would like to be."""
        ts = self.table_style
        pad = 2 * ts.padding_x
        sample = [self.header, *self.rows[:_WIDTH_SAMPLE]]
        ncols = len(self.header)
        natural = [0.0] * ncols
        minimum = [0.0] * ncols
        for r, row in enumerate(sample):
            if r - 1 in self.band_rows:
                continue
            font = ts.header_font_name if r == 0 else ts.font_name
            for c, text in enumerate(row):
                for line in text.splitlines() or [""]:
                    natural[c] = max(
                        natural[c],
                        text_width(line, font, ts.font_size, persian_digits=self.persian_digits)
                        + pad,
                    )
                for word in text.split():
                    minimum[c] = max(
                        minimum[c],
                        text_width(word, font, ts.font_size, persian_digits=self.persian_digits)
                        + pad,
                    )
        minimum = [max(m, pad + ts.font_size) for m in minimum]
        natural = [max(n, m) for n, m in zip(natural, minimum, strict=True)]
        if sum(natural) <= avail_width:
            scale = avail_width / sum(natural)
            return tuple(n * scale for n in natural)
        if sum(minimum) >= avail_width:
            scale = avail_width / sum(minimum)
            return tuple(m * scale for m in minimum)
        spare = avail_width - sum(minimum)
        wish = [n - m for n, m in zip(natural, minimum, strict=True)]
        total_wish = sum(wish)
        return tuple(m + spare * w / total_wish for m, w in zip(minimum, wish, strict=True))

    def _wrap_cell(self, text: str, width: float, font_name: str) -> tuple[Line, ...]:
        ts = self.table_style
        return wrap_text(
            text,
            font_name,
            ts.font_size,
            max(width - 2 * ts.padding_x, 1.0),
            direction=self.direction,
            persian_digits=self.persian_digits,
            min_font_size=min(MIN_FONT_SIZE, ts.font_size),
        )

    def _ensure_layout(self, avail_width: float) -> _Layout:
        widths = self._widths_for(avail_width)
        layout = self._layout
        if layout is not None and layout.col_widths == widths:
            return layout
        ts = self.table_style
        pad = 2 * ts.padding_y
        leading = ts.leading
        header = tuple(
            self._wrap_cell(text, w, ts.header_font_name)
            for text, w in zip(self.header, widths, strict=True)
        )
        header_height = max(len(c) for c in header) * leading + pad
        wrapped: list[tuple[tuple[Line, ...], ...]] = []
        heights: list[float] = []
        wrap_cell = self._wrap_cell
        font = ts.font_name
        bands = self.band_rows
        full = sum(widths)
        for index, row in enumerate(self.rows):
            if index in bands:
                band = wrap_cell(row[0], full, ts.header_font_name)
                cells = (band, *(() for _ in row[1:]))
            else:
                cells = tuple(wrap_cell(text, w, font) for text, w in zip(row, widths, strict=True))
            wrapped.append(cells)
            heights.append(max(len(c) for c in cells) * leading + pad)
        layout = _Layout(widths, header, header_height, wrapped, heights)
        self._layout = layout
        return layout

    def _header_height(self, layout: _Layout) -> float:
        return layout.header_height if self._show_header else 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Lay out once and return (width, height) of this part (Flowable.wrap)."""
        layout = self._ensure_layout(availWidth)
        self.width = sum(layout.col_widths)
        self.height = self._header_height(layout) + sum(layout.heights[self._start : self._end])
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Split between rows so the first part fits ``availHeight`` (Flowable.split)."""
        layout = self._ensure_layout(availWidth)
        used = self._header_height(layout)
        end = self._start
        heights = layout.heights
        while end < self._end and used + heights[end] <= availHeight + 1e-6:
            used += heights[end]
            end += 1
        while end > self._start + 1 and end < self._end and end - 1 in self.band_rows:
            end -= 1  # a group heading is never the last row of a page
        if end == self._start:
            return []
        if end >= self._end:
            return [self]
        head = self._part(self._start, end, self._show_header)
        tail = self._part(end, self._end, self.repeat_header)
        return [head, tail]

    def _part(self, start: int, end: int, show_header: bool) -> RTLTable:
        part = RTLTable.__new__(RTLTable)
        Flowable.__init__(part)
        # Only the table's own state: platypus bookkeeping (e.g. ``_postponed``) must not leak.
        for name in self._SHARED:
            setattr(part, name, getattr(self, name))
        part._start, part._end, part._show_header = start, end, show_header
        return part

    # -- drawing -------------------------------------------------------------------------

    def _column_edges(self, layout: _Layout) -> list[tuple[float, float]]:
        """(left, right) x of each column in logical order; first column rightmost for RTL."""
        edges: list[tuple[float, float]] = []
        if self.direction == "rtl":
            right = sum(layout.col_widths)
            for w in layout.col_widths:
                edges.append((right - w, right))
                right -= w
        else:
            left = 0.0
            for w in layout.col_widths:
                edges.append((left, left + w))
                left += w
        return edges

    def draw(self) -> None:
        """Draw header, zebra fills, text and grid of rows ``_start:_end`` (Flowable.draw)."""
        layout = self._layout
        if layout is None:
            return
        canvas = self.canv
        ts = self.table_style
        edges = self._column_edges(layout)
        width = sum(layout.col_widths)
        leading = ts.leading
        offset = baseline_offset(ts.font_name, ts.font_size, leading)
        header_offset = baseline_offset(ts.header_font_name, ts.font_size, leading)
        canvas.saveState()
        y_top = self.height
        boundaries = [y_top]

        # backgrounds first, then all text, then the grid on top.
        y = y_top
        if self._show_header:
            canvas.setFillColor(ts.header_fill)
            canvas.rect(0, y - layout.header_height, width, layout.header_height, stroke=0, fill=1)
            y -= layout.header_height
            boundaries.append(y)
        bands = self.band_rows
        zebra = self._start  # as without a split; stripes restart after each group heading
        for index in range(self._start, self._end):
            h = layout.heights[index]
            if index in bands:
                canvas.setFillColor(ts.header_fill)
                canvas.rect(0, y - h, width, h, stroke=0, fill=1)
                zebra = 0
            else:
                if ts.zebra and zebra % 2 == 1:
                    canvas.setFillColor(ts.zebra_fill)
                    canvas.rect(0, y - h, width, h, stroke=0, fill=1)
                zebra += 1
            y -= h
            boundaries.append(y)

        canvas.setFillColor(ts.text_color)
        y = y_top
        if self._show_header:
            canvas.setFont(ts.header_font_name, ts.font_size)
            self._draw_row(layout.header, edges, y, ts.header_font_name, header_offset, header=True)
            y -= layout.header_height
        full_edges = [(0.0, width)] * len(edges)
        for index in range(self._start, self._end):
            if index in bands:
                canvas.setFillColor(ts.text_color)
                canvas.setFont(ts.header_font_name, ts.font_size)
                self._draw_row(
                    layout.rows[index], full_edges, y, ts.header_font_name, header_offset,
                    header=False, align=TA_RIGHT if self.direction == "rtl" else TA_LEFT,
                )  # fmt: skip
            else:
                muted = index in self.muted_rows
                canvas.setFillColor(MUTED_COLOR if muted else ts.text_color)
                canvas.setFont(ts.font_name, ts.font_size)
                self._draw_row(layout.rows[index], edges, y, ts.font_name, offset, header=False)
            y -= layout.heights[index]

        canvas.setStrokeColor(ts.grid_color)
        canvas.setLineWidth(ts.grid_width)
        path = canvas.beginPath()
        for yb in boundaries:
            path.moveTo(0, yb)
            path.lineTo(width, yb)
        xs = sorted({0.0, width, *(left for left, _ in edges)})
        # Column rules run through each stretch of ordinary rows; a band row has only its sides.
        spans: list[tuple[float, float]] = []
        top = y_top
        rows_top = 1 if self._show_header else 0
        for i, index in enumerate(range(self._start, self._end)):
            if index in bands:
                if boundaries[rows_top + i] < top:
                    spans.append((top, boundaries[rows_top + i]))
                top = boundaries[rows_top + i + 1]
        if boundaries[-1] < top:
            spans.append((top, boundaries[-1]))
        for x in xs:
            for a, b in spans:
                path.moveTo(x, a)
                path.lineTo(x, b)
        for x in (0.0, width):
            path.moveTo(x, y_top)
            path.lineTo(x, boundaries[-1])
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()

    def _draw_row(
        self,
        cells: tuple[tuple[Line, ...], ...],
        edges: list[tuple[float, float]],
        y_top: float,
        font_name: str,
        offset: float,
        *,
        header: bool,
        align: int | None = None,
    ) -> None:
        ts = self.table_style
        canvas = self.canv
        leading = ts.leading
        base = y_top - ts.padding_y - offset
        for col, lines in enumerate(cells):
            left, right = edges[col]
            if align is None:
                cell_align = TA_CENTER if header else self.col_align[col]
            else:
                cell_align = align
            x_left, x_right = left + ts.padding_x, right - ts.padding_x
            for i, line in enumerate(lines):
                draw_line(
                    canvas,
                    line,
                    x_left,
                    x_right,
                    base - i * leading,
                    font_name,
                    ts.font_size,
                    cell_align,
                )

    def cell_lines(self, row: int, col: int) -> list[str]:
        """Visual-order lines of a body cell as laid out (for tests and debugging)."""
        if self._layout is None:
            return []
        return [line.text for line in self._layout.rows[row][col]]

    @property
    def row_range(self) -> tuple[int, int]:
        """The [start, end) body rows this part draws."""
        return self._start, self._end


def rtl_table(
    header: list[str],
    rows: list[list[str]],
    col_widths: Sequence[float] | None,
    *,
    zebra: bool = True,
    repeat_header: bool = True,
    font_size: float = 9,
    direction: Direction = "rtl",
    col_align: Sequence[Align] | None = None,
    persian_digits: bool | None = None,
    band_rows: Collection[int] = (),
    muted_rows: Collection[int] = (),
    padding_y: float | None = None,
) -> RTLTable:
    """Build a table flowable: first column on the right, wrapped cells, repeated header.

    ``col_widths`` are in points, in header order (the first is the rightmost column);
    ``None`` sizes the columns from their content (the first 500 rows) to fill the frame.  ``direction="ltr"`` gives an English table.
    ``band_rows``: indices of rows whose first cell spans the table (group headings);
    ``muted_rows``: rows drawn in the muted colour.
    """
    style = TableStyle(font_size=font_size, zebra=zebra)
    if padding_y is not None:
        style = TableStyle(font_size=font_size, zebra=zebra, padding_y=padding_y)
    return RTLTable(
        header,
        rows,
        col_widths,
        style=style,
        repeat_header=repeat_header,
        direction=direction,
        col_align=col_align,
        persian_digits=persian_digits,
        band_rows=band_rows,
        muted_rows=muted_rows,
    )
