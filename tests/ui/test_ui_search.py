"""The global search box of the main window: shortcut, grouped results, opening records."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.core.visits import GuestEntry, VisitInput, VisitStatus
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.ui.directory.page import DirectoryPage
from qazvin_diplomacy.ui.directory.record import RecordView
from qazvin_diplomacy.ui.search import MORE_ROLE
from qazvin_diplomacy.ui.visits.form import VisitForm


def seed(db) -> dict[str, int]:
    directory.ensure_reference_data(db)
    tj = next(c.id for c in directory.list_countries(db) if c.iso2 == "TJ")
    org = directory.save_organization(
        db, org=OrganizationInput(name_fa="سفارت تاجیکستان", kind="embassy", country_id=tj)
    )
    person = directory.save_person(
        db,
        person=PersonInput(
            name_fa="جمشید قادرزاده", title_fa="سفیر", organization_id=org.id, country_id=tj
        ),
    )
    day = dt.date(2025, 11, 1)
    visit = visits_service.save_visit(
        db,
        visit=VisitInput(
            title="دیدار سفیر تاجیکستان با استاندار",
            start_at=dt.datetime.combine(day, dt.time(10)),
            end_at=dt.datetime.combine(day, dt.time(11)),
            status=VisitStatus.PLANNED,
            guests=(GuestEntry(person.id),),
            country_id=tj,
        ),
    )
    return {"country": tj, "org": org.id, "person": person.id, "visit": visit.id}


def search_for(window, qtbot, text: str):
    gs = window.global_search
    gs.box.setText(text)
    qtbot.waitUntil(lambda: gs.results.query == text, timeout=3000)  # after the debounce
    return gs


def test_ctrl_k_is_the_global_box_and_ctrl_f_the_page_filter(window, qtbot):
    window.show_module("visits")
    page = window.current_page()
    window.act_search.trigger()  # Ctrl+K: search everything, even on a page with a filter
    assert window.focusWidget() is window.global_search.box
    window.act_filter.trigger()  # Ctrl+F: the page's filter
    assert window.focusWidget() is page.search_box
    window.show_module("dashboard")
    window.global_search.box.clearFocus()
    window.act_filter.trigger()  # a page without a filter: the global box
    assert window.focusWidget() is window.global_search.box


def test_show_more_of_one_kind(window, qtbot, db):
    for n in range(10):
        directory.save_person(db, person=PersonInput(name_fa=f"کریمی {n}", name_en=f"Karimi {n}"))
    gs = search_for(window, qtbot, "Karimi")
    assert len(gs.hits_shown()) == gs.PER_KIND
    more = [i for i in range(gs.popup.count()) if gs.popup.item(i).data(MORE_ROLE) == "person"]
    assert len(more) == 1
    gs.box.setFocus()
    for _ in range(gs.PER_KIND):
        QTest.keyClick(gs.box, Qt.Key.Key_Down)  # walks onto "Show more"
    assert gs.popup.currentRow() == more[0]
    QTest.keyClick(gs.box, Qt.Key.Key_Return)
    assert len(gs.hits_shown()) == 10
    assert not [i for i in range(gs.popup.count()) if gs.popup.item(i).data(MORE_ROLE)]


def test_results_are_grouped_by_kind_and_debounced(window, qtbot, countries, db):
    seed(db)
    gs = window.global_search
    gs.box.setText("تاجيك")
    assert gs.results.query == ""  # nothing yet: the query waits for typing to pause
    qtbot.waitUntil(lambda: gs.results.query == "تاجيك", timeout=3000)
    kinds = [g.kind for g in gs.results.groups]
    assert kinds[:3] == ["person", "organization", "country"] and "visit" in kinds
    assert gs.popup.isVisible()
    headers = [
        gs.popup.item(i).text()
        for i in range(gs.popup.count())
        if gs.popup.item(i).data(Qt.ItemDataRole.UserRole) is None
    ]
    assert [h.strip("\u200f") for h in headers][:2] == ["اشخاص", "سازمان‌ها"]
    search_for(window, qtbot, "zzzz")
    assert gs.results.empty and "چیزی پیدا نشد" in gs.popup.item(0).text()
    QTest.keyClick(gs.box, Qt.Key.Key_Escape)
    assert not gs.popup.isVisible()


def test_enter_opens_people_organizations_countries_and_visits(window, qtbot, countries, db):
    ids = seed(db)
    gs = search_for(window, qtbot, "قادرزاده")
    gs.box.setFocus()
    QTest.keyClick(gs.box, Qt.Key.Key_Return)
    page = window.current_page()
    assert isinstance(page, DirectoryPage)
    opened = [w for w in page.windows if isinstance(w, RecordView)]
    assert opened[-1].kind == "person" and opened[-1].record_id == ids["person"]
    # arrows walk the hits across groups; Enter opens the selected one
    gs = search_for(window, qtbot, "تاجیکستان")
    order = [h.kind for h in gs.hits_shown()]
    QTest.keyClick(gs.box, Qt.Key.Key_Down)
    assert gs.current_hit().kind == order[1]
    QTest.keyClick(gs.box, Qt.Key.Key_Up)
    assert gs.current_hit().kind == order[0]
    for kind in ("organization", "country"):
        hit = next(h for h in gs.hits_shown() if h.kind == kind)
        gs.open_hit(hit)
        assert page.windows[-1].kind == kind
    visit_hit = next(h for h in gs.hits_shown() if h.kind == "visit")
    gs.open_hit(visit_hit)
    visits_page = window.current_page()
    forms = [f for f in visits_page.forms if isinstance(f, VisitForm)]
    assert forms and forms[-1].title_edit.text() == "دیدار سفیر تاجیکستان با استاندار"


def test_kinds_without_a_module_get_a_summary(window, qtbot, db, monkeypatch):
    from qazvin_diplomacy.services.search import SearchHit

    hit = SearchHit("followup", 7, "ارسال صورتجلسه", "مهلت ۱۴۰۴/۰۸/۲۰")
    box = window.global_search.show_summary(hit)
    assert "ارسال صورتجلسه" in box.text() and "۷" in box.text()
    registered = {s.key for s in window.specs}
    calls: list[tuple[str, int]] = []
    window.open_record = lambda key, record_id: calls.append((key, record_id))
    for kind, module in (("agreement", "agreements"), ("event", "events")):
        result = window.global_search.open_hit(SearchHit(kind, 3, "تفاهم‌نامه همکاری"))
        if module in registered:  # emitted to the module's key
            assert result is None and calls[-1] == (module, 3)
        else:
            assert result is not None and "تفاهم‌نامه همکاری" in result.text()


def test_every_keystroke_query_answers_from_the_index(window, qtbot, countries, db):
    """Each as-you-type query runs through the SQL index and finds partial words.

    Its speed is measured in tests/bench/bench_search.py (no timing assertions in tests).
    """
    seed(db)
    for i in range(300):
        directory.save_person(db, person=PersonInput(name_fa=f"مهمان شماره {i}", title_fa="رایزن"))
    gs = window.global_search
    for text in ("رای", "رایزن", "مهم", "مهمان شم", "مهمان شماره ۲۹۹"):
        gs.box.setText(text)
        gs.run_query()
        assert gs.hits_shown(), text


def test_a_damaged_index_shows_a_message_instead_of_crashing(
    window, qtbot, countries, db, monkeypatch
):
    import sqlite3

    from qazvin_diplomacy.services.search import SearchIndexDamaged
    from qazvin_diplomacy.ui import search as search_ui

    seed(db)
    db.engine.dispose()
    with sqlite3.connect(db.path) as conn:
        conn.execute("DELETE FROM search_fts_data")
    shown = []
    monkeypatch.setattr(search_ui, "show_error", lambda parent, exc: shown.append(exc))
    gs = window.global_search
    gs.box.setText("قادرزاده")
    results = gs.run_query()
    assert results.empty and results.query == "قادرزاده"
    assert len(shown) == 1 and isinstance(shown[0], SearchIndexDamaged)
    assert "check --repair" in shown[0].message
