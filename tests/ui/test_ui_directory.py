"""The directory module through its real widgets: tabs, models, forms, record pages, merge, export."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt

from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.core.visits import GuestEntry, VisitInput, VisitStatus
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.directory.models import (
    CountryTableModel,
    OrganizationTreeModel,
    PersonTableModel,
)
from qazvin_diplomacy.ui.directory.page import (
    COUNTRIES_TAB,
    ORGANIZATIONS_TAB,
    PEOPLE_TAB,
    DirectoryPage,
)
from qazvin_diplomacy.ui.modules import Hub, UiContext


@pytest.fixture
def page(app, qtbot, paths, db, settings) -> DirectoryPage:
    directory.ensure_reference_data(db)
    ctx = UiContext(paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub())
    widget = DirectoryPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.refresh()
    return widget


def tajik_country(db) -> int:
    return next(c.id for c in directory.list_countries(db) if c.iso2 == "TJ")


@pytest.fixture
def embassy(db) -> int:
    directory.ensure_reference_data(db)
    org = directory.save_organization(
        db,
        org=OrganizationInput(
            name_fa="سفارت تاجیکستان", kind="embassy", country_id=tajik_country(db)
        ),
    )
    directory.save_organization(
        db, org=OrganizationInput(name_fa="بخش کنسولی", kind="consulate", parent_id=org.id)
    )
    return org.id  # type: ignore[return-value]


def test_models_pass_the_model_tester(qtmodeltester, db, embassy) -> None:
    for i in range(450):
        directory.save_person(db, person=PersonInput(name_fa=f"شخص {i:03d}"))
    people = PersonTableModel(db)
    people.reload()
    assert people.rowCount() == PersonTableModel.PAGE and people.canFetchMore()
    people.fetchMore()
    people.fetchMore()
    assert people.rowCount() == 450 and not people.canFetchMore()
    qtmodeltester.check(people)
    countries = CountryTableModel(db)
    countries.reload()
    qtmodeltester.check(countries)
    row = countries.row_of(tajik_country(db))
    assert countries.index(row, 2).data() == "سفارت تاجیکستان"  # embassy column
    tree = OrganizationTreeModel(db)
    tree.reload()
    qtmodeltester.check(tree)
    assert tree.rowCount() == 1 and tree.item(0).child(0).text() == "بخش کنسولی"


def test_filters_run_in_sql_and_export_exactly_the_filtered_list(
    page, qtbot, db, embassy, tmp_path
):
    tj = tajik_country(db)
    directory.save_person(
        db,
        person=PersonInput(
            name_fa="جمشید قادرزاده", title_fa="سفیر", country_id=tj, organization_id=embassy
        ),
    )
    directory.save_person(db, person=PersonInput(name_fa="مارکو روسی", title_fa="رایزن"))
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    page.people_tab.text.setText("سفير")  # Arabic Yeh
    qtbot.waitUntil(lambda: page.person_model.rowCount() == 1, timeout=3000)
    assert page.people_tab.count_label.text() == "۱ نفر"
    out = tmp_path / "people.csv"
    task = page.export_current(out)
    qtbot.waitUntil(lambda: task.outcome == "done", timeout=10000)
    lines = out.read_text("utf-8-sig").splitlines()
    assert len(lines) == 2 and "قادرزاده" in lines[1]
    # organizations tab: filtering by kind keeps the parent of a match for context
    page.tabs.setCurrentIndex(ORGANIZATIONS_TAB)
    page.org_kind.setCurrentIndex(page.org_kind.findData("consulate"))
    assert set(page.org_model.orgs) == {embassy, max(page.org_model.orgs)}
    out_x = tmp_path / "orgs.xlsx"
    task = page.export_current(out_x)
    qtbot.waitUntil(lambda: task.outcome == "done", timeout=10000)
    ws = openpyxl.load_workbook(out_x).active
    assert ws.max_row == 2 and ws.sheet_view.rightToLeft  # only the consulate is exported


def test_person_form_shows_errors_next_to_fields_and_warns_of_duplicates(page, qtbot, db):
    directory.save_person(
        db, person=PersonInput(name_fa="یوکو ساتو", email="yoko@mofa.jp", phone="+98 912 111 2233")
    )
    form = page.new_person()
    qtbot.addWidget(form)
    form.name_en.setText("Someone")
    form.email.setText("not an email")
    form.save()
    assert form.isVisible()
    assert form.errors["name_fa"].isVisible() and form.errors["email"].isVisible()
    assert "رایانامه" in form.errors["email"].text()
    assert form.email.text() == "not an email"  # typed text is kept
    form.name_fa.setText("يوكو  ساتو")  # Arabic letters, double space
    form.check_duplicates()
    assert form.duplicates_label.isVisible() and len(form.duplicate_ids) == 1
    form.name_fa.setText("کسی دیگر")
    form.phone.setText("09121112233")  # the same number, written differently
    form.check_duplicates()
    assert form.duplicate_ids and "تلفن" in form.duplicates_label.text()
    form.email.setText("other@example.com")
    form.functions_started.date_edit.setText("۱۴۰۳/۰۲/۱۰")
    form.functions_started.time_line.setText("۱۰:۳۰")
    with qtbot.waitSignal(form.saved):
        form.save()
    saved = directory.list_people(db, text="کسی دیگر")[0]
    assert saved.functions_started_at.astimezone(dt.UTC).hour == 7  # 10:30 Tehran


def test_record_page_shows_history_and_opens_visits(page, qtbot, db, embassy):
    person = directory.save_person(db, person=PersonInput(name_fa="جمشید قادرزاده"))
    day = dt.date(2025, 11, 1)
    visit = visits_service.save_visit(
        db,
        visit=VisitInput(
            title="دیدار سفیر تاجیکستان با استاندار",
            start_at=dt.datetime.combine(day, dt.time(10)),
            end_at=dt.datetime.combine(day, dt.time(11)),
            status=VisitStatus.PLANNED,
            guests=(GuestEntry(person.id),),
            country_id=tajik_country(db),
        ),
    )
    view = page.open_person(person.id)
    assert view is not None
    qtbot.addWidget(view)
    assert view.tabs.tabText(0) == "دیدارها (۱)"
    assert view.tables["visit"].item(0, 1).text() == "دیدار سفیر تاجیکستان با استاندار"
    with qtbot.waitSignal(page.ctx.hub.openRecord) as blocker:
        view.tables["visit"].cellDoubleClicked.emit(0, 1)
    assert blocker.args == ["visits", visit.id]
    country = page.open_country(tajik_country(db))
    qtbot.addWidget(country)
    assert country.tables["visit"].rowCount() == 1


def test_country_form_edits_target_flag_priority_and_notes(page, qtbot, db):
    page.tabs.setCurrentIndex(COUNTRIES_TAB)
    tj = tajik_country(db)
    form = page.edit_record("country", tj)
    qtbot.addWidget(form)
    form.target.setChecked(True)
    form.priority.setValue(2)
    form.notes.setPlainText("همکاری با خجند")
    with qtbot.waitSignal(form.saved):
        form.save()
    page.targets_only.setChecked(True)
    assert [c.id for c in page.country_model.rows] == [tj]
    row = page.country_model.row_of(tj)
    assert page.country_model.index(row, 3).data() == "بله"
    assert page.country_model.index(row, 4).data() == "۲"


def test_merge_two_organizations_shows_what_moves(page, qtbot, db, embassy):
    other = directory.save_organization(db, org=OrganizationInput(name_fa="سفارت تاجيكستان"))
    member = directory.save_person(
        db, person=PersonInput(name_fa="رایزن", organization_id=other.id)
    )
    page.tabs.setCurrentIndex(ORGANIZATIONS_TAB)
    page.orgs_tab.text.setText("تاجیکستان")
    page.apply_filters()
    page.select_ids([embassy, other.id])
    dialog = page.merge_selected()
    qtbot.addWidget(dialog)
    assert "سفارت تاجیکستان" in dialog.text.text()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert directory.get_person(db, member.id).organization_id == embassy
    assert [o.id for o in directory.list_organizations(db, text="سفارت تاجیکستان")] == [embassy]
    page.select_ids([embassy])
    assert page.merge_selected() is None  # one row is not a pair


def test_english_layout_and_texts(page, app, qtbot) -> None:
    from qazvin_diplomacy.ui.application import apply_language

    apply_language(app, "en")
    assert page.tabs.tabText(PEOPLE_TAB) == "People"
    assert page.person_model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    apply_language(app, "fa")
    assert page.tabs.tabText(PEOPLE_TAB) == "اشخاص"
    assert page.person_model.headerData(0, Qt.Orientation.Horizontal) == "نام"
