"""The outgoing-letters page: register with search and export, the letter form, printing as PDF
or Word (the printed copy kept), the letter settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.core.letters import LetterInput, LetterKind
from qazvin_diplomacy.services import letters as svc
from qazvin_diplomacy.ui import ops
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.letters import page as page_module
from qazvin_diplomacy.ui.letters.page import LettersPage
from qazvin_diplomacy.ui.modules import Hub, UiContext
from qazvin_diplomacy.ui.registry import module

TODAY = from_jalali(1405, 2, 10)


@pytest.fixture
def ctx(app, paths, db, settings) -> UiContext:
    return UiContext(
        paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub(), today=lambda: TODAY
    )


@pytest.fixture
def page(ctx, qtbot) -> LettersPage:
    widget = LettersPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.refresh()
    return widget


def _letter(db, addressee: str, day: dt.date = TODAY) -> int:
    return svc.register_letter(
        db,
        letter=LetterInput(
            kind=LetterKind.LETTER, date=day, addressee=addressee, subject="هماهنگی بازدید",
            body="متن نامه با Alborz Steel (فاز ۲) و تلفن +98 28 3355 1234",
        ),
    ).id  # fmt: skip


def test_the_module_is_registered(page: LettersPage) -> None:
    assert module("letters").factory is not None
    assert page.heading.text()


def test_new_letter_is_numbered_when_saved_and_listed(page: LettersPage, db) -> None:
    dialog = page.new_record()
    fields = dialog.field_set.widgets
    assert not dialog.save()  # addressee and subject are required
    assert svc.count_letters(db) == 0
    fields["addressee"].setText("اتاق بازرگانی قزوین")
    fields["subject"].setText("دعوت به نشست")
    fields["body"].setPlainText("بند یکم\nبند دوم")
    fields["cc"].setPlainText("بایگانی\n\nدفتر نمایندگی")
    assert dialog.save()
    page.refresh()
    assert page.model.total == 1
    saved = svc.list_letters(db)[0]
    assert saved.number.endswith("/۱") and saved.cc == ("بایگانی", "دفتر نمایندگی")
    assert saved.body == "بند یکم\nبند دوم"
    # Opened again, the texts change and the number stays.
    again = page.open_letter(saved.id)
    assert again is not None and not again.field_set.widgets["date"].isEnabled()
    again.field_set.widgets["subject"].setText("موضوع دیگر")
    assert again.save()
    assert svc.get_letter(db, letter_id=saved.id).number == saved.number


def test_search_filters_the_register(page: LettersPage, db) -> None:
    _letter(db, "سفارت جمهوری تاجیکستان")
    _letter(db, "اتاق بازرگانی")
    page.refresh()
    assert page.model.total == 2
    page.filter_bar.text.setText("تاجيكستان")  # Arabic Yeh and Kaf
    page.apply_filters()
    assert page.model.total == 1
    assert "۱" in page.count_label.text() or "1" in page.count_label.text()


def test_the_year_and_kind_refilter_as_they_change(page: LettersPage, db) -> None:
    _letter(db, "سفارت جمهوری تاجیکستان", from_jalali(1404, 5, 1))
    _letter(db, "اتاق بازرگانی")
    page.refresh()
    assert page.model.total == 2
    page.filter_bar.year.setValue(1404)  # no Enter, no button: the list follows
    assert page.model.total == 1
    page.filter_bar.clear_button.click()
    assert page.filter_bar.year.value() == 0 and page.model.total == 2
    bar = page.filter_bar
    bar.kind.setCurrentIndex(bar.kind.findData(LetterKind.THANKS.value))
    assert page.model.total == 0


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_print_as_pdf_or_word_keeps_the_printed_copy(
    page: LettersPage, db, qtbot, monkeypatch, suffix: str
) -> None:
    letter_id = _letter(db, "سفارت آلمان")
    page.refresh()
    opened: list[Path] = []
    monkeypatch.setattr(ops, "open_file", opened.append)
    monkeypatch.setattr(page_module, "open_file", opened.append)
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.format.setCurrentIndex(page.format.findData(suffix))
    assert page.model.total == 1, page.filter_bar.filters()
    assert page.selected_id() == letter_id
    failures: list[BaseException] = []
    monkeypatch.setattr(ops, "show_error", lambda _p, exc: failures.append(exc))
    page.print_page()
    qtbot.waitUntil(lambda: bool(opened or failures), timeout=60_000)
    assert not failures
    assert opened[0].suffix == suffix and opened[0].stat().st_size > 0
    if suffix == ".docx":
        assert "سفارت آلمان" in "".join(p.text for p in docx.Document(str(opened[0])).paragraphs)
    qtbot.waitUntil(lambda: svc.get_letter(db, letter_id=letter_id).printed_copies == 1)
    copy = page.open_printed_copy(letter_id)
    assert copy is not None and copy.read_bytes() == opened[0].read_bytes()


def test_settings_refuse_a_pattern_without_seq_and_keep_the_old_one(page: LettersPage, db) -> None:
    dialog = page.edit_settings()
    dialog.field_set.widgets["number_pattern"].setText("{year}/ب‌م")
    assert not dialog.save()
    assert "seq" in dialog.field_set.error_text("number_pattern")
    assert svc.get_office_settings(db).number_pattern == "{year}/ب‌م/{seq}"
    dialog.field_set.widgets["number_pattern"].setText("ق/{yy}/{seq}")
    dialog.field_set.widgets["signatory_name"].setText("محمدنوید پرویزی")
    assert dialog.save()
    assert svc.get_office_settings(db).signatory_name == "محمدنوید پرویزی"
    assert _letter(db, "x") and svc.list_letters(db)[0].number == "ق/۰۵/۱"


def test_selftest_shots(page: LettersPage) -> None:
    names: list[str] = []
    page.selftest(lambda name, _w: names.append(name))
    assert names == ["letters", "letter_form", "letter_settings"]


def test_the_events_print_menu_offers_invitations_as_word(ctx) -> None:
    from PySide6.QtWidgets import QMenu

    from qazvin_diplomacy.ui.events.widgets import ReportPrinter

    printer = ReportPrinter(ctx.db, ctx.runner)
    menu = QMenu()
    printer.fill_menu(menu, lambda: None)
    kinds = [a.data() for a in menu.actions()]
    assert "invitations" in kinds and "invitations.docx" in kinds
    assert "badges.docx" not in kinds  # Word only where the report offers it
