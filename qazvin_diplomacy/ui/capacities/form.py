"""The capacity form: one capacity of the catalogue, with its photos.

Title and description in Persian and English, axis, county, status, figures (area and its
unit, jobs, investment needed and its currency), the contact body (an organization of the
directory) and whether it may go into the brochure sent to embassies.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from qazvin_diplomacy.core.capacities import (
    AreaUnit,
    CapacityAxis,
    CapacityInput,
    CapacityStatus,
    CapacityView,
    County,
    Currency,
)
from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.text import to_latin_digits
from qazvin_diplomacy.services import capacities as capacities_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.services.directory import list_organizations
from qazvin_diplomacy.ui import attachments_tab
from qazvin_diplomacy.ui.common import make_ltr, show_error
from qazvin_diplomacy.ui.form_fields import (
    FieldSet,
    FieldSpec,
    check_box,
    enum_combo,
    text_area,
    text_field,
)
from qazvin_diplomacy.ui.forms_common import RecordDialog
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    Retranslating,
    current_language,
    loc_digits,
)

CAPACITY_FILES = attachments_tab.AttachmentOwner(
    add=lambda db, owner_id, source, description, limit: capacities_service.add_capacity_photo(
        db, capacity_id=owner_id, source=source, description=description, limit=limit
    ),
    files=lambda db, owner_id: capacities_service.list_capacity_photos(db, capacity_id=owner_id),
    context="CapacityForm",
    save_first=QT_TRANSLATE_NOOP(
        "CapacityForm", "Save the capacity first; then photos can be attached."
    ),
    note=QT_TRANSLATE_NOOP(
        "CapacityForm",
        "Photos and documents of the capacity. Files are copied into the office's data folder "
        "(at most %1 MB each).",
    ),
    placeholder=QT_TRANSLATE_NOOP("CapacityForm", "Description, e.g. aerial view"),
)


def _number(kind: type) -> Any:
    """``collect`` of a figure typed in any digits with separators: None when empty."""

    def collect(line: QLineEdit) -> Any:
        text = to_latin_digits(line.text()).replace(",", "").replace("٬", "").strip()
        text = text.replace("٫", ".")  # the Persian decimal separator
        if not text:
            return None
        try:
            return kind(float(text)) if kind is int else kind(text)
        except ValueError:
            raise ValueError("عدد معتبر وارد کنید.") from None

    return collect


def _show_number(name: str) -> Any:
    def load(line: QLineEdit, record: Any) -> None:
        value = getattr(record, name)
        if value is None:
            line.setText("")
        elif isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
            # in the UI's digits, with thousands («۱٬۲۰۰٬۰۰۰»): read back by ``_number``
            line.setText(format_count(int(value), current_language()))
        else:
            line.setText(loc_digits(str(value)))

    return load


def number_field(name: str, label: str, kind: type, **options: Any) -> FieldSpec:
    """A figure (area, jobs, investment) typed as text, left to right."""
    return text_field(
        name, label, ltr=True, max_width=180, load=_show_number(name), collect=_number(kind),
        **options,
    )  # fmt: skip


def _contact_field() -> FieldSpec:
    """The contact body: an organization of the directory, or none."""

    def make(form: Any, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        combo.addItem("—", None)
        english = current_language() == "en"
        for org in list_organizations(form.db, limit=2000):
            combo.addItem((org.name_en if english else "") or org.name_fa, org.id)
        return combo

    def load(combo: QComboBox, record: Any) -> None:
        index = combo.findData(record.contact_org_id)
        if index < 0 and record.contact_org_id is not None:
            combo.addItem(record.contact_name or str(record.contact_org_id), record.contact_org_id)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    return FieldSpec(
        "contact_org_id",
        QT_TRANSLATE_NOOP("CapacityForm", "Contact body"),
        make,
        load=load,
        collect=QComboBox.currentData,
        raw=QComboBox.currentData,
    )


class CapacityForm(Retranslating, RecordDialog):
    """A new capacity (``detail`` None) or a stored one."""

    REOPEN = "open_capacity"  # the page's opener, for «Reload» after a stale save

    saved = Signal(int)  # the capacity's id, after each save
    DISCARD_QUESTION = QT_TRANSLATE_NOOP(
        "CapacityForm", "This capacity has unsaved changes. Close it and lose them?"
    )

    FIELDS = (
        text_field("title", QT_TRANSLATE_NOOP("CapacityForm", "Title"), required=True),
        text_field("title_en", QT_TRANSLATE_NOOP("CapacityForm", "Title in English"), ltr=True),
        enum_combo("axis", QT_TRANSLATE_NOOP("CapacityForm", "Axis"), CapacityAxis),
        enum_combo("county", QT_TRANSLATE_NOOP("CapacityForm", "County"), County),
        enum_combo("status", QT_TRANSLATE_NOOP("CapacityForm", "Status"), CapacityStatus),
        number_field("area", QT_TRANSLATE_NOOP("CapacityForm", "Area"), float),
        enum_combo("area_unit", QT_TRANSLATE_NOOP("CapacityForm", "Unit"), AreaUnit,
                   beside="area"),
        number_field("jobs", QT_TRANSLATE_NOOP("CapacityForm", "Jobs"), int),
        number_field("investment", QT_TRANSLATE_NOOP("CapacityForm", "Investment needed"), int),
        enum_combo("currency", QT_TRANSLATE_NOOP("CapacityForm", "Currency"), Currency,
                   beside="investment"),
        _contact_field(),
        check_box("publishable", QT_TRANSLATE_NOOP("CapacityForm", "Publishable (in the brochure for embassies)")),
        text_area("description", QT_TRANSLATE_NOOP("CapacityForm", "Description"), max_height=110),
        text_area("description_en", QT_TRANSLATE_NOOP("CapacityForm", "Description in English"),
                  max_height=110),
    )  # fmt: skip

    def __init__(
        self, db: DatabaseHandle, detail: CapacityView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.detail = detail
        outer = self._open_layout(720, 640)
        self.tabs = QTabWidget(self)
        main = QWidget(self.tabs)
        form = QFormLayout(main)
        self.field_set = FieldSet(self, self.FIELDS)
        self.field_set.add_form_rows(form, main)
        self.tabs.addTab(main, "")
        english = self.field_set.widgets["description_en"]
        make_ltr(english)
        option = english.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        option.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        english.document().setDefaultTextOption(option)
        self.photos = attachments_tab.AttachmentsTab(
            db, CAPACITY_FILES, lambda: self.detail.id if self.detail else None, parent=self.tabs
        )
        self.tabs.addTab(self.photos, "")
        outer.addWidget(self.tabs, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        if detail is not None:
            self.field_set.load(detail)
        self.retranslate_ui()
        self.take_snapshot()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        title = self.tr("New capacity") if self.detail is None else self.detail.title
        self.setWindowTitle(title)
        self.tabs.setTabText(0, self.tr("Capacity"))
        self.tabs.setTabText(1, self.tr("Photos"))
        self.field_set.retranslate(self.tr)

    def _raw_state(self) -> object:
        return self.field_set.raw_state()

    def capacity_input(self) -> CapacityInput | None:
        """The capacity as typed, or None (errors shown under the fields)."""
        values = self.field_set.valid_values()
        if values is None:
            return None
        values = {k: (v.value if hasattr(v, "label_fa") else v) for k, v in values.items()}
        detail = self.detail
        return CapacityInput(
            **values,
            id=detail.id if detail else None,
            version=detail.version if detail else None,
        )

    def save(self) -> bool:
        """Save the capacity; the form stays open (photos can then be added)."""
        capacity = self.capacity_input()
        if capacity is None:
            return False
        try:
            self.detail = capacities_service.save_capacity(self.db, capacity=capacity)
        except ValidationError as exc:
            rest = self.field_set.show_errors(exc.errors)
            if rest:
                self.banner.setText("\n".join(rest.values()))
                self.banner.show()
            return False
        except Exception as exc:  # a known error (archived, stale) or a bug: shown, not raised
            show_error(self, exc)
            return False
        self.banner.hide()
        self.take_snapshot()
        self.retranslate_ui()
        self.saved.emit(self.detail.id)
        return True
