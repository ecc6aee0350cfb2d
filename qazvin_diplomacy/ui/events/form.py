"""The event form: general fields, yearly recurrence, programme; guests, precedence, seating.

The general and programme tabs are collected into a ``core.events.EventInput`` and saved
with "Save" (the form stays open so guests can be invited next).  Guests, precedence and
seating act at once through the service and need a saved event.  Errors appear next to
their fields; what the user typed is never cleared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.events import (
    EventDetail,
    EventInput,
    EventKind,
    EventStatus,
    ProgrammeEntry,
    status_choices,
    validate_event,
)
from qazvin_diplomacy.core.recurrence import (
    RecurrenceError,
    RecurrenceKind,
    RecurrenceRule,
    describe_rule,
    occurrence,
    rule_from_date,
    validate_rule,
)
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.ui.common import (
    FieldError,
    PlainTextEdit,
    TaskRunner,
    known_message,
    make_ltr,
    show_error,
)
from qazvin_diplomacy.ui.events.guests import GuestsTab
from qazvin_diplomacy.ui.events.precedence import PrecedenceTab, SeatingTab
from qazvin_diplomacy.ui.events.widgets import ReportPrinter
from qazvin_diplomacy.ui.form_fields import parse_optional_time
from qazvin_diplomacy.ui.forms_common import (
    RecordDialog,
    RowTable,
    parse_error_text,
    show_field_errors,
)
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, current_language, is_rtl
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit, show_date, show_time

GENERAL_TAB, PROGRAMME_TAB, GUESTS_TAB, PRECEDENCE_TAB, SEATING_TAB = range(5)
_ORDINALS = (
    (1, QT_TRANSLATE_NOOP("EventForm", "First")),
    (2, QT_TRANSLATE_NOOP("EventForm", "Second")),
    (3, QT_TRANSLATE_NOOP("EventForm", "Third")),
    (4, QT_TRANSLATE_NOOP("EventForm", "Fourth")),
    (5, QT_TRANSLATE_NOOP("EventForm", "Fifth")),
    (-1, QT_TRANSLATE_NOOP("EventForm", "Last")),
)


class RecurrenceBox(Retranslating, QGroupBox):
    """A yearly Jalali rule: day N of the year, day D of month M, or the Nth weekday of month M.

    Shows the next occurrence (or why the rule gives no date) as the fields change.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setChecked(False)
        self.base_date: Callable[[], dt.date | None] = lambda: None
        self.today: Callable[[], dt.date] = dt.date.today
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.kind = QComboBox(self)
        self.nth = QComboBox(self)
        self.weekday = QComboBox(self)
        self.day = QSpinBox(self)
        self.day.setRange(1, 366)
        self.of_label = QLabel(self)
        self.month = QComboBox(self)
        self.suggest = QPushButton(self)
        for w in (self.kind, self.nth, self.weekday, self.day, self.of_label, self.month):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.suggest)
        layout.addLayout(row)
        self.next_label = QLabel(self)
        self.next_label.setWordWrap(True)
        self.next_label.setStyleSheet("color: #1f5fa8;")
        layout.addWidget(self.next_label)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        for combo in (self.nth, self.weekday, self.month):
            combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.day.valueChanged.connect(lambda _v: self._changed())
        self.toggled.connect(lambda _c: self._changed())
        self.suggest.clicked.connect(self.suggest_from_date)
        self.retranslate_ui()
        self._kind_changed()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setTitle(self.tr("Repeats every year (Jalali rule)"))
        fa = current_language() == "fa"

        def refill(combo: QComboBox, items: list[tuple[object, str]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for key, text in items:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

        refill(self.kind, [(k.value, k.label_fa if fa else k.label_en) for k in RecurrenceKind])
        refill(self.nth, [(n, self.tr(text)) for n, text in _ORDINALS])
        names = jalali.WEEKDAY_NAMES_FA if fa else jalali.WEEKDAY_NAMES_EN
        refill(self.weekday, list(enumerate(names)))
        months = jalali.MONTH_NAMES_FA if fa else jalali.MONTH_NAMES_EN
        refill(self.month, [(i + 1, m) for i, m in enumerate(months)])
        self.of_label.setText(self.tr("of"))
        self.suggest.setText(self.tr("From the event's date"))
        self._changed()

    def _kind_changed(self) -> None:
        kind = RecurrenceKind(self.kind.currentData() or RecurrenceKind.DAY_OF_YEAR.value)
        self.day.setVisible(kind is not RecurrenceKind.NTH_WEEKDAY)
        self.day.setRange(1, 366 if kind is RecurrenceKind.DAY_OF_YEAR else 31)
        self.month.setVisible(kind is not RecurrenceKind.DAY_OF_YEAR)
        self.of_label.setVisible(kind is not RecurrenceKind.DAY_OF_YEAR)
        self.nth.setVisible(kind is RecurrenceKind.NTH_WEEKDAY)
        self.weekday.setVisible(kind is RecurrenceKind.NTH_WEEKDAY)
        self._changed()

    def rule(self) -> RecurrenceRule | None:
        """The rule shown (None when the event does not repeat)."""
        if not self.isChecked():
            return None
        kind = RecurrenceKind(self.kind.currentData())
        if kind is RecurrenceKind.DAY_OF_YEAR:
            return RecurrenceRule(kind, day=self.day.value())
        if kind is RecurrenceKind.DAY_OF_MONTH:
            return RecurrenceRule(kind, day=self.day.value(), month=self.month.currentData())
        return RecurrenceRule(
            kind,
            month=self.month.currentData(),
            weekday=self.weekday.currentData(),
            nth=self.nth.currentData(),
        )

    def set_rule(self, rule: RecurrenceRule | None) -> None:
        """Show ``rule`` (None: unchecked)."""
        self.setChecked(rule is not None)
        if rule is None:
            return
        self.kind.setCurrentIndex(max(self.kind.findData(RecurrenceKind(rule.kind).value), 0))
        self._kind_changed()
        if rule.day is not None:
            self.day.setValue(rule.day)
        for combo, value in (
            (self.month, rule.month),
            (self.weekday, rule.weekday),
            (self.nth, rule.nth),
        ):
            if value is not None:
                combo.setCurrentIndex(max(combo.findData(value), 0))
        self._changed()

    def suggest_from_date(self) -> None:
        """Fill the rule of the chosen kind that gives the event's start date."""
        base = self.base_date()
        if base is None:
            self.error.show_error(self.tr("Enter the event's date first."))
            return
        self.setChecked(True)
        self.set_rule(rule_from_date(base, RecurrenceKind(self.kind.currentData())))

    def next_occurrence(self) -> tuple[dt.date | None, str]:
        """The next date the rule gives and a message when a year in between has none.

        Counted from the event's year (next year's edition), else from today.  A rule such
        as 30 Esfand skips common years: the next leap year's date is given, and the
        message says why next year has none (creating next year's event will refuse).
        """
        rule = self.rule()
        if rule is None:
            return None, ""
        errors = validate_rule(rule)
        if errors:
            return None, "؛ ".join(errors.values())
        base = self.base_date()
        today = self.today()
        first_year = (
            jalali.to_jalali(base)[0] + 1 if base is not None else jalali.to_jalali(today)[0]
        )
        message = ""
        for year in range(first_year, first_year + 9):
            try:
                found = occurrence(rule, year)
            except RecurrenceError as exc:
                message = message or known_message(exc)
                continue
            if base is None and found < today:
                continue
            return found, message
        return None, message

    def _changed(self) -> None:
        self.error.show_error("")
        rule = self.rule()
        if rule is None:
            self.next_label.setText(self.tr("The event does not repeat."))
        else:
            nxt, message = self.next_occurrence()
            described = describe_rule(rule, current_language())
            if nxt is not None:
                self.next_label.setText(
                    self.tr("%1 — next occurrence: %2")
                    .replace("%1", described)
                    .replace("%2", show_date(nxt, long=True, weekday=True))
                )
            else:
                self.next_label.setText(described)
            self.error.show_error(message)
        self.changed.emit()


class EventForm(Retranslating, RecordDialog):
    """Create or edit an event; ``saved(int)`` after each save, ``nextYear(int)`` with the copy's id."""

    saved = Signal(int)
    nextYear = Signal(int)  # Qt naming
    archived = Signal(int)

    DISCARD_QUESTION = QT_TRANSLATE_NOOP(
        "EventForm", "The event has unsaved changes. Close the form and discard them?"
    )
    LABELS = (
        ("title_fa", QT_TRANSLATE_NOOP("EventForm", "Title (Persian)")),
        ("title_en", QT_TRANSLATE_NOOP("EventForm", "Title (English)")),
        ("kind", QT_TRANSLATE_NOOP("EventForm", "Kind")),
        ("status", QT_TRANSLATE_NOOP("EventForm", "Status")),
        ("start_date", QT_TRANSLATE_NOOP("EventForm", "Date")),
        ("end_date", QT_TRANSLATE_NOOP("EventForm", "Last day (if longer)")),
        ("start_time", QT_TRANSLATE_NOOP("EventForm", "Start time")),
        ("end_time", QT_TRANSLATE_NOOP("EventForm", "End time")),
        ("venue", QT_TRANSLATE_NOOP("EventForm", "Venue")),
        ("venue_en", QT_TRANSLATE_NOOP("EventForm", "Venue (English)")),
        ("organizer", QT_TRANSLATE_NOOP("EventForm", "Organizer")),
        ("organizer_en", QT_TRANSLATE_NOOP("EventForm", "Organizer (English)")),
        ("description", QT_TRANSLATE_NOOP("EventForm", "Description")),
        ("budget_notes", QT_TRANSLATE_NOOP("EventForm", "Budget notes")),
    )
    PROGRAMME = (
        QT_TRANSLATE_NOOP("EventForm", "Start"),
        QT_TRANSLATE_NOOP("EventForm", "End"),
        QT_TRANSLATE_NOOP("EventForm", "Item (Persian)"),
        QT_TRANSLATE_NOOP("EventForm", "Item (English)"),
        QT_TRANSLATE_NOOP("EventForm", "Speaker / performer"),
        QT_TRANSLATE_NOOP("EventForm", "Speaker (English)"),
    )
    PROG_FIELDS = ("start_time", "end_time", "item_fa", "item_en", "speaker", "speaker_en")
    _EXTRA = (
        QT_TRANSLATE_NOOP("EventForm", "Add row"),
        QT_TRANSLATE_NOOP("EventForm", "Remove row"),
    )

    def __init__(
        self,
        db: Database,
        detail: EventDetail | None = None,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.detail = detail
        self.today = today
        outer = self._open_layout(1080, 760)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs, 1)
        self._build_general()
        self.programme = RowTable(self.PROGRAMME, (70, 70, 260, 220, 170, 150), self)
        self.programme.add_button.clicked.connect(lambda: self.add_programme_row())
        self.tabs.addTab(self.programme, "")
        self.guests = GuestsTab(db, self, today=today)
        self.tabs.addTab(self.guests, "")
        self.precedence = PrecedenceTab(db, self)
        self.tabs.addTab(self.precedence, "")
        self.seating = SeatingTab(db, self)
        self.tabs.addTab(self.seating, "")
        for tab in (self.guests, self.precedence, self.seating):
            tab.changed.connect(self._guests_changed)
        self.tabs.currentChanged.connect(self._tab_shown)
        # buttons
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.next_year_button = QPushButton(self)
        self.buttons.addButton(self.next_year_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = QToolButton(self)
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.print_menu = QMenu(self.print_button)
        self.print_button.setMenu(self.print_menu)
        self.archive_button = QPushButton(self)
        self.buttons.addButton(self.archive_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.buttons, 1)
        outer.addLayout(bottom)
        self.printer = ReportPrinter(db, runner or TaskRunner(self), self)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.next_year_button.clicked.connect(self.create_next_year)
        self.archive_button.clicked.connect(self.archive)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        if detail is not None:
            self.load(detail)
        else:
            self.kind_combo.setCurrentIndex(0)
        self.retranslate_ui()
        self._update_record_state()
        self.take_snapshot()

    # --- building ----------------------------------------------------------------------

    def _build_general(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_fa = QLineEdit(page)
        self.title_en = make_ltr(QLineEdit(page))
        self.kind_combo = QComboBox(page)
        self.status_combo = QComboBox(page)
        self.start_date = JalaliDateEdit(page, required=True)
        self.end_date = JalaliDateEdit(page)
        self.start_time = QLineEdit(page)
        self.end_time = QLineEdit(page)
        for line in (self.start_time, self.end_time):
            line.setMaximumWidth(100)
        self.venue = QLineEdit(page)
        self.venue_en = make_ltr(QLineEdit(page))
        self.organizer = QLineEdit(page)
        self.organizer_en = make_ltr(QLineEdit(page))
        self.description = PlainTextEdit(page)
        self.description.setMaximumHeight(70)
        self.budget_notes = PlainTextEdit(page)
        self.budget_notes.setMaximumHeight(55)
        self.fields: dict[str, QWidget] = {
            "title_fa": self.title_fa,
            "title_en": self.title_en,
            "kind": self.kind_combo,
            "status": self.status_combo,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "start_time": self.start_time,
            "end_time": self.end_time,
            "venue": self.venue,
            "venue_en": self.venue_en,
            "organizer": self.organizer,
            "organizer_en": self.organizer_en,
            "description": self.description,
            "budget_notes": self.budget_notes,
        }
        self.field_errors: dict[str, FieldError] = {}
        self.labels: dict[str, QLabel] = {}
        pairs = (
            ("kind", "status"),
            ("start_date", "end_date"),
            ("start_time", "end_time"),
            ("venue", "venue_en"),
            ("organizer", "organizer_en"),
        )
        paired = {b: a for a, b in pairs}
        rows: dict[str, QHBoxLayout] = {}
        for key, _text in self.LABELS:
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(self.fields[key])
            self.field_errors[key] = FieldError(page)
            box.addWidget(self.field_errors[key])
            self.labels[key] = QLabel(page)
            if key in paired:
                row = rows[paired[key]]
                row.addWidget(self.labels[key])
                row.addLayout(box, 1)
                continue
            if key in dict(pairs):
                row = QHBoxLayout()
                row.addLayout(box, 1)
                rows[key] = row
                form.addRow(self.labels[key], row)
                continue
            form.addRow(self.labels[key], box)
        layout.addLayout(form)
        self.recurrence = RecurrenceBox(page)
        self.recurrence.base_date = self.start_date.date
        self.recurrence.today = self.today
        self.start_date.dateChanged.connect(lambda _d: self.recurrence._changed())
        layout.addWidget(self.recurrence)
        layout.addStretch(1)
        self.tabs.addTab(page, "")

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        for spin in self.findChildren(QAbstractSpinBox):  # digits of the UI language
            spin.setLocale(QLocale())
        if self.detail is None:
            self.setWindowTitle(self.tr("New event"))
        else:
            title = (
                self.detail.title_fa if is_rtl() else (self.detail.title_en or self.detail.title_fa)
            )
            self.setWindowTitle(self.tr("Event: %1").replace("%1", title))
        for key, text in self.LABELS:
            self.labels[key].setText(self.tr(text))
        self.start_time.setPlaceholderText(self.tr("e.g. 17:00"))
        self.end_time.setPlaceholderText(self.tr("e.g. 20:00"))
        lang = current_language()
        statuses = status_choices(self.detail.status if self.detail is not None else None)
        for combo, members in (
            (self.kind_combo, tuple(EventKind)),
            (self.status_combo, statuses),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for member in members:
                combo.addItem(member.label(lang), member.value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self.status_combo.setToolTip(
            self.tr("Only the statuses this event may move to are offered.")
        )
        for i, text in enumerate(
            (
                self.tr("General"),
                self.tr("Programme"),
                self.tr("Guests"),
                self.tr("Order of precedence"),
                self.tr("Seating"),
            )
        ):
            self.tabs.setTabText(i, text)
        self.programme.retranslate(self.tr)
        self.next_year_button.setText(self.tr("Create next year's event"))
        self.print_button.setText(self.tr("Print / PDF"))
        self.print_button.setIcon(icon("print"))
        self.archive_button.setText(self.tr("Delete"))
        self.printer.fill_menu(self.print_menu, self.event_id)
        self._update_record_state()

    def event_id(self) -> int | None:
        """The saved event's id (None while new)."""
        return self.detail.id if self.detail else None

    def _update_record_state(self) -> None:
        saved = self.detail is not None
        for i in (GUESTS_TAB, PRECEDENCE_TAB, SEATING_TAB):
            self.tabs.setTabEnabled(i, saved)
            self.tabs.setTabToolTip(i, "" if saved else self.tr("Save the event first."))
        self.next_year_button.setEnabled(saved and self.detail.recurrence is not None)  # type: ignore[union-attr]
        self.next_year_button.setToolTip(
            ""
            if saved and self.detail.recurrence is not None  # type: ignore[union-attr]
            else self.tr("Save the event with a yearly rule first.")
        )
        self.print_button.setEnabled(saved and bool(self.print_menu.actions()))
        self.archive_button.setVisible(saved)

    # --- loading -----------------------------------------------------------------------

    def load(self, d: EventDetail) -> None:
        """Show event ``d``."""
        self.title_fa.setText(d.title_fa)
        self.title_en.setText(d.title_en)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(d.kind.value), 0))
        lang = current_language()
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        for member in status_choices(d.status):  # the saved status and where it may go
            self.status_combo.addItem(member.label(lang), member.value)
        self.status_combo.blockSignals(False)
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(d.status.value), 0))
        self.start_date.setDate(d.start_date)
        self.end_date.setDate(d.end_date if d.end_date and d.end_date != d.start_date else None)
        self.start_time.setText(show_time(d.start_time) if d.start_time else "")
        self.end_time.setText(show_time(d.end_time) if d.end_time else "")
        self.venue.setText(d.venue)
        self.venue_en.setText(d.venue_en)
        self.organizer.setText(d.organizer)
        self.organizer_en.setText(d.organizer_en)
        self.description.setPlainText(d.description)
        self.budget_notes.setPlainText(d.budget_notes)
        self.recurrence.set_rule(d.recurrence)
        self.programme.table.setRowCount(0)
        for item in d.programme:
            self.add_programme_row(item)
        self.guests.set_event(d.id)
        self.precedence.set_event(d.id)
        self.seating.set_event(d.id)

    def add_programme_row(self, item: ProgrammeEntry | None = None) -> int:
        """Append a programme row."""
        if item is None:
            return self.programme.add_row([""] * len(self.PROG_FIELDS))
        return self.programme.add_row(
            [
                show_time(item.start_time) if item.start_time else "",
                show_time(item.end_time) if item.end_time else "",
                item.item_fa,
                item.item_en,
                item.speaker,
                item.speaker_en,
            ],
            item.id,
        )

    # --- collecting --------------------------------------------------------------------

    def collect(self) -> tuple[EventInput, dict[str, str]]:
        """The form as an ``EventInput`` plus the errors found while reading it."""
        errors: dict[str, str] = {}
        for key, edit in (("start_date", self.start_date), ("end_date", self.end_date)):
            message = edit.validate()
            if message:
                errors[key] = message
        times: dict[str, dt.time | None] = {}
        for key, line in (("start_time", self.start_time), ("end_time", self.end_time)):
            try:
                times[key] = parse_optional_time(line.text())
            except ValueError as exc:
                times[key] = None
                errors[key] = parse_error_text(exc)
        programme = []
        for row in range(self.programme.table.rowCount()):
            values = [self.programme.text(row, c) for c in range(len(self.PROG_FIELDS))]
            cell_times: list[dt.time | None] = []
            for col in (0, 1):
                try:
                    cell_times.append(parse_optional_time(values[col]))
                except ValueError as exc:
                    cell_times.append(None)
                    errors[f"programme.{row}.{self.PROG_FIELDS[col]}"] = parse_error_text(exc)
            record_id, _v = self.programme.record(row)
            programme.append(
                ProgrammeEntry(
                    item_fa=values[2],
                    start_time=cell_times[0],
                    end_time=cell_times[1],
                    item_en=values[3],
                    speaker=values[4],
                    speaker_en=values[5],
                    id=record_id,
                )
            )
        event = EventInput(
            title_fa=self.title_fa.text(),
            title_en=self.title_en.text(),
            kind=EventKind(self.kind_combo.currentData() or EventKind.CULTURAL.value),
            status=EventStatus(self.status_combo.currentData() or EventStatus.DRAFT.value),
            start_date=self.start_date.date(),
            end_date=self.end_date.date(),
            start_time=times["start_time"],
            end_time=times["end_time"],
            venue=self.venue.text(),
            venue_en=self.venue_en.text(),
            organizer=self.organizer.text(),
            organizer_en=self.organizer_en.text(),
            description=self.description.toPlainText(),
            budget_notes=self.budget_notes.toPlainText(),
            recurrence=self.recurrence.rule(),
            programme=tuple(programme),
            id=self.detail.id if self.detail else None,
            version=self.detail.version if self.detail else None,
        )
        return event, errors

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message next to its field (or under its programme row)."""
        show_field_errors(self.fields, self.field_errors, errors)
        rule_errors = [m for k, m in errors.items() if k.startswith("recurrence")]
        if rule_errors:
            self.recurrence.error.show_error("؛ ".join(rule_errors))
        self.programme.show_row_errors(
            errors, "programme", self.PROG_FIELDS, self.tr("Row"), default_col=2
        )
        known = set(self.field_errors) | {"programme", "recurrence"}
        general = [m for k, m in errors.items() if k.split(".")[0] not in known]
        self.banner.setText("\n".join(general))
        self.banner.setVisible(bool(general))
        if errors:
            first = next(iter(errors)).split(".")[0]
            self.tabs.setCurrentIndex(PROGRAMME_TAB if first == "programme" else GENERAL_TAB)

    # --- actions -----------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and save; the form stays open (guests can be invited next)."""
        event, errors = self.collect()
        if errors:  # the service's checks too, so every problem shows at once
            errors = {**validate_event(event), **errors}
        self.show_errors(errors)
        if errors:
            return False
        try:
            detail = events_service.save_event(self.db, event=event, today=self.today())
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.detail = detail
        self.load(detail)
        self.retranslate_ui()
        self.take_snapshot()
        self.saved.emit(detail.id)
        return True

    def _guests_changed(self) -> None:
        if self.detail is None:
            return
        try:
            self.detail = events_service.get_event(self.db, self.detail.id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.saved.emit(self.detail.id)

    def _tab_shown(self, index: int) -> None:
        if self.detail is None:
            return
        if index == GUESTS_TAB:
            self.guests.reload()
        elif index == PRECEDENCE_TAB:
            self.precedence.reload()
        elif index == SEATING_TAB:
            self.seating.reload()

    def create_next_year(self) -> EventDetail | None:
        """Create next year's edition as a draft (programme and guests copied)."""
        if self.detail is None:
            return None
        if self.is_modified() and not self.save():
            return None
        try:
            copy = events_service.copy_to_next_year(self.db, event_id=self.detail.id)
        except ValidationError as exc:
            message = "؛ ".join(exc.errors.values()) or known_message(exc)
            self.recurrence.error.show_error(message)
            QMessageBox.warning(self, self.tr("Next year's event"), message)
            return None
        except KnownError as exc:
            show_error(self, exc)
            return None
        self.nextYear.emit(copy.id)
        return copy

    def archive(self) -> bool:
        """Archive (delete for users) the event after confirmation."""
        if self.detail is None:
            return False
        event_id, version = self.detail.id, self.detail.version
        return self.archive_record(
            self.tr("Delete event"),
            self.tr("Move this event to the archive? It can be restored later."),
            lambda: events_service.archive_event(self.db, event_id=event_id, version=version),
            event_id,
        )

    def _raw_state(self) -> list[object]:
        """Every input's raw content (no validation, nothing marked), in a fixed order."""
        return [
            self.title_fa.text(),
            self.title_en.text(),
            self.kind_combo.currentData(),
            self.status_combo.currentData(),
            self.start_date.text(),
            self.end_date.text(),
            self.start_time.text(),
            self.end_time.text(),
            self.venue.text(),
            self.venue_en.text(),
            self.organizer.text(),
            self.organizer_en.text(),
            self.description.toPlainText(),
            self.budget_notes.toPlainText(),
            self.recurrence.rule(),
            self.programme.raw_rows(),
        ]
