"""The agreement form: general, parties, signatories, obligations, attachments and history tabs.

The form collects a ``core.agreements.AgreementInput`` and saves it through
``services.agreements.save_agreement``; the dialog stays open after a save so files can be
attached and the workflow moved on.  Errors are shown next to their field (table rows are
tinted and listed under their table); what the user typed is never cleared.  The status
moves only through the workflow buttons, which offer just the allowed transitions and ask
for who and a remark.  The expiry is computed from the validity fields, never typed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.agreements import (
    MAX_DURATION_MONTHS,
    AgreementDetail,
    AgreementInput,
    AgreementKind,
    AgreementStatus,
    Axis,
    LegalReview,
    LegalVerdict,
    PartyEntry,
    PartySide,
    SignatoryEntry,
    first_expiry,
    renewal_term,
)
from qazvin_diplomacy.core.attachments import MAX_ATTACHMENT_BYTES, AttachmentView
from qazvin_diplomacy.core.errors import KnownError, ValidationError
from qazvin_diplomacy.core.followups import FollowUpInput, FollowUpStatus
from qazvin_diplomacy.core.text import to_latin_digits
from qazvin_diplomacy.core.visits import VisitFilter
from qazvin_diplomacy.services import agreements as svc
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.services.attachments import export_attachment
from qazvin_diplomacy.ui.agreements.models import date_text
from qazvin_diplomacy.ui.agreements.printing import PdfPrinter
from qazvin_diplomacy.ui.agreements.widgets import SearchPicker, TransitionDialog, default_actor
from qazvin_diplomacy.ui.common import (
    FieldError,
    PlainTextEdit,
    known_message,
    make_ltr,
    mark_field,
    show_error,
)
from qazvin_diplomacy.ui.forms_common import ID_ROLE, RecordDialog, RowTable
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    current_language,
    direction_mark,
    is_rtl,
    loc_digits,
    loc_text,
)
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import open_file, temp_folder
from qazvin_diplomacy.ui.visits.people import person_text
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit, show_datetime

OWNER_ROLE = Qt.ItemDataRole.UserRole + 2

GENERAL_TAB, PARTIES_TAB, SIGNATORIES_TAB, OBLIGATIONS_TAB, ATTACHMENTS_TAB, HISTORY_TAB = range(6)
VALIDITY_OPEN, VALIDITY_END, VALIDITY_DURATION = range(3)

#: Which tab shows the errors of a field (by the key's first part); the rest are general.
TAB_OF = {
    "parties": PARTIES_TAB,
    "signatories": SIGNATORIES_TAB,
    "obligations": OBLIGATIONS_TAB,
    "file": ATTACHMENTS_TAB,
    "legal_review": HISTORY_TAB,
}


def _followup_label(status: FollowUpStatus) -> str:
    if current_language() == "fa":
        return status.label_fa
    return status.value.replace("_", " ").capitalize()


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return loc_digits(f"{size / (1024 * 1024):.1f} MB")
    return loc_digits(f"{max(size // 1024, 1)} KB")


def _set_locale(spin: QSpinBox) -> None:
    """Digits of the UI language in a spin box (Persian digits in Persian)."""
    spin.setLocale(QLocale())


class AgreementForm(RecordDialog):
    """Create or edit an agreement; moves it through the workflow once saved.

    Signals (with the agreement id): ``saved`` after a save, ``changed`` after a status
    change, review or attachment, ``archived`` after moving it to the archive.
    """

    DISCARD_QUESTION = QT_TRANSLATE_NOOP(
        "AgreementForm", "The agreement has unsaved changes. Close the form and discard them?"
    )

    saved = Signal(int)
    changed = Signal(int)
    archived = Signal(int)

    GENERAL = (
        ("title", QT_TRANSLATE_NOOP("AgreementForm", "Title (Persian)")),
        ("title_en", QT_TRANSLATE_NOOP("AgreementForm", "Title (English)")),
        ("kind", QT_TRANSLATE_NOOP("AgreementForm", "Kind")),
        ("reference_number", QT_TRANSLATE_NOOP("AgreementForm", "Reference number")),
        ("signing_date", QT_TRANSLATE_NOOP("AgreementForm", "Signing date")),
        ("signing_place", QT_TRANSLATE_NOOP("AgreementForm", "Signing place")),
        ("start_date", QT_TRANSLATE_NOOP("AgreementForm", "Validity starts")),
        ("validity", QT_TRANSLATE_NOOP("AgreementForm", "Validity")),
        ("end_date", QT_TRANSLATE_NOOP("AgreementForm", "Validity ends")),
        ("duration_months", QT_TRANSLATE_NOOP("AgreementForm", "Duration (months)")),
        ("auto_renew", QT_TRANSLATE_NOOP("AgreementForm", "Automatic renewal")),
        ("renewal_months", QT_TRANSLATE_NOOP("AgreementForm", "Each renewal (months)")),
        ("expiry", QT_TRANSLATE_NOOP("AgreementForm", "Expiry")),
        ("visit_id", QT_TRANSLATE_NOOP("AgreementForm", "Signed during the visit")),
        ("axes", QT_TRANSLATE_NOOP("AgreementForm", "Axes of cooperation")),
        ("summary", QT_TRANSLATE_NOOP("AgreementForm", "Summary")),
    )
    TABS = (
        QT_TRANSLATE_NOOP("AgreementForm", "General"),
        QT_TRANSLATE_NOOP("AgreementForm", "Parties"),
        QT_TRANSLATE_NOOP("AgreementForm", "Signatories"),
        QT_TRANSLATE_NOOP("AgreementForm", "Obligations"),
        QT_TRANSLATE_NOOP("AgreementForm", "Attachments"),
        QT_TRANSLATE_NOOP("AgreementForm", "History"),
    )
    PARTIES = (
        QT_TRANSLATE_NOOP("AgreementForm", "Side"),
        QT_TRANSLATE_NOOP("AgreementForm", "Organization"),
        QT_TRANSLATE_NOOP("AgreementForm", "Country"),
        QT_TRANSLATE_NOOP("AgreementForm", "Province / city (Persian)"),
        QT_TRANSLATE_NOOP("AgreementForm", "Province / city (English)"),
    )
    PARTY_FIELDS = ("side", "organization_id", "country_id", "locality_fa", "locality_en")
    SIGNATORIES = (
        QT_TRANSLATE_NOOP("AgreementForm", "Signatory"),
        QT_TRANSLATE_NOOP("AgreementForm", "Signs for"),
        QT_TRANSLATE_NOOP("AgreementForm", "Position (Persian)"),
        QT_TRANSLATE_NOOP("AgreementForm", "Position (English)"),
    )
    SIGNATORY_FIELDS = ("person_id", "party_organization_id", "title_fa", "title_en")
    OBLIGATIONS = (
        QT_TRANSLATE_NOOP("AgreementForm", "Obligation"),
        QT_TRANSLATE_NOOP("AgreementForm", "Owner"),
        QT_TRANSLATE_NOOP("AgreementForm", "Deadline"),
        QT_TRANSLATE_NOOP("AgreementForm", "Status"),
        QT_TRANSLATE_NOOP("AgreementForm", "Notes"),
    )
    OBLIGATION_FIELDS = ("title", "owner_text", "deadline", "status", "notes")
    _EXTRA = (
        QT_TRANSLATE_NOOP("AgreementForm", "Add row"),
        QT_TRANSLATE_NOOP("AgreementForm", "Remove row"),
    )

    def __init__(
        self, ctx: UiContext, detail: AgreementDetail | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.db = ctx.db
        self.detail = detail
        self.attachment_limit = MAX_ATTACHMENT_BYTES
        self.opener: Callable[[Path], None] = open_file
        self.printer = PdfPrinter(ctx.db, ctx.runner, self)
        self._countries = directory.list_countries(self.db)
        self._orgs: dict[int, tuple[str, str, int | None]] = {}  # id → (fa, en, country)
        self._people: dict[int, tuple[str, str, str, str]] = {}  # id → names, titles
        self._visit_id: int | None = None
        self._visit_title = ""
        self._last_transition_ok = False
        self.transition_dialog: TransitionDialog | None = None
        outer = self._open_layout(1000, 760)
        self._build_workflow_bar(outer)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs, 1)
        self._build_general()
        self._build_parties()
        self._build_signatories()
        self._build_obligations()
        self._build_attachments()
        self._build_history()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.archive_button = QPushButton(self)
        self.buttons.addButton(self.archive_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.print_button.clicked.connect(self.print_sheet)
        self.archive_button.clicked.connect(self.archive)
        outer.addWidget(self.buttons)
        self._built = True
        self.load(detail)
        self.retranslate_ui()

    # --- building ----------------------------------------------------------------------

    def _build_workflow_bar(self, outer: QVBoxLayout) -> None:
        bar = QHBoxLayout()
        self.status_label = QLabel(self)
        font = QFont(self.status_label.font())
        font.setBold(True)
        self.status_label.setFont(font)
        bar.addWidget(self.status_label)
        self.workflow_box = QHBoxLayout()
        bar.addLayout(self.workflow_box)
        bar.addStretch(1)
        outer.addLayout(bar)
        self.workflow_error = FieldError(self)
        outer.addWidget(self.workflow_error)
        self.transition_buttons: dict[AgreementStatus, QPushButton] = {}

    def _build_general(self) -> None:
        page = QWidget(self)
        column = QVBoxLayout(page)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)  # spare height below the fields, not between them
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_form = form
        self.title_edit = QLineEdit(page)
        self.title_en_edit = make_ltr(QLineEdit(page))
        self.kind_combo = QComboBox(page)
        for kind in AgreementKind:
            self.kind_combo.addItem("", kind.value)
        self.reference_edit = QLineEdit(page)
        self.signing_date = JalaliDateEdit(page)
        self.signing_place = QLineEdit(page)
        self.start_date = JalaliDateEdit(page)
        self.validity_combo = QComboBox(page)
        for _ in range(3):
            self.validity_combo.addItem("")
        self.end_date = JalaliDateEdit(page)
        self.duration_spin = QSpinBox(page)
        self.duration_spin.setRange(1, MAX_DURATION_MONTHS)
        self.duration_spin.setValue(12)
        self.auto_renew = QCheckBox(page)
        self.renewal_spin = QSpinBox(page)
        self.renewal_spin.setRange(0, MAX_DURATION_MONTHS)
        self.expiry_label = QLabel(page)
        self.expiry_label.setStyleSheet("color: #2f4f6f; font-weight: bold;")
        visit_box = QWidget(page)
        vlay = QVBoxLayout(visit_box)
        vlay.setContentsMargins(0, 0, 0, 0)
        vrow = QHBoxLayout()
        self.visit_label = QLabel(visit_box)
        self.visit_clear = QPushButton(visit_box)
        vrow.addWidget(self.visit_label, 1)
        vrow.addWidget(self.visit_clear)
        vlay.addLayout(vrow)
        self.visit_picker = SearchPicker(self._search_visits, visit_box, rows=4)
        vlay.addWidget(self.visit_picker)
        axes_box = QWidget(page)
        grid = QGridLayout(axes_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.axis_checks: dict[Axis, QCheckBox] = {}
        for i, axis in enumerate(Axis):
            check = QCheckBox(axes_box)
            grid.addWidget(check, i // 4, i % 4)
            self.axis_checks[axis] = check
        self.summary_edit = PlainTextEdit(page)
        self.summary_edit.setMaximumHeight(80)
        self.fields: dict[str, QWidget] = {
            "title": self.title_edit,
            "title_en": self.title_en_edit,
            "kind": self.kind_combo,
            "reference_number": self.reference_edit,
            "signing_date": self.signing_date,
            "signing_place": self.signing_place,
            "start_date": self.start_date,
            "validity": self.validity_combo,
            "end_date": self.end_date,
            "duration_months": self.duration_spin,
            "auto_renew": self.auto_renew,
            "renewal_months": self.renewal_spin,
            "expiry": self.expiry_label,
            "visit_id": visit_box,
            "axes": axes_box,
            "summary": self.summary_edit,
        }
        self.field_errors: dict[str, FieldError] = {}
        self.field_labels: dict[str, QLabel] = {}
        self.field_boxes: dict[str, QVBoxLayout] = {}
        for key, _text in self.GENERAL:
            box = QVBoxLayout()
            self.field_boxes[key] = box
            box.setSpacing(1)
            box.addWidget(self.fields[key])
            error = FieldError(page)
            box.addWidget(error)
            label = QLabel(page)
            form.addRow(label, box)
            self.field_errors[key] = error
            self.field_labels[key] = label
        self.validity_combo.currentIndexChanged.connect(lambda _i: self._validity_changed())
        for edit in (self.signing_date, self.start_date, self.end_date):
            edit.dateChanged.connect(lambda _d: self.update_expiry())
        self.duration_spin.valueChanged.connect(lambda _v: self.update_expiry())
        self.renewal_spin.valueChanged.connect(lambda _v: self.update_expiry())
        self.auto_renew.toggled.connect(lambda _c: self._validity_changed())
        self.visit_picker.activated.connect(self.set_visit)
        self.visit_clear.clicked.connect(lambda: self.set_visit(None, ""))
        self.tabs.addTab(page, "")

    def _picker_row(self, picker: SearchPicker, extra: list[QWidget]) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(picker, 1)
        for widget in extra:
            row.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _build_parties(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.parties_hint = QLabel(page)
        self.parties_hint.setWordWrap(True)
        layout.addWidget(self.parties_hint)
        self.org_picker = SearchPicker(self._search_organizations, page)
        self.party_side = QComboBox(page)
        for side in PartySide:
            self.party_side.addItem("", side.value)
        self.party_add = QPushButton(page)
        layout.addLayout(self._picker_row(self.org_picker, [self.party_side, self.party_add]))
        self.parties = RowTable(self.PARTIES, (130, 260, 150, 160), page)
        self.parties.add_button.hide()
        layout.addWidget(self.parties, 1)
        self.parties_error = FieldError(page)
        layout.addWidget(self.parties_error)
        self.org_picker.activated.connect(lambda oid, _t: self.add_party_row(oid))
        self.party_add.clicked.connect(self._add_picked_party)
        self.parties.remove_button.clicked.connect(self._parties_changed)
        self.tabs.addTab(page, "")

    def _build_signatories(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.signatories_hint = QLabel(page)
        self.signatories_hint.setWordWrap(True)
        layout.addWidget(self.signatories_hint)
        self.person_picker = SearchPicker(self._search_people, page)
        self.signatory_add = QPushButton(page)
        layout.addLayout(self._picker_row(self.person_picker, [self.signatory_add]))
        self.signatories = RowTable(self.SIGNATORIES, (220, 220, 200), page)
        self.signatories.add_button.hide()
        layout.addWidget(self.signatories, 1)
        self.signatories_error = FieldError(page)
        layout.addWidget(self.signatories_error)
        self.person_picker.activated.connect(lambda pid, _t: self.add_signatory_row(pid))
        self.signatory_add.clicked.connect(self._add_picked_signatory)
        self.tabs.addTab(page, "")

    def _build_obligations(self) -> None:
        self.obligations = RowTable(self.OBLIGATIONS, (300, 180, 120, 130), self)
        self.obligations.add_button.clicked.connect(lambda: self.add_obligation_row())
        self.tabs.addTab(self.obligations, "")

    def _build_attachments(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.attachments_note = QLabel(page)
        self.attachments_note.setWordWrap(True)
        layout.addWidget(self.attachments_note)
        self.attachments = QTableWidget(0, 3, page)
        self.attachments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attachments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attachments.horizontalHeader().setStretchLastSection(True)
        self.attachments.setColumnWidth(0, 320)
        self.attachments.setColumnWidth(1, 100)
        layout.addWidget(self.attachments, 1)
        row = QHBoxLayout()
        self.attachment_description = QLineEdit(page)
        self.attachment_add = QPushButton(page)
        self.attachment_open = QPushButton(page)
        row.addWidget(self.attachment_description, 1)
        row.addWidget(self.attachment_add)
        row.addWidget(self.attachment_open)
        layout.addLayout(row)
        self.attachment_error = FieldError(page)
        layout.addWidget(self.attachment_error)
        self.attachment_add.clicked.connect(self.choose_file)
        self.attachment_open.clicked.connect(lambda: self.open_attachment())
        self.attachments.doubleClicked.connect(lambda idx: self.open_attachment(idx.row()))
        self.tabs.addTab(page, "")

    def _build_history(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.review_box = QGroupBox(page)
        form = QFormLayout(self.review_box)
        self.reviewer_edit = QLineEdit(self.review_box)
        self.review_date = JalaliDateEdit(self.review_box)
        self.verdict_combo = QComboBox(self.review_box)
        self.verdict_combo.addItem("—", None)
        for verdict in LegalVerdict:
            self.verdict_combo.addItem("", verdict.value)
        self.opinion_edit = PlainTextEdit(self.review_box)
        self.opinion_edit.setMaximumHeight(70)
        self.review_button = QPushButton(self.review_box)
        self.review_labels = [QLabel(self.review_box) for _ in range(4)]
        for label, widget in zip(
            self.review_labels,
            (self.reviewer_edit, self.review_date, self.verdict_combo, self.opinion_edit),
            strict=True,
        ):
            form.addRow(label, widget)
        self.review_error = FieldError(self.review_box)
        form.addRow(self.review_error)
        form.addRow(self.review_button)
        layout.addWidget(self.review_box)
        self.history_label = QLabel(page)
        layout.addWidget(self.history_label)
        self.history = QTableWidget(0, 4, page)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((150, 220, 160)):
            self.history.setColumnWidth(col, width)
        layout.addWidget(self.history, 1)
        self.timeline_label = QLabel(page)
        layout.addWidget(self.timeline_label)
        self.timeline = QTableWidget(0, 3, page)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline.setColumnWidth(0, 150)
        self.timeline.setColumnWidth(1, 240)
        layout.addWidget(self.timeline, 1)
        self.review_button.clicked.connect(self.record_review)
        self.tabs.addTab(page, "")

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language (data re-shown with the UI's digits)."""
        lang = current_language()
        if self.detail is None:
            self.setWindowTitle(self.tr("New agreement"))
        else:
            self.setWindowTitle(self.tr("Agreement: %1").replace("%1", loc_text(self.detail.title)))
        for i, text in enumerate(self.TABS):
            self.tabs.setTabText(i, self.tr(text))
        for key, text in self.GENERAL:
            self.field_labels[key].setText(self.tr(text) + (" *" if key == "title" else ""))
        self.title_edit.setPlaceholderText(
            self.tr("e.g. Memorandum of understanding on cooperation in tourism")
        )
        self.reference_edit.setPlaceholderText(self.tr("Number in the office's register"))
        for i in range(self.kind_combo.count()):
            self.kind_combo.setItemText(i, AgreementKind(self.kind_combo.itemData(i)).label(lang))
        for i, text in enumerate(
            (self.tr("Open-ended"), self.tr("Until a date"), self.tr("For a number of months"))
        ):
            self.validity_combo.setItemText(i, text)
        for spin in (self.duration_spin, self.renewal_spin):
            _set_locale(spin)
        self.renewal_spin.setSpecialValueText(self.tr("Same as the term"))
        self.auto_renew.setText(self.tr("Renewed automatically at the end of each term"))
        self.visit_clear.setText(self.tr("Remove link"))
        self.visit_picker.line.setPlaceholderText(self.tr("Type part of a visit's title"))
        for axis, check in self.axis_checks.items():
            check.setText(axis.label(lang))
        self.parties_hint.setText(
            self.tr(
                "Find an organization, choose the side and add it. The country comes from the "
                "organization unless you choose another."
            )
        )
        self.org_picker.line.setPlaceholderText(self.tr("Type part of an organization's name"))
        for i in range(self.party_side.count()):
            self.party_side.setItemText(i, PartySide(self.party_side.itemData(i)).label(lang))
        self.party_add.setText(self.tr("Add party"))
        self.signatories_hint.setText(
            self.tr(
                "Each signatory must belong to one of the parties (or to a unit of one). "
                "Empty titles take the person's title from the directory."
            )
        )
        self.person_picker.line.setPlaceholderText(
            self.tr("Type part of a name to search the directory")
        )
        self.signatory_add.setText(self.tr("Add signatory"))
        for table in (self.parties, self.signatories, self.obligations):
            table.retranslate(self.tr)
        self.attachments.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Size"), self.tr("Description")]
        )
        self.attachment_description.setPlaceholderText(
            self.tr("Description, e.g. signed scan, Persian draft")
        )
        self.attachment_add.setText(self.tr("Add file…"))
        self.attachment_open.setText(self.tr("Open"))
        self.review_box.setTitle(self.tr("Legal review (MFA representative office)"))
        for label, text in zip(
            self.review_labels,
            (self.tr("Reviewer"), self.tr("Review date"), self.tr("Opinion"), self.tr("Remarks")),
            strict=True,
        ):
            label.setText(text)
        for i in range(1, self.verdict_combo.count()):
            verdict = LegalVerdict(self.verdict_combo.itemData(i))
            self.verdict_combo.setItemText(i, verdict.label(lang))
        self.review_button.setText(self.tr("Record legal review"))
        self.history_label.setText(self.tr("Status history"))
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Change"), self.tr("By"), self.tr("Remark")]
        )
        self.timeline_label.setText(self.tr("Timeline"))
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Event"), self.tr("Detail")]
        )
        self.print_button.setText(self.tr("Print / PDF"))
        self.archive_button.setText(self.tr("Delete (archive)"))
        self._retranslate_rows()
        self._show_visit()
        self._show_status()
        self.update_expiry()
        if self.detail is not None:
            self._show_history(self.detail)
            self._show_attachments(self.detail.attachments)
        self._show_attachment_note()

    def _retranslate_rows(self) -> None:
        lang = current_language()
        for row in range(self.parties.table.rowCount()):
            side = self.parties.combo(row, 0)
            for i in range(side.count()):
                side.setItemText(i, PartySide(side.itemData(i)).label(lang))
            country = self.parties.combo(row, 2)
            country.setItemText(0, self.tr("(organization's country)"))
            for i in range(1, country.count()):
                c = self._countries[i - 1]
                country.setItemText(i, c.name_fa if lang == "fa" else c.name_en)
            item = self.parties.table.item(row, 1)
            if item is not None:
                item.setText(self._org_name(int(item.data(ID_ROLE))))
        for row in range(self.signatories.table.rowCount()):
            self._fill_party_combo(self.signatories.combo(row, 1))
            item = self.signatories.table.item(row, 0)
            if item is not None:
                item.setText(self._person_name(int(item.data(ID_ROLE))))
        for row in range(self.obligations.table.rowCount()):
            combo = self.obligations.combo(row, 3)
            for i in range(combo.count()):
                combo.setItemText(i, _followup_label(FollowUpStatus(combo.itemData(i))))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Override: retranslate on language change."""
        if event.type() == QEvent.Type.LanguageChange and getattr(self, "_built", False):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- searching the directory ---------------------------------------------------------

    def _search_organizations(self, text: str) -> list[tuple[int, str]]:
        found = []
        for o in directory.list_organizations(self.db, text=text, limit=20):
            assert o.id is not None
            self._orgs[o.id] = (o.name_fa, o.name_en, o.country_id)
            country = o.country_name_fa if is_rtl() else o.country_name_en
            name = self._org_name(o.id)
            found.append((o.id, f"{name} ({country})" if country else name))
        return found

    def _search_people(self, text: str) -> list[tuple[int, str]]:
        found = []
        for p in directory.list_people(self.db, text=text, limit=20):
            assert p.id is not None
            self._people[p.id] = (p.name_fa, p.name_en, p.title_fa, p.title_en)
            org = p.organization_name_fa if is_rtl() else p.organization_name_en
            found.append((p.id, person_text(p.name_fa, p.name_en, p.title_fa, org)))
        return found

    def _search_visits(self, text: str) -> list[tuple[int, str]]:
        rows = visits_service.list_visits(
            self.db, filters=VisitFilter(text=text), sort="start", descending=True, limit=15
        )
        return [(v.id, f"{loc_text(v.title)} — {show_datetime(v.start_at)}") for v in rows]

    def _org_name(self, org_id: int) -> str:
        fa, en, _c = self._orgs.get(org_id, (str(org_id), "", None))
        return loc_text(fa or en) if is_rtl() else (en or fa)

    def _person_name(self, person_id: int) -> str:
        fa, en, _tf, _te = self._people.get(person_id, (str(person_id), "", "", ""))
        return loc_text(fa or en) if is_rtl() else (en or fa)

    # --- rows --------------------------------------------------------------------------

    def _fixed_item(self, text: str, record_id: int) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setData(ID_ROLE, record_id)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        return item

    def _add_picked_party(self) -> None:
        found = self.org_picker.current()
        if found is not None:
            self.org_picker.reset()
            self.add_party_row(found[0])

    def add_party_row(
        self,
        organization_id: int,
        side: PartySide | None = None,
        country_id: int | None = None,
        locality_fa: str = "",
        locality_en: str = "",
    ) -> int:
        """Append a party row (the side defaults to the one chosen beside the search)."""
        if organization_id in self.party_ids():
            return -1
        if organization_id not in self._orgs:
            view = directory.get_organization(self.db, organization_id)
            self._orgs[organization_id] = (view.name_fa, view.name_en, view.country_id)
        side = PartySide(side or self.party_side.currentData() or PartySide.IRANIAN.value)
        row = self.parties.add_row(["", "", "", locality_fa, locality_en])
        self.parties.table.setItem(
            row, 1, self._fixed_item(self._org_name(organization_id), organization_id)
        )
        side_combo = QComboBox(self.parties.table)
        for s in PartySide:
            side_combo.addItem(s.label(current_language()), s.value)
        side_combo.setCurrentIndex(side_combo.findData(side.value))
        self.parties.table.setCellWidget(row, 0, side_combo)
        country = QComboBox(self.parties.table)
        country.addItem(self.tr("(organization's country)"), None)
        for c in self._countries:
            country.addItem(c.name_fa if is_rtl() else c.name_en, c.id)
        if country_id is not None:
            country.setCurrentIndex(max(country.findData(country_id), 0))
        self.parties.table.setCellWidget(row, 2, country)
        self._parties_changed()
        return row

    def party_ids(self) -> list[int]:
        """Organization ids of the party rows, in order."""
        ids = []
        for row in range(self.parties.table.rowCount()):
            item = self.parties.table.item(row, 1)
            if item is not None:
                ids.append(int(item.data(ID_ROLE)))
        return ids

    def _parties_changed(self) -> None:
        for row in range(self.signatories.table.rowCount()):
            self._fill_party_combo(self.signatories.combo(row, 1))

    def _fill_party_combo(self, combo: QComboBox, selected: int | None = None) -> None:
        current = selected if selected is not None else combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(automatic)"), None)
        for org_id in self.party_ids():
            combo.addItem(self._org_name(org_id), org_id)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
        combo.blockSignals(False)

    def _add_picked_signatory(self) -> None:
        found = self.person_picker.current()
        if found is not None:
            self.person_picker.reset()
            self.add_signatory_row(found[0])

    def add_signatory_row(
        self,
        person_id: int,
        title_fa: str | None = None,
        title_en: str | None = None,
        party_organization_id: int | None = None,
    ) -> int:
        """Append a signatory row; titles default to the person's in the directory."""
        if person_id in self.signatory_ids():
            return -1
        if person_id not in self._people:
            p = directory.get_person(self.db, person_id)
            self._people[person_id] = (p.name_fa, p.name_en, p.title_fa, p.title_en)
        _fa, _en, dir_fa, dir_en = self._people[person_id]
        row = self.signatories.add_row(
            [
                "",
                "",
                dir_fa if title_fa is None else title_fa,
                dir_en if title_en is None else title_en,
            ]
        )
        self.signatories.table.setItem(
            row, 0, self._fixed_item(self._person_name(person_id), person_id)
        )
        make_ltr_item = self.signatories.table.item(row, 3)
        if make_ltr_item is not None:
            make_ltr_item.setTextAlignment(
                Qt.AlignmentFlag.AlignLeft
                | Qt.AlignmentFlag.AlignAbsolute
                | Qt.AlignmentFlag.AlignVCenter
            )
        combo = QComboBox(self.signatories.table)
        self._fill_party_combo(combo, party_organization_id)
        self.signatories.table.setCellWidget(row, 1, combo)
        return row

    def signatory_ids(self) -> list[int]:
        """Person ids of the signatory rows, in order."""
        ids = []
        for row in range(self.signatories.table.rowCount()):
            item = self.signatories.table.item(row, 0)
            if item is not None:
                ids.append(int(item.data(ID_ROLE)))
        return ids

    def add_obligation_row(self, task: FollowUpInput | None = None) -> int:
        """Append an obligation row (text, owner, deadline, status, notes)."""
        if isinstance(task, bool):  # clicked(bool) from the Add row button
            task = None
        owner = ""
        if task is not None:
            owner = task.owner_text or getattr(task, "owner_name_fa", "")
        row = self.obligations.add_row(
            [
                task.title if task else "",
                owner,
                date_text(task.deadline) if task and task.deadline else "",
                "",
                task.notes if task else "",
            ],
            task.id if task else None,
            task.version if task else None,
        )
        owner_item = self.obligations.table.item(row, 1)
        if owner_item is not None and task is not None:
            owner_item.setData(OWNER_ROLE, (task.owner_person_id, owner))
        combo = QComboBox(self.obligations.table)
        for status in FollowUpStatus:
            combo.addItem(_followup_label(status), status.value)
        combo.setCurrentIndex(max(combo.findData(task.status if task else "open"), 0))
        self.obligations.table.setCellWidget(row, 3, combo)
        return row

    # --- visit link --------------------------------------------------------------------

    def set_visit(self, visit_id: int | None, title: str) -> None:
        """Link the agreement to a visit (None removes the link)."""
        self._visit_id = visit_id
        self._visit_title = title if visit_id is not None else ""
        self._show_visit()

    def _show_visit(self) -> None:
        self.visit_label.setText(
            self._visit_title if self._visit_id is not None else self.tr("No visit linked")
        )
        self.visit_clear.setVisible(self._visit_id is not None)

    # --- validity and expiry -----------------------------------------------------------

    def _validity_changed(self) -> None:
        mode = self.validity_combo.currentIndex()
        boxes = self.field_boxes
        self.general_form.setRowVisible(boxes["end_date"], mode == VALIDITY_END)
        self.general_form.setRowVisible(boxes["duration_months"], mode == VALIDITY_DURATION)
        self.general_form.setRowVisible(boxes["renewal_months"], self.auto_renew.isChecked())
        self.update_expiry()

    def _duration(self) -> int | None:
        if self.validity_combo.currentIndex() == VALIDITY_DURATION:
            return self.duration_spin.value()
        return None

    def _end(self) -> dt.date | None:
        if self.validity_combo.currentIndex() == VALIDITY_END:
            return self.end_date.date()
        return None

    def computed_expiry(self) -> dt.date | None:
        """The first term's expiry from the fields as they are now (never typed)."""
        return first_expiry(
            self.start_date.date(), self._end(), self._duration(), self.signing_date.date()
        )

    def update_expiry(self) -> str:
        """Show the computed expiry (and the running term of a renewed one); returns the text."""
        expiry = self.computed_expiry()
        if expiry is None:
            if self._duration() is not None:
                text = self.tr("Computed once the start or signing date is known")
            else:
                text = self.tr("No expiry (open-ended)")
        else:
            text = date_text(expiry)
            if self.auto_renew.isChecked():
                months = renewal_term(self._duration(), self.renewal_spin.value() or None)
                text += " — " + self.tr("renewed automatically every %1 months").replace(
                    "%1", loc_digits(months)
                )
                d = self.detail
                if d is not None and d.current_expiry and d.current_expiry != expiry:
                    text += " — " + self.tr("current term ends %1").replace(
                        "%1", date_text(d.current_expiry)
                    )
        self.expiry_label.setText(direction_mark() + text)
        return text

    # --- loading -----------------------------------------------------------------------

    def _clear_tables(self) -> None:
        for table in (self.parties, self.signatories, self.obligations):
            table.table.setRowCount(0)
            table.show_errors({}, "")

    def load(self, detail: AgreementDetail | None) -> None:
        """Show ``detail`` (None: an empty form for a new agreement)."""
        self.detail = detail
        self._clear_tables()
        self.show_errors({})
        self.workflow_error.show_error("")
        self.attachment_error.show_error("")
        self.review_error.show_error("")
        d = detail or AgreementDetail()
        self.title_edit.setText(d.title)
        self.title_en_edit.setText(d.title_en)
        self.kind_combo.setCurrentIndex(
            max(self.kind_combo.findData(AgreementKind(d.kind).value), 0)
        )
        self.reference_edit.setText(d.reference_number)
        self.signing_date.setDate(d.signing_date)
        self.signing_place.setText(d.signing_place)
        self.start_date.setDate(d.start_date)
        self.end_date.setDate(d.end_date)
        if d.duration_months:
            self.duration_spin.setValue(d.duration_months)
        mode = (
            VALIDITY_END
            if d.end_date is not None
            else VALIDITY_DURATION
            if d.duration_months
            else VALIDITY_OPEN
        )
        self.validity_combo.setCurrentIndex(mode)
        self.auto_renew.setChecked(d.auto_renew)
        self.renewal_spin.setValue(d.renewal_months or 0)
        self.set_visit(d.visit_id, d.visit_title)
        for axis, check in self.axis_checks.items():
            check.setChecked(axis in d.axes)
        self.summary_edit.setPlainText(d.summary)
        for p in d.parties:
            name_fa = getattr(p, "organization_name_fa", "")
            if name_fa:
                self._orgs[p.organization_id] = (
                    name_fa,
                    getattr(p, "organization_name_en", ""),
                    None,
                )
            self.add_party_row(
                p.organization_id, PartySide(p.side), p.country_id, p.locality_fa, p.locality_en
            )
        for s in d.signatories:
            name_fa = getattr(s, "name_fa", "")
            if name_fa:
                self._people[s.person_id] = (name_fa, getattr(s, "name_en", ""), "", "")
            self.add_signatory_row(s.person_id, s.title_fa, s.title_en, s.party_organization_id)
        for task in d.obligations:
            self.add_obligation_row(task)
        review = d.legal_review
        self.reviewer_edit.setText(review.reviewer_text or d.legal_reviewer_name_fa)
        self._reviewer_person_id = review.reviewer_person_id
        self.review_date.setDate(review.review_date)
        self.verdict_combo.setCurrentIndex(
            max(self.verdict_combo.findData(review.verdict.value if review.verdict else None), 0)
        )
        self.opinion_edit.setPlainText(review.opinion)
        archived = detail is not None and detail.archived
        self.banner.setText(
            self.tr("This agreement is archived. Restore it from the archive view to edit it.")
            if archived
            else ""
        )
        self.banner.setVisible(archived)
        self.save_button.setEnabled(not archived)
        self.archive_button.setVisible(detail is not None and not archived)
        self.print_button.setEnabled(detail is not None)
        for widget in (self.attachment_add, self.review_button):
            widget.setEnabled(detail is not None and not archived)
        self._validity_changed()
        self._rebuild_workflow()
        self._show_status()
        if detail is not None:
            self._show_history(detail)
            self._show_attachments(detail.attachments)
        else:
            self.history.setRowCount(0)
            self.timeline.setRowCount(0)
            self.attachments.setRowCount(0)
        self._show_attachment_note()
        if getattr(self, "_built", False) and detail is not None:
            self.setWindowTitle(self.tr("Agreement: %1").replace("%1", loc_text(detail.title)))
        self.take_snapshot()

    def _rebuild_workflow(self) -> None:
        for button in self.transition_buttons.values():
            self.workflow_box.removeWidget(button)
            button.deleteLater()
        self.transition_buttons = {}
        d = self.detail
        if d is None or d.archived:
            return
        for target in d.allowed_transitions():
            button = QPushButton(self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, t=target: self.transition(t))
            self.workflow_box.addWidget(button)
            self.transition_buttons[target] = button

    def _show_status(self) -> None:
        lang = current_language()
        d = self.detail
        if d is None:
            self.status_label.setText(
                self.tr("Status: %1 (after saving)").replace(
                    "%1", AgreementStatus.DRAFT.label(lang)
                )
            )
            return
        text = self.tr("Status: %1").replace("%1", d.status.label(lang))
        if d.shown_status != d.status:
            text += f" ({d.shown_status.label(lang)})"
        self.status_label.setText(text)
        arrow = "←" if is_rtl() else "→"
        for target, button in self.transition_buttons.items():
            button.setText(f"{arrow} {target.label(lang)}")
            button.setToolTip(
                self.tr("Move the agreement to «%1»").replace("%1", target.label(lang))
            )

    def _show_history(self, detail: AgreementDetail) -> None:
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
                self.db, agreement_id=detail.id or 0, today=self.ctx.today()
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

    def _show_attachments(self, files: tuple[AttachmentView, ...] | list[AttachmentView]) -> None:
        self._attachment_rows = list(files)
        self.attachments.setRowCount(len(files))
        for row, f in enumerate(files):
            name = QTableWidgetItem(f.original_name)
            name.setData(ID_ROLE, f.id)
            self.attachments.setItem(row, 0, name)
            self.attachments.setItem(row, 1, QTableWidgetItem(_size_text(f.size)))
            self.attachments.setItem(row, 2, QTableWidgetItem(loc_text(f.description)))
        self.attachments.setVerticalHeaderLabels([loc_digits(i + 1) for i in range(len(files))])
        self.attachment_open.setEnabled(bool(files))

    def _show_attachment_note(self) -> None:
        if self.detail is None:
            note = self.tr("Save the agreement first; then files can be attached.")
        else:
            limit = loc_digits(self.attachment_limit // (1024 * 1024))
            note = self.tr(
                "The signed scan and the drafts in both languages. Files are copied into the "
                "office's data folder (at most %1 MB each)."
            ).replace("%1", limit)
        self.attachments_note.setText(note)

    # --- collecting --------------------------------------------------------------------

    def _date_error(self, edit: JalaliDateEdit) -> str:
        return edit.validate()

    def collect(self) -> tuple[AgreementInput, dict[str, str]]:
        """The form as an ``AgreementInput`` plus the errors found while reading it."""
        errors: dict[str, str] = {}
        for key, edit in (
            ("signing_date", self.signing_date),
            ("start_date", self.start_date),
        ):
            if message := self._date_error(edit):
                errors[key] = message
        if self.validity_combo.currentIndex() == VALIDITY_END:
            message = self._date_error(self.end_date)
            if not message and self.end_date.date() is None:
                message = self.tr("Enter the date the validity ends.")
            if message:
                errors["end_date"] = message
        parties = []
        for row in range(self.parties.table.rowCount()):
            item = self.parties.table.item(row, 1)
            if item is None:
                continue
            parties.append(
                PartyEntry(
                    organization_id=int(item.data(ID_ROLE)),
                    side=PartySide(self.parties.combo(row, 0).currentData()),
                    country_id=self.parties.combo(row, 2).currentData(),
                    locality_fa=self.parties.text(row, 3),
                    locality_en=self.parties.text(row, 4),
                )
            )
        signatories = []
        for row in range(self.signatories.table.rowCount()):
            item = self.signatories.table.item(row, 0)
            if item is None:
                continue
            signatories.append(
                SignatoryEntry(
                    person_id=int(item.data(ID_ROLE)),
                    title_fa=self.signatories.text(row, 2),
                    title_en=self.signatories.text(row, 3),
                    party_organization_id=self.signatories.combo(row, 1).currentData(),
                )
            )
        obligations = []
        for row in range(self.obligations.table.rowCount()):
            deadline = None
            text = self.obligations.text(row, 2)
            if text:
                try:
                    deadline = jalali.parse_jalali(text)
                except ValueError as exc:
                    errors[f"obligations.{row}.deadline"] = (
                        known_message(exc) if isinstance(exc, KnownError) else str(exc)
                    )
            owner_text = self.obligations.text(row, 1)
            owner_person = None
            owner_item = self.obligations.table.item(row, 1)
            stored = owner_item.data(OWNER_ROLE) if owner_item is not None else None
            if stored and stored[0] is not None and stored[1] == owner_text:
                owner_person, owner_text = stored[0], ""
            record_id, version = self.obligations.record(row)
            obligations.append(
                FollowUpInput(
                    title=self.obligations.text(row, 0),
                    owner_person_id=owner_person,
                    owner_text=owner_text,
                    deadline=deadline,
                    status=str(self.obligations.combo(row, 3).currentData()),
                    notes=self.obligations.text(row, 4),
                    id=record_id,
                    version=version,
                )
            )
        review, review_error = self.collect_review()
        if review_error:
            errors["legal_review"] = review_error
        agreement = AgreementInput(
            title=self.title_edit.text(),
            kind=AgreementKind(self.kind_combo.currentData()),
            title_en=self.title_en_edit.text(),
            reference_number=self.reference_edit.text(),
            signing_date=self.signing_date.date(),
            signing_place=self.signing_place.text(),
            start_date=self.start_date.date(),
            end_date=self._end(),
            duration_months=self._duration(),
            auto_renew=self.auto_renew.isChecked(),
            renewal_months=(self.renewal_spin.value() or None)
            if self.auto_renew.isChecked()
            else None,
            visit_id=self._visit_id,
            summary=self.summary_edit.toPlainText(),
            parties=tuple(parties),
            signatories=tuple(signatories),
            axes=tuple(a for a, c in self.axis_checks.items() if c.isChecked()),
            obligations=tuple(obligations),
            legal_review=review,
            id=self.detail.id if self.detail else None,
            version=self.detail.version if self.detail else None,
        )
        return agreement, errors

    def collect_review(self) -> tuple[LegalReview, str]:
        """The legal review fields, and the message of an invalid review date ('' if fine)."""
        message = self.review_date.validate()
        verdict = self.verdict_combo.currentData()
        reviewer = self.reviewer_edit.text().strip()
        person = getattr(self, "_reviewer_person_id", None)
        stored_name = self.detail.legal_reviewer_name_fa if self.detail else ""
        if person is not None and reviewer != stored_name:
            person = None  # the name was retyped: keep it as text
        review = LegalReview(
            reviewer_person_id=person,
            reviewer_text="" if person is not None else reviewer,
            review_date=self.review_date.date(),
            verdict=LegalVerdict(verdict) if verdict else None,
            opinion=self.opinion_edit.toPlainText(),
        )
        return review, message

    # --- errors ------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message next to its field (or under its table row); clear the others."""
        for key, label in self.field_errors.items():
            message = errors.get(key, "")
            widget = self.fields[key]
            if isinstance(widget, JalaliDateEdit):
                if message:
                    widget.set_error(message)
                elif widget.error():
                    widget.validate()
                continue
            label.show_error(message)
            if isinstance(widget, QLineEdit | QComboBox | QPlainTextEdit | QSpinBox):
                mark_field(widget, bool(message))
        self.parties_error.show_error(errors.get("parties", ""))
        self.signatories_error.show_error(errors.get("signatories", ""))
        self.review_error.show_error(errors.get("legal_review", ""))
        self.attachment_error.show_error(errors.get("file", ""))
        for prefix, table, fields in (
            ("parties", self.parties, self.PARTY_FIELDS),
            ("signatories", self.signatories, self.SIGNATORY_FIELDS),
            ("obligations", self.obligations, self.OBLIGATION_FIELDS),
        ):
            columns = {"owner_person_id": 1} if prefix == "obligations" else None
            table.show_row_errors(errors, prefix, fields, self.tr("Row"), columns=columns)
        known = {
            *self.field_errors,
            "parties",
            "signatories",
            "legal_review",
            "file",
            "status",
            "remark",
        }
        general = [m for k, m in errors.items() if k.split(".")[0] not in known and "." not in k]
        self.banner.setText("\n".join(general))
        self.banner.setVisible(bool(general))
        if errors:
            first = next(iter(errors)).split(".")[0]
            if first not in ("status", "remark"):
                self.tabs.setCurrentIndex(TAB_OF.get(first, GENERAL_TAB))

    def error_text(self, key: str) -> str:
        """The message shown for ``key`` (tests): field, table row or section label."""
        if key in self.field_errors:
            widget = self.fields[key]
            if isinstance(widget, JalaliDateEdit):
                return widget.error()
            label = self.field_errors[key]
            return label.text() if not label.isHidden() else ""
        labels = {
            "parties": self.parties_error,
            "signatories": self.signatories_error,
            "legal_review": self.review_error,
            "file": self.attachment_error,
            "status": self.workflow_error,
        }
        if key in labels:
            label = labels[key]
            return label.text() if not label.isHidden() else ""
        prefix = key.split(".")[0]
        table = {
            "parties": self.parties,
            "signatories": self.signatories,
            "obligations": self.obligations,
        }.get(prefix)
        return table.errors.text() if table is not None and not table.errors.isHidden() else ""

    # --- actions -----------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and save (the form stays open with the stored record); True when stored."""
        agreement, errors = self.collect()
        self.show_errors(errors)
        if errors:
            return False
        try:
            detail = svc.save_agreement(
                self.db, agreement=agreement, actor=default_actor(), today=self.ctx.today()
            )
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.load(detail)
        self.retranslate_ui()
        assert detail.id is not None
        self.saved.emit(detail.id)
        return True

    def transition(
        self, target: AgreementStatus, *, actor: str | None = None, remark: str | None = None
    ) -> bool:
        """Move the agreement to ``target`` (unsaved edits are saved first).

        Without ``remark`` a dialog asks who and why; a missing reason is shown in the
        dialog, other refusals next to their fields in the form.  True when the status moved.
        """
        if self.detail is None or self.detail.id is None:
            return False
        if self.is_modified() and not self.save():
            return False
        self._last_transition_ok = False
        self.workflow_error.show_error("")
        if remark is None:
            dialog = TransitionDialog(
                self.detail.status,
                target,
                lambda who, why: self._apply_transition(target, who, why),
                self,
                actor=actor or "",
            )
            self.transition_dialog = dialog
            dialog.exec()
            self.transition_dialog = None
            return self._last_transition_ok
        message = self._apply_transition(target, actor or default_actor(), remark)
        if message:
            self.workflow_error.show_error(message)
        return self._last_transition_ok

    def _apply_transition(self, target: AgreementStatus, actor: str, remark: str) -> str:
        """Call the service; '' when done or refused for fields, else the remark's message."""
        assert self.detail is not None and self.detail.id is not None
        try:
            detail = svc.change_status(
                self.db,
                agreement_id=self.detail.id,
                version=self.detail.version,
                status=target,
                actor=actor,
                remark=remark,
                today=self.ctx.today(),
            )
        except ValidationError as exc:
            errors = dict(exc.errors)
            remark_message = errors.pop("remark", "")
            if remark_message and not errors:
                return remark_message
            status_message = errors.pop("status", "")
            if errors:
                self.show_errors(errors)
            self.workflow_error.show_error(
                status_message
                or self.tr("The status was not changed: complete the marked fields first.")
            )
            return ""
        except KnownError as exc:
            show_error(self, exc)
            return ""
        self._last_transition_ok = True
        self.load(detail)
        self.retranslate_ui()
        assert detail.id is not None
        self.changed.emit(detail.id)
        return ""

    def record_review(self) -> bool:
        """Store the legal review (the form's other edits are saved first)."""
        if self.detail is None or self.detail.id is None:
            return False
        review, message = self.collect_review()
        if message:
            self.review_error.show_error(message)
            self.tabs.setCurrentIndex(HISTORY_TAB)
            return False
        if self.is_modified() and not self.save():
            return False
        assert self.detail is not None
        try:
            detail = svc.record_legal_review(
                self.db,
                agreement_id=self.detail.id or 0,
                version=self.detail.version,
                review=review,
                today=self.ctx.today(),
            )
        except ValidationError as exc:
            self.review_error.show_error(
                exc.errors.get("legal_review") or "\n".join(exc.errors.values())
            )
            self.tabs.setCurrentIndex(HISTORY_TAB)
            return False
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.load(detail)
        self.retranslate_ui()
        self.tabs.setCurrentIndex(HISTORY_TAB)
        assert detail.id is not None
        self.changed.emit(detail.id)
        return True

    def choose_file(self) -> None:
        """Ask for a file and attach it."""
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        if name:
            self.add_file(Path(name))

    def add_file(self, path: Path) -> bool:
        """Store a copy of ``path`` with the agreement; refusals are shown under the list."""
        if self.detail is None or self.detail.id is None:
            self.attachment_error.show_error(
                self.tr("Save the agreement first; then files can be attached.")
            )
            return False
        try:
            svc.add_agreement_attachment(
                self.db,
                agreement_id=self.detail.id,
                source=path,
                description=self.attachment_description.text(),
                limit=self.attachment_limit,
            )
        except ValidationError as exc:
            self.attachment_error.show_error(
                exc.errors.get("file") or "\n".join(exc.errors.values())
            )
            self.tabs.setCurrentIndex(ATTACHMENTS_TAB)
            return False
        except KnownError as exc:
            self.attachment_error.show_error(known_message(exc))
            self.tabs.setCurrentIndex(ATTACHMENTS_TAB)
            return False
        self.attachment_error.show_error("")
        self.attachment_description.clear()
        self._show_attachments(svc.list_agreement_attachments(self.db, agreement_id=self.detail.id))
        self.changed.emit(self.detail.id)
        return True

    def open_attachment(self, row: int | None = None) -> Path | None:
        """Copy attachment ``row`` (default: the selected one) out and open it in its viewer."""
        rows = getattr(self, "_attachment_rows", [])
        if row is None:
            row = self.attachments.currentRow()
        if not 0 <= row < len(rows):
            return None
        folder = temp_folder("attachments") / uuid.uuid4().hex[:8]
        try:
            path = export_attachment(self.db, attachment_id=rows[row].id, folder=folder)
        except OSError as exc:
            self.attachment_error.show_error(
                self.tr("The file could not be opened: %1").replace("%1", str(exc.strerror or exc))
            )
            return None
        except KnownError as exc:
            self.attachment_error.show_error(known_message(exc))
            return None
        self.opener(path)
        return path

    def print_sheet(self) -> None:
        """Print / PDF of this agreement's sheet (unsaved edits are saved first)."""
        if self.detail is None or self.detail.id is None:
            return
        if self.is_modified() and not self.save():
            return
        self.printer.opener = self.opener
        self.printer.print_report("agreement-sheet", {"agreement": self.detail.id})

    def archive(self) -> bool:
        """Archive (delete for users) the agreement after confirmation."""
        if self.detail is None or self.detail.id is None:
            return False
        agreement_id, version = self.detail.id, self.detail.version
        return self.archive_record(
            self.tr("Delete agreement"),
            self.tr(
                "Move this agreement to the archive? It can be restored later from the archive view."
            ),
            lambda: svc.archive_agreement(self.db, agreement_id=agreement_id, version=version),
            agreement_id,
        )

    # --- modified state ----------------------------------------------------------------

    def _raw_state(self) -> list[object]:
        """Every input's raw content (no validation, nothing marked), in a fixed order."""
        return [
            self.title_edit.text(),
            self.title_en_edit.text(),
            self.kind_combo.currentData(),
            self.reference_edit.text(),
            *(
                to_latin_digits(e.text())
                for e in (self.signing_date, self.start_date, self.end_date, self.review_date)
            ),
            self.signing_place.text(),
            self.validity_combo.currentIndex(),
            self.duration_spin.value(),
            self.auto_renew.isChecked(),
            self.renewal_spin.value(),
            self._visit_id,
            [c.isChecked() for c in self.axis_checks.values()],
            self.summary_edit.toPlainText(),
            self.parties.raw_rows(with_ids=True),
            self.signatories.raw_rows(with_ids=True),
            self.obligations.raw_rows(with_ids=True),
            self.reviewer_edit.text(),
            self.verdict_combo.currentData(),
            self.opinion_edit.toPlainText(),
        ]
