"""The general tab of the meeting form: the meeting's own fields (declared once in
``MeetingForm.FIELDS``, built by the form's ``FieldSet``) laid out with what they need said
beside them — the number the session takes when left at "next", a date on an official holiday
or a Friday (so the session can be moved), where the status may move, and the lock of approved
minutes.  Texts are in the meeting form's translation context.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.meetings import SeriesView
from qazvin_diplomacy.ui.form_fields import FieldSet
from qazvin_diplomacy.ui.i18n import loc_digits
from qazvin_diplomacy.ui.widgets.jalali import holiday_text, holidays_between

translate = QCoreApplication.translate


def holiday_name_on(day: dt.date | None) -> str:
    """The official holiday (or Friday) on ``day`` in the UI language ("" when none)."""
    if day is None:
        return ""
    holiday = holidays_between(day, day).get(day)
    if holiday is not None:
        return holiday_text(holiday)
    return translate("MeetingForm", "Friday") if jalali.is_friday(day) else ""


def _note(parent: QWidget, style: str) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class MeetingGeneral(QWidget):
    """The fields of ``field_set`` in a form layout, with the notes beside them."""

    def __init__(self, field_set: FieldSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        field_set.add_form_rows(form, self)
        layout.addLayout(form)
        self.next_label = _note(self, "color: #555;")  # "left at next: number 108"
        self.next_label.setWordWrap(False)
        field_set.boxes["number"].insertWidget(1, self.next_label)
        self.holiday_label = _note(self, "color: #c62828; font-weight: bold;")
        self.holiday_label.hide()
        field_set.boxes["meeting_date"].insertWidget(1, self.holiday_label)
        self.status_hint = _note(self, "color: #555;")
        field_set.boxes["status"].insertWidget(1, self.status_hint)
        self.lock_label = _note(self, "color: #1f5fa8; font-weight: bold;")
        self.lock_label.hide()
        layout.addWidget(self.lock_label)
        layout.addStretch(1)

    def show_next_number(self, series: SeriesView | None, *, own: bool) -> None:
        """The number a session of ``series`` takes at "next" (hidden for the meeting's own
        series: it keeps its number)."""
        if series is None:
            self.next_label.setText(
                translate("MeetingForm", "Set up a working group or council first.")
            )
            self.next_label.show()
            return
        text = translate("MeetingForm", "Left at “next”, the session takes number %1.")
        self.next_label.setText(text.replace("%1", loc_digits(series.next_number)))
        self.next_label.setVisible(not own)

    def show_holiday(self, day: dt.date | None) -> str:
        """Warn when ``day`` is an official holiday or a Friday; returns its name ("" none)."""
        name = holiday_name_on(day)
        text = translate("MeetingForm", "This day is an official holiday (%1): move the meeting?")
        self.holiday_label.setText(text.replace("%1", name) if name else "")
        self.holiday_label.setVisible(bool(name))
        return name

    def show_lock(self, minutes_version: int | None) -> None:
        """Say the approved minutes (version ``minutes_version``) are locked; None: they are not."""
        if minutes_version is not None:
            text = translate(
                "MeetingForm",
                "Minutes approved (version %1): they are locked. To correct them, press "
                "“New version”; the approved version is kept.",
            )
            self.lock_label.setText(text.replace("%1", loc_digits(minutes_version)))
        self.lock_label.setVisible(minutes_version is not None)
