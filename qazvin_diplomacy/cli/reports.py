"""The ``report`` sub-command: ``qazvin-diplomacy report KIND --db PATH --out FILE.pdf [options]``.

Options of every report are offered (``--week``, ``--date``, ``--visit``, ``--lang``, ``--from``,
``--to``, ``--country``, ``--status``); one that the chosen KIND does not take is a usage error
(exit 2).  Values are checked by ``reports.catalog`` (a bad Jalali date gets the core's Persian
message): such errors print one line, Persian — English, exit 1 and leave no file behind.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.users import SignInRefused

COMMANDS = ("report",)
NO_SIGNATORY = (
    "امضاکننده در تنظیمات نامه‌ها تعیین نشده و جای امضا با علامت چاپ شد",
    "no signatory is set in the letter settings; the signature block is marked",
)
NOT_KEPT = (
    "پایگاه داده فقط‌خواندنی است؛ نسخهٔ چاپ‌شده در پیوست‌های نامه نگه داشته نشد",
    "the database is read-only; the printed copy was not kept with the letter",
)


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``report`` sub-command to ``subparsers`` (from ``add_subparsers``)."""
    from qazvin_diplomacy.reports.catalog import specs

    kinds = specs()
    lines = []
    for spec in kinds.values():
        flags = " ".join(o.cli_flag + (" X" if o.required else " [X]") for o in spec.options)
        lines.append(f"  {spec.kind} {flags} — {spec.title_en} ({spec.title_fa})")
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "report",
        help="write a PDF report (Word for letters, invitations, dossiers: --out FILE.docx)",
        description="Write a PDF report; --out FILE.docx writes Word where offered.\n"
        + "\n".join(lines),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("kind", metavar="KIND", choices=list(kinds), help=", ".join(kinds))
    parser.add_argument("--db", required=True, help="database file")
    parser.add_argument("--out", required=True, help="PDF (or .docx) file to write")
    parser.add_argument("--classification", help="mark: normal / confidential (عادی / محرمانه)")
    seen: dict[str, str] = {}
    for spec in kinds.values():
        for option in spec.options:
            if option.name in seen:
                continue
            seen[option.name] = option.cli_flag
            parser.add_argument(option.cli_flag, dest=option.name, help=option.help_en)
    parser.set_defaults(_report_parser=parser, _report_flags=seen)
    return parser


def _options_for(args: argparse.Namespace) -> dict[str, Any]:
    """The options given for the chosen KIND; a usage error (exit 2) for foreign ones."""
    from qazvin_diplomacy.reports.catalog import get_spec

    spec = get_spec(args.kind)
    wanted = {o.name for o in spec.options}
    flags: dict[str, str] = args._report_flags
    given = {name: getattr(args, name) for name in flags if getattr(args, name, None) is not None}
    foreign = sorted(flags[name] for name in given if name not in wanted)
    if foreign:
        args._report_parser.error(f"{', '.join(foreign)} does not apply to the {spec.kind} report")
    missing = [o.cli_flag for o in spec.options if o.required and o.name not in given]
    if missing:
        args._report_parser.error(f"the {spec.kind} report needs {', '.join(missing)}")
    return given


def run(args: argparse.Namespace) -> int:
    """Write the report; 0 on success, 1 (one line on stderr) for an error a user can fix."""
    options = _options_for(args)
    try:
        from qazvin_diplomacy.reports.catalog import render_report
        from qazvin_diplomacy.services.connection import (
            existing_database,
            is_server,
            is_writable,
            open_database,
        )

        path = existing_database(args.db)
        from qazvin_diplomacy.reports.catalog import get_spec

        # A report never writes, but letters are numbered in the register when printed; on a
        # read-only database letters numbered before print again, new ones are refused.
        registers = get_spec(args.kind).registers_letters
        writable = is_server(args.db) or is_writable(path)  # a server says so itself
        db = open_database(path, read_only=not (registers and writable))
        try:
            out = render_report(
                args.kind, db, args.out, classification=args.classification, **options
            )
            warnings = list(_warnings(db, args.kind, options))
            if registers and db.read_only:
                warnings.append(NOT_KEPT)
        finally:
            db.close()
    except SignInRefused:
        raise  # exit 2, said by ``cli``
    except KnownError as exc:
        message = " ".join(exc.message.split())  # one line, even for multi-line messages
        english = " ".join(exc.message_en.split())
        tail = f" — {english}" if english and english != message else ""
        sys.stderr.write(f"خطا: {message}{tail}\n")
        return 1
    print(f"report written: {out}")
    for fa, en in warnings:
        sys.stderr.write(f"توجه — note: {fa} — {en}\n")
    return 0


def _warnings(db: Any, kind: str, options: dict[str, Any]) -> list[tuple[str, str]]:
    """What the written report prints poorly: invitations and English itineraries with
    fields that have no English text, a letter with no signatory in the settings."""
    if kind == "letter":
        from qazvin_diplomacy.services.letters import get_office_settings

        settings = get_office_settings(db)
        if not (settings.signatory_name or settings.signatory_title):
            return [NO_SIGNATORY]
        return []
    if kind == "itinerary" and options.get("lang", "en") in ("en", "both"):
        from qazvin_diplomacy.reports.itinerary import missing_english
        from qazvin_diplomacy.services.visit_reports import visit_for_itinerary

        visit = visit_for_itinerary(db, visit_id=int(str(options["visit"])))
        return [("متن انگلیسی ثبت نشده است", line) for line in missing_english(visit)]
    if kind != "invitations":
        return []
    from qazvin_diplomacy.services.events import invitation_warnings

    return invitation_warnings(db, event_id=int(str(options["event"])))
