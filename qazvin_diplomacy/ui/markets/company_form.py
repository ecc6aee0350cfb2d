"""The company form: the company, its directory contacts, its products and its export records.

Everything is saved at once (``services.markets.save_company_sheet``): a refused product or
export row refuses the whole sheet and its message is shown under its table.  An export row
names its destination by ISO code or name (Persian or English) and its Jalali year.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.formatting import format_count
from qazvin_diplomacy.core.markets import (
    CompanyInput,
    CompanyKind,
    CompanyView,
    ExportInput,
    ProductInput,
    Sector,
)
from qazvin_diplomacy.core.text import to_latin_digits
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.form_fields import (
    FieldSet,
    FieldSpec,
    add_save_buttons,
    enum_combo,
    service_result,
    text_area,
    text_field,
)
from qazvin_diplomacy.ui.forms_common import VERSION_ROLE, RowTable
from qazvin_diplomacy.ui.i18n import (
    QT_TRANSLATE_NOOP,
    Retranslating,
    current_language,
    is_rtl,
    loc_digits,
)
from qazvin_diplomacy.ui.visits.people import PeopleEditor


def _number(text: str) -> float | None:
    raw = to_latin_digits(text).replace(",", "").replace("٬", "").strip()
    return float(raw) if raw else None


class ProductRows(RowTable):
    """The company's products: names, HS code, annual capacity and its unit."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ProductRows", "Product (Persian)"),
        QT_TRANSLATE_NOOP("ProductRows", "Product (English)"),
        QT_TRANSLATE_NOOP("ProductRows", "HS code"),
        QT_TRANSLATE_NOOP("ProductRows", "Annual capacity"),
        QT_TRANSLATE_NOOP("ProductRows", "Unit"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.HEADERS, (200, 160, 90, 110, 80), parent)
        self.add_button.clicked.connect(lambda: self.add_row(["", "", "", "", ""]))

    def products(self, sector: str) -> tuple[ProductInput, ...]:
        """The rows as service inputs (a row without a Persian name is skipped)."""
        found = []
        for row in range(self.table.rowCount()):
            cells = [
                self.table.item(row, c).text() if self.table.item(row, c) else "" for c in range(5)
            ]
            if not cells[0].strip():
                continue
            first = self.table.item(row, 0)
            try:
                capacity = _number(cells[3])
            except ValueError:
                capacity = -1.0  # refused by the service with a message under the table
            found.append(
                ProductInput(
                    None, cells[0], cells[1], to_latin_digits(cells[2]), sector, capacity, cells[4],
                    id=first.data(ID_ROLE), version=first.data(VERSION_ROLE),
                )
            )  # fmt: skip
        return tuple(found)


class ExportRows(RowTable):
    """The company's recorded exports: year, destination (code or name), value in USD."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ExportRows", "Year"),
        QT_TRANSLATE_NOOP("ExportRows", "Destination country"),
        QT_TRANSLATE_NOOP("ExportRows", "Value (USD)"),
    )

    def __init__(self, db: DatabaseHandle, parent: QWidget | None = None) -> None:
        super().__init__(self.HEADERS, (90, 220, 140), parent)
        self.db = db
        self.add_button.clicked.connect(lambda: self.add_row(["", "", ""]))

    def exports(self) -> tuple[tuple[ExportInput, ...], str]:
        """The rows as service inputs, and the first row that cannot be read ("" when none)."""
        found = []
        for row in range(self.table.rowCount()):
            cells = [
                self.table.item(row, c).text() if self.table.item(row, c) else "" for c in range(3)
            ]
            if not any(c.strip() for c in cells):
                continue
            country = directory.country_by_code(self.db, cells[1]) if cells[1].strip() else None
            try:
                year = int(to_latin_digits(cells[0]).strip())
                value = int(_number(cells[2]) or 0)
            except ValueError:
                return (), self.tr("Row %1: the year and the value must be numbers.").replace(
                    "%1", loc_digits(row + 1)
                )
            if country is None:
                return (), self.tr("Row %1: no country called «%2».").replace(
                    "%1", loc_digits(row + 1)
                ).replace("%2", cells[1])
            first = self.table.item(row, 0)
            found.append(
                ExportInput(None, country.id, year, value, id=first.data(ID_ROLE),
                            version=first.data(VERSION_ROLE))
            )  # fmt: skip
        return tuple(found), ""


class CompanyDialog(Retranslating, QDialog):
    """Record a new company (``company`` None) or edit one, with products and exports."""

    FIELDS = (
        text_field("name_fa", QT_TRANSLATE_NOOP("CompanyDialog", "Name (Persian)"), required=True),
        text_field("name_en", QT_TRANSLATE_NOOP("CompanyDialog", "Name (English)"), ltr=True),
        enum_combo("kind", QT_TRANSLATE_NOOP("CompanyDialog", "Kind"), CompanyKind,
                   default=CompanyKind.EXPORTER),
        enum_combo("sector", QT_TRANSLATE_NOOP("CompanyDialog", "Sector"), Sector,
                   default=Sector.OTHER),
        text_field("city_fa", QT_TRANSLATE_NOOP("CompanyDialog", "County")),
        text_field("phone", QT_TRANSLATE_NOOP("CompanyDialog", "Phone"), ltr=True),
        text_field("email", QT_TRANSLATE_NOOP("CompanyDialog", "E-mail"), ltr=True),
        text_field("website", QT_TRANSLATE_NOOP("CompanyDialog", "Website"), ltr=True),
        text_area("notes", QT_TRANSLATE_NOOP("CompanyDialog", "Notes"), max_height=60),
        FieldSpec("contact_person_ids", QT_TRANSLATE_NOOP("CompanyDialog", "Contacts"),
                  lambda form, parent: PeopleEditor(form.db, parent),
                  load=lambda w, r: [w.add_person(i, n) for i, n in
                                     zip(r.contact_person_ids, r.contact_names_fa, strict=False)],
                  collect=lambda w: tuple(w.ids()), raw=PeopleEditor.ids),
    )  # fmt: skip

    _EXTRA = (  # the row tables' buttons, translated in this form's context
        QT_TRANSLATE_NOOP("CompanyDialog", "Add row"),
        QT_TRANSLATE_NOOP("CompanyDialog", "Remove row"),
    )

    def __init__(
        self, db: DatabaseHandle, company: CompanyView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.company = company
        self.saved: CompanyView | None = None
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        general = QWidget(self)
        form = QFormLayout(general)
        self.field_set = FieldSet(self, self.FIELDS)
        self.field_set.add_form_rows(form, self)
        self.products = ProductRows(self)
        self.exports = ExportRows(db, self)
        self.tabs.addTab(general, "")
        self.tabs.addTab(self.products, "")
        self.tabs.addTab(self.exports, "")
        layout.addWidget(self.tabs, 1)
        self.error, self.buttons = add_save_buttons(self, layout, self.save)
        if company is not None:
            self.field_set.load(company)
            self._load_rows(company)
        self.retranslate_ui()
        self.resize(720, 640)

    def _load_rows(self, company: CompanyView) -> None:
        for p in markets_service.list_products(self.db, company_id=company.id):
            capacity = "" if p.annual_capacity is None else loc_digits(f"{p.annual_capacity:g}")
            self.products.add_row([p.name_fa, p.name_en, p.hs_code, capacity, p.capacity_unit],
                                  p.id, p.version)  # fmt: skip
        rtl = is_rtl()
        names = {
            cid: (fa if rtl else en)
            for fa, en, cid in markets_service.country_names(self.db).values()
        }
        for e in markets_service.list_exports(self.db, company_id=company.id, limit=100_000):
            self.exports.add_row(
                [loc_digits(e.year), names.get(e.country_id or 0, e.country_fa),
                 format_count(int(e.value_usd), current_language())],
                e.id, e.version,
            )  # fmt: skip

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        name = self.company.name_fa if self.company and is_rtl() else ""
        if self.company is not None and not is_rtl():
            name = self.company.name_en or self.company.name_fa
        self.setWindowTitle(
            self.tr("Company: %1").replace("%1", name) if name else self.tr("New company")
        )
        self.field_set.retranslate(self.tr)
        self.tabs.setTabText(0, self.tr("Company"))
        self.tabs.setTabText(1, self.tr("Products"))
        self.tabs.setTabText(2, self.tr("Exports"))
        self.products.retranslate(self.tr)
        self.exports.retranslate(self.tr)

    def save(self) -> bool:
        """Save the company, its products and exports; close when it worked."""
        values = self.field_set.valid_values()
        if values is None:
            return False
        if self.company is not None:
            values["id"], values["version"] = self.company.id, self.company.version
        company = CompanyInput(**values)
        exports, unreadable = self.exports.exports()
        if unreadable:
            self.tabs.setCurrentWidget(self.exports)
            self.exports.errors.show_error(unreadable)
            return False
        saved = service_result(
            self,
            lambda: markets_service.save_company_sheet(
                self.db, company=company, products=self.products.products(company.sector),
                exports=exports,
            ),
            self._show_refusal,
        )  # fmt: skip
        if saved is None:
            return False
        self.saved = saved
        self.accept()
        return True

    def _show_refusal(self, exc: ValidationError) -> None:
        rest = self.field_set.show_errors(
            {k: v for k, v in exc.errors.items() if not k.startswith(("products.", "exports."))}
        )
        for prefix, table in (("products.", self.products), ("exports.", self.exports)):
            rows = {k: v for k, v in exc.errors.items() if k.startswith(prefix)}
            if rows:
                key = next(iter(rows))
                row = int(key.split(".")[1]) + 1
                table.errors.show_error(
                    self.tr("Row %1: %2").replace("%1", loc_digits(row)).replace("%2", rows[key])
                )
                self.tabs.setCurrentWidget(table)
        if rest:
            self.error.show_error("\n".join(rest.values()))
