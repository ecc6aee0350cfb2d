"""The recurrence box of the series form: weekly or monthly Jalali rhythm, and the sessions it
plans next with their numbers, a session falling on an official holiday (or a Friday) flagged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.meetings import Frequency, SeriesRecurrence, planned_sessions
from qazvin_diplomacy.ui.common import FieldError, refill_combo
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, current_language, loc_digits
from qazvin_diplomacy.ui.widgets.jalali import holidays_between, show_date, weekday_names

_ORDINALS = (
    (1, QT_TRANSLATE_NOOP("SeriesDialog", "First")),
    (2, QT_TRANSLATE_NOOP("SeriesDialog", "Second")),
    (3, QT_TRANSLATE_NOOP("SeriesDialog", "Third")),
    (4, QT_TRANSLATE_NOOP("SeriesDialog", "Fourth")),
    (5, QT_TRANSLATE_NOOP("SeriesDialog", "Fifth")),
    (-1, QT_TRANSLATE_NOOP("SeriesDialog", "Last")),
)
#: How many planned sessions the box lists.
PLANNED = 6
HOLIDAY_COLOR = "#c62828"


class SeriesRecurrenceBox(Retranslating, QWidget):
    """Frequency, weekday / day of month / nth weekday, every N; the next sessions planned.

    ``next_number`` and ``today`` are set by the form; ``changed`` fires on every edit.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.next_number: Callable[[], int] = lambda: 1
        self.today: Callable[[], dt.date] = dt.date.today
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.frequency = QComboBox(self)
        self.nth = QComboBox(self)
        self.weekday = QComboBox(self)
        self.day_label = QLabel(self)
        self.day = QSpinBox(self)
        self.day.setRange(1, 31)
        self.every_label = QLabel(self)
        self.interval = QSpinBox(self)
        self.interval.setRange(1, 12)
        for widget in (
            self.frequency, self.nth, self.weekday, self.day_label, self.day, self.every_label,
            self.interval,
        ):  # fmt: skip
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.planned = QLabel(self)
        self.planned.setWordWrap(True)
        self.planned.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.planned)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        for combo in (self.frequency, self.nth, self.weekday):
            combo.currentIndexChanged.connect(lambda _i: self._changed())
        for spin in (self.day, self.interval):
            spin.valueChanged.connect(lambda _v: self._changed())
        self.retranslate_ui()
        self.weekday.setCurrentIndex(0)  # Saturday: the office's first working day

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        lang = current_language()
        refill_combo(self.frequency, [(f.label(lang), f.value) for f in Frequency])
        refill_combo(self.nth, [(self.tr(text), n) for n, text in _ORDINALS])
        refill_combo(self.weekday, [(name, i) for i, name in enumerate(weekday_names())])
        self.day_label.setText(self.tr("Day of month"))
        self.every_label.setText(self.tr("Every (weeks/months)"))
        self._changed(emit=False)

    def set_rule(self, rule: SeriesRecurrence) -> None:
        """Show ``rule``."""
        for widget in (self.frequency, self.nth, self.weekday, self.day, self.interval):
            widget.blockSignals(True)
        self.frequency.setCurrentIndex(
            max(self.frequency.findData(Frequency(rule.frequency).value), 0)
        )
        if rule.weekday is not None:
            self.weekday.setCurrentIndex(max(self.weekday.findData(rule.weekday), 0))
        if rule.nth is not None:
            self.nth.setCurrentIndex(max(self.nth.findData(rule.nth), 0))
        self.day.setValue(rule.day or 1)
        self.interval.setValue(rule.interval or 1)
        for widget in (self.frequency, self.nth, self.weekday, self.day, self.interval):
            widget.blockSignals(False)
        self._changed(emit=False)

    def rule(self) -> SeriesRecurrence:
        """The rule as set (only the parts its frequency uses)."""
        kind = Frequency(self.frequency.currentData() or Frequency.NONE.value)
        weekly = kind in (Frequency.WEEKLY, Frequency.MONTHLY_WEEKDAY)
        return SeriesRecurrence(
            frequency=kind,
            weekday=self.weekday.currentData() if weekly else None,
            day=self.day.value() if kind is Frequency.MONTHLY_DAY else None,
            nth=self.nth.currentData() if kind is Frequency.MONTHLY_WEEKDAY else None,
            interval=self.interval.value(),
        )

    def _changed(self, *, emit: bool = True) -> None:
        kind = Frequency(self.frequency.currentData() or Frequency.NONE.value)
        self.nth.setVisible(kind is Frequency.MONTHLY_WEEKDAY)
        self.weekday.setVisible(kind in (Frequency.WEEKLY, Frequency.MONTHLY_WEEKDAY))
        self.day_label.setVisible(kind is Frequency.MONTHLY_DAY)
        self.day.setVisible(kind is Frequency.MONTHLY_DAY)
        self.every_label.setVisible(kind is not Frequency.NONE)
        self.interval.setVisible(kind is not Frequency.NONE)
        self.show_planned()
        if emit:
            self.changed.emit()

    def show_planned(self) -> None:
        """List the next sessions the rule plans, holidays flagged in red."""
        rule = self.rule()
        first = self.today()
        last = first + dt.timedelta(days=400)
        sessions = planned_sessions(
            rule, first, last, next_number=self.next_number(),
            holidays=holidays_between(first, last).values(),
        )[:PLANNED]  # fmt: skip
        if not sessions:
            self.planned.setText("")
            self.planned.hide()
            return
        parts = []
        for s in sessions:
            text = self.tr("Session %1: %2").replace("%1", loc_digits(s.number))
            text = text.replace("%2", show_date(s.day, weekday=True))
            if s.on_holiday:
                flag = self.tr("holiday: %1 — move it").replace("%1", s.holiday_fa)
                text = f'<span style="color:{HOLIDAY_COLOR}">{text} ({flag})</span>'
            parts.append(text)
        self.planned.setText(self.tr("Next sessions:") + "<br>" + "<br>".join(parts))
        self.planned.show()
