"""The global search box of the main window (Ctrl+K / Ctrl+F when the page has no box).

As the user types (debounced), ``services.search.search`` answers in SQL from the FTS5
index — a few milliseconds, so it runs on the GUI thread without stutter — and the results
drop down under the box grouped by kind.  Up/Down walk the hits, Enter opens the selected
one (the first when none is selected), Escape closes the list.

Opening a hit: visits in the visit form; people, organizations and countries on the
directory's record pages; agreements and events in their module when one is registered
(keys "agreements" / "events"), otherwise — and for follow-ups — a short summary.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.services import search as search_service
from qazvin_diplomacy.services.search import SearchHit, SearchResults
from qazvin_diplomacy.ui.common import show_error
from qazvin_diplomacy.ui.i18n import Retranslating, direction_mark, is_rtl, loc_digits, loc_text
from qazvin_diplomacy.ui.modules import ModulePage, ModuleSpec, UiContext

HIT_ROLE = Qt.ItemDataRole.UserRole
MORE_ROLE = Qt.ItemDataRole.UserRole + 1  # the kind whose "Show more" row this is
#: Module that opens each kind; directory kinds open through the directory page.
MODULE_OF_KIND = {
    "visit": "visits",
    "agreement": "agreements",
    "event": "events",
    "person": "directory",
    "organization": "directory",
    "country": "directory",
    "market": "markets",
    "meeting_series": "meetings",
    "meeting": "meetings",
    "resolution": "meetings",
    "delegation": "delegations",
}
#: Modules whose page opens each of its kinds with ``open_<kind>(id)``.
OPENED_BY_KIND = ("directory", "meetings")


class WindowLike(Protocol):
    """What the search needs of the main window."""

    specs: list[ModuleSpec]

    def show_module(self, key: str) -> ModulePage: ...

    def open_record(self, key: str, record_id: int) -> None: ...


class GlobalSearch(Retranslating, QWidget):
    """A search box with a drop-down of results grouped by kind."""

    opened = Signal(str, int)  # kind, id of the hit opened

    DEBOUNCE_MS = 150
    PER_KIND = 6
    MORE_STEP = 20  # hits added to a kind by its "Show more" row

    def __init__(self, ctx: UiContext, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.ctx = ctx
        self.main = window
        self.results = SearchResults("")
        self.summaries: list[QMessageBox] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        self.box = QLineEdit(self)
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumWidth(280)
        layout.addWidget(self.box)
        self.popup = QListWidget(window)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setStyleSheet(
            "QListWidget { border: 1px solid #9aa9b8; background: white; }"
            "QListWidget::item { padding: 3px; }"
            "QListWidget::item:selected { background: #2f4f6f; color: white; }"
        )
        self.popup.hide()
        self.popup.itemClicked.connect(self._clicked)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_query)
        self.box.textChanged.connect(lambda _t: self.timer.start())
        self.shown_per_kind: dict[str, int] = {}  # kinds opened up with "Show more"
        self.box.installEventFilter(self)
        self.retranslate_ui()

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.box.setPlaceholderText(self.tr("Search everything… (Ctrl+K)"))
        self.box.setToolTip(
            self.tr("People, organizations, countries, visits, agreements, events, follow-ups")
        )
        if self.popup.isVisible():
            self.show_results(self.results)

    # --- querying ----------------------------------------------------------------------

    def focus(self) -> None:
        """Focus the box and select its text (Ctrl+K)."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def run_query(self) -> SearchResults:
        """Search now for the box's text and show the results."""
        self.timer.stop()
        query = self.box.text()
        self.shown_per_kind = {}
        try:
            self.results = search_service.search(self.ctx.db, query, limit_per_kind=self.PER_KIND)
        except KnownError as exc:
            show_error(self, exc)
            self.results = SearchResults(query)
        self.show_results(self.results)
        return self.results

    def show_results(self, results: SearchResults) -> None:
        """Fill the drop-down: a header per kind, then its hits."""
        self.popup.clear()
        if not results.query.strip():
            self.popup.hide()
            return
        bold = QFont(self.popup.font())
        bold.setBold(True)
        mark = direction_mark()
        if results.empty:
            item = QListWidgetItem(mark + self.tr("Nothing found."), self.popup)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        for group in results.groups:
            label = group.label_fa if is_rtl() else group.label_en
            header = QListWidgetItem(mark + label + (" …" if group.has_more else ""), self.popup)
            header.setFont(bold)
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            header.setForeground(Qt.GlobalColor.darkGray)
            for hit in group.hits:
                title = hit.title if is_rtl() or not hit.title_en else hit.title_en
                text = loc_text(title)
                subtitle = _subtitle(hit)
                if subtitle:
                    text += "  —  " + loc_text(subtitle)
                item = QListWidgetItem(mark + "   " + text, self.popup)
                item.setData(HIT_ROLE, hit)
                item.setToolTip(text)
            if group.has_more:
                more = QListWidgetItem(
                    mark + "   " + self.tr("Show more %1…").replace("%1", label), self.popup
                )
                more.setData(MORE_ROLE, group.kind)
                more.setForeground(Qt.GlobalColor.darkBlue)
        first = self._hit_rows()
        if first:
            self.popup.setCurrentRow(first[0])
        self._place_popup()
        self.popup.show()
        self.popup.raise_()

    def _place_popup(self) -> None:
        origin = self.box.mapTo(self.main, QPoint(0, self.box.height()))
        width = max(self.box.width(), 460)
        x = origin.x() + self.box.width() - width if is_rtl() else origin.x()
        x = max(0, min(x, self.main.width() - width))
        rows = max(self.popup.count(), 1)
        height = min(rows * (self.popup.sizeHintForRow(0) + 2) + 8, 440)
        self.popup.setGeometry(x, origin.y() + 2, width, height)

    def _hit_rows(self) -> list[int]:
        return [
            i for i in range(self.popup.count()) if self.popup.item(i).data(HIT_ROLE) is not None
        ]

    def _choosable_rows(self) -> list[int]:
        """Hits and "Show more" rows (what Up/Down walk through)."""
        return [
            i
            for i in range(self.popup.count())
            if self.popup.item(i).data(HIT_ROLE) is not None
            or self.popup.item(i).data(MORE_ROLE) is not None
        ]

    def show_more(self, kind: str) -> SearchResults:
        """Show ``MORE_STEP`` more hits of ``kind`` (the other kinds stay as they are)."""
        shown = self.shown_per_kind.get(kind, self.PER_KIND) + self.MORE_STEP
        self.shown_per_kind[kind] = shown
        try:
            more = search_service.search(
                self.ctx.db, self.results.query, kinds=[kind], limit_per_kind=shown
            )
        except KnownError as exc:
            show_error(self, exc)
            return self.results
        wider = {g.kind: g for g in more.groups}
        groups = [wider.get(g.kind, g) if g.kind == kind else g for g in self.results.groups]
        self.results = SearchResults(self.results.query, groups, self.results.elapsed_ms)
        self.show_results(self.results)
        rows = [i for i in self._hit_rows() if self.popup.item(i).data(HIT_ROLE).kind == kind]
        if rows:  # the cursor on the first newly shown hit of that kind
            self.popup.setCurrentRow(rows[min(shown - self.MORE_STEP, len(rows) - 1)])
        return self.results

    def hits_shown(self) -> list[SearchHit]:
        """The hits in the drop-down, in order."""
        return [self.popup.item(i).data(HIT_ROLE) for i in self._hit_rows()]

    def current_hit(self) -> SearchHit | None:
        """The selected hit (the first when none is selected)."""
        item = self.popup.currentItem()
        hit = item.data(HIT_ROLE) if item is not None else None
        if hit is None:
            hits = self.hits_shown()
            hit = hits[0] if hits else None
        return hit

    # --- keys --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """Override: arrows, Enter and Escape in the box drive the drop-down."""
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.timer.isActive() or self.results.query != self.box.text():
                    self.run_query()
                current = self.popup.currentItem()
                if current is not None and current.data(MORE_ROLE) is not None:
                    self.show_more(str(current.data(MORE_ROLE)))
                    return True
                hit = self.current_hit()
                if hit is not None:
                    self.open_hit(hit)
                return True
            if key == Qt.Key.Key_Escape:
                self.popup.hide()
                return True
        if watched is self.box and event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(200, self._hide_unless_focused)
        return super().eventFilter(watched, event)

    def _hide_unless_focused(self) -> None:
        if not self.box.hasFocus():
            self.popup.hide()

    def _move(self, step: int) -> None:
        rows = self._choosable_rows()
        if not rows:
            return
        if not self.popup.isVisible():
            self.popup.show()
        current = self.popup.currentRow()
        later = [r for r in rows if (r > current if step > 0 else r < current)]
        target = (later[0] if step > 0 else later[-1]) if later else current
        self.popup.setCurrentRow(target)

    def _clicked(self, item: QListWidgetItem) -> None:
        if item.data(MORE_ROLE) is not None:
            self.show_more(str(item.data(MORE_ROLE)))
            self.box.setFocus()
            return
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.open_hit(hit)

    # --- opening -----------------------------------------------------------------------

    def _registered(self, key: str) -> bool:
        return any(spec.key == key for spec in getattr(self.main, "specs", []))

    def open_hit(self, hit: SearchHit) -> QWidget | None:
        """Open ``hit`` where it belongs; returns the summary box when it has no module."""
        self.popup.hide()
        self.opened.emit(hit.kind, hit.id)
        main: WindowLike = self.main  # type: ignore[assignment]
        module = MODULE_OF_KIND.get(hit.kind, "")
        if module in OPENED_BY_KIND and self._registered(module):
            page = main.show_module(module)
            opener = getattr(page, f"open_{hit.kind}", None)
            if callable(opener):
                opener(hit.id)
                return None
        elif module and self._registered(module):
            main.open_record(module, hit.id)
            return None
        return self.show_summary(hit)

    def show_summary(self, hit: SearchHit) -> QMessageBox:
        """A short non-modal summary of a record that has no page to open."""
        group = next((g for g in self.results.groups if g.kind == hit.kind), None)
        kind = (group.label_fa if is_rtl() else group.label_en) if group else hit.kind
        box = QMessageBox(QMessageBox.Icon.Information, loc_text(kind), "", parent=self.main)
        lines = [loc_text(hit.title)]
        if hit.title_en and hit.title_en != hit.title:
            lines.append(hit.title_en)
        subtitle = _subtitle(hit)
        if subtitle:
            lines.append(loc_text(subtitle))
        lines.append(self.tr("Record number %1").replace("%1", loc_digits(hit.id)))
        box.setText("\n".join(lines))
        box.setModal(False)
        box.show()
        self.summaries = [b for b in self.summaries if b.isVisible()] + [box]
        return box


def _subtitle(hit: SearchHit) -> str:
    """The hit's subtitle in the UI language (English words where the record has them)."""
    return hit.subtitle if is_rtl() else (hit.subtitle_en or hit.subtitle)
