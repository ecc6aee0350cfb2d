"""Spreadsheets in and out, the pure part: headers, column mappings, cell checks, formula safety.

Nothing here touches files or the database.  ``services.excel_import`` reads a workbook into
rows of plain values and asks this module which column is which field
(:func:`recognise_headers` or a saved :class:`ColumnMapping`), turns each row into a
:class:`ContactRow` with :func:`parse_contact_row` and collects :class:`CellIssue` objects
(Persian messages, row numbers in Persian digits).  ``services.export`` writes every text
CSV cell through :func:`neutralise_formula` so a value such as ``=HYPERLINK(...)`` can never run
as a formula when a spreadsheet opens the file (.xlsx cells are typed text instead, see
:func:`is_formula_like`); :func:`restore_neutralised` undoes it on import, so export → import
round-trips.  The export's words for enumerated values that the core enums give only in Persian
(ranks, organization kinds, regions, follow-up statuses and sources, yes/no) are here too, in
both languages, with :func:`format_count` for counts with thousands («۲۰٬۰۰۰»).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.directory import (
    DiplomaticRank,
    OrganizationKind,
    email_error,
    phone_error,
)
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.followups import SOURCE_KIND_FA, FollowUpStatus
from qazvin_diplomacy.core.jalali import (
    MAX_YEAR,
    MIN_YEAR,
    JalaliDateError,
    days_in_month,
    format_jalali,
    format_jalali_datetime,
    from_jalali,
    parse_jalali,
)
from qazvin_diplomacy.core.text import (
    compact_key,
    has_persian,
    is_probably_latin,
    normalize,
    to_latin_digits,
    to_persian_digits,
)

__all__ = [
    "CONTACT_FIELDS",
    "FORMULA_TRIGGERS",
    "MAX_SHEET_COLUMNS",
    "REGION_LABELS",
    "CellIssue",
    "ColumnMapping",
    "ContactRow",
    "FieldSpec",
    "HeaderMatch",
    "MappingError",
    "cell_text",
    "column_letter",
    "field_label",
    "followup_status_label",
    "format_count",
    "is_formula_like",
    "jalali_text",
    "neutralise_formula",
    "org_kind_label",
    "parse_contact_row",
    "rank_label",
    "recognise_headers",
    "region_label",
    "restore_neutralised",
    "row_label",
    "source_kind_label",
    "yes_no",
]


# --- fields a contact sheet can carry --------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    """A field of a contact row: its name, labels and the headers that mean it."""

    name: str
    label_fa: str
    label_en: str
    aliases: tuple[str, ...] = ()


# Aliases are compared by compact_key: case, spaces, ZWNJ, punctuation, Yeh/Kaf and digit
# scripts do not matter ("E-mail" = "email", "نام‌خانوادگی" = "نام خانوادگی").
CONTACT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "name",
        "نام و نام خانوادگی",
        "Full name",
        (
            "نام و نام خانوادگی",
            "نام کامل",
            "نام شخص",
            "نام مخاطب",
            "Name",
            "Full name",
            "Contact",
            "Contact name",
        ),
    ),
    FieldSpec(
        "first_name",
        "نام",
        "First name",
        ("نام", "نام کوچک", "First name", "Given name", "Forename"),
    ),
    FieldSpec(
        "last_name",
        "نام خانوادگی",
        "Last name",
        ("نام خانوادگی", "فامیلی", "Last name", "Family name", "Surname"),
    ),
    FieldSpec(
        "name_en",
        "نام انگلیسی",
        "English name",
        ("نام انگلیسی", "نام لاتین", "English name", "Name (English)", "Name EN", "Latin name"),
    ),
    FieldSpec(
        "honorific_fa",
        "عنوان",
        "Honorific",
        ("عنوان", "پیشوند", "لقب", "Honorific", "Salutation", "Prefix"),
    ),
    FieldSpec(
        "honorific_en",
        "عنوان انگلیسی",
        "Honorific (English)",
        ("عنوان انگلیسی", "Honorific (English)", "Honorific EN"),
    ),
    FieldSpec(
        "title_fa",
        "سمت",
        "Title",
        ("سمت", "عنوان شغلی", "پست", "مسئولیت", "Title", "Position", "Job title", "Role"),
    ),
    FieldSpec(
        "title_en",
        "سمت انگلیسی",
        "Title (English)",
        ("سمت انگلیسی", "Title (English)", "Title EN", "Position (English)"),
    ),
    FieldSpec(
        "organization",
        "سازمان",
        "Organization",
        (
            "سازمان",
            "نهاد",
            "محل کار",
            "سازمان / نهاد",
            "شرکت",
            "Organization",
            "Organisation",
            "Company",
            "Institution",
            "Employer",
        ),
    ),
    FieldSpec("country", "کشور", "Country", ("کشور", "ملیت", "Country", "Nationality")),
    FieldSpec(
        "phone",
        "تلفن",
        "Phone",
        (
            "تلفن",
            "شماره تلفن",
            "شماره تماس",
            "تلفن همراه",
            "موبایل",
            "همراه",
            "Phone",
            "Telephone",
            "Tel",
            "Mobile",
            "Phone number",
        ),
    ),
    FieldSpec(
        "email",
        "ایمیل",
        "Email",
        (
            "ایمیل",
            "رایانامه",
            "پست الکترونیک",
            "پست الکترونیکی",
            "نشانی رایانامه",
            "Email",
            "E-mail",
            "Mail",
            "Email address",
        ),
    ),
    FieldSpec(
        "languages", "زبان‌ها", "Languages", ("زبان", "زبان‌ها", "زبانها", "Languages", "Language")
    ),
    FieldSpec(
        "diplomatic_rank",
        "رتبه دیپلماتیک",
        "Diplomatic rank",
        ("رتبه دیپلماتیک", "رتبه", "Diplomatic rank", "Rank"),
    ),
    FieldSpec(
        "functions_started",
        "تاریخ آغاز مأموریت",
        "Date of taking up functions",
        (
            "تاریخ آغاز مأموریت",
            "تاریخ آغاز ماموریت",
            "آغاز مأموریت",
            "تاریخ شروع مأموریت",
            "تاریخ شروع به کار",
            "تاریخ تصدی",
            "Date of taking up functions",
            "Took up functions",
            "Functions started",
        ),
    ),
    FieldSpec(
        "functions_started_iso",
        "تاریخ آغاز مأموریت (میلادی)",
        "Date of taking up functions (ISO)",
        (
            "تاریخ آغاز مأموریت (میلادی)",
            "تاریخ آغاز ماموریت میلادی",
            "Date of taking up functions (ISO)",
            "Functions started ISO",
        ),
    ),
    FieldSpec(
        "biography",
        "زندگی‌نامه",
        "Biography",
        ("زندگی‌نامه", "زندگینامه", "سوابق", "Biography", "CV"),
    ),
    FieldSpec(
        "notes",
        "یادداشت",
        "Notes",
        ("یادداشت", "توضیحات", "ملاحظات", "Notes", "Remarks", "Comments"),
    ),
)

_FIELDS_BY_NAME = {spec.name: spec for spec in CONTACT_FIELDS}
_ALIASES: dict[str, str] = {}
for _spec in CONTACT_FIELDS:
    for _alias in (*_spec.aliases, _spec.label_fa, _spec.label_en, _spec.name):
        _ALIASES.setdefault(compact_key(_alias), _spec.name)


def field_label(name: str, lang: str = "fa") -> str:
    """The label of a contact field in ``lang`` ('fa' or 'en')."""
    spec = _FIELDS_BY_NAME[name]
    return spec.label_en if lang == "en" else spec.label_fa


MAX_SHEET_COLUMNS = 256
"""Columns of a sheet that are read (A to IV, the old Excel limit); a contact list has ~20."""


def column_letter(index: int) -> str:
    """Excel's letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _column_index(letter: str) -> int:
    index = 0
    for ch in letter.upper():
        index = index * 26 + (ord(ch) - 64)
    return index - 1


def row_label(row: int) -> str:
    """«ردیف ۱۲» for a 1-based sheet row."""
    return f"ردیف {to_persian_digits(row)}"


# --- header recognition and mappings ---------------------------------------------------


@dataclass(frozen=True)
class HeaderMatch:
    """Which column (0-based) holds which field, and the headers nobody recognised."""

    columns: dict[int, str]
    unknown: tuple[str, ...] = ()
    duplicates: tuple[str, ...] = ()

    @property
    def fields(self) -> set[str]:
        """The fields found."""
        return set(self.columns.values())


def recognise_headers(headers: Sequence[object]) -> HeaderMatch:
    """Match a header row against the known Persian and English headers.

    A field claimed by two columns keeps the first and lists the second in ``duplicates``.
    «نام» alone (without «نام خانوادگی») is read as the full name.
    """
    columns: dict[int, str] = {}
    unknown: list[str] = []
    duplicates: list[str] = []
    for index, header in enumerate(headers):
        text = cell_text(header)
        if not text:
            continue
        name = _ALIASES.get(compact_key(text))
        if name is None:
            unknown.append(text)
        elif name in columns.values():
            duplicates.append(text)
        else:
            columns[index] = name
    return HeaderMatch(_resolve_first_name(columns), tuple(unknown), tuple(duplicates))


def _resolve_first_name(columns: dict[int, str]) -> dict[int, str]:
    names = set(columns.values())
    if "first_name" in names and "last_name" not in names and "name" not in names:
        return {i: ("name" if f == "first_name" else f) for i, f in columns.items()}
    return columns


class MappingError(KnownError):
    """A saved column mapping that cannot be used."""


@dataclass(frozen=True)
class ColumnMapping:
    """A saved layout for sheets whose headers are not recognised.

    JSON form::

        {"sheet": "مخاطبان", "header_row": 2,
         "headers": {"نام شخص": "name", "محل خدمت": "organization"},
         "columns": {"F": "email"}}

    ``headers`` maps header texts (compared like recognised headers) and ``columns`` maps
    column letters to fields; both are optional, and any header they do not name is still
    recognised automatically.  ``sheet`` defaults to the first sheet, ``header_row`` to 1.
    """

    headers: Mapping[str, str] = field(default_factory=dict)
    columns: Mapping[str, str] = field(default_factory=dict)
    sheet: str | None = None
    header_row: int = 1

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        """Read a mapping from JSON text; raise ``MappingError`` (Persian) when it is malformed."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise MappingError(
                f"پرونده نگاشت ستون‌ها JSON درست نیست (سطر {to_persian_digits(exc.lineno)}).",
                f"The column mapping is not valid JSON (line {exc.lineno}).",
            ) from exc
        except RecursionError as exc:  # thousands of nested brackets
            raise MappingError(
                "پرونده نگاشت ستون‌ها بیش از اندازه تودرتو است و نگاشت ستون نیست.",
                "The column mapping is nested too deeply to be a mapping.",
            ) from exc
        if not isinstance(data, dict):
            raise MappingError(
                "پرونده نگاشت ستون‌ها باید یک شیء JSON باشد.", "The mapping must be a JSON object."
            )
        headers = data.get("headers", {}) or {}
        columns = data.get("columns", {}) or {}
        if not isinstance(headers, dict) or not isinstance(columns, dict):
            raise MappingError(
                "«headers» و «columns» باید شیء JSON باشند.",
                "'headers' and 'columns' must be objects.",
            )
        for target in (*headers.values(), *columns.values()):
            if not isinstance(target, str) or target not in _FIELDS_BY_NAME:
                raise MappingError(
                    f"فیلد «{target}» در نگاشت شناخته نیست؛ فیلدهای مجاز: {', '.join(_FIELDS_BY_NAME)}.",
                    f"Unknown field '{target}' in the mapping; allowed: {', '.join(_FIELDS_BY_NAME)}.",
                )
        last = column_letter(MAX_SHEET_COLUMNS - 1)
        for letter in columns:
            if not re.fullmatch(r"[A-Za-z]{1,3}", str(letter)):
                raise MappingError(
                    f"ستون «{letter}» در نگاشت حرف ستون اکسل نیست (مانند A یا AB).",
                    f"Column '{letter}' in the mapping is not an Excel column letter.",
                )
            if _column_index(letter) >= MAX_SHEET_COLUMNS:
                raise MappingError(
                    f"ستون «{letter}» در نگاشت بعد از ستون {last} است؛ فقط "
                    f"{to_persian_digits(MAX_SHEET_COLUMNS)} ستون اول برگه خوانده می‌شود.",
                    f"Column '{letter}' in the mapping is beyond column {last}; only the first "
                    f"{MAX_SHEET_COLUMNS} columns of a sheet are read.",
                )
        header_row = data.get("header_row", 1)
        if not isinstance(header_row, int) or isinstance(header_row, bool) or header_row < 1:
            raise MappingError(
                "«header_row» باید عددی از ۱ به بالا باشد.", "'header_row' must be 1 or more."
            )
        sheet = data.get("sheet")
        return cls(
            headers=dict(headers),
            columns={k.upper(): v for k, v in columns.items()},
            sheet=str(sheet) if sheet else None,
            header_row=header_row,
        )

    def to_json(self) -> str:
        """The mapping as JSON text (for saving it from the import wizard)."""
        data: dict[str, object] = {
            "header_row": self.header_row,
            "headers": dict(self.headers),
            "columns": dict(self.columns),
        }
        if self.sheet:
            data["sheet"] = self.sheet
        return json.dumps(data, ensure_ascii=False, indent=2)

    def apply(self, headers: Sequence[object]) -> HeaderMatch:
        """Recognise ``headers``, then let this mapping's entries override."""
        base = recognise_headers(headers)
        columns = dict(base.columns)
        by_key = {compact_key(k): v for k, v in self.headers.items()}
        explicit: dict[int, str] = {}
        for index, header in enumerate(headers):
            target = by_key.get(compact_key(cell_text(header)))
            if target:
                explicit[index] = target
        for letter, target in self.columns.items():
            explicit[_column_index(letter)] = target
        for index, target in explicit.items():
            for other, name in list(columns.items()):
                if name == target:
                    del columns[other]
            columns[index] = target
        explicit_headers = {cell_text(headers[i]) for i in explicit if i < len(headers)}
        unknown = tuple(h for h in base.unknown if h not in explicit_headers)
        return HeaderMatch(_resolve_first_name(columns), unknown, base.duplicates)


# --- cells -----------------------------------------------------------------------------

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula (it starts with = + - @ tab CR)."""
    return text.startswith(FORMULA_TRIGGERS)


def neutralise_formula(text: str) -> str:
    """Prefix ``'`` to text that Excel could read as a formula (starts with = + - @ tab CR)."""
    return "'" + text if is_formula_like(text) else text


def restore_neutralised(text: str) -> str:
    """Undo :func:`neutralise_formula` on a value read back from an exported sheet."""
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def cell_text(value: object) -> str:
    """A cell's value as stored text: whole floats without ``.0``, dates as ISO, trimmed.

    Text is normalised (Arabic Yeh/Kaf, stray spaces) and an export's ``'`` prefix is removed.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != time(0) else value.date().isoformat()
    if isinstance(value, (int, date)):
        return str(value) if not isinstance(value, date) else value.isoformat()
    return restore_neutralised(normalize(str(value)))


# --- contact rows ----------------------------------------------------------------------


@dataclass(frozen=True)
class CellIssue:
    """A problem in one cell (or a whole row when ``column`` is empty), in Persian."""

    row: int
    column: str
    field: str
    message: str

    def describe(self) -> str:
        """«ردیف ۵، ستون C (ایمیل): …» — the text shown to the user."""
        where = row_label(self.row)
        if self.column:
            label = field_label(self.field) if self.field in _FIELDS_BY_NAME else self.field
            where += f"، ستون {self.column} ({label})"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ContactRow:
    """One row of a contact sheet, cleaned and parsed (country/organization still as names)."""

    row: int
    name_fa: str
    name_en: str = ""
    honorific_fa: str = ""
    honorific_en: str = ""
    title_fa: str = ""
    title_en: str = ""
    organization: str = ""
    country: str = ""
    phone: str = ""
    email: str = ""
    languages: str = ""
    diplomatic_rank: str | None = None
    functions_started_at: datetime | None = None
    biography: str = ""
    notes: str = ""


# --- enumerated values in both languages ----------------------------------------------

_RANK_EN: dict[str, str] = {
    "ambassador": "Ambassador",
    "envoy": "Envoy",
    "charge_daffaires": "Chargé d'Affaires",
    "charge_ad_interim": "Chargé d'Affaires a.i.",
    "minister_counsellor": "Minister-Counsellor",
    "counsellor": "Counsellor",
    "first_secretary": "First Secretary",
    "second_secretary": "Second Secretary",
    "attache": "Attaché",
    "consul_general": "Consul General",
    "consul": "Consul",
}
_ORG_KIND_EN: dict[str, str] = {
    "embassy": "Embassy",
    "consulate": "Consulate",
    "ministry": "Ministry",
    "mfa_office": "MFA representative office",
    "governorate": "Governorate",
    "foreign_province": "Foreign province / state",
    "foreign_city": "Foreign city",
    "chamber": "Chamber of commerce",
    "university": "University",
    "science_park": "Science and technology park",
    "company": "Company",
    "government_agency": "Government agency",
    "other": "Other",
}
#: Country regions (``country.region``): code → (Persian, English).
REGION_LABELS: dict[str, tuple[str, str]] = {
    "middle_east": ("خاورمیانه", "Middle East"),
    "central_asia": ("آسیای مرکزی", "Central Asia"),
    "caucasus": ("قفقاز", "Caucasus"),
    "south_asia": ("جنوب آسیا", "South Asia"),
    "east_asia": ("شرق آسیا", "East Asia"),
    "southeast_asia": ("جنوب شرق آسیا", "Southeast Asia"),
    "europe": ("اروپا", "Europe"),
    "africa": ("آفریقا", "Africa"),
    "north_america": ("آمریکای شمالی", "North America"),
    "latin_america": ("آمریکای لاتین", "Latin America"),
    "oceania": ("اقیانوسیه", "Oceania"),
    "antarctica": ("جنوبگان", "Antarctica"),
}
_FOLLOWUP_STATUS_EN: dict[str, str] = {
    "open": "Open",
    "in_progress": "In progress",
    "done": "Done",
    "cancelled": "Cancelled",
}
_SOURCE_KIND_EN: dict[str, str] = {
    "visit": "Visit",
    "agreement": "Agreement",
    "meeting": "Meeting",
    "delegation": "Delegation",
    "event": "Event",
    "": "—",
}


def rank_label(rank: str | None, lang: str = "fa") -> str:
    """A diplomatic rank (its stored value) in ``lang``; '' for none, an unknown value as is."""
    if not rank:
        return ""
    try:
        value = DiplomaticRank(rank)
    except ValueError:
        return rank
    return _RANK_EN[value.value] if lang == "en" else value.label_fa


def org_kind_label(kind: str, lang: str = "fa") -> str:
    """An organization kind (its stored value) in ``lang``; an unknown value as is."""
    try:
        value = OrganizationKind(kind)
    except ValueError:
        return kind
    return _ORG_KIND_EN[value.value] if lang == "en" else value.label_fa


def region_label(region: str, lang: str = "fa") -> str:
    """A country region code («latin_america») as a label in ``lang``; an unknown code as is."""
    labels = REGION_LABELS.get(region)
    if labels is None:
        return region
    return labels[1] if lang == "en" else labels[0]


def followup_status_label(status: str, lang: str = "fa") -> str:
    """A follow-up status (its stored value) in ``lang``; an unknown value as is."""
    try:
        value = FollowUpStatus(status)
    except ValueError:
        return status
    return _FOLLOWUP_STATUS_EN[value.value] if lang == "en" else value.label_fa


def source_kind_label(kind: str, lang: str = "fa") -> str:
    """What a follow-up task comes from («visit», …) in ``lang``; an unknown value as is."""
    table = _SOURCE_KIND_EN if lang == "en" else SOURCE_KIND_FA
    return table.get(kind, kind)


def yes_no(flag: bool, lang: str = "fa") -> str:
    """«بله» / «خیر» (Yes / No in English)."""
    if lang == "en":
        return "Yes" if flag else "No"
    return "بله" if flag else "خیر"


def format_count(number: int, lang: str = "fa") -> str:
    """A count with thousands: «۲۰٬۰۰۰» (Persian digits and separator) or ``20,000`` in English."""
    text = f"{number:,}"
    if lang == "en":
        return text
    return to_persian_digits(text.replace(",", "\u066c"))


_RANKS: dict[str, str] = {}
for _rank in DiplomaticRank:
    _RANKS[compact_key(_rank.value)] = _rank.value
    _RANKS[compact_key(_rank.label_fa)] = _rank.value
    _RANKS.setdefault(compact_key(_RANK_EN[_rank.value]), _rank.value)


def _issue(row: int, columns: Mapping[str, str], name: str, message: str) -> CellIssue:
    return CellIssue(row, columns.get(name, ""), name, message)


#: The Gregorian days that the accepted Jalali years (``MIN_YEAR``–``MAX_YEAR``) cover.
_FIRST_DAY = from_jalali(MIN_YEAR, 1, 1)
_LAST_DAY = from_jalali(MAX_YEAR, 12, days_in_month(MAX_YEAR, 12))


def _gregorian_error(day: date, text: str) -> str | None:
    """Persian message when a Gregorian date cannot be meant, else None.

    A Jalali year (``MIN_YEAR``–``MAX_YEAR``) is a Jalali date typed into a Gregorian cell
    («1404-07-01», or a cell that Excel turned into a date): refused rather than stored as
    1404 AD.  Other days outside the Jalali years the application accepts (Excel's first day,
    ``0001-01-01``) are refused too.
    """
    if MIN_YEAR <= day.year <= MAX_YEAR:
        return (
            f"سال {to_persian_digits(day.year)} در تاریخ میلادی «{text}» سال شمسی است؛ تاریخ شمسی "
            "را در ستون «تاریخ آغاز مأموریت» به شکل ۱۴۰۴/۰۷/۰۱ بنویسید یا تاریخ میلادی درست را وارد کنید."
        )
    if not _FIRST_DAY <= day <= _LAST_DAY:
        return (
            f"تاریخ میلادی «{text}» پذیرفتنی نیست؛ تاریخ باید بین {_FIRST_DAY.isoformat()} "
            f"و {_LAST_DAY.isoformat()} باشد."
        )
    return None


def _parse_started(
    row: int, values: Mapping[str, str], columns: Mapping[str, str], issues: list[CellIssue]
) -> datetime | None:
    iso = values.get("functions_started_iso", "")
    if iso:
        try:
            moment = datetime.fromisoformat(to_latin_digits(iso).strip())
        except ValueError:
            issues.append(
                _issue(
                    row,
                    columns,
                    "functions_started_iso",
                    f"تاریخ میلادی «{iso}» قابل فهم نیست؛ آن را به شکل 2025-09-25 بنویسید.",
                )
            )
            return None
        if message := _gregorian_error(moment.date(), iso):
            issues.append(_issue(row, columns, "functions_started_iso", message))
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=TEHRAN)
        return moment.astimezone(UTC)
    text = values.get("functions_started", "")
    if not text:
        return None
    latin = to_latin_digits(text)
    day: date | None = None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", latin) and int(latin[:4]) > 1700:
        # An Excel date cell (Gregorian) in the Jalali column: taken as that Gregorian day.
        # (An earlier year is the Jalali date it looks like, read below.)
        try:
            day = date.fromisoformat(latin)
            message = _gregorian_error(day, text)
        except ValueError:
            message = f"تاریخ میلادی «{text}» وجود ندارد."
    else:
        try:
            day = parse_jalali(text)
            message = None
        except JalaliDateError as exc:
            message = exc.message
    if message or day is None:
        issues.append(_issue(row, columns, "functions_started", message or text))
        return None
    return datetime.combine(day, time(0), tzinfo=TEHRAN).astimezone(UTC)


def parse_contact_row(
    row: int, values: Mapping[str, str], columns: Mapping[str, str] | None = None
) -> tuple[ContactRow | None, list[CellIssue]]:
    """Check and parse one row's cleaned texts (field → text); return the row and its issues.

    ``columns`` maps field → column letter for the messages.  The row is None when it has an
    issue.  A single name column holding a Latin name fills both Persian and English names
    (the Persian name is required by the directory).
    """
    columns = columns or {}
    issues: list[CellIssue] = []
    name = values.get("name", "")
    if not name:
        name = " ".join(v for v in (values.get("first_name", ""), values.get("last_name", "")) if v)
    name_en = values.get("name_en", "")
    if name and not name_en and is_probably_latin(name) and not has_persian(name):
        name_en = name
    if not name:
        name = name_en
    if not name:
        where = "name" if "name" in columns or "first_name" not in columns else "first_name"
        issues.append(_issue(row, columns, where, "نام شخص خالی است؛ نام الزامی است."))
    phone = to_latin_digits(values.get("phone", "")).strip()
    if phone and (msg := phone_error(phone)):
        issues.append(_issue(row, columns, "phone", msg))
    email = values.get("email", "").strip()
    if email and (msg := email_error(email)):
        issues.append(_issue(row, columns, "email", msg))
    rank: str | None = None
    if raw_rank := values.get("diplomatic_rank", ""):
        rank = _RANKS.get(compact_key(raw_rank))
        if rank is None:
            labels = "، ".join(r.label_fa for r in DiplomaticRank)
            issues.append(
                _issue(
                    row,
                    columns,
                    "diplomatic_rank",
                    f"رتبه دیپلماتیک «{raw_rank}» شناخته نیست؛ یکی از این‌ها را بنویسید: {labels}.",
                )
            )
    started = _parse_started(row, values, columns, issues)
    if issues:
        return None, issues
    return ContactRow(
        row=row,
        name_fa=normalize(name),
        name_en=normalize(name_en),
        honorific_fa=values.get("honorific_fa", ""),
        honorific_en=values.get("honorific_en", ""),
        title_fa=values.get("title_fa", ""),
        title_en=values.get("title_en", ""),
        organization=values.get("organization", ""),
        country=values.get("country", ""),
        phone=phone,
        email=email,
        languages=values.get("languages", ""),
        diplomatic_rank=rank,
        functions_started_at=started,
        biography=values.get("biography", ""),
        notes=values.get("notes", ""),
    ), []


def jalali_text(
    moment: datetime | date | None, *, digits: str = "fa", with_time: bool = False
) -> str:
    """Jalali date text of a UTC moment (shown in Tehran) or a date; '' for None.

    Persian digits unless ``digits="latin"``; ``with_time`` adds a moment's Tehran time
    (``۱۴۰۴/۰۷/۰۹ ۰۹:۳۰``).
    """
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        local = moment.astimezone(TEHRAN)
        if with_time:
            return format_jalali_datetime(local, digits=digits)
        moment = local.date()
    return format_jalali(moment, digits=digits)
