"""The office calendar page (تقویم): month, week and day views of every dated thing.

Everything is read with ``services.calendar.agenda_between`` for the range on screen (one
query per kind shown).  The visits page shows the same views restricted to visits (and
holidays): ``CalendarPage(ctx, kinds=…, heading=False)``.  Double-click or Enter opens the record's own form through its
module's page; dragging asks ``services.calendar.move_entry`` to save the move, so the
form's validation and the visits' conflict check apply (a clash asks for the reason, as
the form does).  Each kind is toggled in the legend; the month and year boxes jump.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.calendar import AgendaEntry, EntryKind
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.text import bidi_isolate
from qazvin_diplomacy.core.visits import Conflict, ConflictsFound
from qazvin_diplomacy.services import calendar as calendar_service
from qazvin_diplomacy.ui.calendar.canvas import KIND_COLORS, AgendaState, AgendaView
from qazvin_diplomacy.ui.calendar.hours import TimeGridView
from qazvin_diplomacy.ui.calendar.ics import ask_ics_path
from qazvin_diplomacy.ui.calendar.month import MonthView
from qazvin_diplomacy.ui.calendar.opening import open_entry_form
from qazvin_diplomacy.ui.common import show_error
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    current_language,
    direction_mark,
    is_rtl,
    loc_digits,
)
from qazvin_diplomacy.ui.icons import icon
from qazvin_diplomacy.ui.modules import ModulePage, UiContext
from qazvin_diplomacy.ui.widgets.fitting import FlowLayout
from qazvin_diplomacy.ui.widgets.jalali import month_title, show_date, show_time

MONTH, WEEK, DAY = range(3)

#: The legend's names of the kinds (context "CalendarPage").
KIND_NAMES = {
    EntryKind.VISIT: QT_TRANSLATE_NOOP("CalendarPage", "Visits"),
    EntryKind.EVENT: QT_TRANSLATE_NOOP("CalendarPage", "Events"),
    EntryKind.SIGNING: QT_TRANSLATE_NOOP("CalendarPage", "Agreement signings"),
    EntryKind.EXPIRY: QT_TRANSLATE_NOOP("CalendarPage", "Agreement expiries"),
    EntryKind.OBLIGATION: QT_TRANSLATE_NOOP("CalendarPage", "Obligation deadlines"),
    EntryKind.FOLLOWUP: QT_TRANSLATE_NOOP("CalendarPage", "Follow-up deadlines"),
    EntryKind.MEETING: QT_TRANSLATE_NOOP("CalendarPage", "Meetings"),
    EntryKind.RESOLUTION: QT_TRANSLATE_NOOP("CalendarPage", "Resolution deadlines"),
    EntryKind.DELEGATION: QT_TRANSLATE_NOOP("CalendarPage", "Trade delegations"),
    EntryKind.HOLIDAY: QT_TRANSLATE_NOOP("CalendarPage", "Official holidays"),
}

#: The modules whose changes show on the calendar.
_WATCHED = {"*", "visits", "events", "agreements", "holidays", "followups", "meetings"}


def kind_icon(kind: EntryKind) -> QIcon:
    """A square in the kind's colour (the legend)."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(KIND_COLORS[kind]))
    return QIcon(pixmap)


def _bold_label(parent: QWidget, larger: int) -> QLabel:
    """A bold label ``larger`` points above the default: the page's heading, the range's title."""
    label = QLabel(parent)
    font = label.font()
    font.setPointSize(font.pointSize() + larger)
    font.setBold(True)
    label.setFont(font)
    return label


class CalendarPage(ModulePage):
    """Month / week / day of the office's visits, events, agreements, deadlines and holidays."""

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        kinds: Iterable[EntryKind] = tuple(EntryKind),
        heading: bool = True,
    ) -> None:
        super().__init__(ctx, parent)
        #: Opens an entry's form (the visits page opens its own visit forms).
        self.open_form: Callable[[AgendaEntry], QWidget | None] = lambda e: open_entry_form(
            self, ctx, e
        )
        self.state = AgendaState(self)
        self.state.day = ctx.today()
        self.forms: list[QWidget] = []
        outer = QVBoxLayout(self)
        # navigation: views, previous / today / next, the jump boxes, export
        bar = QHBoxLayout()
        self.heading = _bold_label(self, 4)
        self.heading.setVisible(heading)
        bar.addWidget(self.heading)
        self.view_buttons: list[QToolButton] = []
        self.view_group = QButtonGroup(self)
        for index in (MONTH, WEEK, DAY):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumWidth(44)
            self.view_group.addButton(button, index)
            bar.addWidget(button)
            self.view_buttons.append(button)
        bar.addSpacing(12)
        self.prev_button, self.today_button, self.next_button = [
            QToolButton(self) for _ in range(3)
        ]
        for button in (self.prev_button, self.today_button, self.next_button):
            bar.addWidget(button)
        self.title = _bold_label(self, 2)
        bar.addWidget(self.title, 1)
        self.jump_label = QLabel(self)
        self.month_box = QComboBox(self)
        self.year_box = QSpinBox(self)
        self.year_box.setRange(jalali.MIN_YEAR + 1, jalali.MAX_YEAR - 1)
        bar.addWidget(self.jump_label)
        bar.addWidget(self.month_box)
        bar.addWidget(self.year_box)
        self.export_button = QPushButton(self)
        bar.addWidget(self.export_button)
        outer.addLayout(bar)
        # legend: one toggle per kind, in its colour
        # the kinds wrap onto a second row on a narrow window (1024 px) rather than widen it
        legend = self.legend = QHBoxLayout()
        boxes = QWidget(self)
        flow = FlowLayout(boxes)
        self.kind_boxes: dict[EntryKind, QCheckBox] = {}
        for kind in (k for k in EntryKind if k in set(kinds)):
            box = QCheckBox(boxes)
            box.setChecked(True)
            box.setIcon(kind_icon(kind))
            box.toggled.connect(lambda _on: self.refresh())
            flow.addWidget(box)
            self.kind_boxes[kind] = box
        legend.addWidget(boxes, 1)
        self.clash_note = QLabel(self)
        self.clash_note.setStyleSheet("color: #6b7b88;")
        legend.addWidget(self.clash_note)
        outer.addLayout(legend)
        # views
        self.stack = QStackedWidget(self)
        self.month = MonthView(self.state, self)
        self.week = TimeGridView(self.state, 7, self)
        self.day = TimeGridView(self.state, 1, self)
        self.views: list[AgendaView] = [self.month, self.week, self.day]
        for view in self.views:
            self.stack.addWidget(view)
            view.entryActivated.connect(self.open_entry)
            view.moveRequested.connect(self.move_entry)
            view.dayActivated.connect(self.show_day)
            view.daySelected.connect(lambda _d: self._update_title())
            view.more_text = lambda n: self.tr("+%1 more").replace("%1", loc_digits(n))
            view.day_title = lambda d: show_date(d)
            view.tooltip = self.entry_tooltip
        outer.addWidget(self.stack, 1)

        self.view_group.idClicked.connect(self.set_view)
        self.prev_button.clicked.connect(lambda: self.shift(-1))
        self.next_button.clicked.connect(lambda: self.shift(1))
        self.today_button.clicked.connect(lambda: self.go_to(self.ctx.today()))
        self.month_box.activated.connect(lambda _i: self._jump())
        self.year_box.editingFinished.connect(self._jump)
        self.export_button.clicked.connect(self.export_range)
        ctx.hub.dataChanged.connect(self._data_changed)
        self._stale = True
        self._loaded: tuple[object, ...] | None = None  # see _read_key
        self.view_buttons[WEEK].setChecked(True)
        self.stack.setCurrentIndex(WEEK)
        self.retranslate_ui()

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.heading.setText(self.tr("Calendar"))
        for button, text in zip(
            self.view_buttons, (self.tr("Month"), self.tr("Week"), self.tr("Day")), strict=True
        ):
            button.setText(text)
        self.prev_button.setIcon(icon("prev"))
        self.next_button.setIcon(icon("next"))
        self.prev_button.setToolTip(self.tr("Previous"))
        self.next_button.setToolTip(self.tr("Next"))
        self.today_button.setText(self.tr("Today"))
        self.jump_label.setText(self.tr("Go to:"))
        self.year_box.setLocale(
            QLocale(QLocale.Language.Persian if is_rtl() else QLocale.Language.English)
        )
        self.year_box.setGroupSeparatorShown(False)
        self.month_box.blockSignals(True)
        self.month_box.clear()
        names = jalali.MONTH_NAMES_FA if is_rtl() else jalali.MONTH_NAMES_EN
        self.month_box.addItems(list(names))
        self.month_box.blockSignals(False)
        self.export_button.setText(self.tr("Export to calendar (.ics)…"))
        self.export_button.setToolTip(
            self.tr("Save what this view shows as an iCalendar file for phones and Outlook")
        )
        for kind, box in self.kind_boxes.items():
            box.setText(self.tr(KIND_NAMES[kind]))
        self.clash_note.setText(self.tr("⚠ clash with another visit"))
        self._stale = True
        if self.isVisible():
            self.refresh()

    def entry_tooltip(self, entry: AgendaEntry) -> str:
        """An entry's kind, whole text, time or day, and status."""
        lang = current_language()
        when = (
            f"{show_date(entry.first_day, weekday=True)} {show_time(entry.start)}–{show_time(entry.end)}"
            if entry.start is not None and entry.end is not None
            else show_date(entry.first_day, weekday=True)
        )
        lines = [self.tr(KIND_NAMES[entry.kind]), entry.label(lang), when]
        if entry.status:
            lines.append(entry.status_en if lang == "en" else entry.status_fa)
        if entry.clash:
            lines.append(self.tr("⚠ clash with another visit"))
        if entry.overdue:
            lines.append(self.tr("Overdue"))
        return "\n".join(x for x in lines if x)

    # --- navigation --------------------------------------------------------------------

    def current_view(self) -> AgendaView:
        """The view on screen."""
        return self.views[self.stack.currentIndex()]

    def set_view(self, index: int) -> None:
        """Show the month (0), week (1) or day (2) view of the current day.

        The range is read unless it is the one just read for this view (the visits page's
        calendar tab reads on being shown, then is asked for its view: one read, not two)."""
        self.view_buttons[index].setChecked(True)
        self.stack.setCurrentIndex(index)
        if self._stale or self._loaded != self._read_key():
            self.refresh()
        self.current_view().focus_view()

    def _read_key(self) -> tuple[object, ...]:
        """What the entries on screen were read for: view, range, kinds and today."""
        return (
            self.stack.currentIndex(),
            *self.current_view().date_range(),
            tuple(self.kinds()),
            self.ctx.today(),
        )

    def show_day(self, day: dt.date) -> None:
        """The day view of ``day``."""
        self.state.day = day
        self.set_view(DAY)

    def go_to(self, day: dt.date) -> None:
        """Show the current view around ``day``."""
        self.state.day = day
        self.refresh()

    def shift(self, steps: int) -> None:
        """Move by ``steps`` months, weeks or days."""
        index = self.stack.currentIndex()
        day = self.state.day
        if index == MONTH:
            year, month, dd = jalali.to_jalali(day)
            year, month = jalali.add_jalali_months(year, month, steps)
            if not jalali.MIN_YEAR < year < jalali.MAX_YEAR:
                return
            day = jalali.from_jalali(year, month, min(dd, jalali.days_in_month(year, month)))
        else:
            day += dt.timedelta(days=steps * (7 if index == WEEK else 1))
        self.go_to(day)

    def _jump(self) -> None:
        """The month and year boxes: go to that month (same day of the month when it exists)."""
        year, month = self.year_box.value(), self.month_box.currentIndex() + 1
        if (year, month) == tuple(jalali.to_jalali(self.state.day)[:2]):
            return
        self.go_to(jalali.from_jalali(year, month, 1))

    def _update_title(self) -> None:
        first, last = self.current_view().date_range()
        index = self.stack.currentIndex()
        if index == MONTH:
            text = month_title(*jalali.to_jalali(self.state.day)[:2])
        elif index == WEEK:
            text = f"{direction_mark()}{bidi_isolate(show_date(first))} – {bidi_isolate(show_date(last))}"
        else:
            gregorian = jalali.format_gregorian(self.state.day, current_language())
            text = f"{show_date(self.state.day, long=True, weekday=True)} ({loc_digits(gregorian)})"
        self.title.setText(text)
        year, month, _ = jalali.to_jalali(self.state.day)
        self.month_box.setCurrentIndex(month - 1)
        self.year_box.blockSignals(True)
        self.year_box.setValue(year)
        self.year_box.blockSignals(False)

    # --- data --------------------------------------------------------------------------

    def kinds(self) -> list[EntryKind]:
        """The kinds ticked in the legend."""
        return [k for k, box in self.kind_boxes.items() if box.isChecked()]

    def refresh(self) -> None:
        """Read the entries of the range on screen (one query per kind shown)."""
        view = self.current_view()
        first, last = view.date_range()
        entries = calendar_service.agenda_between(
            self.ctx.db, start=first, end=last, kinds=self.kinds(), today=self.ctx.today()
        )
        self.state.set_entries(first, last, entries)
        self._stale = False
        self._loaded = self._read_key()
        self._update_title()

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        """Override: read again when shown after a change elsewhere."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _data_changed(self, kind: str) -> None:
        if kind in _WATCHED:
            self._stale = True
            if self.isVisible():
                self.refresh()

    # --- actions -----------------------------------------------------------------------

    def open_entry(self, entry: AgendaEntry) -> QWidget | None:
        """Open ``entry``'s form; when it closes, the calendar has the keyboard again."""
        if entry.kind is EntryKind.HOLIDAY:
            return self._open_holidays()
        self.state.select(entry)
        form = self.open_form(entry)
        if form is not None:
            finished = getattr(form, "finished", None)
            if finished is not None:
                finished.connect(lambda _r: QTimer.singleShot(0, self._after_form))
        return form

    def _open_holidays(self) -> QWidget | None:
        opener = getattr(self.window(), "open_holidays", None)
        return opener(self) if callable(opener) else None

    def _after_form(self) -> None:
        """Back from a form: the window and the view take the keyboard (Enter reopens)."""
        if self.isVisible():
            self.window().activateWindow()
            self.current_view().focus_view()

    def move_entry(self, entry: AgendaEntry, day: dt.date, start: dt.datetime | None) -> bool:
        """Save ``entry`` moved to ``day``/``start`` through the services; True when stored."""
        reason: str | None = None
        while True:
            try:
                calendar_service.move_entry(
                    self.ctx.db,
                    entry=entry,
                    day=day,
                    start=start,
                    conflict_reason=reason,
                    today=self.ctx.today(),
                )
            except ConflictsFound as exc:
                reason = self.ask_conflict_reason(exc.conflicts)
                if reason is None:
                    self.refresh()
                    return False
                continue
            except KnownError as exc:
                show_error(self, exc)
                self.refresh()
                return False
            break
        self.ctx.hub.status.emit(self.tr("Moved to %1.").replace("%1", show_date(day)))
        module = entry.open_target()
        self.ctx.hub.dataChanged.emit(module[0] if module else "*")
        self.refresh()
        return True

    def ask_conflict_reason(self, conflicts: list[Conflict]) -> str | None:
        """The visit form's conflict question; the reason typed or None (cancelled)."""
        from qazvin_diplomacy.ui.visits.form import ConflictDialog

        dialog = ConflictDialog(conflicts, self)
        self.conflict_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.reason_text():
            return dialog.reason_text()
        return None

    def new_record(self) -> QWidget | None:
        """Ctrl+N: a new visit on the selected day."""
        pages = getattr(self.window(), "page", None)
        if callable(pages):
            return pages("visits").new_record(self.state.day)  # type: ignore[no-any-return]
        return None

    def print_page(self) -> None:
        """Ctrl+P: print the view on screen, scaled to the page."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from qazvin_diplomacy.ui.ops import print_widget

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            print_widget(self.current_view(), printer)

    def export_range(self) -> Path | None:
        """Save the range on screen (kinds ticked) as an .ics file."""
        from qazvin_diplomacy.services.agenda_ics import export_agenda

        first, last = self.state.first, self.state.last
        y1, m1, d1 = jalali.to_jalali(first)
        path = ask_ics_path(self, f"agenda-{y1}-{m1:02d}-{d1:02d}.ics")
        if path is None:
            return None
        try:
            count = export_agenda(
                self.ctx.db,
                path=path,
                start=first,
                end=last,
                kinds=self.kinds(),
                today=self.ctx.today(),
            )
        except KnownError as exc:
            show_error(self, exc)
            return None
        self.ctx.hub.status.emit(
            self.tr("%1 items saved to %2")
            .replace("%1", loc_digits(count))
            .replace("%2", path.name)
        )
        return path

    # --- self-test ---------------------------------------------------------------------

    def selftest(self, shot: Callable[[str, QWidget], None]) -> None:
        """Each view on the busiest day of the coming month, and the reminder list."""
        today = self.ctx.today()
        entries = calendar_service.agenda_between(
            self.ctx.db, start=today, end=today + dt.timedelta(days=30), kinds=[EntryKind.VISIT]
        )
        busiest = max(
            {e.first_day for e in entries},
            key=lambda d: sum(1 for e in entries if e.first_day == d),
            default=today,
        )
        self.state.day = busiest
        for index, name in ((MONTH, "month"), (WEEK, "week"), (DAY, "day")):
            self.set_view(index)
            shot(name, self)
        holidays = calendar_service.agenda_between(
            self.ctx.db, start=today, end=today + dt.timedelta(days=366), kinds=[EntryKind.HOLIDAY]
        )
        if holidays:  # a month with a holiday: its name under the day number, not run into it
            self.state.day = holidays[0].first_day
            self.set_view(MONTH)
            shot("month_holiday", self)
        from qazvin_diplomacy.ui.calendar.reminders import ReminderList

        reminders = ReminderList(self.ctx, self)
        reminders.show_entries(calendar_service.reminders(self.ctx.db, today=today))
        reminders.show()
        shot("reminders", reminders)
        reminders.close()
        self.state.day = today
        self.set_view(WEEK)
