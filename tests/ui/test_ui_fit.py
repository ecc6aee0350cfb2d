"""Nothing clipped, nothing misplaced (issue 15, item 1): measured on the demo data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from qazvin_diplomacy.services.demo import load_demo
from qazvin_diplomacy.ui.common import ID_ROLE
from qazvin_diplomacy.ui.dashboard import DashboardPage, ListCard


@pytest.fixture
def demo_window(window, db):
    """The main window at 1280×800 on the demo data."""
    load_demo(db)
    # not maximized on the small test screen (800 px): its size would be the screen's, not
    # 1280×800 (the window only looked that wide while a filter row's minimum widened it)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1280, 800)
    QApplication.processEvents()
    return window


def test_dashboard_cards_fit_their_rows_and_scroll_as_one_page(demo_window, qtbot) -> None:
    page = demo_window.show_module("dashboard")
    assert isinstance(page, DashboardPage)
    page.refresh()
    page.wait_read()
    QApplication.processEvents()  # one round of layout, as before the first paint
    # The heading and every card are inside one scroll area: the page scrolls as a whole.
    assert isinstance(page.scroll, QScrollArea)
    body = page.scroll.widget()
    assert body.isAncestorOf(page.heading)
    cards = [c for c in page.cards.values() if isinstance(c, ListCard) and c.isVisible()]
    assert len(cards) >= 6
    wrapped = 0
    for card in cards:
        assert body.isAncestorOf(card)
        lst = card.list
        fm = lst.fontMetrics()
        width = lst.viewport().width()
        for i in range(lst.count()):
            rect = lst.visualRect(lst.model().index(i, 0))
            need = fm.boundingRect(
                QRect(0, 0, width - 2 * lst.MARGIN, 10000),
                int(Qt.TextFlag.TextWordWrap),
                lst.item(i).text(),
            )
            wrapped += need.height() > fm.height() * 1.5
            assert rect.height() >= need.height(), (card.title.text(), lst.item(i).text())
            assert rect.bottom() <= lst.viewport().height()  # the row is inside the list
        # Sized to content: no empty band under the last row.
        assert lst.height() <= lst.heightForWidth(lst.width()) + 4
    assert wrapped >= 1  # the event line that used to stop mid-sentence wraps onto two lines
    # Below the fold at 1280×800, yet reachable: the page scrolls.
    bar = page.scroll.verticalScrollBar()
    assert body.height() <= page.scroll.viewport().height() or bar.maximum() > 0


def _list_page(window, key: str):
    page = window.show_module(key)
    page.refresh()
    QApplication.processEvents()
    return page


@pytest.mark.parametrize(("key", "attr"), [("visits", "table"), ("events", "table")])
def test_list_title_column_gets_the_room_it_needs(demo_window, key, attr) -> None:
    """At the default window size the title column is as wide as its longest title while
    the other columns are narrowed to their content, never below their header."""
    table = getattr(_list_page(demo_window, key), attr)
    stretch = table.property("fit_stretch")
    header = table.horizontalHeader()
    assert table.model().rowCount() > 0
    assert table.columnWidth(stretch) >= table.sizeHintForColumn(stretch)
    for col in range(header.count()):
        if not header.isSectionHidden(col):
            assert table.columnWidth(col) >= header.sectionSizeHint(col), col  # header whole


def test_people_list_gives_names_the_room_and_says_when_empty(demo_window) -> None:
    page = _list_page(demo_window, "directory")
    tab = page.people_tab
    page.tabs.setCurrentWidget(tab)
    QApplication.processEvents()
    view = tab.view
    assert view.columnWidth(0) >= view.sizeHintForColumn(0)
    tab.text.setText("نامی که در فهرست نیست")
    page.apply_filters()
    assert tab.model.rowCount() == 0
    assert "«مخاطب جدید»" in view.empty_message()


def test_empty_directory_lists_say_what_to_do_next(app, qtbot, paths, db, settings) -> None:
    from qazvin_diplomacy.ui.common import TaskRunner
    from qazvin_diplomacy.ui.directory.page import DirectoryPage
    from qazvin_diplomacy.ui.modules import Hub, UiContext

    ctx = UiContext(paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub())
    page = DirectoryPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    orgs = page.orgs_tab
    page.tabs.setCurrentWidget(orgs)
    orgs.apply_filters()
    assert orgs.model.rowCount() == 0
    assert "«سازمان جدید»" in orgs.view.empty_message()
    people = page.people_tab
    people.apply_filters()
    assert "اکسل" in people.view.empty_message()
    countries = page.countries_tab
    countries.text.setText("کشوری که نیست")
    countries.apply_filters()
    assert "«فقط کشورهای هدف»" in countries.view.empty_message()


def test_merge_dialog_shows_its_whole_message(demo_window, qtbot) -> None:
    page = _list_page(demo_window, "directory")
    tab = page.people_tab
    page.tabs.setCurrentWidget(tab)
    tab.select_ids([tab.model.index(r, 0).data(ID_ROLE) for r in (0, 1)])
    dialog = page.merge_selected()
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    label = dialog.text
    assert label.text().count("\n") >= 4
    assert label.height() >= label.heightForWidth(label.width())  # no line cut top or bottom
    dialog.reject()


def test_event_form_end_time_sits_beside_the_start_time(app, qtbot, db) -> None:
    from qazvin_diplomacy.ui.events.form import EventForm

    form = EventForm(db)
    qtbot.addWidget(form)
    form.resize(1080, 760)
    form.show()
    QApplication.processEvents()
    start, end = form.start_time, form.end_time
    end_label = form.labels["end_time"]

    def gap(a, b) -> int:  # the horizontal distance between two widgets of the row
        ra = QRect(a.mapTo(form, a.rect().topLeft()), a.size())
        rb = QRect(b.mapTo(form, b.rect().topLeft()), b.size())
        return max(ra.left() - rb.right(), rb.left() - ra.right())

    assert gap(start, end_label) < 40  # the label follows the start box …
    assert gap(end_label, end) < 40  # … and its own box follows the label
    # The label says its whole text.
    assert end_label.width() >= end_label.fontMetrics().horizontalAdvance(end_label.text())


def test_date_value_sits_beside_its_label_in_either_language(app, qtbot) -> None:
    from qazvin_diplomacy.ui.application import apply_language
    from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit

    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    assert edit.line.alignment() & Qt.AlignmentFlag.AlignRight  # RTL: the label's side
    assert edit.line.alignment() & Qt.AlignmentFlag.AlignAbsolute
    apply_language(app, "en")
    try:
        assert edit.line.alignment() & Qt.AlignmentFlag.AlignLeft
    finally:
        apply_language(app, "fa")


def test_an_invalid_filter_date_does_not_make_the_row_jump(demo_window) -> None:
    page = _list_page(demo_window, "visits")
    bar = page.filter_bar
    QApplication.processEvents()
    before = bar.height(), bar.sizeHint().height()
    bar.date_from.setText("۱۴۰۵/۱۳/۴۰")
    QApplication.processEvents()
    assert bar.date_from.error()  # refused, outlined, the message in the tooltip
    assert bar.date_from.line.toolTip() == bar.date_from.error()
    assert not bar.date_from.error_label.isVisible()
    assert (bar.height(), bar.sizeHint().height()) == before


def test_a_draft_event_near_its_date_with_unanswered_invitations_is_flagged(
    window, qtbot, db, people
) -> None:
    import datetime as dt

    from qazvin_diplomacy.core.events import EventInput, EventStatus
    from qazvin_diplomacy.services import events as events_service

    page = window.show_module("dashboard")
    today = page.ctx.today()
    draft = events_service.save_event(
        db,
        event=EventInput(
            title_fa="ضیافت شام سفیران",
            start_date=today + dt.timedelta(days=5),
            status=EventStatus.DRAFT,
        ),
    )
    planned = events_service.save_event(
        db,
        event=EventInput(
            title_fa="همایش برنامه‌ریزی‌شده",
            start_date=today + dt.timedelta(days=6),
            status=EventStatus.PLANNED,
        ),
    )
    for event in (draft, planned):
        events_service.invite_people(db, event_id=event.id, person_ids=[people["ambassador"]])
    page.refresh()
    page.wait_read()
    card = page.cards["events_draft_near"]
    assert card.isVisible()
    assert [t for t in card.texts() if "ضیافت شام سفیران" in t]
    assert not [t for t in card.texts() if "همایش" in t]  # planned: not a draft
    assert card.title.text().startswith("رویدادهای نزدیک که هنوز پیش‌نویس‌اند")


def test_visits_list_flags_a_visit_on_a_friday_or_holiday(app, db, people) -> None:
    import datetime as dt

    from qazvin_diplomacy.core import jalali
    from qazvin_diplomacy.core.visits import GuestEntry, VisitInput, VisitStatus
    from qazvin_diplomacy.services import visits as visits_service
    from qazvin_diplomacy.ui.visits.models import VisitTableModel

    friday = dt.date(2026, 12, 4)
    assert jalali.is_friday(friday)
    nowruz = jalali.from_jalali(1405, 1, 1)
    working = dt.date(2026, 12, 7)  # a Monday, no holiday
    for day, title in ((friday, "دیدار جمعه"), (nowruz, "دیدار نوروز"), (working, "دیدار دوشنبه")):
        start = dt.datetime.combine(day, dt.time(10))
        visits_service.save_visit(
            db,
            visit=VisitInput(
                title=title,
                start_at=start,
                end_at=start + dt.timedelta(hours=1),
                status=VisitStatus.PLANNED,
                guests=(GuestEntry(people["ambassador"]),),
            ),
            conflict_reason="آزمون",
        )
    model = VisitTableModel(db)
    cells = {}
    for row in range(model.rowCount()):
        title = model.index(row, 0).data()
        start = model.index(row, 3)
        cells[title] = (
            start.data(),
            start.data(Qt.ItemDataRole.ToolTipRole),
            start.data(Qt.ItemDataRole.ForegroundRole),
        )
    assert cells["دیدار جمعه"][0].endswith("(جمعه)")
    assert cells["دیدار نوروز"][0].endswith("(تعطیل)")
    assert "نوروز" in cells["دیدار نوروز"][1]  # the tooltip names the holiday
    assert cells["دیدار نوروز"][2] is not None
    assert "(" not in cells["دیدار دوشنبه"][0] and cells["دیدار دوشنبه"][2] is None


def test_the_date_field_names_the_holiday_beside_the_date(app, qtbot) -> None:
    from qazvin_diplomacy.core import jalali
    from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit

    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    edit.setDate(jalali.from_jalali(1405, 1, 1))
    assert "نوروز" in edit.hint.text()


def test_invite_preview_lines_are_laid_out_in_the_ui_direction(app, qtbot, db, people) -> None:
    import datetime as dt

    from qazvin_diplomacy.core.events import EventInput
    from qazvin_diplomacy.services import events as events_service
    from qazvin_diplomacy.ui.events.invite_dialog import InviteByFilterDialog

    event = events_service.save_event(
        db, event=EventInput(title_fa="رویداد آزمون", start_date=dt.date(2026, 12, 20))
    )
    dialog = InviteByFilterDialog(db, event.id)
    qtbot.addWidget(dialog)
    dialog.show_lines(["• Andrei Kovalevich (Ambassador)", "• آرسن هاکوبیان"])
    document = dialog.preview.document()
    assert document.defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    block = document.begin()
    while block.isValid():
        assert block.text().startswith("\u200f")  # RLM: the paragraph is right to left
        block = block.next()
    # … and each line starts at the right edge, not at the left as in the selftest grab
    dialog.show()
    QApplication.processEvents()
    width = dialog.preview.viewport().width()
    block = document.begin()
    while block.isValid():
        line = block.layout().lineAt(0)
        assert line.naturalTextRect().right() >= width - 2 * document.documentMargin() - 2
        block = block.next()


def test_record_page_keeps_latin_values_beside_their_labels(
    app, qtbot, paths, db, settings, people
) -> None:
    from PySide6.QtWidgets import QLabel

    from qazvin_diplomacy.core.text import FSI
    from qazvin_diplomacy.services import directory
    from qazvin_diplomacy.ui.common import TaskRunner
    from qazvin_diplomacy.ui.directory.record import PERSON, RecordView
    from qazvin_diplomacy.ui.modules import Hub, UiContext

    person = directory.get_person(db, people["ambassador"])
    ctx = UiContext(paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub())
    view = RecordView(ctx, PERSON, person.id)
    qtbot.addWidget(view)
    view.show()
    QApplication.processEvents()
    fields = [
        view.details.itemAt(row, view.details.ItemRole.FieldRole).widget()
        for row in range(view.details.rowCount())
    ]
    latin = [f for f in fields if isinstance(f, QLabel) and f.property("ltr_value")]
    assert latin  # the English name at least
    for field in fields:
        assert field.alignment() & Qt.AlignmentFlag.AlignRight  # the label's side in Persian
        assert field.alignment() & Qt.AlignmentFlag.AlignAbsolute
    for field in latin:
        assert FSI in field.text()  # isolated: its own order holds


def test_precedence_rows_are_numbered_once(app, qtbot, db) -> None:
    from qazvin_diplomacy.ui.events.precedence import PrecedenceTab

    tab = PrecedenceTab(db)
    qtbot.addWidget(tab)
    assert tab.table.verticalHeader().isHidden()


def test_seating_and_top_exporters_number_their_rows_once(demo_window, qtbot, db) -> None:
    """«۱ ۱», «۱ ۲»: a row number beside the table or rank column."""
    from qazvin_diplomacy.ui.events.precedence import SeatingTab

    tab = SeatingTab(db)
    qtbot.addWidget(tab)
    assert tab.tables.verticalHeader().isHidden()
    assert tab.plan.verticalHeader().isHidden()
    page = demo_window.show_module("markets")
    assert page.top_table.verticalHeader().isHidden()


def test_guest_table_headers_are_whole_in_both_languages(app, qtbot, db) -> None:
    from qazvin_diplomacy.ui.application import apply_language
    from qazvin_diplomacy.ui.events.guests import GuestsTab

    tab = GuestsTab(db)
    qtbot.addWidget(tab)
    for language in ("fa", "en"):
        apply_language(app, language)
        QApplication.processEvents()
        header = tab.table.horizontalHeader()
        for col in range(header.count()):
            assert tab.table.columnWidth(col) >= header.sectionSizeHint(col), (language, col)
    apply_language(app, "fa")


def test_english_programme_cells_read_left_to_right(app, qtbot) -> None:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from qazvin_diplomacy.ui.events.programme import ProgrammeTab

    tab = ProgrammeTab()
    qtbot.addWidget(tab)
    row = tab.add_entry()
    for col in (3, 5):
        delegate = tab.table.itemDelegateForColumn(col)
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, tab.table.model().index(row, col))
        assert option.direction == Qt.LayoutDirection.LeftToRight
        assert option.displayAlignment & Qt.AlignmentFlag.AlignLeft
        assert option.textElideMode == Qt.TextElideMode.ElideRight
    assert tab.table.itemDelegateForColumn(2) is None  # the Persian item stays as it is


def test_selected_sidebar_icon_is_light_and_events_have_their_own_icon(window) -> None:
    from PySide6.QtGui import QColor, QIcon

    from qazvin_diplomacy.ui.registry import MODULES

    icons = {spec.key: spec.icon for spec in MODULES}
    assert icons["events"] != "week"  # the week tab's icon is the visits' own
    item = window.nav.item(0)
    selected = item.icon().pixmap(28, 28, QIcon.Mode.Selected).toImage()
    inked = [
        QColor(selected.pixel(x, y))
        for x in range(selected.width())
        for y in range(selected.height())
        if QColor.fromRgba(selected.pixel(x, y)).alpha() > 200
    ]
    assert inked and all(c.lightness() > 200 for c in inked)  # white on the navy highlight


@pytest.mark.parametrize("width", [1280, 800])
def test_dashboard_cards_stay_inside_the_page_at_any_width(demo_window, qtbot, width) -> None:
    """Two columns when there is room, one under the other in a narrow window: no card runs
    past the page's edge (at 800 px the second column used to be cut)."""
    demo_window.setWindowState(Qt.WindowState.WindowNoState)
    demo_window.resize(width, 800)
    page = demo_window.show_module("dashboard")
    assert isinstance(page, DashboardPage)
    page.refresh()
    page.wait_read()
    QApplication.processEvents()
    viewport = page.scroll.viewport()
    cards = [c for c in page.cards.values() if c.isVisible()]
    assert cards
    for card in cards:
        left = card.mapTo(viewport, card.rect().topLeft()).x()
        right = card.mapTo(viewport, card.rect().topRight()).x()
        assert left >= 0 and right <= viewport.width(), (width, card.title.text(), left, right)
    assert page.columns() == (2 if width == 1280 else 1)


def test_markets_map_bar_keeps_its_combos_whole_within_the_screen(demo_window) -> None:
    """The exports key once sat beside the combos: they were cut without an ellipsis and the
    window grew past a 1366-pixel screen (every later grab was 1398 wide)."""
    from PySide6.QtWidgets import QComboBox

    page = demo_window.show_module("markets")
    page.views.setCurrentIndex(0)
    demo_window.resize(1366, 820)  # the selftest's size
    for mode in range(page.mode.count()):
        page.mode.setCurrentIndex(mode)
        QApplication.processEvents()
        assert demo_window.minimumSizeHint().width() <= 1366
        assert demo_window.width() == 1366
        for combo in (page.mode, page.year, page.sector, page.extent):
            assert isinstance(combo, QComboBox)
            assert combo.width() >= combo.sizeHint().width(), combo.currentText()
        assert page.legend.width() >= page.legend.sizeHint().width()  # the key whole too


def test_a_status_note_keeps_the_row_labels_beside_their_own_boxes(app, qtbot, db) -> None:
    """Event form: with the status hint shown, «وضعیت» used to sit beside the kind box."""
    from qazvin_diplomacy.ui.events.form import EventForm

    form = EventForm(db)
    qtbot.addWidget(form)
    form.resize(852, 760)
    form.show()
    form.status_hint.setText("From «Invitations sent» the event can move to: «Postponed».\nHeld.")
    form.status_hint.show()
    QApplication.processEvents()

    def span(w) -> tuple[int, int]:
        top = w.mapTo(form, w.rect().topLeft()).y()
        return top, top + w.height()

    kind, status, label = form.kind_combo, form.status_combo, form.labels["status"]
    assert abs(span(kind)[0] - span(status)[0]) <= 2  # both boxes on one line
    centre = sum(span(label)) / 2
    assert span(status)[0] <= centre <= span(status)[1]  # the label beside its own box
    head = form.labels["kind"]
    assert span(kind)[0] <= sum(span(head)) / 2 <= span(kind)[1]


def test_an_empty_row_table_says_what_to_do_next(app, qtbot) -> None:
    """Obligations, gifts, follow-ups … an empty table in a form said nothing at all."""
    from qazvin_diplomacy.ui.forms_common import RowTable

    rows = RowTable(("Action", "Note"), (200, 200))
    qtbot.addWidget(rows)
    rows.retranslate(lambda text: {"Add row": "افزودن ردیف"}.get(text, text))
    message = rows.table.empty_message()
    assert message.startswith("هنوز موردی ثبت نشده است")  # in the UI language
    assert "«افزودن ردیف»" in message  # names the button that adds one
    rows.add_row(["x", "y"])
    assert rows.table.empty_message() == ""
    rows.table.setRowCount(0)
    rows.add_button.hide()  # rows added another way (a search box): no button to name
    assert rows.table.empty_message() == "هنوز موردی ثبت نشده است."


def test_a_long_loaded_value_shows_its_beginning(app, qtbot) -> None:
    """«of Qazvin — Directorate-General…»: the English organizer showed the end of its text."""
    from types import SimpleNamespace

    from PySide6.QtWidgets import QWidget

    from qazvin_diplomacy.ui.form_fields import text_field

    spec = text_field("organizer_en", "Organizer (English)", ltr=True)
    parent = QWidget()
    qtbot.addWidget(parent)
    line = spec.make(None, parent)
    spec.load(line, SimpleNamespace(organizer_en="Governorate of Qazvin — " * 5))
    assert line.cursorPosition() == 0


def test_organization_kinds_are_whole_and_the_name_takes_the_rest(demo_window) -> None:
    """«استان / ایالت خار…» was cut while the country column had room to spare."""
    page = _list_page(demo_window, "directory")
    tab = page.orgs_tab
    page.tabs.setCurrentWidget(tab)
    page.apply_filters()
    QApplication.processEvents()
    view = tab.view
    for col in range(1, view.header().count()):
        assert view.columnWidth(col) >= view.sizeHintForColumn(col), col
    assert view.columnWidth(0) > view.columnWidth(1)


@pytest.mark.parametrize("key", ["events", "delegations", "visits", "audit"])
def test_filter_rows_keep_the_search_box_usable_and_their_combos_whole(demo_window, key) -> None:
    """Two empty date boxes kept room for a weekday: the events search box was 55 px wide and
    «همهٔ کشورها» / "Sent and received" were cut without an ellipsis."""
    from PySide6.QtWidgets import QComboBox

    demo_window.resize(1366, 820)
    bar = _list_page(demo_window, key).filter_bar
    QApplication.processEvents()
    assert bar.text.width() >= 200
    for combo in bar.findChildren(QComboBox):
        if combo.isVisible():
            assert combo.width() >= combo.sizeHint().width(), (key, combo.currentText())


def test_the_events_archive_box_says_archived_in_both_languages(app, qtbot) -> None:
    """English said «Deleted too» where Persian says «بایگانی‌شده‌ها هم» (archive ≠ delete)."""
    from qazvin_diplomacy.ui.application import apply_language
    from qazvin_diplomacy.ui.events.page import EventFilterBar

    bar = EventFilterBar(lambda: None)
    qtbot.addWidget(bar)
    assert "بایگانی" in bar.archived.text()
    apply_language(app, "en")
    bar.retranslate_ui()
    assert bar.archived.text() == "Archived too"
    apply_language(app, "fa")


def test_the_delegations_date_range_is_labelled(demo_window) -> None:
    """Two bare date boxes: which was the start and which the end was not said."""
    bar = _list_page(demo_window, "delegations").filter_bar
    assert (bar.from_label.text(), bar.to_label.text()) == ("از", "تا")
    row = bar.layout()
    assert row.indexOf(bar.from_label) + 1 == row.indexOf(bar.date_from)
    assert row.indexOf(bar.to_label) + 1 == row.indexOf(bar.date_to)


def test_a_meetings_resolutions_fit_the_form_width(app, qtbot, paths, db, settings) -> None:
    """The columns ran past the form: the responsible body cut behind a sideways scroll bar."""
    from qazvin_diplomacy.ui.common import TaskRunner
    from qazvin_diplomacy.ui.meetings.meeting_resolutions import MeetingResolutions
    from qazvin_diplomacy.ui.modules import Hub, UiContext

    ctx = UiContext(paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub())
    tab = MeetingResolutions(ctx)
    qtbot.addWidget(tab)
    tab.resize(760, 600)
    tab.show()
    QApplication.processEvents()
    table = tab.table
    used = sum(table.columnWidth(c) for c in range(table.columnCount()))
    assert used <= table.viewport().width()
    header = table.horizontalHeader()
    for col in range(header.count()):
        assert table.columnWidth(col) >= header.sectionSizeHint(col) - 4, col  # headers whole


def test_a_numbered_persian_agenda_item_keeps_its_number_first_in_english(
    app, qtbot, paths, db, settings
) -> None:
    """English UI: «2. <Persian title>» was laid out right to left, its «2.» at the far end."""
    from types import SimpleNamespace

    from qazvin_diplomacy.ui.application import apply_language
    from qazvin_diplomacy.ui.common import TaskRunner
    from qazvin_diplomacy.ui.meetings.meeting_resolutions import MeetingResolutions
    from qazvin_diplomacy.ui.modules import Hub, UiContext

    ctx = UiContext(paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub())
    tab = MeetingResolutions(ctx)
    qtbot.addWidget(tab)
    tab.meeting = SimpleNamespace(agenda_rows=[SimpleNamespace(id=7, title="امضای موافقت‌نامه")])
    apply_language(app, "en")
    assert tab._item_titles()[7] == "\u200e1. امضای موافقت‌نامه"  # LRM: left to right
    apply_language(app, "fa")
    assert tab._item_titles()[7] == "\u200f۱. امضای موافقت‌نامه"
