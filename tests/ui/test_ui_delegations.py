"""The trade delegations module: the list with its filters, the form saving every tab."""

from __future__ import annotations

from datetime import date

import pytest

from qazvin_diplomacy.core.delegations import DelegationInput, DelegationMember, ProgrammeItem
from qazvin_diplomacy.core.markets import CompanyInput, RegionInput
from qazvin_diplomacy.services import delegations as dg
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import markets as m
from qazvin_diplomacy.ui.application import apply_language


@pytest.fixture
def data(db) -> dict[str, int]:
    """A delegation sent to Tajikistan and one received from Russia."""
    directory.ensure_reference_data(db)
    tj = directory.country_by_code(db, "TJ").id  # type: ignore[union-attr]
    ru = directory.country_by_code(db, "RU").id  # type: ignore[union-attr]
    company = m.save_company(db, company=CompanyInput("صنایع غذایی نگین دشت", sector="food")).id
    sent = dg.save_delegation(
        db,
        delegation=DelegationInput(
            title="اعزام تیم تجاری به تاجیکستان", country_id=tj, start_date=date(2025, 10, 4),
            end_date=date(2025, 10, 8), head_text="معاون اقتصادی استاندار",
            members=(DelegationMember(kind="company", role="trader", company_id=company),),
            programme=(ProgrammeItem(date(2025, 10, 5), "۱۰:۰۰", "دوشنبه", "نشست تجاری"),),
        ),
    ).id  # fmt: skip
    received = dg.save_delegation(
        db,
        delegation=DelegationInput(
            title="پذیرش هیئت روسیه", direction="incoming", country_id=ru,
            start_date=date(2025, 12, 1), end_date=date(2025, 12, 3), status="confirmed",
        ),
    ).id  # fmt: skip
    return {"tj": tj, "ru": ru, "sent": sent, "received": received, "company": company}


def test_the_list_shows_both_and_filters_by_direction(window, data, db) -> None:
    page = window.show_module("delegations")
    page.refresh()
    assert page.model.total == 2
    assert page.model.item(0).title == "پذیرش هیئت روسیه"  # newest first
    assert "۲" in page.count_label.text()
    bar = page.filter_bar
    bar.direction.setCurrentIndex(bar.direction.findData("outgoing"))
    assert [page.model.item(i).id for i in range(page.model.total)] == [data["sent"]]
    assert page.model.data(page.model.index(0, 0)) == "اعزامی"
    bar.clear()
    assert page.model.total == 2


def test_the_form_reopens_and_saves_every_tab(window, data, db) -> None:
    page = window.show_module("delegations")
    form = page.open_record(data["sent"])
    assert form.members.members() == (
        DelegationMember(kind="company", role="trader", company_id=data["company"]),
    )
    assert form.programme.text(0, 3) == "نشست تجاری"
    form.members.add_member(DelegationMember(kind="other", role="interpreter"))
    form.members.table.item(1, 2).setText("مترجم")
    form.programme.add_row(["", "", "خجند", "بازدید از بازار", ""])
    assert form.save()
    back = dg.get_delegation(db, delegation_id=data["sent"])
    assert [x.display_name() for x in back.members] == ["صنایع غذایی نگین دشت", "مترجم"]
    assert [p.activity for p in back.programme] == ["نشست تجاری", "بازدید از بازار"]
    assert back.head_text == "معاون اقتصادی استاندار"


def test_the_regions_offered_follow_the_country_and_the_region_is_saved(window, data, db) -> None:
    sughd = m.save_region(db, region=RegionInput(data["tj"], "ولایت سغد")).id
    form = window.show_module("delegations").open_record(data["sent"])
    assert [form.region.itemData(i) for i in range(form.region.count())] == [None, sughd]
    form.region.setCurrentIndex(1)
    assert form.save()
    assert dg.get_delegation(db, delegation_id=data["sent"]).region_id == sughd
    again = window.show_module("delegations").open_record(data["sent"])
    assert again.region.currentData() == sughd
    again.country.setCurrentIndex(again.country.findData(data["ru"]))
    assert [again.region.itemData(i) for i in range(again.region.count())] == [None]
    again.reject()


def test_a_new_delegation_without_a_country_is_refused_on_the_form(window, data, db) -> None:
    page = window.show_module("delegations")
    form = page.new_record()
    form.field_set.widgets["title"].setText("هیئت آزمایشی")
    form.field_set.widgets["start_date"].setDate(date(2025, 1, 1))
    form.field_set.widgets["end_date"].setDate(date(2025, 1, 2))
    assert not form.save()
    assert dg.count_delegations(db) == 2
    form.reject()


def test_english_texts(app, window, data) -> None:
    apply_language(app, "en")
    page = window.show_module("delegations")
    page.refresh()
    assert page.heading.text() == "Trade delegations"
    assert page.model.data(page.model.index(0, 0)) == "Incoming"


def test_the_dashboard_lists_the_delegations_ahead(window, data, db, qtbot) -> None:
    from datetime import timedelta

    page = window.show_module("dashboard")
    today = page.ctx.today()
    ru = data["ru"]
    for title, days, status in (
        ("هیئت تجاری ماه آینده", 30, "planned"),
        ("هیئت در حال سفر", -1, "confirmed"),  # still under way: it ends tomorrow
        ("هیئت لغوشده", 10, "cancelled"),
    ):
        dg.save_delegation(
            db,
            delegation=DelegationInput(
                title=title, direction="incoming", country_id=ru, status=status,
                start_date=today + timedelta(days=days), end_date=today + timedelta(days=days + 2),
            ),
        )  # fmt: skip
    window.hub.dataChanged.emit("delegations")
    card = page.cards["delegations_ahead"]
    qtbot.waitUntil(lambda: not page.reading() and card.isVisible())
    assert card.title.text() == "هیئت‌های پیش رو"
    texts = card.texts()
    assert len(texts) == 2  # the earlier ones (2025) and the cancelled one are not ahead
    assert "هیئت در حال سفر" in texts[0] and "هیئت تجاری ماه آینده" in texts[1]
    assert texts[0].split(" — ")[1].startswith("پذیرش")
    card.list.itemDoubleClicked.emit(card.list.item(1))
    delegations_page = window.current_page()
    assert delegations_page is window.pages["delegations"]


def test_the_follow_ups_tab_saves_the_tasks_after_the_trip(window, data, db) -> None:
    from qazvin_diplomacy.core.followups import FollowUpInput

    page = window.show_module("delegations")
    form = page.open_record(data["sent"])
    tab = form.tabs.indexOf(form.followups)
    assert form.tabs.tabText(tab) == "پیگیری‌ها"
    assert form.followups.table.horizontalHeaderItem(0).text() == "اقدام"
    form.followups.add_entry(FollowUpInput("", owner_text="اتاق بازرگانی"))
    assert not form.save()  # no title: the row is marked, the tab shown
    assert form.tabs.currentIndex() == tab
    assert dg.get_delegation(db, delegation_id=data["sent"]).followups == ()
    form.followups.table.item(0, 0).setText("ارسال فهرست نیازها")
    form.followups.table.item(0, 2).setText("۱۴۰۴/۰۸/۰۱")
    assert form.save()
    back = dg.get_delegation(db, delegation_id=data["sent"])
    assert [(t.title, t.owner_text, t.deadline) for t in back.followups] == [
        ("ارسال فهرست نیازها", "اتاق بازرگانی", date(2025, 10, 23))
    ]
    again = page.open_record(data["sent"])
    assert again.followups.text(0, 0) == "ارسال فهرست نیازها"
    again.reject()


def test_an_overdue_follow_up_of_a_delegation_opens_the_delegation(window, data, db, qtbot) -> None:
    from datetime import timedelta

    from qazvin_diplomacy.core.followups import FollowUpInput

    page = window.show_module("dashboard")
    late = page.ctx.today() - timedelta(days=3)
    view = dg.get_delegation(db, delegation_id=data["sent"])
    dg.save_delegation(
        db,
        delegation=DelegationInput(
            title=view.title, country_id=data["tj"], start_date=view.start_date,
            end_date=view.end_date, followups=(FollowUpInput("ارسال فهرست نیازها", deadline=late),),
            id=view.id, version=view.version,
        ),
    )  # fmt: skip
    window.hub.dataChanged.emit("followups")
    card = page.cards["overdue_followups"]
    qtbot.waitUntil(
        lambda: not page.reading() and any("ارسال فهرست نیازها" in t for t in card.texts())
    )
    row = next(i for i, t in enumerate(card.texts()) if "ارسال فهرست نیازها" in t)
    assert card.list.item(row).toolTip().startswith("هیئت: "), card.list.item(row).toolTip()
    card.list.itemDoubleClicked.emit(card.list.item(row))
    assert window.current_page() is window.pages["delegations"]


def test_the_follow_ups_notes_column_starts_inside_the_table(window, data, qtbot, tmp_path) -> None:
    """The follow-up table borrowed from the visit form shares its widths out at this size."""
    page = window.show_module("delegations")
    form = page.open_record(data["sent"])
    form.tabs.setCurrentWidget(form.followups)
    qtbot.waitExposed(form)
    table = form.followups.table
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    before_notes = sum(table.columnWidth(c) for c in range(table.columnCount() - 1))
    assert before_notes + 100 <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    form.grab().save(str(tmp_path / "followups.png"))
