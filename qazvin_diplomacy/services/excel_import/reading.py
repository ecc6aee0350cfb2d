"""Reading a contact sheet safely: the limits, the checks on the file before openpyxl opens it, header recognition and merged cells."""

from __future__ import annotations

import codecs
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.read_only import EMPTY_CELL
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.escape import unescape

from qazvin_diplomacy.core.cells import cell_text
from qazvin_diplomacy.core.contact_rows import CellIssue
from qazvin_diplomacy.core.errors import KnownError, OperationCancelled
from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.sheet_headers import (
    MAX_SHEET_COLUMNS,
    ColumnMapping,
    HeaderMatch,
    column_letter,
    recognise_headers,
)
from qazvin_diplomacy.core.text import search_key, to_persian_digits

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
                    f"پرونده «{path.name}» کارپوشهٔ اکسل (xlsx) نیست.",
                    f"'{path.name}' is a zip file but not an Excel workbook.",
                )
            _check_parts(path, infos)
            with archive.open("xl/workbook.xml") as src:
                sheets = len(_SHEET_RE.findall(src.read()))
    except _DAMAGED_ZIP as exc:
        raise _refuse(
            f"پرونده «{path.name}» پروندهٔ اکسل (xlsx) نیست یا آسیب دیده است.",
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
            "مقدار خانه اول در همهٔ خانه‌های هر محدوده به کار رفت."
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


def _row_fa(row: int) -> str:
    return f"ردیف {to_persian_digits(row)}"
