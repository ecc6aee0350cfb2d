"""Contact sheets, the header part: the fields a sheet can carry and which column is which.

``services.excel_import`` reads a workbook into rows of plain values and asks this module which
column is which field (:func:`recognise_headers` or a saved :class:`ColumnMapping`).  Nothing
here touches files or the database.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from qazvin_diplomacy.core.cells import cell_text
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.text import compact_key, to_persian_digits

__all__ = [
    "CONTACT_FIELDS",
    "MAX_SHEET_COLUMNS",
    "ColumnMapping",
    "FieldSpec",
    "HeaderMatch",
    "MappingError",
    "column_letter",
    "field_label",
    "is_contact_field",
    "recognise_headers",
    "row_label",
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


def is_contact_field(name: str) -> bool:
    """Whether ``name`` is the name of a contact field."""
    return name in _FIELDS_BY_NAME


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
