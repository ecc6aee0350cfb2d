"""Table model of the agreements register over ``AgreementSummary`` dataclasses, loaded lazily.

Like the visits list, the model counts every matching row (one ``count_agreements`` query)
and reads a row's page of ``PAGE`` agreements through ``services.agreements.list_agreements``
(filters and sorting in SQL) the first time Qt asks for it; at most ``MAX_PAGES`` pages stay
cached, so jumping to the end of a long register reads one page only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from qazvin_diplomacy.core.agreements import (
    AgreementFilter,
    AgreementStatus,
    AgreementSummary,
    PartySide,
)
from qazvin_diplomacy.core.formatting import reference_text
from qazvin_diplomacy.services import agreements as agreements_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, current_language, loc_text
from qazvin_diplomacy.ui.paged_model import PagedTableModel
from qazvin_diplomacy.ui.widgets.jalali import show_date

_ANY_INDEX = QModelIndex | QPersistentModelIndex

STATUS_COLORS = {
    AgreementStatus.DRAFT: "#6d6d6d",
    AgreementStatus.LEGAL_REVIEW: "#b26a00",
    AgreementStatus.APPROVED: "#1f5fa8",
    AgreementStatus.SIGNED: "#2e7d32",
    AgreementStatus.IN_FORCE: "#1b5e20",
    AgreementStatus.EXPIRED: "#8d6e63",
    AgreementStatus.TERMINATED: "#c62828",
}

#: (English header, sort key of ``services.agreements.list_agreements`` or None)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("AgreementTableModel", "Reference"), "reference"),
    (QT_TRANSLATE_NOOP("AgreementTableModel", "Title"), "title"),
    (QT_TRANSLATE_NOOP("AgreementTableModel", "Kind"), "kind"),
    (QT_TRANSLATE_NOOP("AgreementTableModel", "Foreign parties"), None),
    (QT_TRANSLATE_NOOP("AgreementTableModel", "Country"), None),
    (QT_TRANSLATE_NOOP("AgreementTableModel", "Signed"), "signing_date"),
    (QT_TRANSLATE_NOOP("AgreementTableModel", "Expiry"), "expiry"),
    (QT_TRANSLATE_NOOP("AgreementTableModel", "Status"), "status"),
    (QT_TRANSLATE_NOOP("AgreementTableModel", "Axes"), None),
)
SIGNED_COLUMN = 5


def status_label(status: AgreementStatus) -> str:
    """The status in the UI language."""
    return AgreementStatus(status).label(current_language())


def date_text(day: dt.date | None) -> str:
    """A Jalali date in the UI's digits, or a dash."""
    return show_date(day) if day is not None else "—"


class AgreementTableModel(PagedTableModel[AgreementSummary]):
    """Agreements as rows; lazy paging through the service, sorting in SQL."""

    COLUMNS = COLUMNS

    def __init__(
        self,
        db: DatabaseHandle,
        parent: object | None = None,
        *,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        super().__init__(db, AgreementFilter(), parent)
        self.today = today
        self.sort_key = "signing_date"
        self.reload()

    def count_rows(self) -> int:
        """Override: agreements matching the filters."""
        return agreements_service.count_agreements(self.db, filters=self.filters)

    def fetch_rows(self, offset: int, limit: int) -> list[AgreementSummary]:
        """Override: one page of agreements in the chosen order."""
        return agreements_service.list_agreements(
            self.db,
            **self.page_query(offset, limit),
            today=self.today() if self.today else None,
        )

    def agreement(self, row: int) -> AgreementSummary | None:
        """The agreement of ``row`` (None if the database lost it since counting)."""
        return self.item(row)

    def cell_text(self, a: AgreementSummary, col: int) -> str:
        """The text of column ``col`` for agreement ``a`` in the UI language."""
        lang = current_language()
        if col == 0:
            return reference_text(a.reference_number, lang) if a.reference_number else "—"
        if col == 1:
            return loc_text(a.title if lang == "fa" or not a.title_en else a.title_en)
        if col == 2:
            return a.kind.label(lang)
        if col == 3:
            return loc_text(a.parties_text(PartySide.FOREIGN, lang))
        if col == 4:
            names = a.countries_en if lang == "en" else a.countries_fa
            return (", " if lang == "en" else "، ").join(names)
        if col == 5:
            return date_text(a.signing_date)
        if col == 6:
            text = date_text(a.expires_on)
            if a.expires_on is not None and a.auto_renew:
                text += " ⟳"
            return text
        if col == 7:
            label = status_label(a.status)
            if a.shown_status != a.status:
                label += f" ({status_label(a.shown_status)})"
            return label
        if col == 8:
            return a.axes_text(lang)
        return ""

    def cell_data(self, a: AgreementSummary, col: int, role: int) -> object:
        """Override: texts in the UI language, ids under ``ID_ROLE``."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(a, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 6 and a.auto_renew:
                return self.tr("Renewed automatically")
            return self.cell_text(a, col)
        if role == ID_ROLE:
            return a.id
        if role == Qt.ItemDataRole.ForegroundRole and col == 7:
            return QColor(STATUS_COLORS[a.shown_status])
        return None
