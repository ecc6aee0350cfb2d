"""The event form: general fields, yearly recurrence, programme; guests, precedence, seating.

The general and programme tabs are collected into a ``core.events.EventInput`` and saved
with "Save" (the form stays open so guests can be invited next).  The event's own fields
are declared once in :attr:`EventForm.FIELDS` (see ``ui/form_fields.py``); the recurrence
box (``recurrence.py``), the programme (``programme.py``), guests (``guests.py``),
precedence and seating (``precedence.py``) are their own widgets.  Guests, precedence and
seating act at once through the service and need a saved event.  Errors appear next to
their fields; what the user typed is never cleared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.events import (
    EventDetail,
    EventInput,
    EventKind,
    EventStatus,
    ProgrammeEntry,
    needs_status_reason,
    status_moves,
    validate_event,
)
from qazvin_diplomacy.services import events as events_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import (
    PlainTextEdit,
    TaskRunner,
    menu_button,
    refusal_text,
    show_error,
    show_refusal,
)
from qazvin_diplomacy.ui.events.guests import GuestsTab
from qazvin_diplomacy.ui.events.precedence import PrecedenceTab, SeatingTab
from qazvin_diplomacy.ui.events.programme import ProgrammeTab
from qazvin_diplomacy.ui.events.recurrence import RecurrenceBox
from qazvin_diplomacy.ui.events.widgets import ReportPrinter
from qazvin_diplomacy.ui.form_fields import (
    FieldSet,
    date_field,
    enum_combo,
    label_of,
    text_area,
    text_field,
    time_field,
)
from qazvin_diplomacy.ui.forms_common import RecordDialog
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, is_rtl
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.status_moves import add_status_notes, show_note, show_status_moves
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit, show_datetime

GENERAL_TAB, PROGRAMME_TAB, GUESTS_TAB, PRECEDENCE_TAB, SEATING_TAB = range(5)


def _last_day(edit: JalaliDateEdit, detail: EventDetail) -> None:
    """The last day, shown only when the event lasts more than one day."""
    end = detail.end_date
    edit.setDate(end if end and end != detail.start_date else None)


class EventForm(Retranslating, RecordDialog):
    """Create or edit an event; ``saved(int)`` after each save, ``nextYear(int)`` with the copy's id."""

    saved = Signal(int)
    nextYear = Signal(int)  # Qt naming
    archived = Signal(int)

    DISCARD_QUESTION = QT_TRANSLATE_NOOP(
        "EventForm", "The event has unsaved changes. Close the form and discard them?"
    )
    PRINT_REPORT = "event-summary"
    PRINT_OPTION = "event"
    #: The event's own fields, declared once, in the general tab's order (a field with
    #: ``beside`` shares the row of the one before it).  Each name is an
    #: ``EventInput``/``EventDetail`` attribute and the service's error key.
    FIELDS = (
        text_field("title_fa", QT_TRANSLATE_NOOP("EventForm", "Title (Persian)")),
        text_field("title_en", QT_TRANSLATE_NOOP("EventForm", "Title (English)"), ltr=True),
        enum_combo("kind", QT_TRANSLATE_NOOP("EventForm", "Kind"), EventKind, attr="kind_combo"),
        enum_combo(
            "status",
            QT_TRANSLATE_NOOP("EventForm", "Status"),
            EventStatus,
            attr="status_combo",
            default=EventStatus.DRAFT,
            beside="kind",
        ),
        date_field("start_date", QT_TRANSLATE_NOOP("EventForm", "Date"), refuse_empty=True),
        date_field(
            "end_date",
            QT_TRANSLATE_NOOP("EventForm", "Last day (if longer)"),
            load=_last_day,
            beside="start_date",
            follows="start_date",
        ),
        time_field(
            "start_time",
            QT_TRANSLATE_NOOP("EventForm", "Start time"),
            placeholder=QT_TRANSLATE_NOOP("EventForm", "e.g. 17:00"),
        ),
        time_field(
            "end_time",
            QT_TRANSLATE_NOOP("EventForm", "End time"),
            placeholder=QT_TRANSLATE_NOOP("EventForm", "e.g. 20:00"),
            beside="start_time",
            follows="start_time",
            follow_by=dt.timedelta(hours=1),
        ),
        text_field("venue", QT_TRANSLATE_NOOP("EventForm", "Venue")),
        text_field(
            "venue_en", QT_TRANSLATE_NOOP("EventForm", "Venue (English)"), ltr=True, beside="venue"
        ),
        text_field("organizer", QT_TRANSLATE_NOOP("EventForm", "Organizer")),
        text_field(
            "organizer_en",
            QT_TRANSLATE_NOOP("EventForm", "Organizer (English)"),
            ltr=True,
            beside="organizer",
        ),
        text_area("description", QT_TRANSLATE_NOOP("EventForm", "Description"), max_height=70),
        text_area("budget_notes", QT_TRANSLATE_NOOP("EventForm", "Budget notes"), max_height=55),
    )
    TABS = (
        QT_TRANSLATE_NOOP("EventForm", "General"),
        QT_TRANSLATE_NOOP("EventForm", "Programme"),
        QT_TRANSLATE_NOOP("EventForm", "Guests"),
        QT_TRANSLATE_NOOP("EventForm", "Order of precedence"),
        QT_TRANSLATE_NOOP("EventForm", "Seating"),
    )
    _EXTRA = (
        QT_TRANSLATE_NOOP("EventForm", "Add row"),
        QT_TRANSLATE_NOOP("EventForm", "Remove row"),
    )

    # the widgets FIELDS puts on the form (for type checkers and readers)
    title_fa: QLineEdit
    title_en: QLineEdit
    kind_combo: QComboBox
    status_combo: QComboBox
    start_date: JalaliDateEdit
    end_date: JalaliDateEdit
    start_time: QLineEdit
    end_time: QLineEdit
    venue: QLineEdit
    venue_en: QLineEdit
    organizer: QLineEdit
    organizer_en: QLineEdit
    description: PlainTextEdit
    budget_notes: PlainTextEdit

    def __init__(
        self,
        db: DatabaseHandle,
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
        self.programme = ProgrammeTab(self)
        self.guests = GuestsTab(db, self, today=today)
        self.precedence = PrecedenceTab(db, self)
        self.seating = SeatingTab(db, self)
        for tab in (self.programme, self.guests, self.precedence, self.seating):
            self.tabs.addTab(tab, "")
        for tab in (self.guests, self.precedence, self.seating):
            tab.changed.connect(self._guests_changed)
        self.tabs.currentChanged.connect(self._tab_shown)
        # buttons
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.next_year_button = QPushButton(self)
        self.buttons.addButton(self.next_year_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button, self.print_menu = menu_button(self)
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
        self.retranslate_ui()
        self._update_record_state()
        self.take_snapshot()

    # --- building ----------------------------------------------------------------------

    def _build_general(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.field_set = FieldSet(self, self.FIELDS)
        self.field_set.add_form_rows(form, page)
        self.fields = self.field_set.widgets
        self.field_errors = self.field_set.errors
        self.labels = self.field_set.labels
        # the moves allowed from the saved status; "held" taken back, with the reasons
        self.status_hint, self.history_label = add_status_notes(self.field_set, form, page)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.update_status_moves())
        self.start_date.dateChanged.connect(lambda _d: self.update_status_moves())
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
        self.field_set.retranslate(self.tr)
        for i, text in enumerate(self.TABS):
            self.tabs.setTabText(i, self.tr(text))
        self.programme.retranslate(self.tr)
        self.next_year_button.setText(self.tr("Create next year's event"))
        self.print_button.setText(self.tr("Print / PDF"))
        self.print_button.setIcon(icon("print"))
        self.archive_button.setText(self.tr("Delete"))
        self.printer.fill_menu(self.print_menu, self.event_id)
        self._update_record_state()
        self.update_status_moves()

    # --- status ------------------------------------------------------------------------

    def saved_status(self) -> EventStatus | None:
        """The status as stored (None for a new event)."""
        return EventStatus(self.detail.status) if self.detail is not None else None

    def update_status_moves(self) -> None:
        """Grey out the statuses the event cannot move to now; explain them and the history."""
        if not hasattr(self, "history_label"):
            return  # still building
        saved = self.saved_status()
        show_status_moves(
            self.status_combo,
            self.status_hint,
            saved,
            status_moves(saved, self.start_date.date(), self.today()),
            from_text=self.tr("From %1 the event can move to: %2."),
            held=EventStatus.HELD,
            held_text=self.tr("Held: %1"),
        )
        lines = [
            f"{show_datetime(u.at)} — {label_of(u.old_status)} → {label_of(u.new_status)}: "
            f"{u.reason}"
            for u in (self.detail.log if self.detail is not None else ())
        ]
        text = self.tr("Taken back:") + "\n" + "\n".join(lines) if lines else ""
        show_note(self.history_label, text)

    def ask_reason(self, title: str, prompt: str) -> str | None:
        """A reason typed by the clerk, None when cancelled (tests replace this)."""
        text, ok = QInputDialog.getMultiLineText(self, title, prompt)
        return text.strip() if ok and text.strip() else None

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
        self.field_set.load(d)
        self.recurrence.set_rule(d.recurrence)
        self.programme.set_entries(d.programme)
        self.guests.set_event(d.id)
        self.precedence.set_event(d.id)
        self.seating.set_event(d.id)

    def add_programme_row(self, item: ProgrammeEntry | None = None) -> int:
        """Append a programme row."""
        return self.programme.add_entry(item)

    # --- collecting --------------------------------------------------------------------

    def collect(self) -> tuple[EventInput, dict[str, str]]:
        """The form as an ``EventInput`` plus the errors found while reading it."""
        values, errors = self.field_set.collect()
        event = EventInput(
            **values,
            recurrence=self.recurrence.rule(),
            programme=self.programme.entries(errors),
            id=self.detail.id if self.detail else None,
            version=self.detail.version if self.detail else None,
        )
        return event, errors

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message next to its field (or under its programme row)."""
        rest = self.field_set.show_errors(errors)
        rule_errors = [m for k, m in errors.items() if k.startswith("recurrence")]
        if rule_errors:
            self.recurrence.error.show_error("؛ ".join(rule_errors))
        self.programme.show_row_errors(
            errors, self.programme.PREFIX, self.programme.FIELDS, self.tr("Row"), default_col=2
        )
        known = {self.programme.PREFIX, "recurrence"}
        general = [m for k, m in rest.items() if k.split(".")[0] not in known]
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
        reason = ""
        if needs_status_reason(self.saved_status(), event.status):
            asked = self.ask_reason(
                self.tr("Undo “held”"),
                self.tr("Why is this event no longer held? The reason is kept in its history."),
            )
            if asked is None:
                return False
            reason = asked
        try:
            detail = events_service.save_event(
                self.db, event=event, today=self.today(), status_reason=reason
            )
        except KnownError as exc:
            show_refusal(self, self.show_errors, exc)
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
            message = refusal_text(exc)
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
        return [self.field_set.raw_state(), self.recurrence.rule(), self.programme.raw_rows()]
