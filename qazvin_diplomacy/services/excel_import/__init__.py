"""Import the office's contact sheets (.xlsx) into the directory: read, preview, validate, commit.

Three steps, usable one by one from the import wizard or all at once from the CLI:

1. :func:`read_contact_sheet` opens the workbook with openpyxl (read-only) and refuses bad
   files with a clear Persian message: not an xlsx, encrypted (an OLE compound file — also
   what an old .xls is), empty, more than :data:`MAX_DATA_ROWS` rows (checked from the
   sheet's dimension before anything is read, and again while reading).  A small file must
   not cost gigabytes: before openpyxl opens it, the zip directory's uncompressed sizes are
   checked (:data:`MAX_PART_BYTES` a sheet, a zip bomb is refused unread) and so is the
   number of sheets; while reading, only the first ``MAX_SHEET_COLUMNS`` columns are read
   (a cell in column XFD on every row costs nothing), and the filled cells, the characters of
   one cell (Excel's own 32,767) and of all cells, and the merged ranges are capped.  Formulas: the value
   Excel saved with the file is used and a warning says so; a formula without a saved value
   is an error on its cell.  Merged cells: the value of the top-left cell is copied to every
   cell of the range (a column of people sharing one merged «سازمان» cell) and a warning
   names the ranges.  Blank rows are skipped; a title row above the headers is allowed (the
   header row is the first of the first ten rows with two or more recognised headers).
   Totals and footer rows are left out with a note: rows whose only filled cells are a
   label such as «جمع»/«مجموع»/«Total»/«Sum» (with or without numbers), and rows whose
   name holds no letter at all («۸», «---»).
2. :func:`preview_contacts` validates every row (required name, e-mail and phone shape,
   Jalali dates, diplomatic rank, country matched after normalisation against the country
   table's names and codes, organization found by name or marked to be created) and flags
   likely duplicates (same name after normalisation, same e-mail, same phone number) against
   the directory — archived people included, so a contact archived once is not silently
   added again — and earlier rows of the same sheet.
3. :func:`commit_import` writes everything in one transaction — or nothing when any row has
   an error — with a choice per duplicate: ``skip``, ``merge`` (the sheet's non-empty cells
   replace the stored values; empty cells erase nothing; an archived person merged into is
   brought back) or ``add``.

Slow steps take ``progress(done, total)`` and ``cancelled()`` callbacks (the pattern of
``services.backup``): :func:`preview_contacts` reports row-steps (each sheet row is read,
then each data row validated), :func:`commit_import` reports rows written.
``cancelled()`` returning True raises :class:`ImportCancelled` — a Qt-free ``KnownError`` —
and, during the commit, inside the transaction, so nothing at all is written.

:func:`import_contacts` chains the three; ``dry_run=True`` reports the counts and rolls back.

The steps live in ``reading``, ``preview`` and ``commit``; this package re-exports them.
"""

from __future__ import annotations

from qazvin_diplomacy.services.excel_import.commit import (
    ImportResult,
    commit_import,
    import_contacts,
)
from qazvin_diplomacy.services.excel_import.preview import (
    DuplicateHit,
    ImportPlan,
    ImportPreview,
    PreviewRow,
    plan_import,
    preview_contacts,
)
from qazvin_diplomacy.services.excel_import.reading import (
    DUPLICATE_CHOICES,
    FLUSH_EVERY,
    HEADER_SCAN_ROWS,
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_DATA_ROWS,
    MAX_MERGED_RANGES,
    MAX_PART_BYTES,
    MAX_SHEETS,
    MAX_TEXT_CHARS,
    MAX_XML_BYTES,
    PROGRESS_EVERY,
    Cancelled,
    ContactSheet,
    ImportCancelled,
    ImportRefusedError,
    ImportValidationError,
    Progress,
    load_mapping,
    read_contact_sheet,
)

__all__ = [
    "DUPLICATE_CHOICES",
    "FLUSH_EVERY",
    "HEADER_SCAN_ROWS",
    "MAX_CELLS",
    "MAX_CELL_CHARS",
    "MAX_DATA_ROWS",
    "MAX_MERGED_RANGES",
    "MAX_PART_BYTES",
    "MAX_SHEETS",
    "MAX_TEXT_CHARS",
    "MAX_XML_BYTES",
    "PROGRESS_EVERY",
    "Cancelled",
    "ContactSheet",
    "DuplicateHit",
    "ImportCancelled",
    "ImportPlan",
    "ImportPreview",
    "ImportRefusedError",
    "ImportResult",
    "ImportValidationError",
    "PreviewRow",
    "Progress",
    "commit_import",
    "import_contacts",
    "load_mapping",
    "plan_import",
    "preview_contacts",
    "read_contact_sheet",
]
