"""Safe defaults in the directory's questions (issue 20 item 9): Enter answers the safe way."""

# ruff: noqa: F811  (the directory tests' fixtures are imported and used as arguments)

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from test_ui_directory import ORGANIZATIONS_TAB, embassy, page  # noqa: F401

from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.services import directory


def test_archiving_a_person_defaults_to_no(page, qtbot, db) -> None:
    person = directory.save_person(db, person=PersonInput(name_fa="رضا محمدی"))
    view = page.open_person(person.id)
    qtbot.addWidget(view)
    seen: dict[str, object] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["default"] = box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        seen["escape"] = box.escapeButton() is box.button(QMessageBox.StandardButton.No)
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(view.archive_button, Qt.MouseButton.LeftButton)
    assert seen == {"default": True, "escape": True}
    assert not directory.get_person(db, person.id).archived


def test_enter_in_the_merge_dialog_does_not_merge(page, qtbot, db, embassy) -> None:
    other = directory.save_organization(db, org=OrganizationInput(name_fa="سفارت تاجيكستان"))
    page.tabs.setCurrentIndex(ORGANIZATIONS_TAB)
    page.orgs_tab.text.setText("تاجیکستان")
    page.apply_filters()
    page.select_ids([embassy, other.id])
    dialog = page.merge_selected()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.swap_button.setFocus()
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.summary is None and not dialog.isVisible()
    names = {o.id for o in directory.list_organizations(db, text="سفارت تاجیکستان")}
    assert names == {embassy, other.id}
