"""Jalali date and date-time input fields with a calendar popup built on ``core.jalali``.

Qt's own Jalali ``QCalendar`` is not used: it disagrees with the official calendar in some
leap years.  Typed text (Persian, Arabic-Indic or Latin digits) is validated by
``core.jalali.parse_jalali``; invalid input is outlined and its Persian message shown under
the field, and the typed text is never thrown away.

Holidays (fixed, lunar, office-added) come from a *holiday provider*, a callable
``(first, last) -> holidays`` asked once per displayed month, never per day.  The main window
sets it to ``services.holidays.holidays_in`` on its database (:func:`set_holiday_provider`);
without one, the computed holidays are shown (fixed, and lunar ones approximate).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.holidays import all_official_holidays, years_between
from qazvin_diplomacy.ui.common import FieldError, known_message, mark_field
from qazvin_diplomacy.ui.i18n import Retranslating, current_language, is_rtl, loc_digits
from qazvin_diplomacy.ui.icons import icon


def digits_mode() -> str:
    """``"fa"`` (Persian digits) in the Persian UI, ``"latin"`` in English."""
    return "fa" if is_rtl() else "latin"


def show_date(d: dt.date, *, long: bool = False, weekday: bool = False) -> str:
    """A Jalali date as the current UI language shows it."""
    return jalali.format_jalali(
        d, long=long, weekday=weekday, digits=digits_mode(), lang=current_language()
    )


def show_datetime(value: dt.datetime) -> str:
    """Jalali date and time as the current UI language shows them."""
    return jalali.format_jalali_datetime(value, digits=digits_mode(), lang=current_language())


def show_time(value: dt.time | dt.datetime) -> str:
    """``HH:MM`` with the UI's digits."""
    return jalali.format_time(value, digits=digits_mode())


def month_title(year: int, month: int) -> str:
    """``آبان ۱۴۰۴`` / ``Aban 1404``."""
    names = jalali.MONTH_NAMES_FA if is_rtl() else jalali.MONTH_NAMES_EN
    return loc_digits(f"{names[month - 1]} {year}")


def weekday_names(short: bool = False) -> tuple[str, ...]:
    """Saturday-first weekday names in the UI language."""
    names = jalali.WEEKDAY_NAMES_FA if is_rtl() else jalali.WEEKDAY_NAMES_EN
    return tuple(n[:3] if short and not is_rtl() else n for n in names)


HolidayProvider = Callable[[dt.date, dt.date], Sequence[jalali.Holiday]]


def computed_holidays(first: dt.date, last: dt.date) -> list[jalali.Holiday]:
    """Fixed and (approximate) lunar holidays from ``first`` to ``last``, without the office's corrections."""
    return [
        h
        for year in years_between(first, last)
        for h in all_official_holidays(year)
        if first <= h.date <= last
    ]


_holiday_provider: HolidayProvider = computed_holidays


def set_holiday_provider(provider: HolidayProvider | None) -> None:
    """Use ``provider`` for every calendar from now on (``None``: the computed holidays)."""
    global _holiday_provider
    _holiday_provider = provider or computed_holidays


def holidays_between(first: dt.date, last: dt.date) -> dict[dt.date, jalali.Holiday]:
    """``{date: holiday}`` from the current provider (one call; fixed holidays win a shared day)."""
    found: dict[dt.date, jalali.Holiday] = {}
    for holiday in sorted(_holiday_provider(first, last), key=lambda h: h.kind != "fixed"):
        found.setdefault(holiday.date, holiday)
    return found


def holiday_text(holiday: jalali.Holiday) -> str:
    """The holiday's name in the UI language, marked «تقریبی» / "approx." while unconfirmed."""
    name = holiday.name_fa if is_rtl() or not holiday.name_en else holiday.name_en
    if holiday.approximate:
        return QCoreApplication.translate("Holidays", "%1 (approx.)").replace("%1", name)
    return name


class JalaliCalendarPopup(Retranslating, QFrame):
    """A month of buttons (Saturday first) to pick a date; emits ``picked(date)``."""

    picked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        today = dt.date.today()
        self._year, self._month, _ = jalali.to_jalali(today)
        self._selected: dt.date | None = None
        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        self.prev_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prev_button.clicked.connect(lambda: self.shift(-1))
        self.next_button.clicked.connect(lambda: self.shift(1))
        head.addWidget(self.prev_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.next_button)
        outer.addLayout(head)
        self.grid = QGridLayout()
        self.grid.setSpacing(2)
        outer.addLayout(self.grid)
        self.today_button = QToolButton(self)
        self.today_button.clicked.connect(lambda: self._pick(dt.date.today()))
        outer.addWidget(self.today_button, 0, Qt.AlignmentFlag.AlignCenter)
        self.buttons: dict[dt.date, QToolButton] = {}
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every text and directional icon for the current language."""
        self.prev_button.setIcon(icon("prev"))
        self.next_button.setIcon(icon("next"))
        self.prev_button.setToolTip(self.tr("Previous month"))
        self.next_button.setToolTip(self.tr("Next month"))
        self.today_button.setText(self.tr("Today"))
        self._fill()

    def show_month(self, year: int, month: int, selected: dt.date | None = None) -> None:
        """Display ``month`` of ``year``, highlighting ``selected``."""
        self._year, self._month, self._selected = year, month, selected
        self._fill()

    def shift(self, months: int) -> None:
        """Move by ``months`` (negative goes back)."""
        year, month = jalali.add_jalali_months(self._year, self._month, months)
        if jalali.MIN_YEAR <= year <= jalali.MAX_YEAR:
            self._year, self._month = year, month
            self._fill()

    @property
    def year_month(self) -> tuple[int, int]:
        """The displayed (year, month)."""
        return self._year, self._month

    def _build_grid(self) -> None:
        """Create the weekday labels and 6×7 day buttons once; ``_fill`` only updates them."""
        self.weekday_labels: list[QLabel] = []
        for col in range(7):
            label = QLabel(self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if col == 6:
                label.setStyleSheet("color: #c62828;")
            self.grid.addWidget(label, 0, col)
            self.weekday_labels.append(label)
        self.day_buttons: list[list[QToolButton]] = []
        for row in range(6):
            buttons = []
            for col in range(7):
                button = QToolButton(self)
                button.setAutoRaise(True)
                button.setMinimumSize(32, 28)
                button.clicked.connect(lambda _=False, r=row, c=col: self._clicked(r, c))
                self.grid.addWidget(button, row + 1, col)
                buttons.append(button)
            self.day_buttons.append(buttons)
        self._weeks: list[list[dt.date | None]] = []

    def _fill(self) -> None:
        if not hasattr(self, "day_buttons"):
            self._build_grid()
        self.buttons.clear()
        self.title.setText(month_title(self._year, self._month))
        for label, name in zip(self.weekday_labels, weekday_names(short=True), strict=True):
            label.setText(name[:1] if is_rtl() else name)
        today = dt.date.today()
        self._weeks = jalali.month_grid(self._year, self._month)
        holidays = holidays_between(*jalali.month_range(self._year, self._month))
        for row, buttons in enumerate(self.day_buttons):
            week = self._weeks[row] if row < len(self._weeks) else [None] * 7
            for col, button in enumerate(buttons):
                day = week[col]
                button.setVisible(day is not None)
                if day is None:
                    continue
                button.setText(loc_digits(jalali.to_jalali(day)[2]))
                style = []
                button.setToolTip("")
                holiday = holidays.get(day)
                if holiday is not None or jalali.is_friday(day):
                    style.append("color: #c62828;")
                    button.setToolTip(holiday_text(holiday) if holiday else "")
                if day == today:
                    style.append("font-weight: bold; border: 1px solid #2f4f6f;")
                if day == self._selected:
                    style.append("background: #cfe0f0;")
                button.setStyleSheet(" ".join(style))
                self.buttons[day] = button

    def _clicked(self, row: int, col: int) -> None:
        day = self._weeks[row][col] if row < len(self._weeks) else None
        if day is not None:
            self._pick(day)

    def _pick(self, day: dt.date) -> None:
        self.picked.emit(day)
        self.hide()


def date_hint(day: dt.date) -> str:
    """Weekday and Gregorian date shown beside a valid date, in the UI's digits:
    «جمعه · ۲۰۲۵-۱۰-۲۴»."""
    weekday = weekday_names()[jalali.jalali_weekday(day)]
    return f"{weekday} · \u2066{loc_digits(day.isoformat())}\u2069"


class JalaliDateEdit(Retranslating, QWidget):
    """A Jalali date field: typed (any digits) or picked; invalid text marked, never lost.

    ``date()`` is the valid date or None; ``dateChanged(object)`` fires with a date or None
    after the text was checked.  As soon as the text is a valid date, ``hint`` beside it shows
    its weekday and Gregorian date (a Friday or holiday in red), before the field is left.
    """

    dateChanged = Signal(object)  # Qt naming

    def __init__(self, parent: QWidget | None = None, *, required: bool = False) -> None:
        super().__init__(parent)
        self.required = required
        self._date: dt.date | None = None
        self._error = ""
        self._compact = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(2)
        self.line = QLineEdit(self)
        self.line.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.line.setMinimumWidth(110)
        self.button = QToolButton(self)
        self.button.setIcon(icon("calendar"))
        self.hint = QLabel(self)
        self.hint.setMinimumWidth(150)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        row.addWidget(self.hint)
        outer.addLayout(row)
        self.error_label = FieldError(self)
        outer.addWidget(self.error_label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.popup = JalaliCalendarPopup(self)
        self.popup.picked.connect(self.setDate)
        self.button.clicked.connect(self.open_popup)
        self.line.editingFinished.connect(self.validate)
        self.line.textEdited.connect(self._clear_error_if_valid)
        self.line.textChanged.connect(self._show_hint)
        self.setFocusProxy(self.line)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language; re-shows a valid date with the UI's digits."""
        self.line.setPlaceholderText(
            self.tr("e.g. %1").replace("%1", jalali.example_date("fa" if is_rtl() else "latin"))
        )
        self.button.setToolTip(self.tr("Pick from the calendar"))
        # The date stays beside its label: on the label's side of the box in either language
        # (a left-to-right date would otherwise sit at the far left of a right-to-left form).
        side = Qt.AlignmentFlag.AlignRight if is_rtl() else Qt.AlignmentFlag.AlignLeft
        self.line.setAlignment(
            side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        )
        self._show_hint(self.line.text())
        if self._date is not None and not self._error:
            self.line.setText(show_date(self._date))
        elif self._error:
            self.validate()

    # --- value ----------------------------------------------------------------------

    def date(self) -> dt.date | None:
        """The valid date typed or picked, or None (empty or invalid)."""
        return self._date if not self._error else None

    def setDate(self, value: dt.date | None) -> None:  # Qt naming
        """Show ``value`` (None clears the field)."""
        if isinstance(value, dt.datetime):
            value = value.date()
        self.line.setText(show_date(value) if value else "")
        self.validate()

    def text(self) -> str:
        """The text as typed."""
        return self.line.text()

    def setText(self, text: str) -> None:  # Qt naming
        """Put ``text`` in the field as if typed, then validate it."""
        self.line.setText(text)
        self.validate()

    def error(self) -> str:
        """The current error message ('' when the field is valid)."""
        return self._error

    def is_valid(self) -> bool:
        """True when the field holds a valid date (or is empty and not required)."""
        return not self.validate()

    def set_error(self, message: str) -> None:
        """Mark the field with ``message`` (e.g. from a service's ValidationError)."""
        self._error = message
        mark_field(self.line, bool(message))
        if self._compact:  # a filter row: the outline and a tooltip, the row keeps its height
            self.line.setToolTip(message)
        else:
            self.error_label.show_error(message)

    def set_compact(self, compact: bool = True) -> None:
        """In a filter row: the error is the red outline and the field's tooltip, not a line
        under it (which made the whole row jump)."""
        self._compact = compact
        if compact:
            self.error_label.hide()
        # No width kept for the weekday while no date is typed: in a filter row the two
        # reserved hints squeezed the search box and cut the combos beside them.
        self.hint.setMinimumWidth(0 if compact else 150)
        self.set_error(self._error)

    def validate(self) -> str:
        """Check the text; mark and return the error message ('' when valid)."""
        text = self.line.text().strip()
        old = self._date
        message = ""
        if not text:
            self._date = None
            if self.required:
                message = self.tr("A date is required.")
        else:
            try:
                self._date = jalali.parse_jalali(text)
            except KnownError as exc:
                self._date = None
                message = known_message(exc)
            except ValueError as exc:
                self._date = None
                message = str(exc)
        self.set_error(message)
        if self._date != old:
            self.dateChanged.emit(self._date)
        return message

    def _show_hint(self, text: str) -> None:
        """Weekday and Gregorian date of the text as typed (empty while it is no date)."""
        try:
            day = jalali.parse_jalali(text.strip()) if text.strip() else None
        except ValueError:
            day = None
        if day is None:
            self.hint.clear()
            self.hint.setToolTip("")
            return
        holiday = holidays_between(day, day).get(day)
        off = holiday is not None or jalali.is_friday(day)
        self.hint.setStyleSheet("color: #c62828;" if off else "color: #555;")
        # A holiday says which one beside the date (a Friday says so by its weekday, in red).
        self.hint.setText(date_hint(day) + (f" · {holiday_text(holiday)}" if holiday else ""))
        self.hint.setToolTip(holiday_text(holiday) if holiday else "")

    def _clear_error_if_valid(self, _text: str) -> None:
        if self._error:
            try:
                jalali.parse_jalali(self.line.text().strip())
            except ValueError:
                return
            self.validate()

    def open_popup(self) -> None:
        """Show the calendar under the field at the current (or today's) month."""
        day = self.date() or dt.date.today()
        year, month, _ = jalali.to_jalali(day)
        self.popup.show_month(year, month, self.date())
        self.popup.adjustSize()
        x = (
            0
            if self.layoutDirection() == Qt.LayoutDirection.LeftToRight
            else self.width() - self.popup.width()
        )
        self.popup.move(self.mapToGlobal(QPoint(x, self.line.height())))
        self.popup.show()


class JalaliDateTimeEdit(Retranslating, QWidget):
    """A Jalali date field plus an ``HH:MM`` time field; ``dateTime()`` or None."""

    dateTimeChanged = Signal(object)  # Qt naming

    def __init__(self, parent: QWidget | None = None, *, required: bool = False) -> None:
        super().__init__(parent)
        self.required = required
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.date_edit = JalaliDateEdit(self, required=required)
        self.time_line = QLineEdit(self)
        self.time_line.setMaximumWidth(70)
        self.time_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The time's message goes on one line under both fields, not wrapped in the narrow time box.
        self.time_error = FieldError(self)
        self.time_error.setWordWrap(False)
        row = QHBoxLayout()
        row.addWidget(self.date_edit, 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.time_line, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        layout.addWidget(self.time_error)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self._time_error = ""
        self.time_line.editingFinished.connect(self.validate_time)
        self.date_edit.dateChanged.connect(lambda _d: self.dateTimeChanged.emit(self.dateTime()))
        self.setFocusProxy(self.date_edit)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.time_line.setPlaceholderText(self.tr("e.g. 09:30"))
        self.time_line.setToolTip(self.tr("Time (24-hour)"))
        t = self.time()
        if t is not None and not self._time_error and self.time_line.text():
            self.time_line.setText(show_time(t))

    def time(self) -> dt.time | None:
        """The valid time typed, or None."""
        text = self.time_line.text().strip()
        if not text:
            return None
        try:
            return jalali.parse_time(text)
        except ValueError:
            return None

    def validate_time(self) -> str:
        """Check the time text; mark and return the error ('' when valid)."""
        text = self.time_line.text().strip()
        message = ""
        if not text:
            if self.required:
                message = self.tr("A time is required.")
        else:
            try:
                jalali.parse_time(text)
            except KnownError as exc:
                message = known_message(exc)
            except ValueError as exc:
                message = str(exc)
        self._time_error = message
        mark_field(self.time_line, bool(message))
        self.time_error.show_error(message)
        self.dateTimeChanged.emit(self.dateTime())
        return message

    def validate(self) -> str:
        """Check date and time; returns the first error message ('' when both valid)."""
        return self.date_edit.validate() or self.validate_time()

    def is_valid(self) -> bool:
        """True when date and time are both valid."""
        return not self.validate()

    def dateTime(self) -> dt.datetime | None:  # Qt naming
        """The combined value (time defaults to 00:00 when empty and not required)."""
        day = self.date_edit.date()
        if day is None or self._time_error:
            return None
        return dt.datetime.combine(day, self.time() or dt.time(0, 0))

    def setDateTime(self, value: dt.datetime | None) -> None:  # Qt naming
        """Show ``value`` (None clears both fields)."""
        self.date_edit.setDate(value.date() if value else None)
        # Midnight in an optional box means "date only" (dateTime() reads blank as 00:00).
        date_only = value is not None and not self.required and value.time() == dt.time(0, 0)
        self.time_line.setText(show_time(value) if value and not date_only else "")
        self.validate_time()

    def set_error(self, message: str) -> None:
        """Mark the date part with ``message`` (from a service error)."""
        self.date_edit.set_error(message)
