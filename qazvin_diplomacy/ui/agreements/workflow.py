"""The agreement's workflow in its form: the status bar with the allowed transitions, and the
history tab (the legal review, the status history and the timeline)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.agreements import (
    AgreementDetail,
    AgreementStatus,
    LegalReview,
    LegalVerdict,
    is_undo,
)
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.services import agreements as svc
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.agreements.models import date_text
from qazvin_diplomacy.ui.common import FieldError, PlainTextEdit
from qazvin_diplomacy.ui.form_fields import FieldSet, FieldSpec, date_field, text_area, text_field
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    current_language,
    is_rtl,
    loc_digits,
    loc_text,
)
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit, show_datetime

translate = QCoreApplication.translate


class WorkflowBar(QWidget):
    """The status in bold, a button per allowed transition and the refusal under them.

    ``requested(AgreementStatus)`` when a transition button is pressed.
    """

    requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.status_label = QLabel(self)
        font = QFont(self.status_label.font())
        font.setBold(True)
        self.status_label.setFont(font)
        bar.addWidget(self.status_label)
        self.box = QHBoxLayout()
        bar.addLayout(self.box)
        bar.addStretch(1)
        outer.addLayout(bar)
        self.error = FieldError(self)
        outer.addWidget(self.error)
        self.buttons: dict[AgreementStatus, QPushButton] = {}

    def rebuild(self, detail: AgreementDetail | None) -> None:
        """A button per transition ``detail`` may take (none while new or archived)."""
        for button in self.buttons.values():
            self.box.removeWidget(button)
            button.deleteLater()
        self.buttons.clear()  # the same dict: the form shows it as transition_buttons
        if detail is None or detail.archived:
            return
        for target in detail.allowed_transitions():
            button = QPushButton(self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, t=target: self.requested.emit(t))
            self.box.addWidget(button)
            self.buttons[target] = button

    def show_status(self, detail: AgreementDetail | None) -> None:
        """The status (and the one shown when it differs) and the buttons' texts."""
        lang = current_language()
        if detail is None:
            self.status_label.setText(
                translate("AgreementForm", "Status: %1 (after saving)").replace(
                    "%1", AgreementStatus.DRAFT.label(lang)
                )
            )
            return
        text = translate("AgreementForm", "Status: %1").replace("%1", detail.status.label(lang))
        if detail.shown_status != detail.status:
            text += f" ({detail.shown_status.label(lang)})"
        self.status_label.setText(text)
        arrow = "←" if is_rtl() else "→"
        for target, button in self.buttons.items():
            button.setText(f"{arrow} {target.label(lang)}")
            tip = (
                translate(
                    "AgreementForm",
                    "Take back «%1»: you are asked for a reason, kept in the history.",
                )
                if is_undo(detail.status, target)
                else translate("AgreementForm", "Move the agreement to «%1»")
            )
            source = detail.status if is_undo(detail.status, target) else target
            button.setToolTip(tip.replace("%1", source.label(lang)))


def _tr(text: str) -> str:
    """``text`` in the agreement form's translations."""
    return translate("AgreementForm", text)


def _verdict_field() -> FieldSpec:
    """The reviewer's opinion: a verdict, or none yet."""

    def make(_host: Any, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        combo.addItem("—", None)
        for verdict in LegalVerdict:
            combo.addItem("", verdict.value)
        return combo

    def load(combo: QComboBox, detail: AgreementDetail) -> None:
        verdict = detail.legal_review.verdict
        combo.setCurrentIndex(max(combo.findData(verdict.value if verdict else None), 0))

    def relabel(combo: QComboBox) -> None:
        for i in range(1, combo.count()):
            combo.setItemText(i, LegalVerdict(combo.itemData(i)).label(current_language()))

    return FieldSpec(
        "verdict",
        QT_TRANSLATE_NOOP("AgreementForm", "Opinion"),
        make,
        load=load,
        collect=lambda combo: LegalVerdict(combo.currentData()) if combo.currentData() else None,
        relabel=relabel,
        attr="verdict_combo",
    )


def _read_only_table(columns: int, parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class HistoryTab(QWidget):
    """The legal review (MFA representative office) with its own "Record" button, the status
    history and the timeline of the agreement's dated events.

    ``record_requested()`` when "Record legal review" is pressed; ``today()`` dates the
    timeline.
    """

    record_requested = Signal()

    #: The legal review's fields, declared once (loaded from an ``AgreementDetail``).
    REVIEW_FIELDS = (
        text_field(
            "reviewer",
            QT_TRANSLATE_NOOP("AgreementForm", "Reviewer"),
            attr="reviewer_edit",
            load=lambda w, d: w.setText(d.legal_review.reviewer_text or d.legal_reviewer_name_fa),
        ),
        date_field(
            "review_date",
            QT_TRANSLATE_NOOP("AgreementForm", "Review date"),
            load=lambda w, d: w.setDate(d.legal_review.review_date),
        ),
        _verdict_field(),
        text_area(
            "opinion",
            QT_TRANSLATE_NOOP("AgreementForm", "Remarks"),
            attr="opinion_edit",
            max_height=70,
            load=lambda w, d: w.setPlainText(d.legal_review.opinion),
        ),
    )

    # the widgets REVIEW_FIELDS puts on the tab
    reviewer_edit: QLineEdit
    review_date: JalaliDateEdit
    verdict_combo: QComboBox
    opinion_edit: PlainTextEdit

    def __init__(
        self, db: DatabaseHandle, today: Callable[[], dt.date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self.reviewer_person_id: int | None = None
        self.stored_reviewer = ""
        layout = QVBoxLayout(self)
        self.review_box = QGroupBox(self)
        form = QFormLayout(self.review_box)
        self.review_fields = FieldSet(self, self.REVIEW_FIELDS)
        self.review_fields.add_form_rows(form, self.review_box)
        self.review_button = QPushButton(self.review_box)
        self.review_error = FieldError(self.review_box)
        form.addRow(self.review_error)
        form.addRow(self.review_button)
        layout.addWidget(self.review_box)
        self.history_label = QLabel(self)
        layout.addWidget(self.history_label)
        self.history = _read_only_table(4, self)
        for col, width in enumerate((150, 220, 160)):
            self.history.setColumnWidth(col, width)
        layout.addWidget(self.history, 1)
        self.timeline_label = QLabel(self)
        layout.addWidget(self.timeline_label)
        self.timeline = _read_only_table(3, self)
        self.timeline.setColumnWidth(0, 150)
        self.timeline.setColumnWidth(1, 240)
        layout.addWidget(self.timeline, 1)
        self.review_button.clicked.connect(self.record_requested.emit)

    def retranslate(self) -> None:
        """Texts in the UI language (the agreement form's translations)."""
        self.review_box.setTitle(
            translate("AgreementForm", "Legal review (MFA representative office)")
        )
        self.review_fields.retranslate(_tr)
        self.review_button.setText(translate("AgreementForm", "Record legal review"))
        self.history_label.setText(translate("AgreementForm", "Status history"))
        self.history.setHorizontalHeaderLabels(
            [
                translate("AgreementForm", "When"),
                translate("AgreementForm", "Change"),
                translate("AgreementForm", "By"),
                translate("AgreementForm", "Remark"),
            ]
        )
        self.timeline_label.setText(translate("AgreementForm", "Timeline"))
        self.timeline.setHorizontalHeaderLabels(
            [
                translate("AgreementForm", "Date"),
                translate("AgreementForm", "Event"),
                translate("AgreementForm", "Detail"),
            ]
        )

    # --- the legal review --------------------------------------------------------------

    def load_review(self, detail: AgreementDetail) -> None:
        """Show the stored review of ``detail`` (empty fields for a new agreement)."""
        self.stored_reviewer = detail.legal_reviewer_name_fa
        self.reviewer_person_id = detail.legal_review.reviewer_person_id
        self.review_fields.load(detail)
        self.review_error.show_error("")

    def review(self) -> tuple[LegalReview, str]:
        """The review typed, and the message of an invalid review date ('' if fine)."""
        values, errors = self.review_fields.collect()
        reviewer = values.pop("reviewer").strip()
        person = self.reviewer_person_id
        if person is not None and reviewer != self.stored_reviewer:
            person = None  # the name was retyped: keep it as text
        review = LegalReview(
            reviewer_person_id=person,
            reviewer_text="" if person is not None else reviewer,
            **values,
        )
        return review, errors.get("review_date", "")

    def raw_state(self) -> list[object]:
        """The review fields' raw content (the "modified?" snapshot)."""
        return self.review_fields.raw_state()

    # --- history and timeline ----------------------------------------------------------

    def clear(self) -> None:
        """No history, no timeline (a new agreement)."""
        self.history.setRowCount(0)
        self.timeline.setRowCount(0)

    def show_history(self, detail: AgreementDetail) -> None:
        """The status changes of ``detail`` and its timeline (future events greyed)."""
        lang = current_language()
        arrow = " ← " if is_rtl() else " → "
        self.history.setRowCount(len(detail.history))
        for row, change in enumerate(detail.history):
            step = change.to_status.label(lang)
            if change.from_status is not None:
                step = change.from_status.label(lang) + arrow + step
            for col, text in enumerate(
                (
                    show_datetime(change.changed_at),
                    step,
                    loc_text(change.changed_by),
                    loc_text(change.remark),
                )
            ):
                self.history.setItem(row, col, QTableWidgetItem(text))
        self.history.setVerticalHeaderLabels(
            [loc_digits(i + 1) for i in range(len(detail.history))]
        )
        try:
            entries = svc.agreement_timeline(
                self.db, agreement_id=detail.id or 0, today=self.today()
            )
        except KnownError:
            entries = ()
        self.timeline.setRowCount(len(entries))
        future = QColor("#7a7a7a")
        for row, entry in enumerate(entries):
            texts = (
                date_text(entry.day),
                entry.label_fa if lang == "fa" else entry.label_en,
                loc_text(entry.detail),
            )
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if entry.future:
                    item.setForeground(future)
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self.timeline.setItem(row, col, item)
        self.timeline.setVerticalHeaderLabels([loc_digits(i + 1) for i in range(len(entries))])
        for table in (self.history, self.timeline):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            table.horizontalHeader().setStretchLastSection(True)
