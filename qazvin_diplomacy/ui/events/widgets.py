"""Pieces shared by the events screens: the base of their panels and of the tabs that save
at once, a single-person picker and the print actions.

Printing is ``ui.ops.print_pdf``: rendered off the GUI thread behind a progress dialog with a
Cancel button, then opened with ``ui.ops.open_file``; a cancelled print leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE, TaskRunner
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, current_language, loc_text
from qazvin_diplomacy.ui.ops import print_pdf, report_path
from qazvin_diplomacy.ui.visits.people import NAME_ROLE, list_person_matches

#: The printed material of an event: (report kind, English menu text in context "EventReports").
EVENT_REPORTS: tuple[tuple[str, str], ...] = (
    ("event-guests", QT_TRANSLATE_NOOP("EventReports", "Guest list by order of precedence")),
    ("invitations", QT_TRANSLATE_NOOP("EventReports", "Invitation letters")),
    ("badges", QT_TRANSLATE_NOOP("EventReports", "Name badges")),
    ("place-cards", QT_TRANSLATE_NOOP("EventReports", "Place cards")),
    ("seating-plan", QT_TRANSLATE_NOOP("EventReports", "Seating plan")),
    ("event-summary", QT_TRANSLATE_NOOP("EventReports", "Attendance summary")),
)


def available_reports() -> list[tuple[str, str]]:
    """The event reports registered in the report catalog (kind, translated title)."""
    try:
        from qazvin_diplomacy.reports.catalog import report_kinds

        kinds = set(report_kinds())
    except Exception:  # a report module being written must not break the page
        return []
    return [
        (kind, QCoreApplication.translate("EventReports", text))
        for kind, text in EVENT_REPORTS
        if kind in kinds
    ]


class EventPanel(Retranslating, QWidget):
    """A panel of the events screens over the database, with the day it counts from (tests
    give a fixed one).

    The base builds it in three steps a subclass writes: ``build_ui()`` lays out and connects
    the widgets, ``retranslate_ui()`` gives them their texts (again on a language change),
    ``start()`` shows the first data.
    """

    def __init__(
        self,
        db: DatabaseHandle,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self.build_ui()
        self.retranslate_ui()
        self.start()

    def build_ui(self) -> None:
        """Lay out the widgets and connect their signals."""
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        raise NotImplementedError

    def start(self) -> None:
        """Show the first data (nothing here)."""


class EventTab(EventPanel):
    """A tab of the event form whose every action is stored at once through the service.

    It starts on no event (``set_event(None)``: an unsaved event).  ``changed`` tells the form
    after each stored change; ``status`` carries a sentence for the status bar.  After a
    service call succeeded, a subclass calls ``stored``, which re-reads it with ``reload``.
    """

    changed = Signal()
    status = Signal(str)

    #: The event shown (None: an unsaved event).
    event_id: int | None = None

    def start(self) -> None:
        """Show no event."""
        self.set_event(None)

    def set_event(self, event_id: int | None) -> None:
        """Show the event ``event_id`` (None: nothing)."""
        raise NotImplementedError

    def reload(self) -> None:
        """Re-read what the tab shows of the current event."""
        raise NotImplementedError

    def stored(self, message: str = "") -> None:
        """After a change the service stored: re-read, say ``message``, tell the form."""
        self.reload()
        if message:
            self.status.emit(message)
        self.changed.emit()


class ReportPrinter(QWidget):
    """Renders event reports off the GUI thread and opens them; ``done(Path)`` when opened."""

    done = Signal(object)

    def __init__(
        self, db: DatabaseHandle, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.hide()

    def fill_menu(self, menu: QMenu, event_id: Callable[[], int | None]) -> None:
        """Put one action per available event report in ``menu``."""
        menu.clear()
        from qazvin_diplomacy.reports.catalog import get_spec

        for kind, title in available_reports():
            action = menu.addAction(title)
            action.setData(kind)
            action.triggered.connect(
                lambda _checked=False, k=kind: self._print_current(k, event_id)
            )
            if get_spec(kind).docx:  # also as a Word file to edit before sending
                word = menu.addAction(
                    QCoreApplication.translate("ReportPrinter", "%1 (Word)").replace("%1", title)
                )
                word.setData(f"{kind}.docx")
                word.triggered.connect(
                    lambda _checked=False, k=kind: self._print_current(k, event_id, ".docx")
                )

    def _print_current(
        self, kind: str, event_id: Callable[[], int | None], suffix: str = ".pdf"
    ) -> None:
        record = event_id()
        if record is not None:
            out = report_path(kind, suffix) if suffix != ".pdf" else None
            self.print_report(kind, record, out=out)

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question (tests replace this)."""
        from qazvin_diplomacy.ui.common import ask

        return ask(self.parentWidget() or self, title, text)

    def print_report(self, kind: str, event_id: int, out: Path | None = None) -> bool:
        """Render report ``kind`` of ``event_id`` in the worker thread, then open it.

        Invitation letters with English texts missing (``invitation_warnings``) are printed
        only after the user agrees; False when they did not (nothing is rendered).
        """
        if kind == "invitations":
            from qazvin_diplomacy.services.events import invitation_warnings
            from qazvin_diplomacy.ui.i18n import is_rtl

            found = invitation_warnings(self.db, event_id=event_id)
            if found and not self.confirm(
                QCoreApplication.translate("ReportPrinter", "Invitation letters"),
                "\n".join(fa if is_rtl() else en for fa, en in found)
                + "\n\n"
                + QCoreApplication.translate("ReportPrinter", "Print the letters anyway?"),
            ):
                return False
        print_pdf(
            self.runner,
            self.db,
            kind,
            {"event": event_id},
            parent=self.parentWidget() or self,
            out=out,
            on_done=self.done.emit,
            title=QCoreApplication.translate("ReportPrinter", "Print"),
        )
        return True


class PersonPicker(Retranslating, QWidget):
    """Type part of a name, pick one person from the directory (Enter or double-click).

    ``picked(int)`` fires with the person id; ``person()`` is the chosen (id, fa, en) or None.
    """

    picked = Signal(int)

    def __init__(self, db: DatabaseHandle, parent: QWidget | None = None, *, rows: int = 5) -> None:
        super().__init__(parent)
        self.db = db
        self._person: tuple[int, str, str] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        line = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.chosen = QLabel(self)
        self.chosen.setStyleSheet("color: #1f5fa8;")
        line.addWidget(self.search, 2)
        line.addWidget(self.chosen, 1)
        layout.addLayout(line)
        self.results = QListWidget(self)
        self.results.setMaximumHeight(22 * rows)
        self.results.hide()
        layout.addWidget(self.results)
        self.search.textEdited.connect(self.find)
        self.search.returnPressed.connect(self.pick_current)
        self.results.itemDoubleClicked.connect(lambda _i: self.pick_current())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.search.setPlaceholderText(self.tr("Type part of a name to search the directory"))
        self._show_chosen()

    def find(self, text: str) -> None:
        """List directory matches for ``text`` (searched in SQL)."""
        list_person_matches(self.results, self.db, text, loc_text)
        self.results.setVisible(self.results.count() > 0)

    def pick_current(self) -> None:
        """Choose the highlighted result."""
        item = self.results.currentItem()
        if item is None:
            return
        person_id = int(item.data(ID_ROLE))
        name_fa, name_en = item.data(NAME_ROLE)
        self.set_person(person_id, name_fa, name_en)
        self.search.clear()
        self.results.clear()  # deletes ``item``
        self.results.hide()
        self.picked.emit(person_id)

    def set_person(self, person_id: int | None, name_fa: str = "", name_en: str = "") -> None:
        """Show ``person_id`` as chosen (None clears)."""
        self._person = None if person_id is None else (person_id, name_fa, name_en)
        self._show_chosen()

    def _show_chosen(self) -> None:
        if self._person is None:
            self.chosen.setText("")
            return
        _pid, fa, en = self._person
        self.chosen.setText(loc_text((fa or en) if current_language() == "fa" else (en or fa)))

    def person(self) -> tuple[int, str, str] | None:
        """(id, name_fa, name_en) of the chosen person."""
        return self._person

    def person_id(self) -> int | None:
        """The chosen person's id."""
        return self._person[0] if self._person else None
