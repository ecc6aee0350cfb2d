"""Fields declared once (ui/form_fields.py): round trip, dirty tracking, error keys, labels."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import StrEnum
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.agreements import AgreementInput, Axis
from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.visits import GuestRole, VisitInput, VisitStatus
from qazvin_diplomacy.paths import AppPaths
from qazvin_diplomacy.services import visits as visits_service
from qazvin_diplomacy.storage.database import Database
from qazvin_diplomacy.ui.agreements.form import AgreementForm
from qazvin_diplomacy.ui.agreements.widgets import AxesBox, VisitLink
from qazvin_diplomacy.ui.agreements.workflow import HistoryTab
from qazvin_diplomacy.ui.application import apply_language
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.form_fields import (
    FieldSet,
    FieldSpec,
    check_box,
    date_field,
    datetime_field,
    enum_combo,
    spin_box,
    text_area,
    text_field,
    time_field,
)
from qazvin_diplomacy.ui.modules import Hub, UiContext
from qazvin_diplomacy.ui.settings import Settings
from qazvin_diplomacy.ui.visits.form import GENERAL_TAB, OUTCOME_TAB, VisitForm
from qazvin_diplomacy.ui.visits.people import PeopleEditor
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateEdit, JalaliDateTimeEdit


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"

    @property
    def label_fa(self) -> str:
        return {"red": "قرمز", "blue": "آبی"}[self.value]

    @property
    def label_en(self) -> str:
        return self.value.capitalize()


SPECS = (
    text_field("title", "Title", required=True, placeholder="e.g. a title"),
    text_field("title_en", "Title (English)", ltr=True, beside="title"),
    text_area("notes", "Notes", max_height=60, errors=("notes_extra",)),
    date_field("day", "Date", required=True),
    datetime_field("start_at", "Start"),
    time_field("start_time", "Start time"),
    enum_combo("colour", "Colour", Colour),
    check_box("urgent", "Urgent"),
    spin_box("months", "Months", minimum=1, maximum=60, value=12),
)
RECORD = SimpleNamespace(
    title="دیدار",
    title_en="Visit",
    notes="line one\nline two",
    day=dt.date(2025, 11, 1),
    start_at=dt.datetime(2025, 11, 1, 9, 30),
    start_time=dt.time(17, 0),
    colour=Colour.BLUE,
    urgent=True,
    months=24,
)


class _Host(QWidget):
    """A stand-in form: the FieldSet puts the widgets on it."""


def _built(specs: tuple[FieldSpec, ...] = SPECS) -> tuple[_Host, FieldSet, QFormLayout]:
    host = _Host()
    fields = FieldSet(host, specs)
    layout = QFormLayout(host)
    fields.add_form_rows(layout, host)
    fields.retranslate(lambda text: text)
    return host, fields, layout


def poke(widget: QWidget) -> None:
    """Change what ``widget`` holds, the way a user would."""
    if isinstance(widget, JalaliDateTimeEdit):
        widget.time_line.setText("23:59")
    elif isinstance(widget, JalaliDateEdit):  # another day than it has (an end that followed)
        widget.setText(
            "1404/12/28" if widget.date() == jalali.from_jalali(1404, 12, 29) else "1404/12/29"
        )
    elif isinstance(widget, QLineEdit):
        widget.setText(widget.text() + "x")
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(widget.toPlainText() + "x")
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex((widget.currentIndex() + 1) % widget.count())
    elif isinstance(widget, QCheckBox):
        widget.setChecked(not widget.isChecked())
    elif isinstance(widget, QSpinBox):
        widget.setValue(widget.value() + 1)
    elif isinstance(widget, PeopleEditor):
        widget.add_person(9999, "شخص تازه", "New person", GuestRole.MEMBER)
    elif isinstance(widget, VisitLink):
        widget.set_visit(9999, "دیدار")
    elif isinstance(widget, AxesBox):
        widget.checks[Axis.CULTURE].toggle()
    else:
        raise AssertionError(f"no way to change a {type(widget).__name__}")


def test_load_then_collect_gives_the_record_back(app: QApplication) -> None:
    host, fields, _layout = _built()
    fields.load(RECORD)
    values, errors = fields.collect()
    assert errors == {}
    assert values == vars(RECORD)
    assert host.title.text() == "دیدار"  # the widget is the form's attribute (attr = name)


def test_every_declared_field_is_tracked_for_unsaved_changes(app: QApplication) -> None:
    _host, fields, _layout = _built()
    fields.load(RECORD)
    for spec in SPECS:
        before = fields.raw_state()
        poke(fields.widgets[spec.name])
        assert fields.raw_state() != before, spec.name


def test_an_error_key_lands_under_its_field_and_the_rest_is_returned(app: QApplication) -> None:
    _host, fields, _layout = _built()
    rest = fields.show_errors(
        {"title": "no title", "notes_extra": "too long", "day": "bad day", "other": "elsewhere"}
    )
    assert rest == {"other": "elsewhere"}
    assert fields.error_text("title") == "no title"
    assert fields.widgets["title"].property("invalid") is True
    assert fields.error_text("notes") == "too long"  # an extra key declared on the field
    assert fields.error_text("day") == "bad day"  # a date shows its own message
    fields.show_errors({})
    assert fields.error_text("title") == "" and fields.errors["title"].isHidden()


def test_an_unreadable_value_is_an_error_under_its_field(app: QApplication) -> None:
    host, fields, _layout = _built()
    host.start_time.setText("25:99")
    host.day.setText("")
    values, errors = fields.collect()
    assert values["start_time"] is None and errors["start_time"]
    assert errors["day"]  # a required date left empty


def test_labels_are_translated_and_required_ones_starred(app: QApplication) -> None:
    _host, fields, _layout = _built()
    fields.retranslate(lambda text: f"<{text}>")
    assert fields.labels["title"].text() == "<Title> *"
    assert fields.labels["notes"].text() == "<Notes>"
    assert fields.widgets["title"].placeholderText() == "<e.g. a title>"


def test_a_date_may_refuse_empty_without_a_starred_label(app: QApplication) -> None:
    spec = date_field("day", "Date", refuse_empty=True)
    _host, fields, _layout = _built((spec,))
    assert fields.labels["day"].text() == "Date"
    assert fields.collect()[1]["day"]  # empty: refused
    _host2, fields2, _layout2 = _built((date_field("day", "Date"),))
    assert fields2.collect() == ({"day": None}, {})


def test_a_field_beside_another_shares_its_row(app: QApplication) -> None:
    _host, _fields, layout = _built()
    assert layout.rowCount() == len(SPECS) - 1


def test_enum_combo_offers_the_choices_of_the_loaded_value(app: QApplication) -> None:
    spec = enum_combo(
        "colour",
        "Colour",
        Colour,
        choices=lambda current: list(Colour) if current is None else [current],
    )
    host, fields, _layout = _built((spec,))
    assert host.colour.count() == 2 and host.colour.itemText(0) == "قرمز"
    fields.load(SimpleNamespace(colour=Colour.BLUE))
    assert host.colour.count() == 1 and fields.collect()[0] == {"colour": Colour.BLUE}


def test_a_field_declared_twice_clashing_or_without_a_raw_value_is_refused(
    app: QApplication,
) -> None:
    with pytest.raises(ValueError):
        FieldSet(_Host(), (SPECS[0], SPECS[0]))
    clash = text_field("font", "Font")  # QWidget.font: the widget needs its own attr=
    with pytest.raises(ValueError):
        _built((clash,))
    odd = FieldSpec("odd", "Odd", lambda _form, parent: QWidget(parent))
    _host, fields, _layout = _built((odd,))
    with pytest.raises(TypeError):
        fields.raw_state()


def test_a_language_change_is_not_an_unsaved_change(app: QApplication) -> None:
    _host, fields, _layout = _built()
    fields.load(RECORD)
    before = fields.raw_state()
    apply_language(app, "en")  # the dates are shown again with Latin digits
    assert fields.widgets["day"].text() == "1404/08/10"
    assert fields.raw_state() == before


def test_a_conditional_field_is_hidden_unchecked_and_collected_as_none(app: QApplication) -> None:
    specs = (
        check_box("urgent", "Urgent"),
        date_field("day", "Date", required=True, shown=lambda host: host.urgent.isChecked()),
    )
    host, fields, layout = _built(specs)
    fields.update_shown()
    assert not layout.isRowVisible(fields.boxes["day"])
    assert fields.collect() == ({"urgent": False, "day": None}, {})  # the empty date: not asked
    host.urgent.setChecked(True)
    fields.update_shown()
    assert layout.isRowVisible(fields.boxes["day"])
    values, errors = fields.collect()
    assert values["day"] is None and errors["day"]  # now required
    host.day.setText("1404/08/03")
    assert fields.collect() == ({"urgent": True, "day": dt.date(2025, 10, 25)}, {})


# --------------------------------------------------------------------------- the visit form


def test_visit_form_declares_every_simple_field_it_edits(db: Database, app: QApplication) -> None:
    form = VisitForm(db)
    declared = {s.key or s.name for s in VisitForm.FIELDS}
    visit, _errors = form.collect()
    tables = {"itinerary", "checklist", "gifts", "followups", "id", "version"}
    assert set(form.fields) == {s.name for s in VisitForm.FIELDS}
    # what the form hands to the service, apart from its tables, is exactly the declaration
    collected = {f.name for f in dataclasses.fields(VisitInput)} - tables
    # every stored value of the input is on the form (country_id is derived from the guests),
    # so saving an edited visit never blanks a value the form did not show
    assert declared == collected - {"country_id"}
    assert isinstance(visit.status, VisitStatus)


def test_visit_form_tracks_every_declared_field(db: Database, app: QApplication) -> None:
    form = VisitForm(db)
    for spec in VisitForm.FIELDS:
        form.take_snapshot()
        assert not form.is_modified()
        poke(form.fields[spec.name])
        assert form.is_modified(), spec.name


@pytest.mark.parametrize("spec", VisitForm.FIELDS, ids=lambda s: s.name)
def test_visit_form_shows_each_error_key_on_its_field(
    db: Database, app: QApplication, spec: FieldSpec
) -> None:
    form = VisitForm(db)
    form.show_errors({spec.name: "پیام"})
    assert form.field_set.error_text(spec.name) == "پیام"
    assert form.tabs.currentIndex() == (OUTCOME_TAB if spec.name == "outcome" else GENERAL_TAB)
    assert form.banner.isHidden()


def test_visit_form_labels_follow_the_language(db: Database, app: QApplication) -> None:
    form = VisitForm(db)
    assert form.field_labels["title"].text() == "عنوان *"
    apply_language(app, "en")
    assert form.field_labels["title"].text() == "Title *"
    assert form.field_labels["outcome"].text() == "Outcome of the visit"
    assert form.status_combo.itemText(0) == VisitStatus.REQUESTED.label("en")


def test_the_english_title_is_one_declaration_and_survives_an_edit(
    db: Database, app: QApplication
) -> None:
    stored = visits_service.save_visit(
        db,
        visit=VisitInput(
            title="دیدار سفیر",
            title_en="Visit of the ambassador",
            start_at=dt.datetime(2025, 11, 1, 9, 0, tzinfo=TEHRAN),
            end_at=dt.datetime(2025, 11, 1, 11, 0, tzinfo=TEHRAN),
            delegation_name="هیئت ژاپن",
        ),
    )
    form = VisitForm(db, stored)
    assert form.title_en_edit.text() == "Visit of the ambassador"  # loaded
    assert form.field_labels["title_en"].text() == "عنوان انگلیسی"  # labelled, translated
    assert not form.is_modified()
    form.title_en_edit.setText("The ambassador's visit")
    assert form.is_modified()  # tracked
    form.show_errors({"title_en": "too long"})
    assert form.field_set.error_text("title_en") == "too long"  # errors land on it
    assert form.save() is True  # collected and saved
    assert visits_service.get_visit(db, stored.id).title_en == "The ambassador's visit"


# --------------------------------------------------------------------------- the agreement form


def test_agreement_form_edits_exactly_the_declared_fields_and_tracks_each(
    paths: AppPaths, db: Database, settings: Settings, app: QApplication
) -> None:
    ctx = UiContext(
        paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub(), today=dt.date.today
    )
    form = AgreementForm(ctx)
    declared = {s.key or s.name for s in AgreementForm.FIELDS if s.collect is not None}
    tables = {"parties", "signatories", "obligations", "legal_review", "id", "version"}
    assert declared == {f.name for f in dataclasses.fields(AgreementInput)} - tables
    assert [s.name for s in AgreementForm.FIELDS if not s.tracked] == ["expiry"]  # shown only
    for spec in AgreementForm.FIELDS:
        if not spec.tracked:
            continue
        form.take_snapshot()
        assert not form.is_modified()
        poke(form.fields[spec.name])
        assert form.is_modified(), spec.name
    for spec in HistoryTab.REVIEW_FIELDS:  # the legal review's own declaration
        form.take_snapshot()
        poke(form.history_tab.review_fields.widgets[spec.name])
        assert form.is_modified(), spec.name
