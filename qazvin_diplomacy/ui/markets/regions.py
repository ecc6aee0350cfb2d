"""The regions of one country (اقلیم کردستان، جنوب عراق …): rename or archive them.

Opened from the target market form for the chosen country.  The rules are the service's
(``core.markets``): a region belongs to its country (it is never moved here), its Persian
name is unique within the country, and archiving it keeps the markets and exports that
name it; the refusal is shown under the fields.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.markets import RegionInput, RegionView
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE, FieldError, ask, show_refusal
from qazvin_diplomacy.ui.form_fields import FieldSet, text_area, text_field
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, is_rtl


class RegionsDialog(Retranslating, QDialog):
    """The live regions of ``country_id``: pick one, rename it (Persian / English, notes) or
    archive it."""

    FIELDS = (
        text_field("name_fa", QT_TRANSLATE_NOOP("RegionsDialog", "Name (Persian)"), required=True),
        text_field("name_en", QT_TRANSLATE_NOOP("RegionsDialog", "Name (English)"), ltr=True),
        text_area("notes", QT_TRANSLATE_NOOP("RegionsDialog", "Notes"), max_height=70),
    )

    def __init__(
        self, db: DatabaseHandle, country_id: int, country_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.country_id = country_id
        self.country_name = country_name
        self.regions: dict[int, RegionView] = {}
        self.changed = False  # a region was renamed or archived (the caller re-reads its list)
        layout = QVBoxLayout(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.list = QListWidget(self)
        layout.addWidget(self.list, 1)
        form = QFormLayout()
        self.field_set = FieldSet(self, self.FIELDS)
        self.field_set.add_form_rows(form, self)
        layout.addLayout(form)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self)
        self.archive_button = QPushButton(self)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.archive_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save_current())
        self.archive_button.clicked.connect(lambda: self.archive_current())
        layout.addWidget(self.buttons)
        self.list.currentItemChanged.connect(lambda _now, _before: self._show_current())
        self.retranslate_ui()
        self.reload()
        self.resize(520, 480)

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.setWindowTitle(self.tr("Regions of %1").replace("%1", self.country_name))
        self.hint.setText(
            self.tr(
                "A region belongs to this country. Archiving one keeps the markets and exports "
                "recorded for it; it is no longer offered for new ones."
            )
        )
        self.field_set.retranslate(self.tr)
        self.save_button.setText(self.tr("Save changes"))
        self.archive_button.setText(self.tr("Archive region"))
        self._fill_list()

    def reload(self, select: int | None = None) -> None:
        """Re-read the country's regions and select ``select`` (else the first)."""
        regions = markets_service.list_regions(self.db, country_id=self.country_id)
        self.regions = {r.id or 0: r for r in regions}
        self._fill_list(select)

    def _fill_list(self, select: int | None = None) -> None:
        if not hasattr(self, "list"):
            return
        current = select if select is not None else self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        rtl = is_rtl()
        for region_id, r in self.regions.items():
            item = QListWidgetItem(r.name_fa if rtl else (r.name_en or r.name_fa))
            item.setData(ID_ROLE, region_id)
            self.list.addItem(item)
            if region_id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self._show_current()

    def current_id(self) -> int | None:
        """The id of the selected region (None when the country has none)."""
        item = self.list.currentItem() if hasattr(self, "list") else None
        return int(item.data(ID_ROLE)) if item is not None else None

    def select_region(self, region_id: int) -> None:
        """Select ``region_id`` in the list."""
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == region_id:
                self.list.setCurrentRow(row)

    def _show_current(self) -> None:
        region = self.regions.get(self.current_id() or 0)
        for widget in (*self.field_set.widgets.values(), self.save_button, self.archive_button):
            widget.setEnabled(region is not None)
        self.error.show_error("")
        self.field_set.show_errors({})
        if region is not None:
            self.field_set.load(region)

    def save_current(self) -> bool:
        """Save the selected region's names and notes; False when refused (shown)."""
        region = self.regions.get(self.current_id() or 0)
        if region is None:
            return False
        values = self.field_set.valid_values()
        if values is None:
            return False
        try:
            saved = markets_service.save_region(
                self.db,
                region=RegionInput(self.country_id, id=region.id, version=region.version, **values),
            )
        except KnownError as exc:
            show_refusal(self, self._show_errors, exc)
            return False
        self.changed = True
        self.reload(select=saved.id)
        return True

    def _show_errors(self, errors: dict[str, str]) -> None:
        rest = self.field_set.show_errors(errors)
        self.error.show_error("؛ ".join(rest.values()))

    def archive_current(self, *, confirm: bool = True) -> bool:
        """Archive the selected region after a question (default No); False when not done."""
        region = self.regions.get(self.current_id() or 0)
        if region is None:
            return False
        name = region.name_fa if is_rtl() else (region.name_en or region.name_fa)
        question = self.tr(
            "Archive the region «%1»? Its markets and exports keep it; it is no longer offered."
        ).replace("%1", name)
        if confirm and not ask(self, self.archive_button.text(), question):
            return False
        try:
            markets_service.archive_region(
                self.db, region_id=region.id or 0, version=region.version
            )
        except KnownError as exc:
            show_refusal(self, self.error, exc)
            return False
        self.changed = True
        self.reload()
        return True


__all__ = ["RegionsDialog"]
