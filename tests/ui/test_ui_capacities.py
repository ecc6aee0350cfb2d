"""The capacities page: catalogue with filters, the capacity form (figures typed in Persian
digits, the rule on publishable items shown under the field), archive, print brochure."""

from __future__ import annotations

import pytest

from qazvin_diplomacy.core.capacities import CapacityInput
from qazvin_diplomacy.services import capacities as svc
from qazvin_diplomacy.ui.capacities import page as page_module
from qazvin_diplomacy.ui.capacities.page import CapacitiesPage
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.modules import Hub, UiContext
from qazvin_diplomacy.ui.registry import module


@pytest.fixture
def ctx(app, paths, db, settings) -> UiContext:
    return UiContext(paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub())


@pytest.fixture
def page(ctx, qtbot, db) -> CapacitiesPage:
    for title, axis, county in (
        ("دره الموت", "tourism", "qazvin"),
        ("کشمش تاکستان", "agriculture", "takestan"),
    ):
        svc.save_capacity(db, capacity=CapacityInput(title=title, axis=axis, county=county))
    widget = CapacitiesPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.refresh()
    return widget


def test_registered_and_lists_with_filters(page: CapacitiesPage) -> None:
    assert module("capacities").icon == "capacity"
    assert page.model.total == 2
    bar = page.filter_bar
    bar.axis.setCurrentIndex(bar.axis.findData("agriculture"))
    page.apply_filters()
    assert page.model.total == 1
    assert page.model.item(0).title == "کشمش تاکستان"


def test_form_saves_figures_and_shows_the_publishable_rule(page: CapacitiesPage, db) -> None:
    form = page.new_record()
    fields = form.field_set.widgets
    fields["title"].setText("شهرک صنعتی البرز")
    fields["axis"].setCurrentIndex(fields["axis"].findData("production"))
    fields["county"].setCurrentIndex(fields["county"].findData("alborz"))
    fields["area"].setText("۳٬۶۰۰")
    fields["investment"].setText("250,000,000")
    fields["publishable"].setChecked(True)
    assert not form.save()  # a publishable capacity needs an English title
    assert form.field_set.error_text("title_en")
    fields["title_en"].setText("Alborz Industrial City")
    assert form.save()
    saved = svc.get_capacity(db, capacity_id=form.detail.id)
    assert (saved.area, saved.investment, saved.axis) == (3600.0, 250_000_000, "production")
    fields["jobs"].setText("many")
    assert not form.save()
    assert form.field_set.error_text("jobs")
    form.field_set.widgets["jobs"].setText("")
    form.close()


def test_archive_and_print_brochure(page: CapacitiesPage, monkeypatch) -> None:
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.archive_button.click()
    assert page.model.total == 1 and page.archive_model.total == 1
    calls = []
    monkeypatch.setattr(page_module, "print_pdf", lambda *a, **k: calls.append(a) or None)
    page.brochure_lang.setCurrentIndex(page.brochure_lang.findData("both"))
    page.brochure_button.click()
    assert calls and calls[0][2] == "capacity-brochure" and calls[0][3] == {"lang": "both"}


def test_stored_figures_show_in_the_ui_digits_and_save_back_unchanged(page, db) -> None:
    """The form showed «80» and «1200000» in the Persian interface."""
    from qazvin_diplomacy.core.text import to_persian_digits

    stored = svc.save_capacity(
        db,
        capacity=CapacityInput(
            title="پارک علم", axis="tourism", county="qazvin", jobs=80, investment=1_200_000,
            area=12.5,
        ),
    )  # fmt: skip
    form = page.open_capacity(stored.id)
    assert form is not None
    fields = form.field_set.widgets
    assert fields["jobs"].text() == "۸۰"
    assert fields["investment"].text() == to_persian_digits("1\u066c200\u066c000")
    assert fields["area"].text() == "۱۲.۵"
    fields["area"].setText("۱۲٫۵")  # typed with the Persian decimal separator
    assert form.save()
    saved = svc.get_capacity(db, capacity_id=stored.id)
    assert (saved.jobs, saved.investment, saved.area) == (80, 1_200_000, 12.5)
    form.close()
