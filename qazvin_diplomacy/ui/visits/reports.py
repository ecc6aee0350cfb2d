""" "Print / PDF" of the visit reports: a dialog listing them with options from the page.

:func:`open_visit_reports` (Ctrl+P on the visits page) opens :class:`ReportsDialog` with its
options filled from what the page shows (``VisitsPage.report_context``: the week or month on
screen, the selected visit, the list's date range, country and status).  The PDF is written by
``ui.ops.render_pdf`` in the task runner, to a temporary file (then opened in the system's PDF
viewer for printing) or to a path the user chose.  Cancelling discards the file.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.clock import to_local
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.core.visits import VisitStatus
from qazvin_diplomacy.reports.catalog import get_spec
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.ui.common import FieldError, known_message, make_ltr, show_error
from qazvin_diplomacy.ui.i18n import Retranslating, current_language, is_rtl, loc_text
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import Job, offer_pdf, open_file, render_pdf, report_path, run_op
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit, show_date

log = logging.getLogger(__name__)

#: The visit reports, in menu order.
VISIT_REPORTS = (
    "weekly-agenda",
    "daily-programme",
    "visit-dossier",
    "itinerary",
    "visits-register",
)
#: How many recent visits the visit pickers offer (the selected one is always there).
VISIT_CHOICES = 300


@dataclass
class VisitReportContext:
    """What the visits page shows, to fill the reports' options."""

    week: dt.date
    day: dt.date
    visit_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country_id: int | None = None
    status: VisitStatus | None = None
    kind: str = "weekly-agenda"


class ReportsDialog(Retranslating, QDialog):
    """Pick a visit report, adjust its options and write the PDF (opened for printing).

    ``printed(Path)`` after a PDF was written and opened. ``print_view`` (when given) adds a
    button printing the view on screen as it looks.
    """

    printed = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        context: VisitReportContext,
        parent: QWidget | None = None,
        *,
        print_view: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.context = context
        self.print_view_cb = print_view
        self.job: Job | None = None

        outer = QVBoxLayout(self)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        self.list = QListWidget(self)
        self.list.setMaximumWidth(230)
        for kind in VISIT_REPORTS:
            item = QListWidgetItem(self.list)
            item.setData(Qt.ItemDataRole.UserRole, kind)
        body.addWidget(self.list)
        right = QVBoxLayout()
        body.addLayout(right, 1)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.title.setFont(font)
        right.addWidget(self.title)
        self.pages = QStackedWidget(self)
        right.addWidget(self.pages)
        self.labels: dict[str, QLabel] = {}

        # weekly agenda
        self.week_edit = JalaliDateEdit(self)
        self.week_edit.setDate(context.week)
        self._add_page([("week", self.week_edit)])
        # daily programme
        self.day_edit = JalaliDateEdit(self)
        self.day_edit.setDate(context.day)
        self._add_page([("day", self.day_edit)])
        # dossier and itinerary
        self.dossier_visit = QComboBox(self)
        self.itinerary_visit = QComboBox(self)
        self.lang_combo = QComboBox(self)
        for code in ("en", "both", "fa"):
            self.lang_combo.addItem("", code)
        self._add_page([("visit", self.dossier_visit)])
        self._add_page([("visit2", self.itinerary_visit), ("lang", self.lang_combo)])
        self._fill_visits()
        # register
        self.from_edit = JalaliDateEdit(self)
        self.to_edit = JalaliDateEdit(self)
        self.from_edit.setDate(context.date_from)
        self.to_edit.setDate(context.date_to)
        self.country_combo = QComboBox(self)
        self.status_combo = QComboBox(self)
        self._countries = {c.id: c for c in directory.list_countries(ctx.db)}
        self._add_page(
            [
                ("from", self.from_edit),
                ("to", self.to_edit),
                ("country", self.country_combo),
                ("status", self.status_combo),
            ]
        )
        right.addStretch(1)

        # output
        out_form = QFormLayout()
        self.open_radio = QRadioButton(self)
        self.save_radio = QRadioButton(self)
        self.open_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.open_radio)
        group.addButton(self.save_radio)
        self.path_edit = QLineEdit(self)
        make_ltr(self.path_edit)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.save_radio)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        out_form.addRow(self.open_radio)
        out_form.addRow(path_row)
        self.format_label = QLabel(self)
        self.format = QComboBox(self)  # PDF, or Word for the reports that offer it
        self.format.addItem("PDF", ".pdf")
        self.format.addItem("Word (.docx)", ".docx")
        out_form.addRow(self.format_label, self.format)
        right.addLayout(out_form)
        self.path_edit.textEdited.connect(lambda _t: self.save_radio.setChecked(True))

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        outer.addWidget(self.progress)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        self.error = FieldError(self)
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        self.view_button = QPushButton(self)
        self.view_button.setVisible(print_view is not None)
        self.view_button.clicked.connect(self._print_view)
        buttons.addWidget(self.view_button)
        buttons.addStretch(1)
        self.print_button = QPushButton(self)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(lambda: self.print_report())
        self.cancel_button = QPushButton(self)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)

        self.list.currentRowChanged.connect(self._select)
        self.retranslate_ui()
        self.select_kind(context.kind)
        self.resize(760, 460)

    # --- building ----------------------------------------------------------------------

    def _add_page(self, rows: list[tuple[str, QWidget]]) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        for key, widget in rows:
            label = QLabel(page)
            self.labels[key] = label
            form.addRow(label, widget)
        self.pages.addWidget(page)

    def _fill_visits(self) -> None:
        """Recent visits (newest first) in both pickers, the page's selection included."""
        db = self.ctx.db
        rows = [
            (v.id, to_local(v.start_at).date(), v.title_in(current_language()))
            for v in visits_service.list_visits(db, descending=True, limit=VISIT_CHOICES)
        ]
        wanted = self.context.visit_id
        if wanted is not None and all(r[0] != wanted for r in rows):
            try:
                detail = visits_service.get_visit(db, wanted)
            except KnownError:
                wanted = None
            else:
                start = detail.start_at  # the form's naive Tehran time
                title = detail.title_en if detail.title_en and not is_rtl() else detail.title
                rows.insert(0, (wanted, start.date() if start else self.ctx.today(), title))
        for combo in (self.dossier_visit, self.itinerary_visit):
            combo.blockSignals(True)
            combo.clear()
            for visit_id, day, title in rows:
                combo.addItem(f"{show_date(day)} — {bidi_isolate(loc_text(title))}", visit_id)
            if wanted is not None:
                combo.setCurrentIndex(max(combo.findData(wanted), 0))
            combo.blockSignals(False)

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("Print / PDF"))
        for row in range(self.list.count()):
            item = self.list.item(row)
            spec = get_spec(str(item.data(Qt.ItemDataRole.UserRole)))
            item.setText(spec.title_fa if is_rtl() else spec.title_en)
            item.setIcon(icon("print"))
        texts = {
            "week": self.tr("A day of the week"),
            "day": self.tr("Day"),
            "visit": self.tr("Visit"),
            "visit2": self.tr("Visit"),
            "lang": self.tr("Language"),
            "from": self.tr("From"),
            "to": self.tr("To"),
            "country": self.tr("Country"),
            "status": self.tr("Status"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
        for i, text in enumerate((self.tr("English"), self.tr("Both"), self.tr("Persian"))):
            self.lang_combo.setItemText(i, text)
        self._fill_choices()
        self.open_radio.setText(self.tr("Open the PDF to print it"))
        self.format_label.setText(self.tr("Format"))
        self.save_radio.setText(self.tr("Save as"))
        self.browse_button.setText(self.tr("Choose…"))
        self.view_button.setText(self.tr("Print the view on screen…"))
        self.print_button.setText(self.tr("Print / PDF"))
        self.print_button.setIcon(icon("print"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        self._select(self.list.currentRow())

    def _fill_choices(self) -> None:
        """The country and status lists in the current language, keeping the choice."""
        country = self.country_combo.currentData() if self.country_combo.count() else None
        if country is None:
            country = self.context.country_id
        self.country_combo.clear()
        self.country_combo.addItem(self.tr("All countries"), None)
        for c in self._countries.values():
            self.country_combo.addItem(c.name_fa if is_rtl() else c.name_en, c.id)
        self.country_combo.setCurrentIndex(max(self.country_combo.findData(country), 0))
        status = self.status_combo.currentData() if self.status_combo.count() else None
        if status is None and self.context.status is not None:
            status = self.context.status.value
        self.status_combo.clear()
        self.status_combo.addItem(self.tr("All statuses"), None)
        for s in VisitStatus:
            self.status_combo.addItem(s.label(current_language()), s.value)
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(status), 0))

    # --- choosing ----------------------------------------------------------------------

    def select_kind(self, kind: str) -> None:
        """Show report ``kind`` and its options."""
        row = VISIT_REPORTS.index(kind) if kind in VISIT_REPORTS else 0
        self.list.setCurrentRow(row)

    def kind(self) -> str:
        """The report chosen in the list."""
        return VISIT_REPORTS[max(self.list.currentRow(), 0)]

    def _select(self, row: int) -> None:
        if row < 0:
            return
        self.pages.setCurrentIndex(row)
        spec = get_spec(VISIT_REPORTS[row])
        self.title.setText(spec.title_fa if is_rtl() else spec.title_en)
        if not spec.docx:
            self.format.setCurrentIndex(0)
        self.format.setEnabled(spec.docx)
        self.error.show_error("")

    def browse(self) -> None:
        """Ask where to save the PDF."""
        suffix = self.suffix()
        start = self.path_edit.text() or str(Path.home() / f"{self.kind()}{suffix}")
        pattern = "Word (*.docx)" if suffix == ".docx" else "PDF (*.pdf)"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), start, pattern)
        if chosen:
            self.path_edit.setText(chosen)
            self.save_radio.setChecked(True)

    def _date(self, edit: JalaliDateEdit) -> dt.date | None:
        message = edit.validate()
        if edit.date() is None and not message:
            edit.set_error(self.tr("Enter a date."))
        return edit.date()

    def options(self) -> dict[str, Any] | None:
        """The chosen report's options, or None (and the fields marked) when one is missing."""
        kind = self.kind()
        if kind == "weekly-agenda":
            week = self._date(self.week_edit)
            return None if week is None else {"week": week}
        if kind == "daily-programme":
            day = self._date(self.day_edit)
            return None if day is None else {"date": day}
        if kind in ("visit-dossier", "itinerary"):
            combo = self.dossier_visit if kind == "visit-dossier" else self.itinerary_visit
            visit = combo.currentData()
            if visit is None:
                self.error.show_error(self.tr("There is no visit to print."))
                return None
            if kind == "visit-dossier":
                return {"visit": int(visit)}
            return {"visit": int(visit), "lang": self.lang_combo.currentData()}
        first, last = self._date(self.from_edit), self._date(self.to_edit)
        if first is None or last is None:
            return None
        if last < first:
            self.to_edit.set_error(self.tr("The end is before the start."))
            return None
        country = self._countries.get(self.country_combo.currentData())
        return {
            "date_from": first,
            "date_to": last,
            "country": country,
            "status": self.status_combo.currentData(),
        }

    def suffix(self) -> str:
        """The chosen format's file suffix: ``.pdf``, or ``.docx`` where the report offers Word."""
        return str(self.format.currentData()) if self.format.isEnabled() else ".pdf"

    def target(self) -> Path | None:
        """Where the file goes: a temporary file, or the chosen path (``.pdf``/``.docx`` added)."""
        suffix = self.suffix()
        if self.open_radio.isChecked():
            return report_path(self.kind(), suffix)
        text = self.path_edit.text().strip()
        if not text:
            self.error.show_error(self.tr("Choose where to save the PDF."))
            return None
        path = Path(text).expanduser()
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    # --- printing ----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while a PDF is being written."""
        return self.job is not None

    def print_report(self) -> bool:
        """Write the chosen report in the task runner, then open it; False if not started."""
        if self.busy:
            return False
        self.error.show_error("")
        options = self.options()
        if options is None:
            return False
        out = self.target()
        if out is None:
            return False
        kind, db = self.kind(), self.ctx.db
        self.status.setText(self.tr("Preparing the PDF…"))
        self.job = run_op(
            self.ctx.runner,
            lambda job: render_pdf(db, kind, options, out, job.cancelled),
            on_done=self._done,
            on_failed=self._failed,
            on_cancelled=self._cancelled,
            parent=self,
        )
        self._set_busy(True)
        return True

    def cancel(self) -> None:
        """Cancel the PDF under way: the file is discarded when it arrives."""
        if self.job is not None:
            self.job.cancel()
        self.cancel_button.setEnabled(False)

    def _set_busy(self, busy: bool) -> None:
        if not busy and self.job is not None:
            self.job.deleteLater()
            self.job = None
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(True)
        self.print_button.setEnabled(not busy)
        self.close_button.setVisible(not busy)

    def _done(self, path: Path) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("The PDF was written: %1").replace("%1", bidi_isolate(path)))
        offer_pdf(Path(path), self.ctx.db, self, open_file)
        self.printed.emit(Path(path))

    def _cancelled(self, _exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Cancelled; no PDF was kept."))

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText("")
        if isinstance(exc, KnownError):
            self.error.show_error(known_message(exc))
        else:
            show_error(self, exc)

    def _print_view(self) -> None:
        if self.print_view_cb is not None:
            self.accept()
            self.print_view_cb()

    def reject(self) -> None:
        """Override: closing while a PDF is written cancels it first."""
        if self.busy:
            self.cancel()
            return
        super().reject()


class VisitReportSource(Protocol):
    """What the reports dialog needs from the page it was opened on (the visits page)."""

    ctx: UiContext

    def report_context(self) -> VisitReportContext:
        """The report options the page suggests (its tab, selection and filters)."""
        ...

    def print_view(self) -> None:
        """Print the view on screen as it looks."""
        ...


def open_visit_reports(page: VisitReportSource, parent: QWidget) -> ReportsDialog:
    """Ctrl+P on the visits page: the visit reports with options from the page (window-modal)."""
    dialog = ReportsDialog(page.ctx, page.report_context(), parent, print_view=page.print_view)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def selftest(page: VisitReportSource, shot: Callable[[str, QWidget], None]) -> None:
    """Shoot the reports dialog on each visit report (nothing is rendered)."""
    dialog = open_visit_reports(page, page)  # type: ignore[arg-type]
    for kind in VISIT_REPORTS:
        dialog.select_kind(kind)
        shot(f"reports_{kind}", dialog)
    dialog.close()
