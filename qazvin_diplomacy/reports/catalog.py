"""The printed reports: a registry (kind → options and builder) and ``render_report``.

The UI's "Print / PDF" action and the CLI's ``report`` sub-command both call
``render_report(kind, db, out, **options)``.  Each report is one small module of this
package defining ``SPEC = ReportSpec(...)``: its options and a ``make(db, options)`` that
asks ``services.visit_reports`` for the data and returns the story.  Adding a report is one
module plus one line in ``_REPORT_MODULES`` (modules are imported on first use, so they may
import the types below).

Options arrive as typed values (UI) or as the strings a user typed (CLI); ``parse_options``
turns both into typed values and raises ``KnownError`` with a Persian — English message.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as landscape_size
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.flowables import Flowable, Spacer

from qazvin_diplomacy.core.clock import now_local
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.followups import FollowUpStatus, FollowUpView
from qazvin_diplomacy.core.ids import parse_record_id
from qazvin_diplomacy.core.jalali import format_jalali, parse_jalali
from qazvin_diplomacy.reports.document import build_pdf
from qazvin_diplomacy.reports.page import (
    MARGIN_X,
    UNTITLED_EN,
    UNTITLED_FA,
    Furniture,
    Language,
    classification_key,
)
from qazvin_diplomacy.reports.rtl import Direction
from qazvin_diplomacy.reports.rtl_draw import RTLParagraph
from qazvin_diplomacy.reports.styles import scaled, style
from qazvin_diplomacy.reports.tables import rtl_table
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.files import DatabaseFiles, refuse_database_files
from qazvin_diplomacy.services.visit_reports import find_country, find_status

__all__ = [
    "Option",
    "ReportContent",
    "ReportSpec",
    "get_spec",
    "parse_options",
    "render_report",
    "report_kinds",
    "specs",
]

OptionKind = Literal["date", "record_id", "choice", "country", "status", "text"]

#: The registry: one module per report, in menu order.
_REPORT_MODULES = (
    "qazvin_diplomacy.reports.weekly_agenda",
    "qazvin_diplomacy.reports.daily_programme",
    "qazvin_diplomacy.reports.visit_dossier",
    "qazvin_diplomacy.reports.itinerary",
    "qazvin_diplomacy.reports.visits_register",
    "qazvin_diplomacy.reports.agreements_register",
    "qazvin_diplomacy.reports.agreement_sheet",
    "qazvin_diplomacy.reports.event_guests",
    "qazvin_diplomacy.reports.invitations",
    "qazvin_diplomacy.reports.badges",
    "qazvin_diplomacy.reports.place_cards",
    "qazvin_diplomacy.reports.event_summary",
    "qazvin_diplomacy.reports.seating_plan",
    "qazvin_diplomacy.reports.top_exporters",
    "qazvin_diplomacy.reports.official_letter",
    "qazvin_diplomacy.reports.minutes",
    "qazvin_diplomacy.reports.resolutions_status",
    "qazvin_diplomacy.reports.resolution_letters",
    "qazvin_diplomacy.reports.audit_trail",
    "qazvin_diplomacy.reports.delegation",
    "qazvin_diplomacy.reports.capacity_brochure",
    "qazvin_diplomacy.reports.country_briefing",
    "qazvin_diplomacy.reports.markets_map",
)


@dataclass(frozen=True)
class Option:
    """One option of a report: its name (a Python identifier), kind and labels.

    ``flag`` is the CLI spelling (``--from`` for ``date_from``); ``choices`` restricts a
    "choice" option; ``default`` None with ``required`` False means "not given".
    """

    name: str
    kind: OptionKind
    label_fa: str
    help_en: str
    required: bool = True
    choices: tuple[str, ...] = ()
    default: Any = None
    flag: str = ""

    @property
    def cli_flag(self) -> str:
        """The command-line flag, e.g. ``--week``."""
        return self.flag or "--" + self.name.replace("_", "-")


@dataclass(frozen=True)
class ReportContent:
    """What a report's ``make`` returns: the story and how to print it."""

    story: list[Flowable]
    title: str
    landscape: bool = False
    language: Language = "fa"
    furniture: Furniture = "report"  # letters: "letter"; cards and badges: "none"
    #: Writes the same content to a .docx (letters); None: the story converted as it is.
    word: Callable[[Path], Path] | None = None
    #: Runs once the file is written (letters keep it as their printed copy).
    on_written: Callable[[Path], None] | None = None


@dataclass(frozen=True)
class ReportSpec:
    """A report kind: its name on the command line, titles, options and builder."""

    kind: str
    title_fa: str
    title_en: str
    options: tuple[Option, ...]
    make: Callable[[DatabaseHandle, Mapping[str, Any]], ReportContent] = field(repr=False)
    default_classification: str | None = None
    #: Also written as Word (.docx) when the output file's name ends so.
    docx: bool = False
    #: Printing it numbers letters in the outgoing-letters register (it writes to the database).
    registers_letters: bool = False


_specs: dict[str, ReportSpec] | None = None


def specs() -> dict[str, ReportSpec]:
    """Every registered report by kind, in menu order (imports the report modules once)."""
    global _specs
    if _specs is None:
        found: dict[str, ReportSpec] = {}
        for name in _REPORT_MODULES:
            spec: ReportSpec = importlib.import_module(name).SPEC
            found[spec.kind] = spec
        _specs = found
    return _specs


def report_kinds() -> tuple[str, ...]:
    """The kinds accepted by ``render_report`` and the CLI."""
    return tuple(specs())


def get_spec(kind: str) -> ReportSpec:
    """The spec of ``kind``; ``KnownError`` for an unknown kind."""
    try:
        return specs()[kind]
    except KeyError:
        kinds = ", ".join(report_kinds())
        raise KnownError(
            f"گزارش «{kind}» وجود ندارد؛ گزارش‌ها: {kinds}.",
            f"No report called '{kind}'; reports: {kinds}.",
        ) from None


# --- options -------------------------------------------------------------------------------


def _parse_date(option: Option, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_jalali(str(value))  # JalaliDateError: a KnownError with the core's message


def _parse_record_id(option: Option, value: Any) -> int:
    """A positive record id typed in any digit script; the message names the option."""
    return parse_record_id(value, option.label_fa, option.help_en)


def parse_options(
    spec: ReportSpec, db: DatabaseHandle, options: Mapping[str, Any]
) -> dict[str, Any]:
    """Typed option values for ``spec``: dates parsed from Jalali text, country looked up …

    Unknown option names raise ``ValueError`` (a programming error); missing required ones
    and bad values raise ``KnownError``.
    """
    known = {o.name for o in spec.options}
    unknown = set(options) - known
    if unknown:
        raise ValueError(f"report {spec.kind!r} has no option(s) {sorted(unknown)}")
    parsed: dict[str, Any] = {}
    for option in spec.options:
        value = options.get(option.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if option.required:
                raise KnownError(
                    f"گزینهٔ «{option.label_fa}» ({option.cli_flag}) برای این گزارش لازم است.",
                    f"The option {option.cli_flag} is required for the {spec.kind} report.",
                )
            parsed[option.name] = option.default
            continue
        if option.kind == "date":
            parsed[option.name] = _parse_date(option, value)
        elif option.kind == "record_id":
            parsed[option.name] = _parse_record_id(option, value)
        elif option.kind == "choice":
            text = str(value).strip().lower()
            if text not in option.choices:
                allowed = "، ".join(option.choices)
                raise KnownError(
                    f"مقدار «{value}» برای «{option.label_fa}» مجاز نیست؛ یکی از: {allowed}.",
                    f"'{value}' is not allowed for {option.cli_flag}; use one of: "
                    f"{', '.join(option.choices)}.",
                )
            parsed[option.name] = text
        elif option.kind == "country":
            parsed[option.name] = value if hasattr(value, "iso2") else find_country(db, str(value))
        elif option.kind == "status":
            parsed[option.name] = find_status(str(value))
        elif option.kind == "text":
            parsed[option.name] = str(value).strip()
        else:  # pragma: no cover - guarded by OptionKind
            raise ValueError(f"unknown option kind {option.kind!r}")
    return parsed


def _check_output(out: Path) -> None:
    """Refuse, before any work, an output path that cannot be written."""
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise KnownError(
            f"«{out}» یک پوشه است؛ نام پروندهٔ PDF را بنویسید.",
            f"'{out}' is a folder; give the PDF file's name.",
        )
    if not folder.is_dir():
        raise KnownError(
            f"پوشهٔ «{folder}» وجود ندارد؛ گزارش نوشته نشد.",
            f"The folder '{folder}' does not exist; no report was written.",
        )
    if not os.access(folder, os.W_OK | os.X_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise KnownError(
            f"اجازهٔ نوشتن در «{out}» نیست؛ مسیر دیگری انتخاب کنید.",
            f"'{out}' cannot be written (permission denied); choose another path.",
        )


def _lay_out_early(content: ReportContent) -> None:
    """Wrap every flowable at the frame's width before the build.

    Text is shaped, checked for glyphs and wrapped here, outside platypus: a
    ``MissingGlyphError`` then reaches the caller as itself (platypus re-raises errors of a
    build by constructing their class with one argument, which that error does not take),
    and the layouts are cached for the same width, so the build does not repeat the work.
    """
    page_w = landscape_size(A4)[0] if content.landscape else A4[0]
    width = page_w - 2 * MARGIN_X
    for flowable in content.story:
        flowable.wrapOn(_NullCanvas(), width, 1e9)


class _NullCanvas:
    """Enough of a canvas for ``Flowable.wrapOn``."""

    _fontname = "Vazirmatn"
    _fontsize = 10.0
    _leading = 12.0

    def __getattr__(self, name: str) -> Any:  # any other canvas call is a no-op
        return lambda *args, **kwargs: None


def render_report(
    kind: str,
    db: DatabaseHandle,
    out: str | os.PathLike[str],
    *,
    classification: str | None = None,
    printed_at: dt.datetime | None = None,
    **options: Any,
) -> Path:
    """Write report ``kind`` with ``options`` to ``out`` (atomically) and return the path.

    ``classification`` ('normal' / 'confidential' or عادی / محرمانه) overrides the report's
    default mark.  Every problem a user can fix raises ``KnownError`` and leaves no file.
    """
    spec = get_spec(kind)
    target = Path(out).expanduser()
    refuse_database_files(target, DatabaseFiles.of(db), purpose="report")
    _check_output(target)
    word = target.suffix.lower() == ".docx"
    if word and not spec.docx:
        with_word = ", ".join(s.kind for s in specs().values() if s.docx)
        raise KnownError(
            f"گزارش «{spec.title_fa}» فقط PDF نوشته می‌شود؛ Word (.docx) برای: {with_word}.",
            f"The {spec.kind} report is written as PDF only; Word (.docx) is for: {with_word}.",
        )
    try:
        mark = classification_key(classification or spec.default_classification)
    except ValueError:
        raise KnownError(
            f"ردهٔ «{classification}» شناخته نشد؛ عادی یا محرمانه (normal / confidential).",
            f"Unknown classification '{classification}'; use normal or confidential.",
        ) from None
    content = spec.make(db, parse_options(spec, db, options))
    if word:
        _write_word(content, target)
        if content.on_written is not None:
            content.on_written(target)
        return target
    _lay_out_early(content)
    try:
        build_pdf(
            target,
            content.story,
            title=content.title,
            landscape=content.landscape,
            classification=mark,
            language=content.language,
            # page.py's default is the machine's clock; the office prints Tehran time.
            printed_at=printed_at or now_local().replace(tzinfo=None),
            furniture=content.furniture,
        )
    except OSError as exc:
        raise KnownError(
            f"نوشتن گزارش در «{target}» ممکن نشد: {exc.strerror or exc}.",
            f"Could not write the report to '{target}': {exc}.",
        ) from exc
    if content.on_written is not None:
        content.on_written(target)
    return target


def _write_word(content: ReportContent, target: Path) -> None:
    """Write ``content`` as a .docx: the report's own Word layout or its story converted."""
    from qazvin_diplomacy.reports.docx import write_story

    try:
        if content.word is not None:
            content.word(target)
        else:
            write_story(target, content.story, title=content.title)
    except OSError as exc:
        raise KnownError(
            f"نوشتن گزارش در «{target}» ممکن نشد: {exc.strerror or exc}.",
            f"Could not write the report to '{target}': {exc}.",
        ) from exc


# --- layout helpers shared by the report modules -------------------------------------------


def heading(text: str, level: int = 2, *, direction: Direction = "rtl") -> RTLParagraph:
    """A heading kept on the same page as what follows it; a placeholder when ``text`` is
    empty (an untitled record never prints a blank heading)."""
    if not text.strip():
        text = UNTITLED_EN if direction == "ltr" else UNTITLED_FA
    base = style(f"heading{level}")
    if direction == "ltr":
        base = _left(base)
    para = RTLParagraph(text, base, direction=direction)
    para.keepWithNext = True  # read by platypus (Flowable.getKeepWithNext)
    return para


def paragraph(
    text: str, *, direction: Direction = "rtl", muted: bool = False, size: float | None = None
) -> RTLParagraph:
    """A body paragraph (right-aligned for Persian, left for English)."""
    base = style("small") if muted else style("body_right")
    if size is not None:
        base = scaled(base, size)
    if direction == "ltr":
        base = _left(base)
    return RTLParagraph(text, base, direction=direction)


@cache
def _left(base: ParagraphStyle) -> ParagraphStyle:
    """A left-aligned copy of ``base`` for English text."""
    return ParagraphStyle(f"{base.name}_left", parent=base, alignment=TA_LEFT)


def followup_rows(items: Iterable[FollowUpView], *, with_source: bool = False) -> list[list[str]]:
    """Rows of a follow-up (or obligation) table: title, (its source,) owner, deadline, status."""
    return [
        [
            f.title,
            *([f.source_title] if with_source else []),
            f.owner_name_fa or f.owner_text or "—",
            day_or_dash(f.deadline),
            FollowUpStatus(f.status).label_fa,
        ]
        for f in items
    ]


def table_or_note(
    header: list[str],
    rows: list[list[str]],
    col_widths: Sequence[float] | None,
    note: str,
    **options: Any,
) -> Flowable:
    """``rtl_table`` of ``rows`` (``options`` passed on), or ``note`` muted when there are none."""
    if not rows:
        return paragraph(note, muted=True)
    return rtl_table(header, rows, col_widths, **options)


def gap(points: float = 6) -> Spacer:
    """Vertical space."""
    return Spacer(1, points)


def day_or_dash(d: dt.date | None) -> str:
    """Jalali text of a date (or a datetime's date), «—» when there is none."""
    return format_jalali(d) if d is not None else "—"


def join_nonempty(parts: Sequence[str], sep: str = "، ") -> str:
    """Join the non-empty parts."""
    return sep.join(p for p in parts if p)
