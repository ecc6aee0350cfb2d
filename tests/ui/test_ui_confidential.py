"""The «confidential» tick on the four forms and the lock in the lists."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from qazvin_diplomacy.core.access import Principal, Role, acting_for, set_principal
from qazvin_diplomacy.core.delegations import DelegationInput
from qazvin_diplomacy.services import delegations as dg
from qazvin_diplomacy.services import directory

EDITOR = Principal("editor", Role.EDITOR)


@pytest.fixture
def data(db) -> dict[str, int]:
    """An ordinary delegation to Tajikistan and a confidential one to Russia."""
    directory.ensure_reference_data(db)
    tj = directory.country_by_code(db, "TJ").id  # type: ignore[union-attr]
    ru = directory.country_by_code(db, "RU").id  # type: ignore[union-attr]
    ordinary = dg.save_delegation(
        db,
        delegation=DelegationInput(title="اعزام تیم تجاری به تاجیکستان", country_id=tj,
                                   start_date=date(2025, 10, 4), end_date=date(2025, 10, 8)),
    ).id  # fmt: skip
    secret = dg.save_delegation(
        db,
        delegation=DelegationInput(title="پذیرش هیئت روسیه", country_id=ru, confidential=True,
                                   start_date=date(2025, 12, 1), end_date=date(2025, 12, 3)),
    ).id  # fmt: skip
    return {"ordinary": ordinary, "secret": secret}


def _lock(model, row: int) -> object:
    return model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole)


def test_the_list_marks_a_confidential_record_and_a_viewer_does_not_see_it(window, data) -> None:
    page = window.show_module("delegations")
    page.refresh()
    rows = {page.model.item(i).id: i for i in range(page.model.total)}
    assert isinstance(_lock(page.model, rows[data["secret"]]), QIcon)
    assert _lock(page.model, rows[data["ordinary"]]) is None
    set_principal(Principal("viewer", Role.VIEWER))
    page.refresh()
    assert [page.model.item(i).id for i in range(page.model.total)] == [data["ordinary"]]


def test_the_form_flags_a_record_and_reopens_with_the_tick(window, data, db) -> None:
    page = window.show_module("delegations")
    form = page.open_record(data["ordinary"])
    box = form.field_set.widgets["confidential"]
    assert box.isEnabled() and not box.isChecked()
    assert form.field_set.labels["confidential"].text() == "محرمانه"
    box.setChecked(True)
    assert form.save()
    assert dg.get_delegation(db, delegation_id=data["ordinary"]).confidential
    again = page.open_record(data["secret"])
    assert again.field_set.widgets["confidential"].isChecked()


@pytest.mark.parametrize("module", ["visits", "agreements", "meetings", "delegations"])
def test_every_form_has_the_tick_only_for_users_who_see_confidential_records(
    window, data, module
) -> None:
    page = window.show_module(module)
    with acting_for(EDITOR):
        form = page.new_record()
        assert not form.field_set.widgets["confidential"].isEnabled()
        form.close()
    form = page.new_record()
    assert form.field_set.widgets["confidential"].isEnabled()
    form.close()
