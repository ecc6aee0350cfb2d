"""Slow work with a progress dialog and a Cancel button.

:class:`TaskDialog` runs ``fn(progress, cancelled)`` in the window's ``TaskRunner``: the
operation reports ``progress(done, total)`` (thread-safe) and checks ``cancelled()``; raising
:class:`TaskCancelled` ends it quietly.  The operation never touches widgets.  The list
export built on it lives in ``ui.list_export``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from qazvin_diplomacy.core.errors import OperationCancelled
from qazvin_diplomacy.ui.common import TaskRunner, show_error
from qazvin_diplomacy.ui.i18n import loc_digits

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class TaskCancelled(OperationCancelled):
    """The user pressed Cancel; whatever the task started was undone."""


class _ProgressSignal(QObject):
    changed = Signal(int, int)


class TaskDialog(QProgressDialog):
    """A modal progress dialog around one background task.

    ``on_done(result)`` runs on success; failures other than a cancel are shown with
    ``show_error`` (or passed to ``on_failed`` when given).  ``outcome`` is "done",
    "cancelled" or "failed" once the task has ended.
    """

    def __init__(
        self,
        runner: TaskRunner,
        fn: Callable[[Progress, Cancelled], Any],
        *,
        label: str,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setLabelText(label)
        self.setCancelButtonText(self.tr("Cancel"))
        self.setWindowTitle(self.tr("Please wait"))
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setRange(0, 0)
        self.setMinimumWidth(360)
        self.outcome = ""
        self._cancel_requested = False
        self._on_done = on_done
        self._on_failed = on_failed
        self._signal = _ProgressSignal(self)
        self._signal.changed.connect(self._show_progress)
        self.canceled.connect(self._request_cancel)
        emit = self._signal.changed.emit

        def work() -> Any:
            return fn(emit, self.is_cancel_requested)

        runner.run(work, self._done, self._failed)
        self.show()

    def is_cancel_requested(self) -> bool:
        """True once Cancel was pressed (read from the worker thread)."""
        return self._cancel_requested

    def _request_cancel(self) -> None:
        self._cancel_requested = True
        self.setLabelText(self.tr("Cancelling…"))
        self.show()  # stays up until the worker has stopped and undone its work

    def _show_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.setRange(0, 0)
            return
        self.setRange(0, total)
        self.setValue(min(done, total))
        self.setLabelText(
            self.tr("%1 of %2").replace("%1", loc_digits(done)).replace("%2", loc_digits(total))
        )

    def _done(self, result: Any) -> None:
        self.outcome = "done"
        self.close()
        self._on_done(result)

    def _failed(self, exc: BaseException) -> None:
        self.close()
        if isinstance(exc, OperationCancelled):  # the UI's own, or a service's (import …)
            self.outcome = "cancelled"
            return
        self.outcome = "failed"
        if self._on_failed is not None:
            self._on_failed(exc)
        else:
            show_error(self.parentWidget(), exc)
