"""The dashboard (پیشخوان): cards contributed by the modules (see ``ui.registry``).

Each card reads its data through a service in ``read`` (worker-safe: no widgets) and shows it
in ``show_data`` (GUI thread); it hides itself when it has nothing to say (``is_relevant``).
The page reads all cards in one background operation (``ui.ops.run_op``) and fills them when
it ends; a refresh asked for while one is under way runs once after it (no pile-up).  On an empty database a first-run card offers to load
the sample data, which runs off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from qazvin_diplomacy.core.calendar import SOURCE_MODULES
from qazvin_diplomacy.core.followups import FollowUpSource, FollowUpView
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.services import followups, health
from qazvin_diplomacy.ui.common import ID_ROLE, show_error
from qazvin_diplomacy.ui.i18n import (
    current_language,
    direction_mark,
    loc_digits,
    loc_text,
    strip_direction_mark,
)
from qazvin_diplomacy.ui.modules import ModulePage, UiContext
from qazvin_diplomacy.ui.ops import Job, run_op
from qazvin_diplomacy.ui.registry import all_cards
from qazvin_diplomacy.ui.widgets.jalali import show_date

#: The module opening a card row's record.
MODULE_ROLE = ID_ROLE + 1

if TYPE_CHECKING:
    from qazvin_diplomacy.services import demo


class DashboardCard(QFrame):
    """A card: a title, a body the subclass fills, and ``refresh``/``retranslate_ui``."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("DashboardCard")
        self.setStyleSheet(
            "#DashboardCard { background: white; border: 1px solid #d5dde5; border-radius: 6px; }"
        )
        self.layout_ = QVBoxLayout(self)
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.title.setFont(font)
        self.title.setStyleSheet("color: #2f4f6f;")
        self.layout_.addWidget(self.title)
        self.layout_.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._data: tuple[Any] | None = None  # the last data shown, once read

    def retranslate_ui(self) -> None:
        """Set texts for the current language (and re-show data with the right digits)."""

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        """Override: retranslate on language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self._data is not None:  # the same data in the new language; nothing re-read
                self.fill(self._data[0])
        super().changeEvent(event)

    def read(self, today: dt.date) -> Any:
        """The card's data, read through its services (runs in the worker: no widgets)."""
        return None

    def show_data(self, data: Any) -> None:
        """Show ``data`` from ``read`` (GUI thread)."""

    def fill(self, data: Any) -> None:
        """Show ``data`` from ``read`` and remember it (GUI thread)."""
        self._data = (data,)
        self.show_data(data)

    def refresh(self) -> None:
        """Re-read the card's data and show it (synchronously)."""
        self.fill(self.read(self.ctx.today()))

    def is_relevant(self) -> bool:
        """Whether the card should be shown now."""
        return True


class FitList(QListWidget):
    """A list as tall as its wrapped rows at the width it is given (height for width), so a
    card is sized to its content and no row is cut, on the first paint as on later ones."""

    MARGIN = 8  # the item's text margins, both sides together

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Long rows wrap onto a second line instead of needing a horizontal scroll bar.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:  # Qt override
        """Override: the height depends on the width (rows wrap)."""
        return True

    def row_height(self, text: str, width: int) -> int:
        """The height of a row showing ``text`` wrapped at ``width`` (with the item margins)."""
        flags = int(Qt.TextFlag.TextWordWrap)
        bounds = QRect(0, 0, max(1, width - 2 * self.MARGIN), 1 << 20)
        return self.fontMetrics().boundingRect(bounds, flags, text).height() + self.MARGIN

    def heightForWidth(self, width: int) -> int:  # Qt override
        """Override: the height of every row wrapped at ``width``."""
        inner = width - 2 * self.frameWidth()
        rows = sum(
            self.row_height(self.item(i).text(), inner) + 2 * self.spacing()
            for i in range(self.count())
        )
        return rows + 2 * self.frameWidth() + 2

    def fit_rows(self) -> None:
        """Give every row the height of its text wrapped at the list's width (the view's own
        estimate left a two-line row one line tall and elided on the first paint)."""
        width = self.viewport().width()
        for i in range(self.count()):
            item = self.item(i)
            item.setSizeHint(QSize(width, self.row_height(item.text(), width)))
        self.updateGeometry()

    def sizeHint(self):  # type: ignore[no-untyped-def]  # Qt override
        """Override: as tall as the rows at the current width."""
        hint = super().sizeHint()
        hint.setHeight(self.heightForWidth(self.width() or hint.width()))
        return hint

    def minimumSizeHint(self):  # type: ignore[no-untyped-def]  # Qt override
        """Override: never shorter than its rows at the current width."""
        hint = super().minimumSizeHint()
        hint.setHeight(self.heightForWidth(self.width() or hint.width()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        """Override: a new width re-wraps the rows now (not at the next idle moment, which
        left the first paint with rows cut) and asks the layout for the new height."""
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_rows()


class ListCard(DashboardCard):
    """A card showing a list of records; double-click opens one."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.list = FitList(self)
        self.empty = QLabel(self)
        self.empty.setStyleSheet("color: #777;")
        self.empty.setWordWrap(True)
        self.layout_.addWidget(self.list)
        # The empty note takes the list's place at the top of the card, not its middle.
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.layout_.addWidget(self.empty)
        self.list.itemDoubleClicked.connect(self._activated)
        self.open_module = ""

    def set_rows(self, rows: list[tuple[int, str, str]] | list[tuple[int, str, str, str]]) -> None:
        """Show ``(id, text, tooltip)`` rows (an empty note when none); a fourth item names the
        module that opens that row's record (else the card's ``open_module``)."""
        self.list.clear()
        for record_id, text, tip, *module in rows:
            item = QListWidgetItem(direction_mark() + text)
            item.setData(ID_ROLE, record_id)
            item.setData(MODULE_ROLE, module[0] if module else self.open_module)
            item.setToolTip(tip or text)
            self.list.addItem(item)
        self.list.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.list.fit_rows()

    def texts(self) -> list[str]:
        """The rows' texts (tests and self-test)."""
        return [strip_direction_mark(self.list.item(i).text()) for i in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        record_id, module = item.data(ID_ROLE), item.data(MODULE_ROLE)
        if module and record_id:
            self.ctx.hub.openRecord.emit(module, int(record_id))


class FirstRunCard(DashboardCard):
    """On an empty database: a welcome and a button loading the sample data."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setStyleSheet(
            "#DashboardCard { background: #fffbea; border: 1px solid #e6c860; border-radius: 6px; }"
        )
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.button = QPushButton(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.layout_.addWidget(self.text)
        self.layout_.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeading)
        self.layout_.addWidget(self.progress)
        self.layout_.addWidget(self.result)
        self.button.clicked.connect(self.load_sample_data)
        self._empty = True
        self.on_loaded: Callable[[], None] | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.title.setText(self.tr("Welcome"))
        self.text.setText(
            self.tr(
                "The database is empty. You can start entering your own contacts and visits, "
                "or load sample data (countries, embassies, contacts, visits) to try the "
                "application first."
            )
        )
        self.button.setText(self.tr("Load sample data"))

    def read(self, today: dt.date) -> bool:
        """Whether the database is still empty."""
        return health.is_empty(self.ctx.db)

    def show_data(self, data: bool) -> None:
        """Remember whether the database is empty."""
        self._empty = data

    def is_relevant(self) -> bool:
        """Shown only on an empty database (or while loading)."""
        return self._empty or self.progress.isVisible()

    def load_sample_data(self) -> None:
        """Load the demo data in the worker thread, showing a busy indicator."""
        self.button.setEnabled(False)
        self.progress.show()
        self.result.setText(self.tr("Loading sample data…"))
        from qazvin_diplomacy.services import demo  # only on an empty database: not at start-up

        db = self.ctx.db
        self.ctx.runner.run(lambda: demo.load_demo(db), self._loaded, self._failed)

    def _loaded(self, summary: demo.DemoSummary) -> None:
        self.progress.hide()
        self.button.setEnabled(True)
        self.result.setText(
            self.tr("Sample data loaded: %1 records.").replace("%1", loc_digits(summary.total))
        )
        self._empty = False
        self.ctx.hub.status.emit(self.result.text())
        self.ctx.hub.dataChanged.emit("*")

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.button.setEnabled(True)
        self.result.setText("")
        show_error(self, exc)


class OverdueFollowUpsCard(ListCard):
    """Open follow-up tasks past their deadline."""

    LIMIT = 10

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.count = 0
        self._rows: list[FollowUpView] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.title.setText(self.tr("Overdue follow-ups (%1)").replace("%1", loc_digits(self.count)))
        self.empty.setText(self.tr("No follow-up is overdue."))

    def read(self, today: dt.date) -> tuple[int, list[FollowUpView]]:
        """The number of overdue tasks and the first ones."""
        count = followups.count_overdue(self.ctx.db, today=today)
        return count, followups.list_overdue(self.ctx.db, today=today, limit=self.LIMIT)

    def show_data(self, data: tuple[int, list[FollowUpView]]) -> None:
        """Show the overdue tasks."""
        self.count, self._rows = data
        rows = []
        for task in self._rows:
            deadline = show_date(task.deadline) if task.deadline else ""
            owner = task.owner_name_fa or task.owner_text
            source = FollowUpSource.label_of(task.source_kind, current_language())
            # Isolated data keeps its own direction; the sentence follows the UI language.
            text = f"{bidi_isolate(loc_text(task.title))} — {self.tr('deadline')} {deadline}"
            if owner:
                text += f" — {bidi_isolate(loc_text(owner))}"
            tip = f"{source}: {task.source_title}" if task.source_title else text
            module = SOURCE_MODULES.get(task.source_kind, "")  # opens the record it came from
            rows.append((task.source_id or 0, text, tip, module))
        self.set_rows(rows)
        self.retranslate_ui()


#: Below this width (of the scrolled page) the cards go one under the other.
TWO_COLUMNS_WIDTH = 900


class DashboardPage(ModulePage):
    """The dashboard: the registered cards in a two-column grid."""

    #: The cards have been read and filled.
    filled = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._reading = False
        self._again = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # The heading, the date and the cards scroll as one page; each card is as tall as
        # its content.
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self.scroll)
        page = QVBoxLayout(body)
        self.heading = QLabel(body)
        font = QFont(self.heading.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.heading.setFont(font)
        page.addWidget(self.heading)
        self.date_label = QLabel(body)
        page.addWidget(self.date_label)
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        page.addLayout(self.grid)
        page.addStretch(1)
        self.scroll.setWidget(body)
        outer.addWidget(self.scroll, 1)
        self.cards: dict[str, DashboardCard] = {}
        for spec in all_cards():
            card = spec.factory(ctx)
            card.setParent(body)
            card.hide()  # until ``refresh`` has read it: an unread card would claim "nothing"
            self.cards[spec.key] = card
        ctx.hub.dataChanged.connect(lambda _kind: self.refresh())
        self.retranslate_ui()

    def columns(self) -> int:
        """Two columns of cards when there is room for two readable ones, else one."""
        return 2 if self.scroll.viewport().width() >= TWO_COLUMNS_WIDTH else 1

    def _place_cards(self) -> None:
        """Lay the shown cards out in :meth:`columns` columns, the first-run card across."""
        for card in self.cards.values():
            self.grid.removeWidget(card)
        shown = [c for c in self.cards.values() if c.isVisibleTo(self.scroll.widget())]
        columns = self.columns()
        self._placed_columns = columns
        row = 0
        for card in shown:
            if isinstance(card, FirstRunCard):
                self.grid.addWidget(card, 0, 0, 1, 2)
                row = 1
        others = [c for c in shown if not isinstance(c, FirstRunCard)]
        for j, card in enumerate(others):
            self.grid.addWidget(card, row + j // columns, j % columns)
        self.grid.setColumnStretch(1, 1 if columns == 2 else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        if getattr(self, "_placed_columns", None) not in (None, self.columns()):
            self._place_cards()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.heading.setText(self.tr("Dashboard"))
        self.date_label.setText(
            self.tr("Today: %1").replace("%1", show_date(self.ctx.today(), long=True, weekday=True))
        )

    def refresh(self) -> None:
        """Read every card in the worker; they are filled and laid out when it ends.

        A refresh asked for while a read is under way runs once after it.
        """
        if self._reading:
            self._again = True
            return
        self._reading, self._again = True, False
        today = self.ctx.today()
        cards = list(self.cards.values())

        def read_all(_job: Job) -> list[tuple[bool, Any]]:
            out: list[tuple[bool, Any]] = []
            for card in cards:  # one broken card must not hide the rest
                try:
                    out.append((True, card.read(today)))
                except Exception as exc:
                    out.append((False, exc))
            return out

        run_op(self.ctx.runner, read_all, on_done=self._fill, on_failed=self._read_failed)

    def reading(self) -> bool:
        """True while the cards are being read."""
        return self._reading

    def wait_read(self, msecs: int = 60000) -> None:
        """Block until the cards are read and filled (self-test and tests)."""
        while self._reading:
            self.ctx.runner.wait(msecs)
            QCoreApplication.processEvents()

    def _read_failed(self, exc: BaseException) -> None:
        if not isValid(self):  # the window closed while the cards were read
            return
        self._reading = False
        show_error(self, exc)

    def _fill(self, results: list[tuple[bool, Any]]) -> None:
        if not isValid(self):  # the window closed while the cards were read
            return
        self._reading = False
        if self._again:  # the data changed meanwhile: this read is stale
            self.refresh()
            return
        for card, (ok, data) in zip(self.cards.values(), results, strict=True):
            try:
                if not ok:
                    raise data
                card.fill(data)
            except Exception as exc:  # one broken card must not hide the rest
                show_error(self, exc)
        for card in self.cards.values():
            card.setVisible(card.is_relevant())
        self._place_cards()
        self.retranslate_ui()
        self.filled.emit()

    def selftest(self, shot: Callable[[str, QWidget], None]) -> None:
        """Shoot the dashboard once its cards are filled."""
        self.refresh()
        self.wait_read()
        shot("dashboard", self)
