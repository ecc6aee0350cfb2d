"""Small shared UI pieces: LTR fields, field error labels, error dialogs, a task runner."""

from __future__ import annotations

import logging
import math
import traceback
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
    QToolButton,
    QWidget,
)
from shiboken6 import isValid

from qazvin_diplomacy.core.errors import KnownError, StaleRecordError, ValidationError
from qazvin_diplomacy.ui.i18n import current_language

log = logging.getLogger(__name__)

#: The item-data role holding a row's record id, in every list and table of the UI.
ID_ROLE = Qt.ItemDataRole.UserRole

ERROR_STYLE = "border: 1px solid #c62828; background: #fff5f5;"

V = TypeVar("V", bound=QAbstractItemView)


def read_only_rows(
    view: V,
    selection: QAbstractItemView.SelectionMode = QAbstractItemView.SelectionMode.SingleSelection,
) -> V:
    """Make ``view`` a list that is read, not edited in place: a click selects whole rows
    (one at a time unless ``selection`` says otherwise).  Returns ``view``."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


#: How many rows a fitted column's content is measured on: the rows in view, then those
#: around them (Qt's ``resizeContentsPrecision``).  A screenful and more; Qt's 1000 made each
#: filter of a 50,000-row list ask the style for 8,000 cells and read five pages.
FIT_SAMPLE_ROWS = 40


def fit_columns(table: QTableView, widths: tuple[int, ...], stretch: int) -> None:
    """Give a list's columns their widths; column ``stretch`` (the title) takes what is left,
    so the list fits the window without a sideways scroll bar.  The others stay resizable.

    Each time the rows change (and when a ``ListTable`` is resized) :func:`refit_columns`
    narrows the other columns to their content (that of ``FIT_SAMPLE_ROWS`` rows, those in
    view first), never below their header."""
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    for col, width in enumerate(widths):
        table.setColumnWidth(col, width)
    table.setProperty("fit_widths", list(widths))
    table.setProperty("fit_stretch", stretch)
    model = table.model()
    if model is not None:
        for signal in (model.modelReset, model.layoutChanged, model.headerDataChanged):
            signal.connect(lambda *_a, t=table: refit_columns(t))
        model.rowsInserted.connect(lambda *_a, t=table: refit_columns(t))


def keep_headers_whole(table: QTableView) -> None:
    """Widen every column of ``table`` narrower than its header's text, now and whenever the
    headers change (a language switch), so no header stops mid-word."""

    def widen() -> None:
        if not isValid(table):
            return
        header = table.horizontalHeader()
        for col in range(header.count()):
            hint = header.sectionSizeHint(col)
            if not header.isSectionHidden(col) and table.columnWidth(col) < hint:
                table.setColumnWidth(col, hint)

    model = table.model()
    model.headerDataChanged.connect(lambda *_a: widen())
    model.modelReset.connect(widen)
    widen()


SHORT_CONTENT = 120  # px: a column whose content is this narrow (a date) is never cut

CELL_PADDING = 8  # px of room between a cell's text and its borders, each side


def pad_cells(view: QTableView) -> None:
    """Keep the texts of ``view``'s cells off their borders (columns sized to their contents
    would otherwise put the text right against the grid)."""
    view.setStyleSheet(
        f"QTableView::item {{ padding-left: {CELL_PADDING}px; padding-right: {CELL_PADDING}px; }}"
    )


def refit_columns(table: QTableView, *, measure: bool = True) -> None:
    """Share a :func:`fit_columns` table's width out, the title first: the other columns are
    narrowed to their content (at most their given width, never below their header's text);
    if the title still does not fit, the wide columns give up width (never a short one, such
    as a date); if it fits with room to spare, the spare widens the columns still cut.

    The contents are measured again unless ``measure`` is false (a new width of the table:
    its rows did not change, the widths measured last time are shared out again)."""
    if not isValid(table):  # the model outlived its table
        return
    widths, stretch = table.property("fit_widths"), table.property("fit_stretch")
    if not widths or stretch is None:
        return
    header = table.horizontalHeader()
    measured = None if measure else table.property("fit_contents")
    if not measured or len(measured) != header.count():
        measured = [
            table.sizeHintForColumn(col)
            if col == stretch or (col < len(widths) and not header.isSectionHidden(col))
            else -1
            for col in range(header.count())
        ]
        table.setProperty("fit_contents", measured)
    # A table typed into (the itinerary) keeps room for what will be typed, not only for
    # what its cells hold now: an empty time column is still wide enough for a time.
    editable = table.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
    floors: dict[int, int] = {}  # the narrowest a column gets: its header, a short content
    fitted: dict[int, int] = {}
    contents: dict[int, int] = {}
    for col, width in enumerate(widths):
        if col == stretch or col >= header.count() or header.isSectionHidden(col):
            continue
        content = contents[col] = measured[col]
        room = max(content, int(width)) if editable else content
        floors[col] = max(header.sectionSizeHint(col), min(room, SHORT_CONTENT))
        fitted[col] = max(floors[col], min(int(width), content))
    room = table.viewport().width() - sum(fitted.values())
    need = max(header.sectionSizeHint(stretch), measured[stretch]) + 2
    # Only wide (text) columns give up width: they elide; dates and counts stay whole.
    slack = {c: w - floors[c] for c, w in fitted.items() if w > floors[c]}
    if need > room and slack:
        share = min(1.0, (need - room) / sum(slack.values()))
        for col, spare in slack.items():
            fitted[col] -= math.ceil(spare * share)
    elif room > need:  # the title fits: what it does not need goes to the cut columns
        short = {c: contents[c] - w for c, w in fitted.items() if contents[c] > w}
        if short:
            share = min(1.0, (room - need) / sum(short.values()))
            for col, missing in short.items():
                fitted[col] += int(missing * share)
    changed = {c: w for c, w in fitted.items() if table.columnWidth(c) != w}
    if not changed:
        return
    # The table hears of each width through the header's sectionResized, which repaints its
    # columns once more from a zero timer — after the paint the new rows already asked for
    # (two paints of every cell after each filter).  One update of the whole table instead.
    # The title column's own new width (Stretch) is given when the geometries are updated:
    # unheard too, or it made that second paint of every column after the title's.
    # Updating the geometries may hide the scroll bar (a few rows left): the wider viewport
    # refits the table in a nested call, which must leave the header unheard for this one.
    unheard = header.blockSignals(True)
    try:
        for col, width in changed.items():
            table.setColumnWidth(col, width)
        table.updateGeometries()
        header.length()  # the stretched section's pending resize, now
    finally:
        header.blockSignals(unheard)
    table.viewport().update()


def menu_button(parent: QWidget) -> tuple[QToolButton, QMenu]:
    """A button that opens its menu at once (text beside the icon), and the menu to fill."""
    button = QToolButton(parent)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    menu = QMenu(button)
    button.setMenu(menu)
    return button, menu


def make_ltr(widget: QWidget) -> QWidget:
    """Make a field holding Latin-only text (e-mail, phone, code, path) left-to-right.

    The rest of the window stays right-to-left; the field keeps LTR after a language switch
    because its direction is set explicitly.
    """
    widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    if isinstance(widget, QLineEdit):
        widget.setAlignment(
            Qt.AlignmentFlag.AlignLeft
            | Qt.AlignmentFlag.AlignAbsolute
            | Qt.AlignmentFlag.AlignVCenter
        )
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        option = widget.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        option.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        widget.document().setDefaultTextOption(QTextOption(option))
    widget.setProperty("ltr_field", True)
    return widget


def known_message(exc: KnownError) -> str:
    """The user message of ``exc`` in the UI language."""
    return exc.message if current_language() == "fa" else exc.message_en


class FieldError(QLabel):
    """A red message shown under (next to) a form field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("color: #c62828;")
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        """Show ``text`` (or hide when empty)."""
        self.setText(text)
        self.setVisible(bool(text))


def mark_field(widget: QWidget, error: bool) -> None:
    """Outline ``widget`` in red while it holds invalid input."""
    widget.setProperty("invalid", error)
    widget.setStyleSheet(ERROR_STYLE if error else "")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Known errors get their Persian message; anything else is a bug shown with details.

    A stale save goes to ``parent.stale_refused(exc)`` when ``parent`` has one (every record
    form: who changed the record, and «Reload» keeping what was typed).
    """
    handler = getattr(parent, "stale_refused", None)
    if isinstance(exc, StaleRecordError) and callable(handler):
        handler(exc)
        return
    if isinstance(exc, KnownError):
        QMessageBox.warning(
            parent, QCoreApplication.translate("Common", "Error"), known_message(exc)
        )
        return
    log.error("unexpected error", exc_info=exc)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Common", "Error"),
        QCoreApplication.translate("Common", "An unexpected error happened."),
        parent=parent,
    )
    box.setDetailedText("".join(traceback.format_exception(exc)))
    box.exec()


_CURRENT = object()


def refill_combo(
    combo: QComboBox, items: Iterable[tuple[str, Any]], selected: object = _CURRENT
) -> None:
    """Replace the choices of ``combo`` by ``items`` (text, data) without emitting signals.

    Selects ``selected`` (by default the current choice) when it is still offered, else the first.
    """
    current = combo.currentData() if selected is _CURRENT else selected
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
    combo.blockSignals(False)


def refusal_text(exc: ValidationError) -> str:
    """The messages of refused input on one line (the error's own message when it has none)."""
    return "؛ ".join(exc.errors.values()) or known_message(exc)


def show_refusal(
    parent: QWidget | None,
    fields: FieldError | Callable[[dict[str, str]], object],
    exc: KnownError,
) -> None:
    """A service's refusal, shown: refused input (``ValidationError``) at ``fields`` — a
    form's ``show_errors(errors)``, or one error line for all the messages — and any other
    known error (stale record, locked database …) in a box.

    The one way a form or tab handles ``except KnownError`` around a service call.
    """
    if not isinstance(exc, ValidationError):
        show_error(parent, exc)
    elif isinstance(fields, FieldError):
        fields.show_error(refusal_text(exc))
    else:
        fields(exc.errors)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question whose default (Enter) and Escape answer is the safe "No"."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


class _TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _TaskSignals) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals

    def run(self) -> None:  # override of QRunnable.run (worker thread)
        try:
            result = self._fn()
        except BaseException as exc:  # handed to the failure callback
            self._deliver(self._signals.failed, exc)
        else:
            self._deliver(self._signals.done, result)

    @staticmethod
    def _deliver(signal: Any, value: object) -> None:
        """Emit ``value``; if the window that asked has closed meanwhile, nobody is told."""
        try:
            signal.emit(value)
        except RuntimeError:  # "Signal source has been deleted": the runner is gone
            pass


class TaskRunner(QObject):
    """Run slow work off the GUI thread; callbacks run on the GUI thread.

    The operation must not touch widgets; ``on_done(result)`` / ``on_failed(exc)`` may.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._live: set[_TaskSignals] = set()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        """Start ``fn`` in the worker thread."""
        signals = _TaskSignals()
        self._live.add(signals)

        @Slot(object)
        def done(result: Any) -> None:
            self._live.discard(signals)
            on_done(result)

        @Slot(object)
        def failed(exc: BaseException) -> None:
            self._live.discard(signals)
            on_failed(exc)

        signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
        signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        self._pool.start(_Task(fn, signals))

    def wait(self, msecs: int = 60000) -> bool:
        """Block until the worker is idle (used at shutdown and in tests)."""
        return self._pool.waitForDone(msecs)


class PlainTextEdit(QPlainTextEdit):
    """A ``QPlainTextEdit`` whose paragraphs follow the layout direction.

    Qt's plain text edit left-aligns Persian paragraphs even in a right-to-left window;
    this one aligns them to the right in RTL (and back on a language switch).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sync_direction()

    def _sync_direction(self) -> None:
        if self.property("ltr_field"):
            return
        option = self.document().defaultTextOption()
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        option.setAlignment(
            Qt.AlignmentFlag.AlignAbsolute
            | (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        )
        self.document().setDefaultTextOption(option)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        """Override: re-align paragraphs when the layout direction flips."""
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._sync_direction()
        super().changeEvent(event)
