"""The target markets module: the atlas map, the market list, the top exporters, the card."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.core.markets import CompanyInput, ExportInput, MarketInput, RegionInput
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import markets as m
from qazvin_diplomacy.ui.application import apply_language
from qazvin_diplomacy.ui.markets.card import MarketCardDialog
from qazvin_diplomacy.ui.markets.map_view import (
    EXPORT_COLORS,
    EXPORTS,
    PRIORITY,
    PRIORITY_COLORS,
    export_bucket,
)


@pytest.fixture
def data(db) -> dict[str, int]:
    """Iraq (Kurdistan, priority 1) and Tajikistan (priority 3) with 1404 exports and a tie."""
    directory.ensure_reference_data(db)
    iq = directory.country_by_code(db, "IQ").id  # type: ignore[union-attr]
    tj = directory.country_by_code(db, "TJ").id  # type: ignore[union-attr]
    krg = m.save_region(db, region=RegionInput(iq, "اقلیم کردستان عراق")).id
    a = m.save_company(db, company=CompanyInput("صنایع شوینده نیلوفرپاک", sector="detergents")).id
    b = m.save_company(db, company=CompanyInput("روغن نباتی زرین", sector="food")).id
    person = directory.save_person(db, person=PersonInput(name_fa="کاروان هورامی")).id
    m.save_market(
        db,
        market=MarketInput(iq, region_id=krg, sector="detergents", priority=1,
                           demand_notes="تقاضای پایدار شوینده", people=((person, "official"),),
                           company_ids=(a,)),
    )  # fmt: skip
    m.save_market(db, market=MarketInput(tj, sector="machinery", priority=3))
    m.save_export(db, export=ExportInput(a, iq, 1404, 7_250_000))
    m.save_export(db, export=ExportInput(b, iq, 1404, 7_250_000))
    return {"iq": iq, "tj": tj}


def test_map_colours_by_priority_then_by_exports(window, data) -> None:
    page = window.show_module("markets")
    item = page.map.item_at_code("IQ")
    assert item is not None
    assert item.brush().color() == PRIORITY_COLORS[1]
    assert page.map.item_at_code("TJ").brush().color() == PRIORITY_COLORS[3]
    assert "عراق" in item.toolTip()
    page.mode.setCurrentIndex(page.mode.findData(EXPORTS))
    assert item.brush().color() == EXPORT_COLORS[export_bucket(14_500_000)]
    assert page.map.item_at_code("TJ").brush().color() != PRIORITY_COLORS[3]  # no exports
    page.mode.setCurrentIndex(page.mode.findData(PRIORITY))
    labels = [label.text() for label, _anchor in page.map.labels]
    assert "عراق" in labels and "تاجیکستان" in labels


def test_clicking_a_country_opens_its_market_card(window, data, qtbot) -> None:
    page = window.show_module("markets")
    page.resize(1200, 700)
    qtbot.wait(10)
    item = page.map.item_at_code("IQ")
    centre = item.path().toSubpathPolygons()[0].boundingRect().center()
    opened: list[str] = []
    page.map.countryClicked.connect(opened.append)
    qtbot.mouseClick(
        page.map.viewport(), Qt.MouseButton.LeftButton, pos=page.map.mapFromScene(centre)
    )
    assert opened == ["IQ"]
    card = page.cards[-1]
    assert isinstance(card, MarketCardDialog)
    html = card.browser.toPlainText()
    assert "تقاضای پایدار شوینده" in html and "کاروان هورامی" in html
    assert "صنایع شوینده نیلوفرپاک" in html
    card.close()


def test_market_list_filters_and_model(window, data, qtmodeltester) -> None:
    page = window.show_module("markets")
    page.views.setCurrentIndex(1)
    assert page.model.total == 2
    qtmodeltester.check(page.model)
    bar = page.filter_bar
    bar.priority.setCurrentIndex(bar.priority.findData(3))
    assert page.model.total == 1
    assert page.model.item(0).country_id == data["tj"]
    bar.clear()
    assert page.model.total == 2
    assert page.count_label.text() == "۲ بازار هدف"


def test_top_exporters_tab_shows_the_tie(window, data, qtmodeltester) -> None:
    page = window.show_module("markets")
    page.views.setCurrentIndex(2)
    model = page.top_model
    qtmodeltester.check(model)
    ranks = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert ranks == ["۱ (هم‌رتبه)", "۱ (هم‌رتبه)"]


def test_english_interface(window, data, app) -> None:
    apply_language(app, "en")
    page = window.show_module("markets")
    assert page.views.tabText(0) == "Map"
    assert "Iraq" in page.map.item_at_code("IQ").toolTip()
    assert [label.text() for label, _a in page.map.labels if label.isVisible()][0] == "Iraq"


def test_recording_a_market_in_the_form(window, data, db, qtbot) -> None:
    from qazvin_diplomacy.ui.markets.form import MarketDialog

    page = window.show_module("markets")
    form = page.new_record()
    assert isinstance(form, MarketDialog)
    country, region = form.country, form.region
    country.setCurrentIndex(country.findData(data["iq"]))
    assert region.count() == 2  # the whole country, Kurdistan
    country.setCurrentIndex(country.findData(data["tj"]))
    assert region.count() == 1  # Tajikistan has no region recorded: a region is of one country
    sector = form.field_set.widgets["sector"]
    sector.setCurrentIndex(sector.findData("food"))
    form.field_set.widgets["demand_notes"].setPlainText("فهرست نیازهای تاجیکستان")
    person = directory.save_person(
        db, person=PersonInput(name_fa="رستم عبدالله‌زاده", title_fa="رئیس ولایت سغد")
    )
    form.field_set.widgets["people"].add_person(person.id, person.name_fa)
    picker = form.field_set.widgets["company_ids"]
    picker.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert form.save()
    saved = form.saved
    assert saved is not None and saved.country_id == data["tj"]
    assert saved.person_rows[0].role == "official"  # suggested by the title
    assert len(saved.company_ids) == 1
    page.views.setCurrentIndex(1)  # the list is re-read when shown
    assert page.model.total == 3
    again = page._open_form(m.get_market(db, market_id=saved.id))
    assert again.field_set.widgets["company_ids"].ids() == saved.company_ids
    again.reject()


def test_company_form_saves_products_and_exports(window, data, db) -> None:
    page = window.show_module("markets")
    page.views.setCurrentIndex(3)
    assert page.company_model.total == 2
    form = page.open_company(None)
    form.field_set.widgets["name_fa"].setText("لبنیات بهنوش دشت")
    form.products.add_row(["پنیر", "Cheese", "0406", "۱۴۰۰۰", "تن"])
    form.exports.add_row(["۱۴۰۴", "عراق", "۹۰۰٬۰۰۰"])
    form.exports.add_row(["1404", "نارنیا", "10"])
    assert not form.save()  # no such country: nothing saved, the row is named
    assert "نارنیا" in form.exports.errors.text()
    assert m.count_companies(db, text="بهنوش") == 0
    form.exports.table.removeRow(1)
    assert form.save()
    saved = form.saved
    assert saved is not None and saved.product_count == 1
    assert [(e.year, e.value_usd) for e in m.list_exports(db, company_id=saved.id)] == [
        (1404, 900_000)
    ]
    again = page.open_company(m.get_company(db, company_id=saved.id or 0))
    assert again.exports.table.rowCount() == 1
    # the value with its thousands, as typed (it read «۹۰۰۰۰۰»), and saved back unchanged
    assert [again.exports.table.item(0, c).text() for c in range(3)] == ["۱۴۰۴", "عراق", "۹۰۰٬۰۰۰"]
    assert again.save()
    assert [e.value_usd for e in m.list_exports(db, company_id=saved.id)] == [900_000]
    again.reject()


def test_a_new_region_is_added_to_the_chosen_country(window, data, db) -> None:
    form = window.show_module("markets").new_record()
    form.country.setCurrentIndex(form.country.findData(data["tj"]))
    region_id = form.add_region("ولایت سغد")
    assert region_id is not None and form.region.currentData() == region_id
    assert m.get_region(db, region_id=region_id).country_id == data["tj"]
    assert form.add_region("ولايت سغد") is None  # same name in the same country (Arabic Yeh)
    assert "این کشور" in form.error.text()
    form.country.setCurrentIndex(0)  # no country chosen: refused, nothing written
    assert form.add_region("منطقه بی‌کشور") is None
    assert len(m.list_regions(db)) == 2
    form.reject()


def test_the_card_prints_the_country_briefing_and_the_page_the_atlas(
    window, data, qtbot, monkeypatch
) -> None:
    from qazvin_diplomacy.ui import ops

    opened: list = []
    monkeypatch.setattr(ops, "open_file", lambda path: opened.append(path) or True)
    page = window.show_module("markets")
    card = page.open_country("IQ")
    assert card is not None and card.report_button.text() == "گزارش کشور"
    card.report_button.click()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=60_000)
    assert opened[0].name.startswith("country-briefing-") and opened[0].suffix == ".pdf"
    card.close()
    assert page.atlas_button.text() == "چاپ اطلس…"
    page.atlas_button.click()
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=60_000)
    assert opened[1].name.startswith("markets-map-")


def test_the_dashboard_map_card_shows_the_years_exports(window, data, db, qtbot) -> None:
    from qazvin_diplomacy.ui.markets.cards import ExportsMapCard

    page = window.show_module("dashboard")
    page.resize(820, 700)  # one column below 900 px
    page.refresh()
    page.wait_read()
    card = page.cards["markets_exports_map"]
    assert isinstance(card, ExportsMapCard) and card.isVisible()
    assert page.columns() == 1
    # Today is in 1405 or later: with nothing for this year the latest year is shown.
    assert card.title.text() == "صادرات به تفکیک کشور در ۱۴۰۴"
    assert card.map is not None
    iraq = card.map.item_at_code("IQ")
    assert iraq.brush().color() == EXPORT_COLORS[export_bucket(14_500_000)]
    assert card.map.item_at_code("TJ").brush().color() != PRIORITY_COLORS[3]  # no exports
    assert "۱ کشور؛ بیشترین:" in card.leading.text() and "عراق" in card.leading.text()
    opened = card.open_country("IQ")
    assert isinstance(opened, MarketCardDialog)
    opened.close()


def test_regions_of_a_country_are_renamed_and_archived(window, data, db, monkeypatch) -> None:
    from qazvin_diplomacy.ui.markets import regions as regions_module

    basra = m.save_region(db, region=RegionInput(data["iq"], "جنوب عراق")).id
    m.save_region(db, region=RegionInput(data["tj"], "سغد"))  # another country's
    form = window.show_module("markets").new_record()
    form.country.setCurrentIndex(0)
    assert form.edit_regions() is None and "کشور" in form.error.text()
    form.country.setCurrentIndex(form.country.findData(data["iq"]))
    form.region.setCurrentIndex(form.region.findData(basra))
    dialog = form.edit_regions()
    assert dialog is not None and dialog.windowTitle() == "مناطق عراق"
    assert sorted(dialog.regions) == sorted(r.id for r in m.list_regions(db, country_id=data["iq"]))
    dialog.select_region(basra)
    names = dialog.field_set.widgets
    # The same name as another region of Iraq is refused under the field, nothing written.
    names["name_fa"].setText("اقلیم کردستان عراق")
    assert not dialog.save_current()
    assert "همین نام" in dialog.field_set.error_text("name_fa")
    assert m.get_region(db, region_id=basra).name_fa == "جنوب عراق"
    names["name_fa"].setText("جنوب عراق (بصره)")
    names["name_en"].setText("Southern Iraq (Basra)")
    assert dialog.save_current()
    renamed = m.get_region(db, region_id=basra)
    assert (renamed.name_fa, renamed.name_en, renamed.country_id) == (
        "جنوب عراق (بصره)", "Southern Iraq (Basra)", data["iq"],
    )  # fmt: skip
    # Archiving asks first (No: nothing happens), then the region leaves the lists.
    monkeypatch.setattr(regions_module, "ask", lambda *_a: False)
    dialog.select_region(basra)
    assert not dialog.archive_current()
    monkeypatch.setattr(regions_module, "ask", lambda *_a: True)
    assert dialog.archive_current()
    assert basra not in dialog.regions
    assert basra not in [r.id for r in m.list_regions(db, country_id=data["iq"])]
    dialog.close()
    assert form.region.findData(basra) == -1 and form.region.currentData() is None
    form.reject()
