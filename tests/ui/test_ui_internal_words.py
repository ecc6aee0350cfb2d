"""No internal words on screen: language codes, a login name as the actor, a midnight time
of day where only a date is known (rank keys: test_ui_rank_table; schema ids: test_ui_backup)."""

from __future__ import annotations

import datetime as dt

import pytest

from qazvin_diplomacy.core.agreements import AgreementStatus
from qazvin_diplomacy.core.clock import TEHRAN
from qazvin_diplomacy.core.directory import PersonInput
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.ui.agreements.widgets import TransitionDialog
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.directory.page import DirectoryPage
from qazvin_diplomacy.ui.modules import Hub, UiContext
from qazvin_diplomacy.ui.widgets.jalali import JalaliDateTimeEdit


@pytest.fixture
def page(app, qtbot, paths, countries, db, settings) -> DirectoryPage:
    directory.ensure_reference_data(db)
    ctx = UiContext(paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub())
    widget = DirectoryPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def _details(view) -> dict[str, str]:
    form = view.details
    rows = {}
    for r in range(form.rowCount()):
        label = form.itemAt(r, form.ItemRole.LabelRole).widget().text()
        rows[label] = form.itemAt(r, form.ItemRole.FieldRole).widget().text()
    return rows


def test_person_page_names_languages_and_shows_no_midnight(page, qtbot, db) -> None:
    person = directory.save_person(
        db,
        person=PersonInput(
            name_fa="آرمن سرکیسیان",
            languages="hy, ru, en, fa",
            functions_started_at=dt.datetime(2025, 9, 1, tzinfo=TEHRAN),  # date only
        ),
    )
    view = page.open_person(person.id)
    assert view is not None
    qtbot.addWidget(view)
    rows = _details(view)
    assert rows["زبان‌ها"] == "ارمنی، روسی، انگلیسی، فارسی"
    started = rows["آغاز مأموریت"]
    assert "۱۴۰۴/۰۶/۱۰" in started and ":" not in started
    timed = directory.save_person(
        db,
        person=PersonInput(
            name_fa="سفیر دیگر", functions_started_at=dt.datetime(2025, 9, 1, 10, 30, tzinfo=TEHRAN)
        ),
    )
    other = page.open_person(timed.id)
    qtbot.addWidget(other)
    assert "۱۰:۳۰" in _details(other)["آغاز مأموریت"]


def test_optional_date_time_box_leaves_the_time_empty_for_a_date_only(app, qtbot) -> None:
    box = JalaliDateTimeEdit()
    qtbot.addWidget(box)
    box.setDateTime(dt.datetime(2025, 9, 1))
    assert box.time_line.text() == ""
    assert box.dateTime() == dt.datetime(2025, 9, 1)  # still the same moment
    box.setDateTime(dt.datetime(2025, 9, 1, 9, 30))
    assert box.time_line.text() == "۰۹:۳۰"
    required = JalaliDateTimeEdit(required=True)
    qtbot.addWidget(required)
    required.setDateTime(dt.datetime(2025, 9, 1))
    assert required.time_line.text() == "۰۰:۰۰"  # a required time is shown as it is


def test_transition_dialog_does_not_prefill_the_login_name(app, qtbot, monkeypatch) -> None:
    import getpass

    monkeypatch.setattr(getpass, "getuser", lambda: "root")
    dialog = TransitionDialog(
        AgreementStatus.DRAFT, AgreementStatus.LEGAL_REVIEW, lambda who, why: ""
    )
    qtbot.addWidget(dialog)
    assert dialog.actor.text() == ""
    given = TransitionDialog(
        AgreementStatus.DRAFT, AgreementStatus.LEGAL_REVIEW, lambda w, y: "", actor="کارشناس"
    )
    qtbot.addWidget(given)
    assert given.actor.text() == "کارشناس"


def test_person_form_shows_language_names_and_stores_codes(app, qtbot, db) -> None:
    from qazvin_diplomacy.ui.directory.forms import PersonForm

    directory.ensure_reference_data(db)
    person = directory.save_person(
        db, person=PersonInput(name_fa="آرمن سرکیسیان", languages="hy, ru, en, fa")
    )
    form = PersonForm(db, directory.get_person(db, person.id))
    qtbot.addWidget(form)
    assert form.languages.text() == "ارمنی، روسی، انگلیسی، فارسی"
    assert form.person_input().languages == "hy, ru, en, fa"  # stored as before
    form.languages.setText("فرانسوی، Esperanto")
    assert form.person_input().languages == "fr, Esperanto"


def test_audit_actions_are_words_not_stored_codes() -> None:
    """The English audit trail showed «insert», «bulk insert»: the stored action codes."""
    from qazvin_diplomacy.core.audit import ACTION_LABELS, action_label

    for code in ACTION_LABELS:
        english = action_label(code, "en")
        assert english[:1].isupper(), english  # a word for people …
        assert english.lower() not in (code, code.replace("_", " ")), english  # … not the code
        assert action_label(code, "fa") != english
