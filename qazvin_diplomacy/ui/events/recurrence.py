"""The yearly recurrence box of the event form: a Jalali rule and its next occurrence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.recurrence import (
    RecurrenceError,
    RecurrenceKind,
    RecurrenceRule,
    describe_rule,
    occurrence,
    rule_from_date,
    validate_rule,
)
from qazvin_diplomacy.ui.common import FieldError, known_message, refill_combo
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, current_language
from qazvin_diplomacy.ui.widgets.jalali import show_date

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
        refill_combo(
            self.kind, [(k.label_fa if fa else k.label_en, k.value) for k in RecurrenceKind]
        )
        refill_combo(self.nth, [(self.tr(text), n) for n, text in _ORDINALS])
        names = jalali.WEEKDAY_NAMES_FA if fa else jalali.WEEKDAY_NAMES_EN
        refill_combo(self.weekday, [(name, i) for i, name in enumerate(names)])
        months = jalali.MONTH_NAMES_FA if fa else jalali.MONTH_NAMES_EN
        refill_combo(self.month, [(m, i + 1) for i, m in enumerate(months)])
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
