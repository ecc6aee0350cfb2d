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
def page(app, qtbot, paths, countries, db, settings) -> DirectoryPage:
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
def embassy(countries, db) -> int:
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
    page.orgs_tab.kind.setCurrentIndex(page.orgs_tab.kind.findData("consulate"))
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
    page.countries_tab.targets_only.setChecked(True)
    assert [c.id for c in page.country_model.rows] == [tj]
    row = page.country_model.row_of(tj)
    assert page.country_model.index(row, 3).data() == "بله"
    assert page.country_model.index(row, 4).data() == "۲"


def _merge_embassies(page, qtbot, db, embassy):
    """The merge dialog for the embassy and a second spelling of it with one member, and
    that member's id."""
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
    return dialog, member.id


def test_merge_two_organizations_shows_what_moves(page, qtbot, db, embassy):
    dialog, member_id = _merge_embassies(page, qtbot, db, embassy)
    assert "سفارت تاجیکستان" in dialog.text.text()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert directory.get_person(db, member_id).organization_id == embassy
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


# --- archive view and restore ----------------------------------------------------------


def test_show_archived_marks_rows_and_restore_brings_a_person_back(page, qtbot, db, qtmodeltester):
    from PySide6.QtGui import QColor

    from qazvin_diplomacy.services.search import search
    from qazvin_diplomacy.ui.directory.models import ARCHIVED_ROLE

    kept = directory.save_person(db, person=PersonInput(name_fa="سارا احمدی"))
    gone = directory.save_person(db, person=PersonInput(name_fa="سامان احمدی"))
    directory.archive_person(db, person_id=gone.id, version=gone.version)
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    page.apply_filters()
    assert [page.person_model.record(r).id for r in range(page.person_model.rowCount())] == [
        kept.id
    ]
    page.people_tab.archived.setChecked(True)  # the toggle re-queries at once
    model = page.person_model
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    row = model.row_of(gone.id)
    name = model.index(row, 0)
    assert name.data() == "سامان احمدی (بایگانی‌شده)"
    assert name.data(ARCHIVED_ROLE) is True
    assert model.index(row, 1).data(Qt.ItemDataRole.ForegroundRole) == QColor("#757575")
    assert model.index(row, 0).data(Qt.ItemDataRole.FontRole).italic()
    other = model.index(model.row_of(kept.id), 0)
    assert other.data() == "سارا احمدی" and other.data(Qt.ItemDataRole.ForegroundRole) is None
    assert page.people_tab.count_label.text() == "۲ نفر"
    # the archived person's page says so and offers Restore instead of Archive and Edit
    page.select_ids([gone.id])
    view = page.open_selected()
    assert view is not None
    qtbot.addWidget(view)
    assert view.archived_banner.isVisibleTo(view) and "بایگانی" in view.archived_banner.text()
    assert view.restore_button.isVisibleTo(view) and not view.archive_button.isVisibleTo(view)
    assert not view.edit_button.isEnabled()
    with qtbot.waitSignal(page.ctx.hub.dataChanged):
        qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    assert not directory.get_person(db, gone.id).archived
    assert not view.restore_button.isVisibleTo(view) and view.archive_button.isVisibleTo(view)
    assert not view.archived_banner.isVisibleTo(view) and view.edit_button.isEnabled()
    assert model.index(model.row_of(gone.id), 0).data() == "سامان احمدی"
    page.people_tab.archived.setChecked(False)
    assert model.rowCount() == 2
    group = search(db, "سامان").group("person")
    assert group is not None and [h.id for h in group.hits] == [gone.id]


def test_archive_a_person_asks_first_and_keeps_the_page_open(page, qtbot, db, monkeypatch):
    from qazvin_diplomacy.ui.directory.record import RecordView

    person = directory.save_person(db, person=PersonInput(name_fa="رضا محمدی"))
    view = page.open_person(person.id)
    assert view is not None
    qtbot.addWidget(view)
    assert view.archive_button.isVisibleTo(view) and not view.restore_button.isVisibleTo(view)
    monkeypatch.setattr(RecordView, "confirm_archive", lambda self: False)
    qtbot.mouseClick(view.archive_button, Qt.MouseButton.LeftButton)
    assert not directory.get_person(db, person.id).archived
    monkeypatch.setattr(RecordView, "confirm_archive", lambda self: True)
    qtbot.mouseClick(view.archive_button, Qt.MouseButton.LeftButton)
    assert directory.get_person(db, person.id).archived
    assert view.isVisible() and view.restore_button.isVisibleTo(view)
    assert page.person_model.rowCount() == 0  # the list followed (dataChanged)


def test_archive_organization_refused_while_it_has_active_children(
    page, qtbot, db, embassy, monkeypatch
):
    import qazvin_diplomacy.ui.directory.record as record_module
    from qazvin_diplomacy.ui.directory.models import ARCHIVED_ROLE
    from qazvin_diplomacy.ui.directory.record import RecordView

    errors: list[str] = []
    monkeypatch.setattr(record_module, "show_error", lambda _p, exc: errors.append(exc.message))
    monkeypatch.setattr(RecordView, "confirm_archive", lambda self: True)
    consulate = next(o.id for o in directory.list_organizations(db) if o.id != embassy)
    view = page.open_organization(embassy)
    assert view is not None
    qtbot.addWidget(view)
    assert view.archive_button.isVisibleTo(view)
    assert view.archive() is False
    assert errors and "زیرمجموعه فعال" in errors[0]
    assert not directory.get_organization(db, embassy).archived
    child = page.open_organization(consulate)
    qtbot.addWidget(child)
    assert child.archive() is True
    view.reload()
    assert view.archive() is True and len(errors) == 1
    page.tabs.setCurrentIndex(ORGANIZATIONS_TAB)
    page.apply_filters()
    assert page.org_model.orgs == {}
    page.orgs_tab.archived.setChecked(True)
    assert set(page.org_model.orgs) == {embassy, consulate}
    top = page.org_model.item(0)
    assert top.text() == "سفارت تاجیکستان (بایگانی‌شده)" and top.data(ARCHIVED_ROLE) is True
    assert top.child(0).data(ARCHIVED_ROLE) is True  # still shown under its parent
    assert view.restore() is True
    assert page.org_model.item(0).text() == "سفارت تاجیکستان"


def test_editing_a_person_of_an_archived_organization_keeps_the_link(page, qtbot, db):
    org = directory.save_organization(
        db, org=OrganizationInput(name_fa="شرکت صادراتی البرز", kind="company")
    )
    person = directory.save_person(
        db, person=PersonInput(name_fa="نادر کاظمی", organization_id=org.id)
    )
    directory.archive_person(db, person_id=person.id, version=person.version)
    directory.archive_organization(db, organization_id=org.id, version=org.version)
    person = directory.get_person(db, person.id)
    directory.restore_person(db, person_id=person.id, version=person.version)
    form = page.edit_record("person", person.id)
    qtbot.addWidget(form)
    assert form.organization.currentData() == org.id
    assert "بایگانی" in form.organization.currentText()
    form.save()
    assert directory.get_person(db, person.id).organization_id == org.id


def visual_x(text: str, first: str, last: str) -> tuple[float, float]:
    """Where ``first`` and ``last`` (inside ``text``) are drawn in a right-to-left line."""
    from PySide6.QtGui import QFont, QTextLayout, QTextOption

    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(2000)
    layout.endLayout()
    # The cursor inside each number (after its first digit): not at a direction boundary.
    return tuple(line.cursorToX(text.index(part) + 1)[0] for part in (first, last))


def test_phones_and_emails_read_left_to_right_in_the_persian_people_list(page, qtbot, db):
    directory.save_person(
        db,
        person=PersonInput(
            name_fa="جمشید قادرزاده", phone="+98 21 2280 1202", email="123@mfa.example"
        ),
    )
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    page.apply_filters()
    model = page.person_model
    phone = model.index(0, 4).data()
    # Laid out in a right-to-left line, «98» comes first (on the left), «1202» last.
    first_x, last_x = visual_x(phone, "98", "1202")
    assert first_x < last_x, phone
    assert phone.replace("\u2068", "").replace("\u2069", "") == "+98 21 2280 1202"
    email = model.index(0, 5).data()
    assert email.strip("\u2068\u2069") == "123@mfa.example"
    for col in (4, 5):
        alignment = model.index(0, col).data(Qt.ItemDataRole.TextAlignmentRole)
        assert alignment & Qt.AlignmentFlag.AlignLeft and alignment & Qt.AlignmentFlag.AlignAbsolute


def test_the_embassy_column_of_the_countries_tab_is_not_cut(page, qtbot, db):
    directory.save_organization(
        db,
        org=OrganizationInput(
            name_fa="سفارت جمهوری تاجیکستان در تهران", kind="embassy", country_id=tajik_country(db)
        ),
    )
    page.tabs.setCurrentIndex(COUNTRIES_TAB)
    page.countries_tab.text.setText("تاجیکستان")
    qtbot.waitUntil(lambda: page.country_model.rowCount() == 1, timeout=3000)
    view = page.countries_tab.view
    assert view.columnWidth(2) >= view.sizeHintForColumn(2)  # the whole embassy name shows
    assert view.columnWidth(5) < view.viewport().width() // 2  # the notes leave room


def test_a_filtered_organization_tree_keeps_the_ancestors_and_reads_only_them(
    db, embassy, monkeypatch
) -> None:
    reads: list[tuple[str, set[int] | None]] = []
    listed = directory.list_organizations

    def counting(*args, **kwargs):
        ids = kwargs.get("ids")
        reads.append((kwargs.get("text", ""), None if ids is None else set(ids)))
        return listed(*args, **kwargs)

    consular = next(o.id for o in directory.list_organizations(db) if o.id != embassy)
    visas = directory.save_organization(
        db, org=OrganizationInput("دفتر روادید", parent_id=consular)
    ).id
    monkeypatch.setattr(directory, "list_organizations", counting)
    tree = OrganizationTreeModel(db)
    tree.text = "کنسولی"  # a child: its parent (the embassy) is shown above it
    tree.reload()
    # The embassy is read by its id, not every organization again.
    assert reads == [("کنسولی", None), ("", {embassy})]
    assert tree.rowCount() == 1 and tree.item(0).text() == "سفارت تاجیکستان"
    assert tree.item(0).child(0).text() == "بخش کنسولی"
    reads.clear()
    tree.text = "روادید"  # a grandchild: one generation of ancestors a read
    tree.reload()
    assert reads == [("روادید", None), ("", {consular}), ("", {embassy})]
    assert tree.item(0).child(0).child(0).text() == "دفتر روادید"
    assert set(tree.orgs) == {embassy, consular, visas}
    directory.archive_organization(db, organization_id=visas, version=1)
    directory.archive_organization(
        db, organization_id=consular, version=directory.get_organization(db, consular).version
    )
    tree.include_archived = False
    tree.reload()
    assert tree.rowCount() == 0  # an archived match is not listed
    tree.include_archived = True
    tree.reload()
    assert set(tree.orgs) == {embassy, consular, visas}  # its archived parent still shown
    reads.clear()
    tree.text = "سفارت"  # a match without a parent: nothing more to read
    tree.include_archived = False
    tree.reload()
    assert reads == [("سفارت", None)]
    assert tree.rowCount() == 1 and tree.item(0).rowCount() == 0


@pytest.mark.parametrize(
    ("cleared", "said"), [(True, "ادغام شد؛ ۱ پیوند منتقل شد."), (False, "ادغام شد.")]
)
def test_the_merge_count_is_said_only_to_who_sees_confidential_records(
    page, qtbot, db, embassy, cleared, said
):
    """The count of links moved includes confidential records' links: an editor without
    clearance is told the merge happened, not how many links it moved."""
    from qazvin_diplomacy.core.access import Principal, Role, set_principal

    set_principal(Principal("editor", Role.EDITOR, cleared=cleared))
    dialog, _member = _merge_embassies(page, qtbot, db, embassy)
    with qtbot.waitSignal(page.ctx.hub.status) as status:
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert status.args == [said]
