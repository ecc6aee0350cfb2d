"""Writing an exported table to .xlsx or .csv, through a temporary name and a rename."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from qazvin_diplomacy.core.cells import is_formula_like, neutralise_formula
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.formatting import yes_no
from qazvin_diplomacy.core.text import strip_controls
from qazvin_diplomacy.services.export.sheets import (
    ExportColumn,
    ExportFilters,
    ExportTable,
    Progress,
)
from qazvin_diplomacy.services.export.tables import export_table
from qazvin_diplomacy.services.files import DatabaseFiles, atomic_write, refuse_database_files
from qazvin_diplomacy.storage.database import Database


def _plain(value: Any, lang: str) -> Any:
    """A table value as a cell value: numbers as numbers, yes/no in ``lang``, the rest text.

    Text loses its control characters (``core.text.strip_controls``): a database written
    before input was cleaned may hold a bell or NUL, which an .xlsx cannot contain.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value, lang)
    if isinstance(value, (int, float)):
        return value
    return strip_controls(str(value))


def _csv_rows(table: ExportTable, lang: str) -> Iterator[list[Any]]:
    """Rows for CSV: text a spreadsheet could run as a formula gets a leading ``'``."""
    for row in table.rows:
        cells = [_plain(v, lang) for v in row]
        yield [neutralise_formula(c) if isinstance(c, str) else c for c in cells]


def _xlsx_rows(table: ExportTable, sheet: Any, lang: str) -> Iterator[list[Any]]:
    """Rows for write-only ``sheet``: formula-like text as typed text with ``quotePrefix``."""
    for row in table.rows:
        cells: list[Any] = []
        for value in row:
            cell = _plain(value, lang)
            if isinstance(cell, str) and is_formula_like(cell):
                typed = WriteOnlyCell(sheet, value=cell)
                typed.data_type = "s"  # openpyxl would make "=…" a formula
                typed.quotePrefix = True
                cell = typed
            cells.append(cell)
        yield cells


def _target(path: Path | str) -> AbstractContextManager[Path]:
    """A temporary file beside ``path``, put in place only when writing succeeded."""
    path = Path(path)
    if not path.parent.is_dir():
        raise KnownError(
            f"پوشه «{path.parent}» وجود ندارد.", f"Folder '{path.parent}' does not exist."
        )
    return atomic_write(path)


def write_xlsx(table: ExportTable, path: Path | str, *, lang: str = "fa") -> Path:
    """Write ``table`` as a workbook (right-to-left unless ``lang="en"``), header frozen, widths set.

    The table's values should be in ``lang`` (see :func:`export_table`).
    """
    path = Path(path)
    with _target(path) as tmp:
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet(table.title_en if lang == "en" else table.title_fa)
        sheet.sheet_view.rightToLeft = lang != "en"
        sheet.freeze_panes = "A2"
        for index, column in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        sheet.append(_headers(table.columns, lang))
        for row in _xlsx_rows(table, sheet, lang):
            sheet.append(row)
        try:
            workbook.save(tmp)
        except OSError as exc:
            raise KnownError(
                f"پرونده «{path.name}» نوشته نشد: {exc.strerror}", f"Cannot write '{path}': {exc}"
            ) from exc
    return path


def _headers(columns: Sequence[ExportColumn], lang: str) -> list[str]:
    return [c.header_en if lang == "en" else c.header_fa for c in columns]


def write_csv(table: ExportTable, path: Path | str, *, lang: str = "fa") -> Path:
    """Write ``table`` as CSV in UTF-8 with a byte-order mark (Excel then reads Persian)."""
    path = Path(path)
    with _target(path) as tmp:
        try:
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh, lineterminator="\r\n")
                writer.writerow(_headers(table.columns, lang))
                writer.writerows(_csv_rows(table, lang))
        except OSError as exc:
            raise KnownError(
                f"پرونده «{path.name}» نوشته نشد: {exc.strerror}", f"Cannot write '{path}': {exc}"
            ) from exc
    return path


def export_list(
    db: Database,
    *,
    kind: str,
    path: Path | str,
    filters: ExportFilters | None = None,
    lang: str = "fa",
    progress: Progress | None = None,
) -> int:
    """Export list ``kind`` under ``filters`` to ``path`` (.xlsx or .csv); return the rows written.

    ``progress`` is passed to :func:`export_table`; nothing is written when it raises.
    """
    path = Path(path)
    refuse_database_files(path, DatabaseFiles.of(db), purpose="export")
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise KnownError(
            f"پسوند پرونده خروجی باید ‎.xlsx یا ‎.csv باشد، نه «{path.suffix or 'هیچ'}».",
            f"The output file must end in .xlsx or .csv, not '{path.suffix}'.",
        )
    table = export_table(db, kind=kind, filters=filters, progress=progress, lang=lang)
    (write_xlsx if suffix == ".xlsx" else write_csv)(table, path, lang=lang)
    return len(table.rows)
