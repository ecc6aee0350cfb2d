"""Table models of the directory over core dataclasses (countries, people) and the org tree.

The people model pages lazily: ``fetchMore`` reads the next :attr:`PersonTableModel.PAGE`
contacts through ``services.directory.list_people`` (filters in SQL).  Countries are a few
hundred rows read at once; the organization tree is built from one list query.  With
``include_archived`` the people and organization models also show archived records, marked:
grey italic text and «(بایگانی‌شده)» after the name.  Latin-only cells (phones, e-mails)
are isolated left-to-right (:func:`latin_cell`) so a right-to-left table does not reverse
«+98 21 2280 1202» into «1202 2280 21 98+».
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel

from qazvin_diplomacy.core.directory import (
    CountryView,
    OrganizationKind,
    OrganizationView,
    PersonView,
)
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, is_rtl, loc_digits, loc_text
from qazvin_diplomacy.ui.paged_model import TranslatedColumns

ARCHIVED_ROLE = Qt.ItemDataRole.UserRole + 1
ARCHIVED_COLOR = "#757575"
_ANY_INDEX = QModelIndex | QPersistentModelIndex


def archived_suffix() -> str:
    """« (archived)» in the UI language, put after an archived record's name."""
    return " " + QCoreApplication.translate("DirectoryModels", "(archived)")


LATIN_ALIGNMENT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute) | int(
    Qt.AlignmentFlag.AlignVCenter
)
"""Where a Latin-only cell's text sits: on the left, as it reads, in either layout direction."""


def latin_cell(text: str | None) -> str:
    """A Latin-only cell's text (phone, e-mail, code) laid out left-to-right in any table.

    In a right-to-left view the numbers of «+98 21 2280 1202» would otherwise be ordered
    right to left; the text is wrapped in a bidi isolate (FSI … PDI; a text without letters
    is taken as left-to-right).
    """
    return bidi_isolate(text or "")


def _italic() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


def kind_label(kind: str) -> str:
    """An organization kind in the UI language."""
    try:
        value = OrganizationKind(kind)
    except ValueError:
        return kind
    return value.label_fa if is_rtl() else value.value.replace("_", " ").capitalize()


def pick(fa: str, en: str) -> str:
    """The Persian or English form of a name for the UI language (the other when empty)."""
    return loc_text(fa or en) if is_rtl() else (en or fa)


class _ListModel(TranslatedColumns, QAbstractTableModel):
    """Shared parts: fixed translated columns over a list of dataclasses."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self.rows: list = []

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        """Override: rows loaded so far."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        """Override: fixed columns."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def record(self, row: int):
        """The dataclass of ``row`` (None out of range)."""
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, record_id: int) -> int:
        """Row of a record among those loaded (-1 when absent)."""
        return next((i for i, r in enumerate(self.rows) if r.id == record_id), -1)


class CountryTableModel(_ListModel):
    """Countries with their embassy in Tehran, target flag, priority and notes."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("CountryTableModel", "Country"),
        QT_TRANSLATE_NOOP("CountryTableModel", "Code"),
        QT_TRANSLATE_NOOP("CountryTableModel", "Embassy"),
        QT_TRANSLATE_NOOP("CountryTableModel", "Target"),
        QT_TRANSLATE_NOOP("CountryTableModel", "Priority"),
        QT_TRANSLATE_NOOP("CountryTableModel", "Notes"),
    )
    EMBASSY_COLUMN = 2

    def __init__(self, db: DatabaseHandle, parent: object | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.text = ""
        self.targets_only = False
        self.embassies: dict[int, str] = {}

    def reload(self) -> None:
        """Re-read the countries (filtered in SQL) and the embassies."""
        self.beginResetModel()
        try:
            self.rows = directory.list_countries(
                self.db, text=self.text, targets_only=self.targets_only
            )
            self.embassies = {}
            for org in directory.list_organizations(
                self.db, kind=OrganizationKind.EMBASSY.value, limit=5000
            ):
                if org.country_id is not None:
                    self.embassies.setdefault(org.country_id, pick(org.name_fa, org.name_en))
        finally:
            self.endResetModel()

    def data(self, index: _ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override: texts in the UI language, ids under ``UserRole``."""
        c: CountryView | None = self.record(index.row()) if index.isValid() else None
        if c is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return pick(c.name_fa, c.name_en)
            if col == 1:
                return c.iso2
            if col == self.EMBASSY_COLUMN:
                return self.embassies.get(c.id, "")
            if col == 3:
                return self.tr("Yes") if c.is_target else ""
            if col == 4:
                return loc_digits(c.priority) if c.priority else ""
            if col == 5:
                return loc_text(c.notes)
        if role == ID_ROLE:
            return c.id
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and c.is_target:
            return QColor("#2e7d32")
        return None


class PersonTableModel(_ListModel):
    """Contacts; pages of :attr:`PAGE` are fetched as the view scrolls."""

    PAGE = 200
    COLUMNS = (
        QT_TRANSLATE_NOOP("PersonTableModel", "Name"),
        QT_TRANSLATE_NOOP("PersonTableModel", "Title"),
        QT_TRANSLATE_NOOP("PersonTableModel", "Organization"),
        QT_TRANSLATE_NOOP("PersonTableModel", "Country"),
        QT_TRANSLATE_NOOP("PersonTableModel", "Phone"),
        QT_TRANSLATE_NOOP("PersonTableModel", "E-mail"),
    )

    def __init__(self, db: DatabaseHandle, parent: object | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.text = ""
        self.country_id: int | None = None
        self.organization_id: int | None = None
        self.include_archived = False
        self._more = False

    def _read(self, offset: int) -> list[PersonView]:
        page = directory.list_people(
            self.db,
            text=self.text,
            country_id=self.country_id,
            organization_id=self.organization_id,
            limit=self.PAGE + 1,
            offset=offset,
            include_archived=self.include_archived,
        )
        self._more = len(page) > self.PAGE
        return page[: self.PAGE]

    def reload(self) -> None:
        """Re-read the first page under the current filters."""
        self.beginResetModel()
        try:
            self.rows = self._read(0)
        finally:
            self.endResetModel()

    def canFetchMore(self, parent: _ANY_INDEX = QModelIndex()) -> bool:  # noqa: B008
        """Override: another page exists."""
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _ANY_INDEX = QModelIndex()) -> None:  # noqa: B008
        """Override: append the next page."""
        if parent.isValid() or not self._more:
            return
        page = self._read(len(self.rows))
        if not page:
            self._more = False
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    def data(self, index: _ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override: texts in the UI language, ids under ``UserRole``."""
        p: PersonView | None = self.record(index.row()) if index.isValid() else None
        if p is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                honorific = p.honorific_fa if is_rtl() else p.honorific_en
                name = pick(p.name_fa, p.name_en)
                name = f"{loc_text(honorific)} {name}".strip() if honorific else name
                return name + archived_suffix() if p.archived else name
            if col == 1:
                return pick(p.title_fa, p.title_en)
            if col == 2:
                return pick(p.organization_name_fa, p.organization_name_en)
            if col == 3:
                return pick(p.country_name_fa, p.country_name_en)
            if col == 4:
                return latin_cell(p.phone)
            if col == 5:
                return latin_cell(p.email)
        if role == ID_ROLE:
            return p.id
        if role == ARCHIVED_ROLE:
            return p.archived
        if p.archived and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(ARCHIVED_COLOR)
        if p.archived and role == Qt.ItemDataRole.FontRole:
            return _italic()
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (4, 5):
            return LATIN_ALIGNMENT
        return None


class OrganizationTreeModel(QStandardItemModel):
    """Organizations as a tree by parent: name, kind, country."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("OrganizationTreeModel", "Organization"),
        QT_TRANSLATE_NOOP("OrganizationTreeModel", "Kind"),
        QT_TRANSLATE_NOOP("OrganizationTreeModel", "Country"),
    )

    def __init__(self, db: DatabaseHandle, parent: object | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.text = ""
        self.kind: str | None = None
        self.country_id: int | None = None
        self.include_archived = False
        self.orgs: dict[int, OrganizationView] = {}
        self._items: dict[int, QStandardItem] = {}

    def reload(self) -> None:
        """Rebuild the tree; with a filter, matches keep their ancestors for context."""
        rows = directory.list_organizations(
            self.db,
            text=self.text,
            kind=self.kind,
            country_id=self.country_id,
            limit=100_000,
            include_archived=self.include_archived,
        )
        shown: dict[int, OrganizationView] = {o.id: o for o in rows if o.id is not None}
        # The ancestors of matches whose parent was filtered out, a generation a query (not
        # every organization read again): an archived one ends the line unless it is shown.
        wanted = {o.parent_id for o in rows} - shown.keys() - {None}
        while wanted:
            found = directory.list_organizations(
                self.db, ids=wanted, limit=len(wanted), include_archived=self.include_archived
            )
            shown.update((o.id, o) for o in found if o.id is not None)
            wanted = {o.parent_id for o in found} - shown.keys() - {None}
        self.orgs = shown
        self._items = {}
        # Not ``clear()``: with the tree view attached, clearing 850 organizations took about
        # 150 ms; removing the rows in one step takes a few.
        self.removeRows(0, self.rowCount())
        self.setColumnCount(len(self.COLUMNS))
        self._set_headers()
        root = self.invisibleRootItem()
        ordered = sorted(shown.values(), key=lambda o: o.name_fa)
        for org in ordered:
            assert org.id is not None
            self._items[org.id] = self._row(org)[0]
        for org in ordered:
            assert org.id is not None
            item = self._items[org.id]
            parent_item = self._items.get(org.parent_id) if org.parent_id else None
            row = [item, *self._row_rest(org)]
            (parent_item or root).appendRow(row)

    def _row(self, org: OrganizationView) -> list[QStandardItem]:
        name = pick(org.name_fa, org.name_en)
        item = QStandardItem(name + archived_suffix() if org.archived else name)
        self._mark(item, org)
        return [item]

    def _row_rest(self, org: OrganizationView) -> list[QStandardItem]:
        cells = [
            QStandardItem(kind_label(org.kind)),
            QStandardItem(pick(org.country_name_fa, org.country_name_en)),
        ]
        for cell in cells:
            self._mark(cell, org)
        return cells

    @staticmethod
    def _mark(item: QStandardItem, org: OrganizationView) -> None:
        item.setData(org.id, ID_ROLE)
        item.setData(org.archived, ARCHIVED_ROLE)
        item.setEditable(False)
        if org.archived:
            item.setForeground(QColor(ARCHIVED_COLOR))
            item.setFont(_italic())

    def _set_headers(self) -> None:
        for i, text in enumerate(self.COLUMNS):
            self.setHeaderData(
                i, Qt.Orientation.Horizontal, QCoreApplication.translate(type(self).__name__, text)
            )

    def item_of(self, org_id: int) -> QStandardItem | None:
        """The tree item of an organization shown."""
        return self._items.get(org_id)

    def retranslate(self) -> None:
        """Rebuild in the new language."""
        self.reload()
