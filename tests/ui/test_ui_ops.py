"""The one way to run background work (ui.ops), the PDF job on it, and the shared list plumbing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from qazvin_diplomacy.core.errors import KnownError, OperationCancelled
from qazvin_diplomacy.ui import ops
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.events.widgets import ReportPrinter

PERSIAN_ERROR = "پرونده پیدا نشد."


@pytest.fixture
def runner(app, qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    task_runner = TaskRunner(holder)
    yield task_runner
    task_runner.wait()


def test_run_op_reports_progress_and_calls_back_on_the_gui_thread(runner, qtbot) -> None:
    progress: list[tuple[int, int]] = []
    results: list[tuple[object, bool]] = []
    gui = threading.current_thread()

    def work(job: ops.Job) -> str:
        assert threading.current_thread() is not gui  # off the GUI thread
        for done in range(1, 4):
            job.progress(done, 3)
        return "ok"

    job = ops.Job()
    job.progressed.connect(lambda done, total: progress.append((done, total)))
    ops.run_op(
        runner,
        work,
        on_done=lambda r: results.append((r, threading.current_thread() is gui)),
        job=job,
    )
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert results == [("ok", True)]
    assert progress == [(1, 3), (2, 3), (3, 3)]


def test_cancel_goes_to_on_cancelled_and_shows_no_error(runner, qtbot, monkeypatch) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, exc: shown.append(exc))
    started = threading.Event()
    outcome: list[str] = []

    def work(job: ops.Job) -> None:
        started.set()
        while True:
            job.check()  # raises TaskCancelled once Cancel was pressed

    job = ops.run_op(
        runner,
        work,
        on_done=lambda _r: outcome.append("done"),
        on_cancelled=lambda exc: outcome.append(type(exc).__name__),
    )
    assert started.wait(10)
    job.cancel()
    qtbot.waitUntil(lambda: bool(outcome), timeout=10000)
    assert outcome == ["TaskCancelled"] and shown == []


def test_failure_is_shown_once_in_persian(runner, qtbot, monkeypatch) -> None:
    boxes: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: boxes.append(text))
    )

    def work(_job: ops.Job) -> None:
        raise KnownError(PERSIAN_ERROR, "File not found.")

    done: list[object] = []
    ops.run_op(runner, work, on_done=done.append)
    qtbot.waitUntil(lambda: bool(boxes), timeout=10000)
    assert boxes == [PERSIAN_ERROR] and done == []


def test_task_dialog_cancel_button_ends_the_task_quietly(runner, qtbot, monkeypatch) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, exc: shown.append(exc))
    started = threading.Event()

    def work(progress: ops.Progress, cancelled: ops.Cancelled) -> None:
        started.set()
        while not cancelled():
            progress(1, 2)
        raise OperationCancelled()

    dialog = ops.TaskDialog(runner, work, label="…", on_done=lambda _r: None)
    assert started.wait(10)
    dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: dialog.outcome != "", timeout=10000)
    assert dialog.outcome == "cancelled" and shown == []


def test_pdf_job_writes_to_the_one_reports_folder_and_opens(runner, db, qtbot) -> None:
    opened: list[Path] = []
    dialog = ops.print_pdf(runner, db, "agreements-register", {}, parent=None, opener=opened.append)
    qtbot.waitUntil(lambda: dialog.outcome != "", timeout=60000)
    assert dialog.outcome == "done"
    assert len(opened) == 1 and opened[0].parent == ops.temp_folder("reports")
    assert opened[0].read_bytes().startswith(b"%PDF")
    opened[0].unlink()


def test_cancelled_pdf_job_leaves_no_file_and_opens_nothing(runner, db, qtbot, tmp_path) -> None:
    opened: list[Path] = []
    out = tmp_path / "register.pdf"
    cancelled: list[bool] = []
    dialog = ops.print_pdf(
        runner,
        db,
        "agreements-register",
        {},
        parent=None,
        out=out,
        opener=opened.append,
        on_cancelled=lambda: cancelled.append(True),
    )
    dialog.findChild(QPushButton).click()  # Cancel, before the PDF arrives
    qtbot.waitUntil(lambda: dialog.outcome != "", timeout=60000)
    assert dialog.outcome == "cancelled" and cancelled == [True]
    assert opened == [] and not out.exists()


def test_event_printer_uses_the_shared_job_and_folder(app, db, qtbot, monkeypatch) -> None:
    import datetime as dt

    from qazvin_diplomacy.core.events import EventInput
    from qazvin_diplomacy.services import events as events_service

    event = events_service.save_event(
        db,
        event=EventInput(title_fa="ضیافت نوروز", start_date=dt.date(2026, 3, 21)),
        today=dt.date(2026, 3, 1),
    )
    opened: list[Path] = []
    monkeypatch.setattr(ops, "open_file", opened.append)
    holder = QWidget()
    qtbot.addWidget(holder)
    runner = TaskRunner(holder)
    printer = ReportPrinter(db, runner, holder)
    with qtbot.waitSignal(printer.done, timeout=60000) as done:
        assert printer.print_report("event-summary", event.id)
    assert opened == [done.args[0]] and done.args[0].parent == ops.temp_folder("reports")
    done.args[0].unlink()
    runner.wait()


# --- list plumbing -------------------------------------------------------------------


def test_table_models_share_header_sort_and_retranslation(app, db, qtbot) -> None:
    from qazvin_diplomacy.ui.application import apply_language
    from qazvin_diplomacy.ui.events.models import EventTableModel
    from qazvin_diplomacy.ui.visits.models import VisitTableModel

    visits = VisitTableModel(db)
    events = EventTableModel(db)
    assert visits.headerData(5, Qt.Orientation.Horizontal) == "وضعیت"
    assert events.headerData(2, Qt.Orientation.Horizontal) == "تاریخ"
    assert visits.headerData(0, Qt.Orientation.Vertical) is None  # no rows, no numbers
    visits.sort(3, Qt.SortOrder.AscendingOrder)
    assert (visits.sort_key, visits.descending) == ("start", False)
    visits.sort(1, Qt.SortOrder.DescendingOrder)  # "Guests" has no key: unchanged
    assert (visits.sort_key, visits.descending) == ("start", False)
    events.sort(2, Qt.SortOrder.AscendingOrder)
    assert events.descending is False
    with qtbot.waitSignal(visits.headerDataChanged, timeout=1000):
        visits.retranslate()
    apply_language(app, "en")
    assert visits.headerData(5, Qt.Orientation.Horizontal) == "Status"
    assert visits.rowCount(QModelIndex()) == 0
