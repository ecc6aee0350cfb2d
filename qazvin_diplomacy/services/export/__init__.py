"""Export a filtered list (people, organizations, countries, visits, agreements, events,
follow-ups) to .xlsx or .csv.

:func:`export_table` runs the list's query with the user's filters (in SQL) and returns an
:class:`ExportTable` — Persian headers, Jalali dates as text beside ISO dates — which the UI
can also preview; :func:`write_xlsx` and :func:`write_csv` write it; :func:`export_list` does
both, choosing the format by the file's suffix.  The queries are in ``tables``, the writers in
``files``; this package re-exports both.

A list page passes its own filter object (``VisitFilter``, ``AgreementFilter``,
``EventFilter``) as ``ExportFilters.list_filter`` with its sort, so the file holds exactly the
rows the page shows, in the same order; the command line fills the generic fields instead.

With ``lang="en"`` the headers and every enumerated value (status, kind, axis, rank, region,
yes/no, source) are English and Jalali dates and times have Latin digits; free text (names,
titles, notes) stays as stored.  With ``lang="fa"`` everything is Persian, digits included.

The workbook has one sheet (right-to-left in Persian), the header row frozen and column widths
set.  A text cell that a spreadsheet could read as a formula (a leading = + - @ tab or CR) is
written to the .xlsx as typed text with the ``quotePrefix`` style: Excel shows the value as is
(a phone «+98 21 …» without an apostrophe) and never evaluates it.  A CSV has no cell types, so
there such a value gets a leading ``'`` (``core.cells.neutralise_formula``), which the import
strips again.  CSV is UTF-8 with a byte-order mark so Excel reads Persian.  The people sheet uses exactly the headers the contact import recognises:
export → import round-trips a contact list without loss.  Files are written to a temporary
name and renamed, so a failure leaves no half-written file.
"""

from __future__ import annotations

from qazvin_diplomacy.services.export.files import export_list, write_csv, write_xlsx
from qazvin_diplomacy.services.export.sheets import (
    EXPORT_PAGE,
    MAX_EXPORT_ROWS,
    ExportColumn,
    ExportFilters,
    ExportTable,
    ListFilter,
    Progress,
)
from qazvin_diplomacy.services.export.tables import EXPORT_KINDS, export_table

__all__ = [
    "EXPORT_KINDS",
    "EXPORT_PAGE",
    "MAX_EXPORT_ROWS",
    "ExportColumn",
    "ExportFilters",
    "ExportTable",
    "ListFilter",
    "Progress",
    "export_list",
    "export_table",
    "write_csv",
    "write_xlsx",
]
