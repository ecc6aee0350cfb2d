"""The target market form: place (country, region), product or sector, needs, people, companies.

The region list follows the chosen country (a region belongs to one country); the people are
picked from the directory (their role follows their title: an ambassador, a counsellor …,
and a stored role is kept when the market is opened again); the supplying companies are
ticked in a list that a search box narrows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qazvin_diplomacy.core.errors import ValidationError
from qazvin_diplomacy.core.markets import (
    MarketInput,
    MarketPriority,
    MarketStatus,
    MarketView,
    RegionInput,
    Sector,
    suggest_person_role,
)
from qazvin_diplomacy.core.text import compact_key
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import markets as markets_service
from qazvin_diplomacy.services.connection import DatabaseHandle
from qazvin_diplomacy.ui.common import ID_ROLE, refill_combo, show_error
from qazvin_diplomacy.ui.form_fields import (
    FieldSet,
    FieldSpec,
    add_save_buttons,
    date_field,
    enum_combo,
    filled_combo,
    stored,
    text_area,
    text_field,
)
from qazvin_diplomacy.ui.i18n import QT_TRANSLATE_NOOP, Retranslating, is_rtl
from qazvin_diplomacy.ui.markets.place import fill_countries, fill_regions
from qazvin_diplomacy.ui.markets.regions import RegionsDialog
from qazvin_diplomacy.ui.visits.people import PeopleEditor


class CompanyPicker(Retranslating, QWidget):
    """Tick the province companies able to supply the market; a search box narrows the list."""

    def __init__(self, db: DatabaseHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(140)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        for company in markets_service.list_companies(db, limit=20_000):
            item = QListWidgetItem(company.name_fa)
            item.setData(ID_ROLE, company.id)
            item.setData(
                Qt.ItemDataRole.UserRole + 1, compact_key(company.name_fa + company.name_en)
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.search.textChanged.connect(self.narrow)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Texts for the current language."""
        self.search.setPlaceholderText(self.tr("Type part of a company name"))

    def narrow(self, text: str) -> None:
        """Show only the companies whose name holds ``text`` (ticked ones always stay)."""
        key = compact_key(text)
        for i in range(self.list.count()):
            item = self.list.item(i)
            ticked = item.checkState() == Qt.CheckState.Checked
            item.setHidden(
                bool(key) and not ticked and key not in item.data(Qt.ItemDataRole.UserRole + 1)
            )

    def set_ids(self, ids: tuple[int, ...]) -> None:
        """Tick exactly ``ids``; the ticked companies move to the top of the list."""
        chosen = set(ids)
        ticked = []
        for i in reversed(range(self.list.count())):
            item = self.list.item(i)
            if item.data(ID_ROLE) in chosen:
                ticked.append(self.list.takeItem(i))
            else:
                item.setCheckState(Qt.CheckState.Unchecked)
        for item in ticked:  # reversed twice: the list's order is kept
            item.setCheckState(Qt.CheckState.Checked)
            self.list.insertItem(0, item)

    def ids(self) -> tuple[int, ...]:
        """The ticked companies' ids."""
        return tuple(
            int(self.list.item(i).data(ID_ROLE))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        )


def _load_people(editor: PeopleEditor, market: MarketView) -> None:
    for person in market.person_rows:
        editor.add_person(person.person_id, person.name_fa, person.name_en)


class MarketDialog(Retranslating, QDialog):
    """Record a new target market (``market`` None) or edit one."""

    FIELDS = (
        filled_combo("country_id", QT_TRANSLATE_NOOP("MarketDialog", "Country"), required=True),
        filled_combo("region_id", QT_TRANSLATE_NOOP("MarketDialog", "Region")),
        filled_combo("product_id", QT_TRANSLATE_NOOP("MarketDialog", "Product")),
        filled_combo("sector", QT_TRANSLATE_NOOP("MarketDialog", "Sector")),
        enum_combo("priority", QT_TRANSLATE_NOOP("MarketDialog", "Priority"), MarketPriority,
                   default=MarketPriority.MEDIUM),
        enum_combo("status", QT_TRANSLATE_NOOP("MarketDialog", "Status"), MarketStatus,
                   default=MarketStatus.STUDYING),
        text_area("demand_notes", QT_TRANSLATE_NOOP("MarketDialog", "Needs and demand"),
                  max_height=90),
        text_area("barriers", QT_TRANSLATE_NOOP("MarketDialog", "Barriers"), max_height=60),
        text_field("sources", QT_TRANSLATE_NOOP("MarketDialog", "Sources")),
        date_field("info_date", QT_TRANSLATE_NOOP("MarketDialog", "Information date")),
        FieldSpec("people", QT_TRANSLATE_NOOP("MarketDialog", "Influential people"),
                  lambda form, parent: PeopleEditor(form.db, parent),
                  load=_load_people, collect=PeopleEditor.ids, raw=PeopleEditor.ids),
        FieldSpec("company_ids", QT_TRANSLATE_NOOP("MarketDialog", "Companies able to supply"),
                  lambda form, parent: CompanyPicker(form.db, parent),
                  load=lambda w, r: w.set_ids(r.company_ids), collect=CompanyPicker.ids,
                  raw=CompanyPicker.ids),
    )  # fmt: skip

    def __init__(
        self, db: DatabaseHandle, market: MarketView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.market = market
        self.saved: MarketView | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.field_set = FieldSet(self, self.FIELDS)
        self.field_set.add_form_rows(form, self)
        layout.addLayout(form)
        self.error, self.buttons = add_save_buttons(self, layout, self.save)
        self.country = self.field_set.widgets["country_id"]
        self.region = self.field_set.widgets["region_id"]
        self.new_region_button = QPushButton(self)
        self.new_region_button.clicked.connect(lambda: self.ask_new_region())
        self.regions_button = QPushButton(self)
        self.regions_button.clicked.connect(lambda: self.edit_regions())
        self.regions_dialog: RegionsDialog | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_region_button)
        buttons.addWidget(self.regions_button)
        buttons.addStretch(1)
        form.insertRow(2, "", buttons)  # under the region they change
        self.retranslate_ui()
        if market is not None:
            self.field_set.load(market)
            self.fill_regions()
            self.region.setCurrentIndex(max(self.region.findData(market.region_id), 0))
        self.country.currentIndexChanged.connect(lambda _i: self.fill_regions())
        self.resize(680, 760)

    def retranslate_ui(self) -> None:
        """Texts and choice lists for the current language."""
        self.setWindowTitle(
            self.tr("Target market") if self.market else self.tr("New target market")
        )
        self.field_set.retranslate(self.tr)
        self.new_region_button.setText(self.tr("New region in this country…"))
        self.regions_button.setText(self.tr("Rename or archive regions…"))
        fill_countries(self.db, self.country)
        rtl = is_rtl()
        products = markets_service.list_products(self.db)
        refill_combo(
            self.field_set.widgets["product_id"],
            [
                ("—", None),
                *((p.name_fa if rtl else (p.name_en or p.name_fa), p.id) for p in products),
            ],
        )
        lang = "fa" if rtl else "en"
        refill_combo(
            self.field_set.widgets["sector"],
            [("—", ""), *((s.label(lang), s.value) for s in Sector)],
        )
        self.fill_regions()

    def ask_new_region(self) -> int | None:
        """Ask for a region's Persian name and add it to the chosen country."""
        name, ok = QInputDialog.getText(
            self, self.tr("New region"), self.tr("Name of the region (Persian):")
        )
        return self.add_region(name) if ok else None

    def add_region(self, name_fa: str) -> int | None:
        """Record region ``name_fa`` in the chosen country and choose it; None when refused."""
        country_id = self.country.currentData()
        try:
            region = markets_service.save_region(self.db, region=RegionInput(country_id, name_fa))
        except ValidationError as exc:
            self.error.show_error("؛ ".join(exc.errors.values()))
            return None
        except Exception as exc:  # a known error (locked) or a bug: shown, not raised
            show_error(self, exc)
            return None
        self.fill_regions()
        self.region.setCurrentIndex(max(self.region.findData(region.id), 0))
        return region.id

    def edit_regions(self) -> RegionsDialog | None:
        """The chosen country's regions to rename or archive (None without a country); the
        region list is re-read when it closes."""
        country_id = self.country.currentData()
        if country_id is None:
            self.error.show_error(self.tr("Choose the country first."))
            return None
        dialog = RegionsDialog(self.db, country_id, self.country.currentText(), self)
        dialog.finished.connect(lambda _result: self._regions_edited(dialog))
        dialog.setModal(True)
        dialog.show()
        self.regions_dialog = dialog
        return dialog

    def _regions_edited(self, dialog: RegionsDialog) -> None:
        chosen = self.region.currentData()
        self.fill_regions()
        self.region.setCurrentIndex(max(self.region.findData(chosen), 0))
        self.regions_dialog = None
        dialog.deleteLater()

    def fill_regions(self) -> None:
        """The regions of the chosen country only."""
        fill_regions(self.db, self.country, self.region, self.tr("The whole country"))

    def market_input(self) -> MarketInput | None:
        """The market as typed, or None (errors shown under the fields)."""
        values = self.field_set.valid_values()
        if values is None:
            return None
        kept = {p.person_id: p.role for p in self.market.person_rows} if self.market else {}
        editor: PeopleEditor = self.field_set.widgets["people"]  # type: ignore[assignment]
        people = []
        for person_id, _fa, _en in editor.people():
            role = kept.get(person_id)
            if role is None:
                person = directory.get_person(self.db, person_id=person_id)
                role = suggest_person_role(person.title_fa, person.title_en).value
            people.append((person_id, role))
        values["people"] = tuple(people)
        values["sector"] = values.get("sector") or ""
        values["priority"] = int(values["priority"])
        if self.market is not None:
            values["id"], values["version"] = self.market.id, self.market.version
        return MarketInput(**values)

    def save(self) -> bool:
        """Save the market; close when it worked."""
        market = self.market_input()
        if market is None:
            return False
        self.saved = stored(
            self, self.field_set, self.error, markets_service.save_market, self.db, market=market
        )
        if self.saved is None:
            return False
        self.accept()
        return True
