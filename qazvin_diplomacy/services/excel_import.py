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
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.read_only import EMPTY_CELL
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.escape import unescape
from sqlalchemy import select
from sqlalchemy.orm import Session

from qazvin_diplomacy.core.errors import KnownError, OperationCancelled
from qazvin_diplomacy.core.tabular import (
    MAX_SHEET_COLUMNS,
    CellIssue,
    ColumnMapping,
    ContactRow,
    HeaderMatch,
    cell_text,
    column_letter,
    format_count,
    parse_contact_row,
    recognise_headers,
)
from qazvin_diplomacy.core.text import (
    compact_key,
    index_key,
    normalize,
    search_key,
    to_persian_digits,
)
from qazvin_diplomacy.services.directory import person_search_key
from qazvin_diplomacy.services.merge import contact_keys
from qazvin_diplomacy.services.records import write
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.storage.directory import Country, Organization, Person

__all__ = [
    "DUPLICATE_CHOICES",
    "MAX_DATA_ROWS",
    "ContactSheet",
    "DuplicateHit",
    "ImportCancelled",
    "ImportPlan",
    "ImportRefusedError",
    "ImportResult",
    "ImportPreview",
    "ImportValidationError",
    "PreviewRow",
    "commit_import",
    "import_contacts",
    "load_mapping",
    "plan_import",
    "preview_contacts",
    "read_contact_sheet",
]

MAX_DATA_ROWS = 20_000
"""Largest sheet accepted (rows in the sheet, header included); a contact list is far smaller."""
MAX_CELLS = 1_000_000
"""Filled cells read from a sheet (20,000 rows of 50 filled columns), merged ranges included."""
MAX_CELL_CHARS = 32_767
"""Longest text of one cell: Excel's own limit, so a longer cell was not written by Excel."""
MAX_TEXT_CHARS = 20_000_000
"""Characters of all the cells read together."""
MAX_PART_BYTES = 64 * 1024 * 1024
"""Largest uncompressed part of the .xlsx that openpyxl reads (a sheet, the shared strings)."""
MAX_XML_BYTES = 160 * 1024 * 1024
"""All the uncompressed parts that openpyxl reads, together."""
MAX_SHEETS = 255
"""Sheets in a workbook (each one is opened to read its size)."""
MAX_MERGED_RANGES = 10_000
_MAX_ZIP_MEMBERS = 5_000
_MAPPING_BYTES = 1024 * 1024
"""Largest column-mapping file: a mapping is a few lines."""

HEADER_SCAN_ROWS = 10
PROGRESS_EVERY = 100
"""Rows between two progress reports (cancellation is checked at every row)."""
FLUSH_EVERY = 500
"""Rows written between two flushes of the commit, so progress follows the real work."""
DUPLICATE_CHOICES = ("skip", "merge", "add")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')


class ImportRefusedError(KnownError):
    """A file that cannot be imported at all (wrong format, encrypted, empty, too large …)."""


class ImportCancelled(OperationCancelled):
    """The user cancelled a preview or an import; nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            "ورود اطلاعات لغو شد؛ هیچ تغییری ثبت نشد.", "Import cancelled; nothing was changed."
        )


Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def _every(total: int) -> int:
    """Rows between two progress reports: about 1 % of the work, at most ``PROGRESS_EVERY``."""
    return max(1, min(PROGRESS_EVERY, total // 100))


class _Steps:
    """Progress reports (never going backwards) and cancellation checks."""

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.progress = progress
        self.cancelled = cancelled
        self.done = 0

    def check(self) -> None:
        """Raise ``ImportCancelled`` when the user asked to stop."""
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled()

    def report(self, done: int, total: int) -> None:
        """Check for cancel, then report ``done`` of ``total`` (``done`` kept monotonic)."""
        self.check()
        self.done = max(self.done, min(done, total) if total > 0 else done)
        if self.progress is not None:
            self.progress(self.done, total)


class ImportValidationError(KnownError):
    """Rows with errors: nothing was imported.  ``issues`` lists every bad cell."""

    def __init__(self, issues: list[CellIssue]) -> None:
        self.issues = issues
        shown = "\n".join(issue.describe() for issue in issues[:20])
        more = len(issues) - 20
        tail = f"\n… و {to_persian_digits(more)} خطای دیگر" if more > 0 else ""
        super().__init__(
            f"{to_persian_digits(len(issues))} خطا در پرونده؛ هیچ ردیفی وارد نشد:\n{shown}{tail}",
            f"{len(issues)} error(s) in the file; nothing was imported.",
        )


# --- reading ---------------------------------------------------------------------------

_FORMULA_MARK = "\x00formula"  # a formula cell with no saved value (flagged in the preview)
_TOTAL_LABEL = re.compile(r"(?:جمع(?: ?کل)?|مجموع(?: ?کل)?|(?:grand |sub ?)?totals?|sum)(?: |$)")
_TOTAL_HINT = re.compile(r"جمع|مجموع|total|sum", re.IGNORECASE)  # cheap test before search_key
_FOOTER_SHOWN = 5


def _has_letters(text: str) -> bool:
    return any(unicodedata.category(ch)[0] == "L" for ch in text)


def _is_total_label(text: str) -> bool:
    """Whether a cell reads like a totals label: «جمع: ۸ نفر», «مجموع», «Total 8», «Sum»."""
    if not _TOTAL_HINT.search(text):
        return False
    words = [w for w in search_key(text).split() if not w.isdigit()]
    return len(words) <= 4 and bool(_TOTAL_LABEL.match(" ".join(words)))


def _footer_kind(cells: list[str], texts: Mapping[str, str]) -> str | None:
    """``"total"`` for a totals/footer row, ``"no_letters"`` for a name without letters, else None.

    ``cells`` are the texts of every filled cell of the row (recognised columns or not);
    ``texts`` the recognised fields.
    """
    labels = [c for c in cells if _is_total_label(c)]
    if labels and all(c in labels or not _has_letters(c) for c in cells):
        return "total"
    name = texts.get("name") or " ".join(
        t for t in (texts.get("first_name", ""), texts.get("last_name", "")) if t
    )
    name = name or texts.get("name_en", "")
    if name and _FORMULA_MARK not in name and not _has_letters(name):
        return "no_letters"
    return None


def _footer_notes(left_out: list[tuple[int, str, str]]) -> list[str]:
    """The notes naming the rows left out as totals/footers or nameless."""
    notes = []
    for kind, reason in (
        ("total", "سطر جمع یا پانویس برگه"),
        ("no_letters", "نام هیچ حرفی ندارد"),
    ):
        rows = [(number, text) for number, text, k in left_out if k == kind]
        if not rows:
            continue
        shown = "، ".join(f"{_row_fa(n)} («{t}»)" for n, t in rows[:_FOOTER_SHOWN])
        more = "، …" if len(rows) > _FOOTER_SHOWN else ""
        notes.append(f"{to_persian_digits(len(rows))} ردیف وارد نشد ({reason}): {shown}{more}.")
    return notes


@dataclass(frozen=True)
class ContactSheet:
    """The cleaned texts of a sheet: ``rows`` are (sheet row number, field → text)."""

    sheet: str
    header_row: int
    match: HeaderMatch
    rows: list[tuple[int, dict[str, str]]]
    warnings: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)

    @property
    def column_of(self) -> dict[str, str]:
        """Field → column letter, for messages."""
        return {name: column_letter(i) for i, name in self.match.columns.items()}


# Byte-order marks a saved text file may start with (UTF-32 before UTF-16: FF FE begins both).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def load_mapping(path: Path | str) -> ColumnMapping:
    """Read a saved column mapping (JSON, see ``ColumnMapping``).

    The encoding follows the byte-order mark (UTF-8, UTF-16 or UTF-32, as Notepad saves them);
    without one the file must be UTF-8.  Anything else is refused in one line.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(_MAPPING_BYTES + 1)
    except OSError as exc:
        raise ImportRefusedError(
            f"پرونده نگاشت «{path.name}» خوانده نشد.", f"Cannot read mapping '{path}': {exc}"
        ) from exc
    if len(data) > _MAPPING_BYTES:
        raise ImportRefusedError(
            f"پرونده نگاشت «{path.name}» بیش از اندازه بزرگ است و نگاشت ستون نیست.",
            f"Mapping '{path.name}' is too large to be a column mapping.",
        )
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportRefusedError(
            f"پرونده نگاشت «{path.name}» با کدگذاری UTF-8 یا UTF-16 ذخیره نشده است؛ "
            "آن را در ویرایشگر متن با کدگذاری UTF-8 ذخیره کنید.",
            f"Mapping '{path.name}' is neither UTF-8 nor UTF-16 text; save it as UTF-8.",
        ) from exc
    return ColumnMapping.from_json(text.lstrip("\ufeff"))


def _refuse(fa: str, en: str) -> ImportRefusedError:
    return ImportRefusedError(fa, en)


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise _refuse(f"پرونده «{path.name}» پیدا نشد.", f"File '{path}' not found.")
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:  # no permission, or locked by another program
        raise _refuse(
            f"پرونده «{path.name}» خوانده نشد؛ شاید برنامه دیگری آن را قفل کرده باشد.",
            f"Cannot read '{path}': {exc}",
        ) from exc
    if not head:
        raise _refuse(f"پرونده «{path.name}» خالی است.", f"'{path.name}' is empty.")
    if head == _OLE_MAGIC:
        raise _refuse(
            f"پرونده «{path.name}» رمزگذاری شده یا در قالب قدیمی xls است. آن را در اکسل باز کنید، "
            "رمز را بردارید و با قالب «Excel Workbook (*.xlsx)» ذخیره کنید.",
            f"'{path.name}' is encrypted or an old .xls file; remove the password and save it as .xlsx.",
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if "xl/workbook.xml" not in {info.filename for info in infos}:
                raise _refuse(
                    f"پرونده «{path.name}» کارپوشه اکسل (xlsx) نیست.",
                    f"'{path.name}' is a zip file but not an Excel workbook.",
                )
            _check_parts(path, infos)
            with archive.open("xl/workbook.xml") as src:
                sheets = len(_SHEET_RE.findall(src.read()))
    except _DAMAGED_ZIP as exc:
        raise _refuse(
            f"پرونده «{path.name}» پرونده اکسل (xlsx) نیست یا آسیب دیده است.",
            f"'{path.name}' is not an .xlsx workbook or is damaged.",
        ) from exc
    if sheets > MAX_SHEETS:
        raise _refuse(
            f"پرونده «{path.name}» {format_count(sheets)} برگه دارد (بیش از "
            f"{format_count(MAX_SHEETS)})؛ برگه مخاطبان را در پرونده‌ای جدا ذخیره کنید.",
            f"'{path.name}' has {sheets:,} sheets (more than {MAX_SHEETS}); save the contact "
            "sheet in a file of its own.",
        )


# What a damaged or hostile zip raises: a bad directory, a CRC or size that does not match,
# a broken deflate stream, an unsupported method, an encrypted member.
_DAMAGED_ZIP = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    OverflowError,
)
_SHEET_RE = re.compile(rb"<(?:\w+:)?sheet\b")
# Parts openpyxl parses (and so decompresses); pictures and other media are never read.
_PARSED_SUFFIXES = (".xml", ".rels", ".vml")


def _megabytes(size: int) -> str:
    return format_count(max(1, size // (1024 * 1024)))


def _check_parts(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip bomb from its directory: the uncompressed sizes, before anything is inflated.

    Reading a member stops at the size the directory declares (a member that inflates further
    fails its check), so the declared sizes bound what openpyxl can be made to read.
    """
    too_big = _refuse(
        f"پرونده «{path.name}» پس از باز شدن بیش از اندازه بزرگ می‌شود؛ فهرست مخاطبان چنین "
        "حجمی ندارد. آن را به چند پرونده کوچک‌تر تقسیم کنید.",
        f"'{path.name}' expands to too much data for a contact list; split it into smaller files.",
    )
    if len(infos) > _MAX_ZIP_MEMBERS:
        raise too_big
    total = 0
    for info in infos:
        if not info.filename.lower().endswith(_PARSED_SUFFIXES):
            continue
        if info.file_size > MAX_PART_BYTES:
            raise _refuse(
                f"پرونده «{path.name}» پس از باز شدن بیش از اندازه بزرگ می‌شود: بخش «{info.filename}» "
                f"{_megabytes(info.file_size)} مگابایت است (بیش از {_megabytes(MAX_PART_BYTES)} "
                "مگابایت). آن را به چند پرونده کوچک‌تر تقسیم کنید.",
                f"'{path.name}': part '{info.filename}' expands to {info.file_size:,} bytes "
                f"(more than {MAX_PART_BYTES:,}); split the file.",
            )
        total += info.file_size
    if total > MAX_XML_BYTES:
        raise too_big


def _open(path: Path, *, data_only: bool) -> Any:
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise _refuse(
            f"پرونده «{path.name}» باز نشد؛ ممکن است آسیب دیده باشد ({type(exc).__name__}).",
            f"'{path.name}' could not be opened: {exc}",
        ) from exc


def _merged_ranges(workbook: Any, sheet: Any, path: Path) -> list[str]:
    """The merged ranges of ``sheet``, read from its XML a megabyte at a time."""
    part = getattr(sheet, "_worksheet_path", None)
    if not part:
        return []
    found: list[str] = []
    tail = b""
    with workbook._archive.open(part) as src:
        while chunk := src.read(1024 * 1024):
            data = tail + chunk
            for match in _MERGE_RE.finditer(data):
                if match.end() > len(tail):  # a match inside the tail was found last time
                    found.append(match.group(1).decode())
            if len(found) > MAX_MERGED_RANGES:
                raise _refuse(
                    f"برگه «{sheet.title}» بیش از {format_count(MAX_MERGED_RANGES)} محدوده "
                    "ادغام‌شده دارد؛ ادغام خانه‌ها را بردارید.",
                    f"Sheet '{sheet.title}' has more than {MAX_MERGED_RANGES:,} merged ranges.",
                )
            tail = data[-256:]
    return found


def _find_header_row(rows: list[tuple[Any, ...]], mapping: ColumnMapping | None) -> int:
    if mapping is not None and mapping.header_row != 1:
        return mapping.header_row
    best, best_count = 1, 0
    for number, values in enumerate(rows[:HEADER_SCAN_ROWS], start=1):
        matched = mapping.apply(values) if mapping else recognise_headers(values)
        if len(matched.columns) > best_count:
            best, best_count = number, len(matched.columns)
        if best_count >= 2 and number > best:
            break
    return best


def read_contact_sheet(
    path: Path | str,
    *,
    mapping: ColumnMapping | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ContactSheet:
    """Read a contact sheet's texts, refusing bad files (see the module notes).

    ``progress(rows read, rows in the sheet)``; ``cancelled()`` stops with ``ImportCancelled``.
    """
    return _read_sheet(Path(path), mapping, _Steps(progress, cancelled), 1)


def _read_sheet(
    path: Path, mapping: ColumnMapping | None, steps: _Steps, scale: int
) -> ContactSheet:
    _check_file(path)
    workbook = _open(path, data_only=False)
    try:
        if mapping is not None and mapping.sheet:
            if mapping.sheet not in workbook.sheetnames:
                raise _refuse(
                    f"برگه «{mapping.sheet}» در پرونده نیست؛ برگه‌ها: {'، '.join(workbook.sheetnames)}.",
                    f"Sheet '{mapping.sheet}' is not in the workbook.",
                )
            sheet = workbook[mapping.sheet]
        else:
            sheet = workbook.worksheets[0] if workbook.worksheets else None
        if not hasattr(sheet, "iter_rows"):  # a chart sheet, or no worksheet at all
            raise _refuse(
                f"پرونده «{path.name}» برگه جدول ندارد.", f"'{path.name}' has no worksheet."
            )
        if getattr(sheet, "max_row", None) and sheet.max_row > MAX_DATA_ROWS:
            raise _too_large(path, sheet.max_row)
        declared_rows = getattr(sheet, "max_row", None) or 0
        declared_columns = getattr(sheet, "max_column", None) or 0
        # Read the rows the sheet holds, not the size its header claims (which may lie).
        sheet.reset_dimensions()
        raw, formulas = _read_cells(path, sheet, steps, scale, declared_rows)
        merged = _merged_ranges(workbook, sheet, path)
        title = sheet.title
    finally:
        workbook.close()
    warnings: list[str] = []
    if declared_columns > MAX_SHEET_COLUMNS:
        last = column_letter(MAX_SHEET_COLUMNS - 1)
        warnings.append(
            f"برگه تا ستون {column_letter(declared_columns - 1)} خانه دارد؛ فقط "
            f"{to_persian_digits(MAX_SHEET_COLUMNS)} ستون اول (تا ستون {last}) خوانده شد."
        )
    computed: dict[tuple[int, int], Any] = {}
    if formulas:
        computed = _computed_values(path, title, formulas)
        warnings.append(
            f"{to_persian_digits(len(formulas))} خانه فرمول دارد؛ مقدار محاسبه‌شده‌ای که اکسل در پرونده "
            "ذخیره کرده بود به کار رفت."
        )
    grid = [list(r) for r in raw]
    for (number, col), value in computed.items():
        grid[number - 1][col] = value
    if merged:
        _fill_merged(path, grid, merged)
        warnings.append(
            f"خانه‌های ادغام‌شده ({'، '.join(merged[:5])}{'، …' if len(merged) > 5 else ''}): "
            "مقدار خانه اول در همه خانه‌های هر محدوده به کار رفت."
        )
    if not any(any(cell_text(v) for v in r) for r in grid):
        raise _refuse(f"برگه «{title}» خالی است.", f"Sheet '{title}' is empty.")
    header_row = _find_header_row([tuple(r) for r in grid], mapping)
    if header_row > len(grid):
        raise _refuse(
            f"سطر عنوان {to_persian_digits(header_row)} در برگه نیست.",
            "The header row is beyond the sheet.",
        )
    headers = grid[header_row - 1]
    match = mapping.apply(headers) if mapping else recognise_headers(headers)
    if not match.fields & {"name", "first_name", "last_name", "name_en"}:
        raise _refuse(
            "ستون نام در برگه شناخته نشد. سطر عنوان باید ستونی مانند «نام»، «نام و نام خانوادگی» یا "
            "«Name» داشته باشد، یا با پرونده نگاشت (--mapping) ستون‌ها را معرفی کنید.",
            "No name column was recognised; add a header such as 'Name' or use a mapping file.",
        )
    formula_cells = {(n, c) for n, c in formulas}
    rows: list[tuple[int, dict[str, str]]] = []
    left_out: list[tuple[int, str, str]] = []  # (sheet row, text shown, kind)
    for number in range(header_row + 1, len(grid) + 1):
        values = grid[number - 1]
        texts: dict[str, str] = {}
        for col, name in match.columns.items():
            value = values[col] if col < len(values) else None
            if (number, col) in formula_cells and value is None:
                texts[name] = _FORMULA_MARK  # a formula with no saved value: flagged below
                continue
            text = cell_text(value)
            if text:
                texts[name] = text
        cells = [t for t in map(cell_text, values) if t]
        kind = _footer_kind(cells, texts) if cells else None
        if kind is not None:
            shown = next(c for c in cells if _is_total_label(c)) if kind == "total" else ""
            left_out.append((number, shown or texts.get("name") or cells[0], kind))
        elif texts:
            rows.append((number, texts))
    warnings.extend(_footer_notes(left_out))
    if not rows:
        raise _refuse(
            f"برگه «{title}» زیر سطر عنوان هیچ ردیفی ندارد.", f"Sheet '{title}' has no data rows."
        )
    if match.unknown:
        warnings.append(f"ستون‌های ناشناخته نادیده گرفته شد: {'، '.join(match.unknown)}.")
    if match.duplicates:
        warnings.append(f"ستون‌های تکراری نادیده گرفته شد: {'، '.join(match.duplicates)}.")
    return ContactSheet(title, header_row, match, rows, warnings, [cell_text(h) for h in headers])


def _read_cells(
    path: Path, sheet: Any, steps: _Steps, scale: int, declared_rows: int
) -> tuple[list[tuple[Any, ...]], list[tuple[int, int]]]:
    """Every row's values, and the (row, column) of each formula cell (its text, not a value).

    Only the first ``MAX_SHEET_COLUMNS`` columns are read and a row keeps no trailing empty
    cells; Excel's escapes of characters XML cannot hold (``_x000D_``) are undone (the cell's
    text is cleaned later, control characters dropped); filled cells and characters are counted and capped (``MAX_CELLS``,
    ``MAX_CELL_CHARS``, ``MAX_TEXT_CHARS``).  Progress is ``(rows read, declared rows ×
    scale)``; 0 as total when the sheet does not say its size.
    """
    raw: list[tuple[Any, ...]] = []
    formulas: list[tuple[int, int]] = []
    total = declared_rows * scale
    filled = chars = 0
    steps.report(0, total)
    try:
        for number, row in enumerate(sheet.iter_rows(max_col=MAX_SHEET_COLUMNS), start=1):
            if number > MAX_DATA_ROWS:
                raise _too_large(path, number)
            if number % PROGRESS_EVERY == 0:
                steps.report(number, total)
            width = len(row)
            while width and row[width - 1] is EMPTY_CELL:
                width -= 1
            values = []
            for col in range(width):
                cell = row[col]
                value = getattr(cell, "value", None)
                if getattr(cell, "data_type", None) == "f":
                    formulas.append((number, col))
                if isinstance(value, str):
                    if len(value) > MAX_CELL_CHARS:
                        raise _cell_too_long(path, number, col, len(value))
                    chars += len(value)
                    if "_x" in value:  # Excel writes a control character as _x0007_
                        value = unescape(value)
                if value is not None:
                    filled += 1
                values.append(value)
            if filled > MAX_CELLS or chars > MAX_TEXT_CHARS:
                raise _too_many_cells(path)
            raw.append(tuple(values))
        steps.report(len(raw), total)
    except (ImportRefusedError, ImportCancelled):
        raise
    except Exception as exc:  # a damaged sheet: openpyxl raises ValueError, KeyError, XML errors …
        raise _refuse(
            f"برگه «{sheet.title}» خوانده نشد؛ پرونده آسیب دیده است ({type(exc).__name__}).",
            f"Sheet '{sheet.title}' could not be read: {exc}",
        ) from exc
    return raw, formulas


def _cell_too_long(path: Path, number: int, col: int, length: int) -> ImportRefusedError:
    where = f"{column_letter(col)}{number}"
    return _refuse(
        f"خانه {where} پرونده «{path.name}» {format_count(length)} نویسه دارد، بیش از "
        f"{format_count(MAX_CELL_CHARS)} نویسه‌ای که اکسل در یک خانه جا می‌دهد؛ پرونده را در "
        "اکسل باز و دوباره ذخیره کنید.",
        f"Cell {where} of '{path.name}' holds {length:,} characters, more than Excel's "
        f"{MAX_CELL_CHARS:,}.",
    )


def _too_many_cells(path: Path) -> ImportRefusedError:
    return _refuse(
        f"پرونده «{path.name}» بیش از اندازه خانه پر یا متن دارد (بیش از "
        f"{format_count(MAX_CELLS)} خانه یا {format_count(MAX_TEXT_CHARS)} نویسه)؛ "
        "آن را به چند پرونده کوچک‌تر تقسیم کنید.",
        f"'{path.name}' holds too many filled cells or too much text (more than "
        f"{MAX_CELLS:,} cells or {MAX_TEXT_CHARS:,} characters); split it into smaller files.",
    )


def _too_large(path: Path, rows: int) -> ImportRefusedError:
    return _refuse(
        f"پرونده «{path.name}» بیش از {format_count(MAX_DATA_ROWS)} ردیف دارد "
        f"({format_count(rows)}+)؛ آن را به چند پرونده کوچک‌تر تقسیم کنید.",
        f"'{path.name}' has more than {MAX_DATA_ROWS:,} rows ({rows:,}+); split it into smaller files.",
    )


def _computed_values(
    path: Path, title: str, cells: list[tuple[int, int]]
) -> dict[tuple[int, int], Any]:
    wanted: dict[int, list[int]] = {}
    for number, col in cells:
        wanted.setdefault(number, []).append(col)
    workbook = _open(path, data_only=True)
    values: dict[tuple[int, int], Any] = {}
    try:
        last = max(wanted)
        sheet = workbook[title]
        sheet.reset_dimensions()
        for number, row in enumerate(
            sheet.iter_rows(values_only=True, max_row=last, max_col=MAX_SHEET_COLUMNS), start=1
        ):
            for col in wanted.get(number, ()):
                values[(number, col)] = row[col] if col < len(row) else None
    except Exception as exc:  # a saved value that does not parse
        raise _refuse(
            f"مقدار ذخیره‌شده فرمول‌های برگه «{title}» خوانده نشد ({type(exc).__name__}).",
            f"The saved values of the formulas in '{title}' could not be read: {exc}",
        ) from exc
    finally:
        workbook.close()
    return values


def _fill_merged(path: Path, grid: list[list[Any]], ranges: Iterable[str]) -> None:
    """Copy each merged range's top-left value over the range (within the columns read)."""
    filled = 0
    for ref in ranges:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except ValueError:  # a column beyond XFD: not a range Excel writes
            continue
        if min_row is None or min_col is None or max_row is None or max_col is None:
            continue
        max_col = min(max_col, MAX_SHEET_COLUMNS)
        if min_row > len(grid) or min_col > max_col:
            continue
        filled += max(0, min(max_row, len(grid)) - min_row + 1) * (max_col - min_col + 1)
        if filled > MAX_CELLS:
            raise _too_many_cells(path)
        top = grid[min_row - 1]
        value = top[min_col - 1] if min_col - 1 < len(top) else None
        for r in range(min_row, min(max_row, len(grid)) + 1):
            row = grid[r - 1]
            while len(row) < max_col:
                row.append(None)
            for c in range(min_col, max_col + 1):
                row[c - 1] = value


# --- preview ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DuplicateHit:
    """A likely duplicate of a sheet row: an existing person or an earlier row of the sheet."""

    reason: str  # "name", "email" or "phone"
    person_id: int | None = None
    sheet_row: int | None = None
    name: str = ""
    archived: bool = False  # the existing person is archived

    def describe(self) -> str:
        """Persian description for the wizard."""
        reason = {"name": "نام یکسان", "email": "رایانامه یکسان", "phone": "تلفن یکسان"}[
            self.reason
        ]
        if self.person_id is not None:
            state = "، بایگانی‌شده" if self.archived else ""
            return f"{reason} با «{self.name}» (شناسه {to_persian_digits(self.person_id)}{state})"
        return f"{reason} با {_row_fa(self.sheet_row or 0)} همین پرونده"


def _row_fa(row: int) -> str:
    return f"ردیف {to_persian_digits(row)}"


@dataclass(frozen=True)
class PreviewRow:
    """A valid row ready to import, with what it resolves to."""

    contact: ContactRow
    country_id: int | None = None
    country_name: str = ""
    organization_id: int | None = None
    new_organization: str = ""
    duplicates: tuple[DuplicateHit, ...] = ()


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do; ``issues`` empty means it can be committed."""

    sheet: ContactSheet
    rows: list[PreviewRow]
    issues: list[CellIssue]

    @property
    def ok(self) -> bool:
        """True when no cell has an error."""
        return not self.issues

    @property
    def warnings(self) -> list[str]:
        """Things handled automatically (formulas, merged cells, ignored columns)."""
        return self.sheet.warnings

    @property
    def duplicate_rows(self) -> list[PreviewRow]:
        """Rows flagged as likely duplicates."""
        return [r for r in self.rows if r.duplicates]

    @property
    def new_organizations(self) -> list[str]:
        """Organization names the import could create (when no row is skipped), in sheet order.

        Names equal after normalisation count once, as the import creates them once.  What a
        given set of duplicate choices creates is :func:`plan_import`'s ``organizations``.
        """
        return _new_organizations(self.rows)


def _new_organizations(rows: Iterable[PreviewRow]) -> list[str]:
    seen: dict[str, str] = {}
    for r in rows:
        if r.new_organization:
            seen.setdefault(compact_key(r.new_organization), r.new_organization)
    return list(seen.values())


def _choice(row: PreviewRow, on_duplicate: str, choices: Mapping[int, str]) -> str:
    """What happens to ``row``: its own choice, else ``on_duplicate`` when flagged, else add."""
    return choices.get(row.contact.row, on_duplicate) if row.duplicates else "add"


@dataclass(frozen=True)
class ImportPlan:
    """What :func:`commit_import` will do with a preview for given duplicate choices."""

    added: int
    merged: int
    skipped: int
    organizations: list[str]


def plan_import(
    preview: ImportPreview,
    *,
    on_duplicate: str = "skip",
    choices: Mapping[int, str] | None = None,
) -> ImportPlan:
    """Count what committing ``preview`` with these choices will add, merge, skip and create.

    Follows the commit's rules: a skipped row writes nothing (not even its new organization);
    a merge with nothing to merge into (its only hit is a skipped earlier row) adds.
    """
    choices = dict(choices or {})
    has_person: set[int] = set()
    added = merged = skipped = 0
    creating: list[PreviewRow] = []
    for row in preview.rows:
        number = row.contact.row
        choice = _choice(row, on_duplicate, choices)
        if choice == "skip":
            skipped += 1
            if any(h.sheet_row in has_person for h in row.duplicates):
                has_person.add(number)
            continue
        creating.append(row)
        has_person.add(number)
        if choice == "merge" and any(
            h.person_id is not None or h.sheet_row in has_person for h in row.duplicates
        ):
            merged += 1
        else:
            added += 1
    return ImportPlan(added, merged, skipped, _new_organizations(creating))


class _Resolver:
    """Finds countries and organizations by name (SQL, cached per distinct text)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.countries: dict[str, tuple[int, str] | None] = {}
        self.organizations: dict[str, int | None] = {}

    def country(self, text: str) -> tuple[int, str] | None:
        key = compact_key(text)
        if key not in self.countries:
            self.countries[key] = self._country(key)
        return self.countries[key]

    def _country(self, key: str) -> tuple[int, str] | None:
        if not key:
            return None
        fields = "|" + Country.search_key + "|"
        exact = self.session.execute(
            select(Country.id, Country.name_fa).where(fields.like(f"%|{key}|%")).limit(2)
        ).all()
        if len(exact) == 1:
            return exact[0][0], exact[0][1]
        if len(key) >= 3:
            partial = self.session.execute(
                select(Country.id, Country.name_fa)
                .where(Country.search_key.like(f"%{key}%"))
                .limit(2)
            ).all()
            if len(partial) == 1:
                return partial[0][0], partial[0][1]
        return None

    def organization(self, text: str) -> int | None:
        key = compact_key(text)
        if key not in self.organizations:
            found = None
            if key:
                candidates = self.session.execute(
                    select(Organization.id, Organization.name_fa, Organization.name_en)
                    .where(
                        Organization.archived_at.is_(None), Organization.search_key.like(f"%{key}%")
                    )
                    .order_by(Organization.id)
                    .limit(50)
                ).all()
                for org_id, name_fa, name_en in candidates:
                    if key in (compact_key(name_fa), compact_key(name_en)):
                        found = org_id
                        break
            self.organizations[key] = found
        return self.organizations[key]


def _existing_keys(session: Session) -> dict[str, dict[str, list[tuple[int, str, bool]]]]:
    """Directory people (archived ones too) by name key, e-mail and phone key (one query).

    Each entry is ``(id, Persian name, archived)``.
    """
    index: dict[str, dict[str, list[tuple[int, str, bool]]]] = {
        "name": {},
        "email": {},
        "phone": {},
    }
    rows = session.execute(
        select(
            Person.id,
            Person.name_fa,
            Person.name_en,
            Person.email,
            Person.phone,
            Person.archived_at.is_not(None),
        ).order_by(Person.id)
    )
    for person_id, name_fa, name_en, email, phone, archived in rows:
        for reason, keys in contact_keys(name_fa, name_en, email, phone).items():
            for key in keys:
                index[reason].setdefault(key, []).append((person_id, name_fa, bool(archived)))
    return index


def _preview(
    session: Session, sheet: ContactSheet, steps: _Steps | None = None, offset: int = 0
) -> ImportPreview:
    steps = steps or _Steps(None, None)
    total = offset + len(sheet.rows)
    every = _every(len(sheet.rows))
    resolver = _Resolver(session)
    existing = _existing_keys(session)
    seen: dict[str, dict[str, int]] = {"name": {}, "email": {}, "phone": {}}
    columns = sheet.column_of
    rows: list[PreviewRow] = []
    issues: list[CellIssue] = []
    for done, (number, texts) in enumerate(sheet.rows):
        if done % every == 0:
            steps.report(offset + done, total)
        else:
            steps.check()
        formula_fields = [name for name, text in texts.items() if text == _FORMULA_MARK]
        for name in formula_fields:
            issues.append(
                CellIssue(
                    number,
                    columns.get(name, ""),
                    name,
                    "فرمول این خانه مقدار ذخیره‌شده ندارد؛ پرونده را در اکسل باز و ذخیره کنید.",
                )
            )
            texts = {k: v for k, v in texts.items() if k != name}
        contact, row_issues = parse_contact_row(number, texts, columns)
        # A formula cell already has its error: not a second one («name is empty») for it.
        issues.extend(i for i in row_issues if i.field not in formula_fields)
        country = resolver.country(texts["country"]) if texts.get("country") else None
        if texts.get("country") and country is None:
            issues.append(
                CellIssue(
                    number,
                    columns.get("country", ""),
                    "country",
                    f"کشور «{texts['country']}» شناخته نشد؛ نام فارسی یا انگلیسی یا کد کشور را بنویسید.",
                )
            )
        if contact is None or formula_fields or (texts.get("country") and country is None):
            continue
        org_id = resolver.organization(contact.organization) if contact.organization else None
        hits: list[DuplicateHit] = []
        keys = contact_keys(contact.name_fa, contact.name_en, contact.email, contact.phone)
        for reason, values in keys.items():
            for key in values:
                for person_id, name, archived in existing[reason].get(key, []):
                    if not any(h.person_id == person_id for h in hits):
                        hits.append(
                            DuplicateHit(reason, person_id=person_id, name=name, archived=archived)
                        )
                earlier = seen[reason].get(key)
                if earlier is not None and not any(h.sheet_row == earlier for h in hits):
                    hits.append(DuplicateHit(reason, sheet_row=earlier))
                seen[reason].setdefault(key, number)
        rows.append(
            PreviewRow(
                contact=contact,
                country_id=country[0] if country else None,
                country_name=country[1] if country else "",
                organization_id=org_id,
                new_organization=contact.organization
                if contact.organization and org_id is None
                else "",
                duplicates=tuple(hits),
            )
        )
    steps.report(total, total)
    return ImportPreview(sheet, rows, issues)


def preview_contacts(
    db: Database,
    path: Path | str,
    *,
    mapping: ColumnMapping | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPreview:
    """Read and validate a contact sheet without writing anything.

    ``progress(done, total)`` counts row-steps: every row of the sheet is read, then every
    data row validated, so ``total`` is the sheet's rows plus its data rows (it grows once
    reading is over and the data rows are known).  ``cancelled()`` returning True raises
    ``ImportCancelled``.
    """
    steps = _Steps(progress, cancelled)
    sheet = _read_sheet(Path(path), mapping, steps, 2)
    with db.read_session() as session:
        return _preview(session, sheet, steps, offset=steps.done)


# --- commit ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote (or would write, for a dry run)."""

    added: int
    merged: int
    skipped: int
    organizations_created: int
    warnings: list[str]
    dry_run: bool = False
    person_ids: list[int] = field(default_factory=list)


class _DryRun(Exception):
    def __init__(self, result: ImportResult) -> None:
        super().__init__("dry run")
        self.result = result


_PERSON_TEXT_FIELDS = (
    "name_en",
    "honorific_fa",
    "honorific_en",
    "title_fa",
    "title_en",
    "phone",
    "email",
    "languages",
    "biography",
    "notes",
)


def _apply(
    session: Session, person: Person, row: PreviewRow, org_id: int | None, *, only_filled: bool
) -> None:
    c = row.contact
    if not only_filled or c.name_fa:
        person.name_fa = normalize(c.name_fa)
    for name in _PERSON_TEXT_FIELDS:
        value = getattr(c, name)
        if not only_filled or value:
            setattr(person, name, normalize(value) if name not in ("phone", "email") else value)
    if not only_filled or org_id is not None:
        person.organization_id = org_id
    if not only_filled or row.country_id is not None:
        person.country_id = row.country_id
    if not only_filled or c.diplomatic_rank:
        person.diplomatic_rank = c.diplomatic_rank
    if not only_filled or c.functions_started_at is not None:
        person.functions_started_at = c.functions_started_at
    person.search_key = person_search_key(session, person)


def commit_import(
    db: Database,
    preview: ImportPreview,
    *,
    on_duplicate: str = "skip",
    choices: Mapping[int, str] | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Write a validated preview in one transaction (all or nothing).

    ``on_duplicate`` (skip, merge, add) applies to every flagged row unless ``choices`` gives a
    sheet row its own.  ``merge`` updates the person it duplicates (the first hit; for a hit on
    an earlier row of the sheet, the person that row became) and brings it back when it was
    archived.  The preview may be stale (previewed twice, committed twice; someone else adding
    a contact meanwhile): inside the transaction every row's duplicates in the directory are
    found again, so a row that has become a duplicate follows ``on_duplicate`` (or its own
    choice) too, and a new organization that now exists is reused rather than created again.
    ``progress(rows done, rows)`` is reported as rows are written; ``cancelled()`` is checked at every row and once more
    just before the commit: returning True raises ``ImportCancelled`` inside the transaction,
    which is rolled back whole.
    """
    if not preview.ok:
        raise ImportValidationError(preview.issues)
    for choice in (on_duplicate, *(choices or {}).values()):
        if choice not in DUPLICATE_CHOICES:
            raise KnownError(
                f"انتخاب «{choice}» برای تکراری‌ها معتبر نیست (skip، merge یا add).",
                f"Invalid duplicate choice '{choice}' (skip, merge or add).",
            )
    try:
        with write(db) as session:
            steps = _Steps(progress, cancelled)
            result = _write_rows(
                session, preview, on_duplicate, dict(choices or {}), dry_run, steps
            )
            steps.check()  # the last moment a cancel is honoured: only the COMMIT follows
            if dry_run:
                raise _DryRun(result)
            return result
    except _DryRun as done:
        return done.result


def _write_rows(
    session: Session,
    preview: ImportPreview,
    on_duplicate: str,
    choices: dict[int, str],
    dry_run: bool,
    steps: _Steps,
) -> ImportResult:
    organizations: dict[str, int] = {}
    person_of_row: dict[int, Person] = {}
    added = merged = skipped = 0
    existing = _existing_keys(session)  # the directory as it is now, not as previewed
    resolver = _Resolver(session)
    newly_flagged = 0
    ids: list[Person] = []
    total = len(preview.rows)
    every = _every(total)
    # Strong references to the countries and organizations the rows point at: the session's
    # identity map is weak, and ``person_search_key`` reads their names for every row.
    country_ids = {r.country_id for r in preview.rows if r.country_id is not None}
    org_ids = {r.organization_id for r in preview.rows if r.organization_id is not None}
    kept: list[Any] = list(session.scalars(select(Country).where(Country.id.in_(country_ids))))
    kept += session.scalars(select(Organization).where(Organization.id.in_(org_ids)))
    for done, row in enumerate(preview.rows):
        if done % every == 0:
            steps.report(done, total)
        else:
            steps.check()
        if done and done % FLUSH_EVERY == 0:
            session.flush()
        number = row.contact.row
        fresh = _recheck(row, existing)
        if fresh.duplicates and not row.duplicates:
            newly_flagged += 1
        row = fresh
        choice = _choice(row, on_duplicate, choices)
        if choice == "skip":
            # A skipped row writes nothing: not even the new organization it names.
            skipped += 1
            earlier = next(
                (h.sheet_row for h in row.duplicates if h.sheet_row in person_of_row), None
            )
            if earlier is not None:
                person_of_row[number] = person_of_row[earlier]
            continue
        org_id = row.organization_id
        if row.new_organization and (found := resolver.organization(row.new_organization)):
            org_id = found  # created since the preview (by an earlier import, say)
        elif row.new_organization:
            key = compact_key(row.new_organization)
            if key not in organizations:
                org = Organization(
                    name_fa=normalize(row.new_organization), country_id=row.country_id
                )
                org.search_key = index_key(org.name_fa)
                session.add(org)
                session.flush()
                kept.append(org)
                organizations[key] = org.id
            org_id = organizations[key]
        if choice == "merge":
            target = _merge_target(session, row, person_of_row)
            if target is not None:
                _apply(session, target, row, org_id, only_filled=True)
                target.archived_at = None  # the office lists this contact again
                person_of_row[number] = target
                merged += 1
                continue
        person = Person(name_fa="")
        _apply(session, person, row, org_id, only_filled=False)
        session.add(person)
        person_of_row[number] = person
        ids.append(person)
        added += 1
    session.flush()
    steps.report(total, total)
    warnings = list(preview.warnings)
    if newly_flagged:
        warnings.append(
            f"فهرست مخاطبان پس از پیش‌نمایش تغییر کرده بود: {format_count(newly_flagged)} ردیف "
            "هنگام ثبت تکراری شناخته شد و مانند دیگر تکراری‌ها با آن رفتار شد."
        )
    return ImportResult(
        added,
        merged,
        skipped,
        len(organizations),
        warnings,
        dry_run,
        [p.id for p in ids],
    )


def _recheck(
    row: PreviewRow, existing: Mapping[str, Mapping[str, list[tuple[int, str, bool]]]]
) -> PreviewRow:
    """``row`` with its directory duplicates found again in ``existing`` (the commit's view).

    Hits the preview found that are still there keep their order (the first one is what a
    merge goes into); hits on people added since come after them; hits on earlier rows of the
    sheet are kept as they are.
    """
    c = row.contact
    now: dict[int, DuplicateHit] = {}
    for reason, keys in contact_keys(c.name_fa, c.name_en, c.email, c.phone).items():
        for key in keys:
            for person_id, name, archived in existing[reason].get(key, []):
                now.setdefault(person_id, DuplicateHit(reason, person_id, None, name, archived))
    before = {h.person_id for h in row.duplicates if h.person_id is not None}
    if before == set(now):
        return row
    kept = [h for h in row.duplicates if h.person_id is None or h.person_id in now]
    added = [hit for person_id, hit in now.items() if person_id not in before]
    return replace(row, duplicates=tuple(kept + added))


def _merge_target(
    session: Session, row: PreviewRow, person_of_row: dict[int, Person]
) -> Person | None:
    for hit in row.duplicates:
        if hit.person_id is not None:
            found = session.get(Person, hit.person_id)
            if found is not None:
                return found
        if hit.sheet_row is not None and hit.sheet_row in person_of_row:
            return person_of_row[hit.sheet_row]
    return None


def import_contacts(
    db: Database,
    path: Path | str,
    *,
    mapping: ColumnMapping | None = None,
    on_duplicate: str = "skip",
    dry_run: bool = False,
) -> ImportResult:
    """Read, validate and import a contact sheet in one transaction; see the module notes.

    Raises ``ImportRefusedError`` for a bad file and ``ImportValidationError`` (with every
    bad cell) when any row is invalid — in both cases nothing is written.
    """
    preview = preview_contacts(db, path, mapping=mapping)
    if not preview.ok:
        raise ImportValidationError(preview.issues)
    return commit_import(db, preview, on_duplicate=on_duplicate, dry_run=dry_run)
