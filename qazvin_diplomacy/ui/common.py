"""Small shared UI pieces: LTR fields, field error labels, error dialogs, a task runner."""

from __future__ import annotations

import logging
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
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
    QWidget,
)

from qazvin_diplomacy.core.errors import KnownError, ValidationError
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


def fit_columns(table: QTableView, widths: tuple[int, ...], stretch: int) -> None:
    """Give a list's columns their widths; column ``stretch`` (the title) takes what is left,
    so the list fits the window without a sideways scroll bar.  The others stay resizable."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    for col, width in enumerate(widths):
        table.setColumnWidth(col, width)


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
    """Known errors get their Persian message; anything else is a bug shown with details."""
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
