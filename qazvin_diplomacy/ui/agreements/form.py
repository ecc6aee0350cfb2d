"""The agreement form: general, parties, signatories, obligations, attachments and history tabs.

The form collects a ``core.agreements.AgreementInput`` and saves it through
``services.agreements.save_agreement``; the dialog stays open after a save so files can be
attached and the workflow moved on.  Its own fields are declared once in
:attr:`AgreementForm.FIELDS` (see ``ui/form_fields.py``); each other tab is its own widget
(``parties.py``, ``obligations.py``, ``workflow.py``; the files are the shared
``ui/attachments_tab.py`` with ``AGREEMENT_FILES`` from ``attachments.py``).  Errors are shown
next to their field (table rows are tinted and listed under their table); what the user
typed is never cleared.  The status moves only through the workflow buttons, which offer
just the allowed transitions and ask for who and a remark.  The expiry is computed from the
validity fields, never typed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.agreements import (
    MAX_DURATION_MONTHS,
    AgreementDetail,
    AgreementInput,
    AgreementKind,
)
from qazvin_diplomacy.core.attachments import MAX_ATTACHMENT_BYTES
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.visits import VisitFilter
from qazvin_diplomacy.services import agreements as svc
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.agreements.actions import AgreementActions
from qazvin_diplomacy.ui.agreements.attachments import AGREEMENT_FILES
from qazvin_diplomacy.ui.agreements.obligations import ObligationsTable
from qazvin_diplomacy.ui.agreements.parties import DirectoryNames, PartiesTab, SignatoriesTab
from qazvin_diplomacy.ui.agreements.printing import PdfPrinter
from qazvin_diplomacy.ui.agreements.validity import ValidityMixin
from qazvin_diplomacy.ui.agreements.widgets import AxesBox, ExpiryLabel, VisitLink, default_actor
from qazvin_diplomacy.ui.agreements.workflow import HistoryTab, WorkflowBar
from qazvin_diplomacy.ui.attachments_tab import AttachmentsTab
from qazvin_diplomacy.ui.common import show_refusal
from qazvin_diplomacy.ui.form_fields import (
    FieldSet,
    FieldSpec,
    check_box,
    confidential_box,
    date_field,
    enum_combo,
    spin_box,
    text_area,
    text_field,
)
from qazvin_diplomacy.ui.forms_common import RecordDialog
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, loc_text
from qazvin_diplomacy.ui.modules import UiContext
from qazvin_diplomacy.ui.ops import open_file
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit, show_datetime

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
#: Error keys shown in the workflow bar or the transition dialog, not in the banner.
_WORKFLOW_KEYS = ("status", "remark")


def _tr(text: str) -> str:
    """``text`` in the agreement form's translations."""
    return QCoreApplication.translate("AgreementForm", text)


def _mode(form: Any) -> int:
    return int(form.validity_combo.currentIndex())


# --------------------------------------------------------------------------- field kinds


def _validity_field() -> FieldSpec:
    """How long the agreement holds: open-ended, until a date, or a number of months."""
    texts = (
        QT_TRANSLATE_NOOP("AgreementForm", "Open-ended"),
        QT_TRANSLATE_NOOP("AgreementForm", "Until a date"),
        QT_TRANSLATE_NOOP("AgreementForm", "For a number of months"),
    )

    def make(_form: Any, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        for mode in (VALIDITY_OPEN, VALIDITY_END, VALIDITY_DURATION):
            combo.addItem("", mode)
        return combo

    def load(combo: QComboBox, d: AgreementDetail) -> None:
        mode = (
            VALIDITY_END
            if d.end_date is not None
            else VALIDITY_DURATION
            if d.duration_months
            else VALIDITY_OPEN
        )
        combo.setCurrentIndex(mode)

    def relabel(combo: QComboBox) -> None:
        for i, text in enumerate(texts):
            combo.setItemText(i, _tr(text))

    return FieldSpec(
        "validity",
        QT_TRANSLATE_NOOP("AgreementForm", "Validity"),
        make,
        load=load,
        relabel=relabel,
        attr="validity_combo",
    )


def _check_end(edit: JalaliDateEdit) -> str:
    message = edit.validate()
    if not message and edit.date() is None:
        message = QCoreApplication.translate("AgreementForm", "Enter the date the validity ends.")
    return message


def _months(name: str, label: str, minimum: int, **options: Any) -> FieldSpec:
    """A number of months, shown in the UI language's digits."""

    def relabel(spin: QSpinBox) -> None:
        spin.setLocale(QLocale())  # Persian digits in Persian
        if minimum == 0:
            spin.setSpecialValueText(
                QCoreApplication.translate("AgreementForm", "Same as the term")
            )

    return spin_box(
        name, label, minimum=minimum, maximum=MAX_DURATION_MONTHS, relabel=relabel, **options
    )


def _search_visits(db: DatabaseHandle, text: str) -> list[tuple[int, str]]:
    rows = visits_service.list_visits(
        db, filters=VisitFilter(text=text), sort="start", descending=True, limit=15
    )
    return [(v.id, f"{loc_text(v.title)} — {show_datetime(v.start_at)}") for v in rows]


def _visit_field() -> FieldSpec:
    """The visit the agreement was signed during, searched by title."""
    return FieldSpec(
        "visit_id",
        QT_TRANSLATE_NOOP("AgreementForm", "Signed during the visit"),
        lambda form, parent: VisitLink(lambda text: _search_visits(form.db, text), parent),
        load=lambda w, d: w.set_visit(d.visit_id, d.visit_title),
        collect=lambda w: w.visit_id,
        raw=lambda w: w.visit_id,
        relabel=VisitLink.retranslate,
        attr="visit_link",
    )


def _axes_field() -> FieldSpec:
    """The axes of cooperation, one tick each."""
    return FieldSpec(
        "axes",
        QT_TRANSLATE_NOOP("AgreementForm", "Axes of cooperation"),
        lambda _form, parent: AxesBox(parent),
        load=lambda w, d: w.set_axes(d.axes),
        collect=AxesBox.axes,
        raw=AxesBox.raw,
        relabel=AxesBox.retranslate,
        attr="axes_box",
    )


class AgreementForm(ValidityMixin, AgreementActions, RecordDialog):
    """Create or edit an agreement; moves it through the workflow once saved.

    Signals (with the agreement id): ``saved`` after a save, ``changed`` after a status
    change, review or attachment, ``archived`` after moving it to the archive.
    """

    DISCARD_QUESTION = QT_TRANSLATE_NOOP(
        "AgreementForm", "The agreement has unsaved changes. Close the form and discard them?"
    )
    PRINT_REPORT = "agreement-sheet"
    PRINT_OPTION = "agreement"

    saved = Signal(int)
    changed = Signal(int)
    archived = Signal(int)

    #: The agreement's own fields, declared once, in the general tab's order.  Each name is
    #: an ``AgreementInput``/``AgreementDetail`` attribute and the service's error key
    #: (``validity`` and ``expiry`` are the form's own); see CONTRIBUTING.md.
    FIELDS = (
        text_field(
            "title",
            QT_TRANSLATE_NOOP("AgreementForm", "Title (Persian)"),
            attr="title_edit",
            required=True,
            placeholder=QT_TRANSLATE_NOOP(
                "AgreementForm", "e.g. Memorandum of understanding on cooperation in tourism"
            ),
        ),
        text_field(
            "title_en",
            QT_TRANSLATE_NOOP("AgreementForm", "Title (English)"),
            attr="title_en_edit",
            ltr=True,
        ),
        enum_combo(
            "kind", QT_TRANSLATE_NOOP("AgreementForm", "Kind"), AgreementKind, attr="kind_combo"
        ),
        confidential_box(QT_TRANSLATE_NOOP("AgreementForm", "Confidential")),
        text_field(
            "reference_number",
            QT_TRANSLATE_NOOP("AgreementForm", "Reference number"),
            attr="reference_edit",
            placeholder=QT_TRANSLATE_NOOP("AgreementForm", "Number in the office's register"),
        ),
        date_field("signing_date", QT_TRANSLATE_NOOP("AgreementForm", "Signing date")),
        text_field("signing_place", QT_TRANSLATE_NOOP("AgreementForm", "Signing place")),
        date_field("start_date", QT_TRANSLATE_NOOP("AgreementForm", "Validity starts")),
        _validity_field(),
        date_field(
            "end_date",
            QT_TRANSLATE_NOOP("AgreementForm", "Validity ends"),
            check=_check_end,
            shown=lambda form: _mode(form) == VALIDITY_END,
            follows="start_date",
        ),
        _months(
            "duration_months",
            QT_TRANSLATE_NOOP("AgreementForm", "Duration (months)"),
            1,
            value=12,
            attr="duration_spin",
            load=lambda w, d: w.setValue(d.duration_months) if d.duration_months else None,
            shown=lambda form: _mode(form) == VALIDITY_DURATION,
        ),
        check_box(
            "auto_renew",
            QT_TRANSLATE_NOOP("AgreementForm", "Automatic renewal"),
            relabel=lambda w: w.setText(
                QCoreApplication.translate(
                    "AgreementForm", "Renewed automatically at the end of each term"
                )
            ),
        ),
        _months(
            "renewal_months",
            QT_TRANSLATE_NOOP("AgreementForm", "Each renewal (months)"),
            0,
            attr="renewal_spin",
            collect=lambda w: w.value() or None,
            shown=lambda form: form.auto_renew.isChecked(),
        ),
        FieldSpec(
            "expiry",
            QT_TRANSLATE_NOOP("AgreementForm", "Expiry"),
            lambda _form, parent: ExpiryLabel(parent),
            attr="expiry_label",
            tracked=False,
        ),
        _visit_field(),
        _axes_field(),
        text_area(
            "summary",
            QT_TRANSLATE_NOOP("AgreementForm", "Summary"),
            attr="summary_edit",
            max_height=80,
        ),
    )
    TABS = (
        QT_TRANSLATE_NOOP("AgreementForm", "General"),
        QT_TRANSLATE_NOOP("AgreementForm", "Parties"),
        QT_TRANSLATE_NOOP("AgreementForm", "Signatories"),
        QT_TRANSLATE_NOOP("AgreementForm", "Obligations"),
        QT_TRANSLATE_NOOP("AgreementForm", "Attachments"),
        QT_TRANSLATE_NOOP("AgreementForm", "History"),
    )
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
        outer = self._open_layout(1000, 760)
        self.workflow = WorkflowBar(self)
        outer.addWidget(self.workflow)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs, 1)
        self._build_general()
        names = DirectoryNames(self.db)
        self.parties_tab = PartiesTab(names, self)
        self.signatories_tab = SignatoriesTab(names, self.parties_tab.ids, self)
        self.obligations = ObligationsTable(self)
        self.attachments_tab = AttachmentsTab(
            self.db,
            AGREEMENT_FILES,
            lambda: self.detail.id if self.detail is not None else None,
            limit=lambda: self.attachment_limit,
            opener=lambda path: self.opener(path),
            parent=self,
        )
        self.history_tab = HistoryTab(self.db, ctx.today, self)
        self.sections = (self.parties_tab, self.signatories_tab, self.obligations)
        for page in (
            self.parties_tab,
            self.signatories_tab,
            self.obligations,
            self.attachments_tab,
            self.history_tab,
        ):
            self.tabs.addTab(page, "")
        self.parties_tab.changed.connect(self.signatories_tab.refresh_parties)
        self.attachments_tab.changed.connect(self.changed.emit)
        self.attachments_tab.attention.connect(lambda: self.tabs.setCurrentIndex(ATTACHMENTS_TAB))
        self.history_tab.record_requested.connect(self.record_review)
        self.workflow.requested.connect(self.transition)
        self._expose_tab_widgets()
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

    def _build_general(self) -> None:
        page = QWidget(self)
        column = QVBoxLayout(page)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)  # spare height below the fields, not between them
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.field_set = FieldSet(self, self.FIELDS)
        self.field_set.add_form_rows(form, page)
        self.fields = self.field_set.widgets
        self.axis_checks = self.axes_box.checks
        self.validity_combo.currentIndexChanged.connect(lambda _i: self._validity_changed())
        for edit in (self.signing_date, self.start_date, self.end_date):
            edit.dateChanged.connect(lambda _d: self.update_expiry())
        self.duration_spin.valueChanged.connect(lambda _v: self.update_expiry())
        self.renewal_spin.valueChanged.connect(lambda _v: self.update_expiry())
        self.auto_renew.toggled.connect(lambda _c: self._validity_changed())
        self.tabs.addTab(self.scrolled(page), "")

    def _expose_tab_widgets(self) -> None:
        """The tabs' widgets under the form's names (the page's self-test and tests use them)."""
        self.parties = self.parties_tab.rows
        self.party_side = self.parties_tab.side
        self.org_picker = self.parties_tab.picker
        self.signatories = self.signatories_tab.rows
        self.person_picker = self.signatories_tab.picker
        self.attachments = self.attachments_tab.table
        self.attachment_description = self.attachments_tab.description
        h = self.history_tab
        self.reviewer_edit, self.review_date = h.reviewer_edit, h.review_date
        self.verdict_combo, self.opinion_edit = h.verdict_combo, h.opinion_edit
        self.history, self.timeline = h.history, h.timeline
        self.add_party_row = self.parties_tab.add_party
        self.party_ids = self.parties_tab.ids
        self.add_signatory_row = self.signatories_tab.add_signatory
        self.signatory_ids = self.signatories_tab.ids
        self.add_obligation_row = self.obligations.add_entry
        self.add_file = self.attachments_tab.add_file
        self.open_attachment = self.attachments_tab.open_attachment
        self.status_label = self.workflow.status_label
        self.workflow_error = self.workflow.error
        self.transition_buttons = self.workflow.buttons

    # --- language ----------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Texts for the current language (data re-shown with the UI's digits)."""
        if self.detail is None:
            self.setWindowTitle(self.tr("New agreement"))
        else:
            self.setWindowTitle(self.tr("Agreement: %1").replace("%1", loc_text(self.detail.title)))
        for i, text in enumerate(self.TABS):
            self.tabs.setTabText(i, self.tr(text))
        self.field_set.retranslate(self.tr)
        self.parties_tab.retranslate()
        self.signatories_tab.retranslate()
        self.obligations.retranslate(self.tr)
        self.attachments_tab.retranslate()
        self.history_tab.retranslate()
        self.print_button.setText(self.tr("Print / PDF"))
        self.archive_button.setText(self.tr("Delete (archive)"))
        self.workflow.show_status(self.detail)
        self.update_expiry()
        if self.detail is not None:
            self.history_tab.show_history(self.detail)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        """Override: retranslate on language change."""
        if event.type() == QEvent.Type.LanguageChange and getattr(self, "_built", False):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- loading -----------------------------------------------------------------------

    def load(self, detail: AgreementDetail | None) -> None:
        """Show ``detail`` (None: an empty form for a new agreement)."""
        self.detail = detail
        for section in self.sections:
            section.clear()
        self.show_errors({})
        self.workflow.error.show_error("")
        self.attachments_tab.error.show_error("")
        d = detail or AgreementDetail()
        self.field_set.load(d)
        self.parties_tab.load(d.parties)
        self.signatories_tab.load(d.signatories)
        for task in d.obligations:
            self.add_obligation_row(task)
        self.history_tab.load_review(d)
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
        for widget in (self.attachments_tab.add_button, self.history_tab.review_button):
            widget.setEnabled(detail is not None and not archived)
        self._validity_changed()
        self.workflow.rebuild(detail)
        self.workflow.show_status(detail)
        if detail is not None:
            self.history_tab.show_history(detail)
            self.attachments_tab.show_files(detail.attachments)
        else:
            self.history_tab.clear()
            self.attachments_tab.clear()
        self.attachments_tab.show_note()
        if getattr(self, "_built", False) and detail is not None:
            self.setWindowTitle(self.tr("Agreement: %1").replace("%1", loc_text(detail.title)))
        self.take_snapshot()

    # --- collecting --------------------------------------------------------------------

    def collect(self) -> tuple[AgreementInput, dict[str, str]]:
        """The form as an ``AgreementInput`` plus the errors found while reading it."""
        values, errors = self.field_set.collect()
        obligations = self.obligations.entries(errors)
        review, review_error = self.history_tab.review()
        if review_error:
            errors["legal_review"] = review_error
        agreement = AgreementInput(
            **values,
            parties=self.parties_tab.entries(),
            signatories=self.signatories_tab.entries(),
            obligations=obligations,
            legal_review=review,
            id=self.detail.id if self.detail else None,
            version=self.detail.version if self.detail else None,
        )
        return agreement, errors

    # --- errors ------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message next to its field (or under its table row); clear the others."""
        rest = self.field_set.show_errors(errors, (QLineEdit, QComboBox, QPlainTextEdit, QSpinBox))
        row_word = self.tr("Row")
        for section in self.sections:
            section.show_section_errors(rest, row_word)
        self.history_tab.review_error.show_error(rest.get("legal_review", ""))
        self.attachments_tab.error.show_error(rest.get("file", ""))
        shown_elsewhere = {*TAB_OF, *_WORKFLOW_KEYS}
        general = [m for k, m in rest.items() if k not in shown_elsewhere and "." not in k]
        self.banner.setText("\n".join(general))
        self.banner.setVisible(bool(general))
        if errors:
            first = next(iter(errors)).split(".")[0]
            if first not in _WORKFLOW_KEYS:
                self.tabs.setCurrentIndex(TAB_OF.get(first, GENERAL_TAB))

    def error_text(self, key: str) -> str:
        """The message shown for ``key`` (tests): field, table row or section label."""
        if key in self.field_set.widgets:
            return self.field_set.error_text(key)
        prefix = key.split(".")[0]
        for section in self.sections:
            if prefix == section.PREFIX:
                return section.error_text(key)
        label = {
            "legal_review": self.history_tab.review_error,
            "file": self.attachments_tab.error,
            "status": self.workflow.error,
        }.get(prefix)
        return label.text() if label is not None and not label.isHidden() else ""

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
        except KnownError as exc:
            show_refusal(self, self.show_errors, exc)
            return False
        self.show_stored(detail, self.saved)
        return True

    # --- modified state ----------------------------------------------------------------

    def _raw_state(self) -> list[object]:
        """Every input's raw content (no validation, nothing marked), in a fixed order."""
        return [
            self.field_set.raw_state(),
            self.parties_tab.raw_state(),
            self.signatories_tab.raw_state(),
            self.obligations.raw_rows(with_ids=True),
            self.history_tab.raw_state(),
        ]
