"""Command-line sub-commands of the directory: ``search``, ``import contacts`` and ``export``.

``cli.GROUPS`` wires them in with ``register(sub)`` in its parser and ``run(args)`` for any
command in :data:`COMMANDS`.  Errors a user can act on raise ``KnownError`` (printed by
``cli.main`` as one line); a sheet with bad rows prints every bad cell and exits 1.

    search QUERY --db PATH [--json] [--kind KIND] [--limit N]
    import contacts FILE.xlsx --db PATH [--mapping FILE.json] [--on-duplicate skip|merge|add] [--dry-run]
    export KIND --db PATH --out FILE.xlsx|.csv [--text T] [--country C] [--organization-id N]
           [--org-kind K | --agreement-kind K | --event-kind K] [--axis A] [--status S]
           [--body ORG_ID] [--series ID]
           [--from JALALI] [--to JALALI] [--targets-only] [--include-archived] [--lang fa|en]

KIND is one of people, organizations, countries, visits, agreements, events, followups,
letters, meetings, resolutions (``--status open|overdue|week|done|cancelled``, ``--body``,
``--series``, ``--from``/``--to`` on the deadline); an
option that does not apply to KIND (e.g. ``--axis`` for events) is refused with a Persian
message rather than silently ignored.  Counts in Persian text use the Persian thousands
separator («۲۰٬۰۰۰»).  ``cli.main`` ends a command quietly when its output's reader has gone
away (``search … | head``).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from typing import Any

from qazvin_diplomacy.cli import agenda as cli_agenda
from qazvin_diplomacy.cli.args import bounded_int, record_id
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.jalali import parse_jalali
from qazvin_diplomacy.core.text import to_persian_digits

COMMANDS = ("search", "import", "export")


def register(subparsers: Any) -> None:
    """Add ``search``, ``import`` and ``export`` to the sub-parsers of ``cli.build_parser``."""
    from qazvin_diplomacy.services.excel_import import DUPLICATE_CHOICES
    from qazvin_diplomacy.services.export import EXPORT_KINDS
    from qazvin_diplomacy.services.search import MAX_LIMIT_PER_KIND
    from qazvin_diplomacy.services.search_sources import SEARCH_SOURCES

    search = subparsers.add_parser("search", help="search every kind of record (Persian-aware)")
    search.add_argument("query", help="text to find; partial words match")
    search.add_argument("--db", required=True, help="database file")
    search.add_argument(
        "--json", action="store_true", help="print JSON (kind, id, title, subtitle)"
    )
    search.add_argument(
        "--kind",
        action="append",
        choices=[s.kind for s in SEARCH_SOURCES],
        help="only this kind (repeatable)",
    )
    search.add_argument(
        "--limit",
        type=bounded_int(1, MAX_LIMIT_PER_KIND),
        default=20,
        help=f"results per kind, 1 to {MAX_LIMIT_PER_KIND} (default 20)",
    )

    imp = subparsers.add_parser("import", help="import records from a spreadsheet")
    what = imp.add_subparsers(dest="import_kind", required=True)
    contacts = what.add_parser("contacts", help="import a contact sheet (.xlsx)")
    contacts.add_argument("file", help="the .xlsx file")
    contacts.add_argument("--db", required=True, help="database file")
    contacts.add_argument("--mapping", help="JSON column mapping for sheets with other headers")
    contacts.add_argument(
        "--on-duplicate",
        choices=DUPLICATE_CHOICES,
        default="skip",
        help="what to do with likely duplicates (default: skip)",
    )
    contacts.add_argument(
        "--dry-run", action="store_true", help="validate and count, write nothing"
    )

    export = subparsers.add_parser("export", help="export a filtered list to .xlsx or .csv")
    export.add_argument("kind", choices=(*EXPORT_KINDS, cli_agenda.KIND), help="which list")
    export.add_argument("--db", required=True, help="database file")
    export.add_argument("--out", required=True, help="output file (.xlsx or .csv)")
    export.add_argument("--text", default="", help="text filter (as in the list's search box)")
    export.add_argument("--country", help="country: ISO code or name")
    export.add_argument(
        "--organization-id",
        type=record_id,
        help="people of this organization; agreements it is party to; events its people attend",
    )
    export.add_argument(
        "--body", type=record_id, help="resolutions this body (organization id) is responsible for"
    )
    export.add_argument("--series", type=record_id, help="meetings or resolutions of this series")
    export.add_argument("--org-kind", help="organizations of this kind (e.g. embassy)")
    export.add_argument("--agreement-kind", help="agreements of this kind (e.g. mou, roadmap)")
    export.add_argument("--event-kind", help="events of this kind (e.g. cultural)")
    export.add_argument("--axis", help="agreements or capacities on this axis (e.g. tourism)")
    export.add_argument("--county", help="capacities in this county (e.g. takestan)")
    export.add_argument(
        "--publishable-only", action="store_true", help="capacities flagged publishable only"
    )
    export.add_argument(
        "--status",
        help="visit, agreement, event, follow-up or meeting status (e.g. confirmed, signed, "
        "held); resolutions: open, overdue, week, done, cancelled",
    )
    export.add_argument(
        "--from",
        dest="date_from",
        help="from this Jalali date (e.g. 1404/07/01); agreements: signing date; "
        "resolutions: deadline",
    )
    export.add_argument("--to", dest="date_to", help="up to this Jalali date, inclusive")
    export.add_argument(
        "--targets-only", action="store_true", help="countries: target countries only"
    )
    export.add_argument("--include-archived", action="store_true", help="include archived records")
    export.add_argument("--lang", choices=("fa", "en"), default="fa", help="header language")


def _open(path_text: str, *, read_only: bool) -> Any:
    from qazvin_diplomacy.services.connection import existing_database, open_database

    return open_database(existing_database(path_text), read_only=read_only)


def run(args: argparse.Namespace) -> int:
    """Run the parsed command (one of :data:`COMMANDS`); return the exit code."""
    handler = {"search": _search, "import": _import, "export": _export}[args.command]
    db = _open(args.db, read_only=args.command in ("search", "export"))
    try:
        return handler(db, args)
    finally:
        db.close()


def _search(db: Any, args: argparse.Namespace) -> int:
    from qazvin_diplomacy.services.search import search

    results = search(db, args.query, kinds=args.kind, limit_per_kind=args.limit)
    if args.json:
        payload = [
            {
                "kind": h.kind,
                "id": h.id,
                "title": h.title,
                "subtitle": h.subtitle,
                "title_en": h.title_en,
            }
            for h in results.hits
        ]
        print(json.dumps(payload, ensure_ascii=False))
        return 0
    for hit in results.hits:
        print(f"{hit.kind}\t{hit.id}\t{hit.title}\t{hit.subtitle}")
    if results.empty:
        print(f"چیزی برای «{args.query}» پیدا نشد — nothing found", file=sys.stderr)
    return 0


def _import(db: Any, args: argparse.Namespace) -> int:
    from qazvin_diplomacy.services.directory import ensure_reference_data
    from qazvin_diplomacy.services.excel_import import commit_import, load_mapping, preview_contacts

    mapping = load_mapping(args.mapping) if args.mapping else None  # refused before any write
    ensure_reference_data(db)
    preview = preview_contacts(db, args.file, mapping=mapping)
    for warning in preview.warnings:
        print(f"توجه — note: {warning}")
    if not preview.ok:
        for issue in preview.issues:
            print(f"خطا — error: {issue.describe()}", file=sys.stderr)
        print(
            f"{format_count(len(preview.issues))} خطا؛ هیچ ردیفی وارد نشد — "
            f"{len(preview.issues)} error(s), nothing imported",
            file=sys.stderr,
        )
        return 1
    for row in preview.duplicate_rows:
        hits = "؛ ".join(h.describe() for h in row.duplicates)
        print(
            f"تکراری احتمالی — likely duplicate: ردیف {to_persian_digits(row.contact.row)} "
            f"«{row.contact.name_fa}»: {hits}"
        )
    result = commit_import(db, preview, on_duplicate=args.on_duplicate, dry_run=args.dry_run)
    for warning in result.warnings[len(preview.warnings) :]:  # found while committing
        print(f"توجه — note: {warning}")
    prefix = "آزمایشی (چیزی ثبت نشد) — dry run: " if result.dry_run else ""
    print(
        f"{prefix}added={result.added} merged={result.merged} skipped={result.skipped} "
        f"organizations_created={result.organizations_created}"
    )
    return 0


_DATED = (
    "visits", "agreements", "events", "followups", "letters", "meetings", "resolutions",
    "delegations",
)  # fmt: skip
# Options of ``export`` that only some lists take: option -> (dest, the lists that take it).
_EXPORT_ONLY_FOR: dict[str, tuple[str, tuple[str, ...]]] = {
    "--org-kind": ("org_kind", ("organizations",)),
    "--agreement-kind": ("agreement_kind", ("agreements",)),
    "--event-kind": ("event_kind", ("events",)),
    "--axis": ("axis", ("agreements", "capacities")),
    "--county": ("county", ("capacities",)),
    "--publishable-only": ("publishable_only", ("capacities",)),
    "--targets-only": ("targets_only", ("countries",)),
    "--organization-id": ("organization_id", ("people", "agreements", "events")),
    "--status": (
        "status",
        (
            "visits",
            "agreements",
            "events",
            "followups",
            "meetings",
            "resolutions",
            "markets",
            "delegations",
            "capacities",
        ),  # fmt: skip
    ),
    "--body": ("body", ("resolutions",)),
    "--series": ("series", ("meetings", "resolutions")),
    "--country": (
        "country",
        ("people", "organizations", "visits", "agreements", "events", "markets", "delegations"),
    ),
    "--from": ("date_from", _DATED),
    "--to": ("date_to", _DATED),
}


def _check_export_options(args: argparse.Namespace) -> None:
    """Refuse an option that the chosen list does not take (it would be silently ignored)."""
    for option, (dest, kinds) in _EXPORT_ONLY_FOR.items():
        value = getattr(args, dest, None)
        if value not in (None, False, "") and args.kind not in kinds:
            raise KnownError(
                f"گزینه {option} برای فهرست «{args.kind}» به کار نمی‌رود؛ "
                f"فقط برای: {'، '.join(kinds)}.",
                f"{option} does not apply to '{args.kind}'; only to: {', '.join(kinds)}.",
            )


def _export(db: Any, args: argparse.Namespace) -> int:
    from qazvin_diplomacy.services.directory import country_by_code
    from qazvin_diplomacy.services.export import ExportFilters, export_list

    if args.kind == cli_agenda.KIND:
        return cli_agenda.export_agenda(db, args)
    _check_export_options(args)
    country_id = None
    if args.country:
        country = country_by_code(db, args.country)
        if country is None:
            raise KnownError(
                f"کشور «{args.country}» شناخته نشد.", f"Unknown country '{args.country}'."
            )
        country_id = country.id
    filters = ExportFilters(
        text=args.text,
        country_id=country_id,
        organization_id=args.organization_id,
        kind=args.org_kind or args.agreement_kind or args.event_kind,
        status=args.status,
        axis=args.axis,
        date_from=parse_jalali(args.date_from) if args.date_from else None,
        date_to=parse_jalali(args.date_to) if args.date_to else None,
        targets_only=args.targets_only,
        include_archived=args.include_archived,
        series_id=args.series,
        county=args.county,
        publishable_only=args.publishable_only,
    )
    if args.body is not None:
        filters = replace(filters, organization_id=args.body)
    count = export_list(db, kind=args.kind, path=args.out, filters=filters, lang=args.lang)
    print(f"{args.out}: {count} rows — {format_count(count)} ردیف")
    return 0
