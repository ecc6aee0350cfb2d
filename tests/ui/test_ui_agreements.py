"""The agreements module driven through its real widgets: form, workflow, attachments, list, cards."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from qazvin_diplomacy.core import jalali
from qazvin_diplomacy.core.agreements import (
    AgreementFilter,
    AgreementInput,
    AgreementKind,
    AgreementStatus,
    Axis,
    LegalReview,
    LegalVerdict,
    PartyEntry,
    PartySide,
    SignatoryEntry,
)
from qazvin_diplomacy.core.clock import today_local
from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.core.followups import FollowUpInput
from qazvin_diplomacy.services import agreements as svc
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.ui.agreements import printing
from qazvin_diplomacy.ui.agreements.cards import (
    ExpiringAgreementsCard,
    OverdueObligationsCard,
    StalledReviewsCard,
)
from qazvin_diplomacy.ui.agreements.form import (
    ATTACHMENTS_TAB,
    GENERAL_TAB,
    HISTORY_TAB,
    PARTIES_TAB,
    SIGNATORIES_TAB,
    VALIDITY_DURATION,
    VALIDITY_END,
    AgreementForm,
)
from qazvin_diplomacy.ui.agreements.models import AgreementTableModel
from qazvin_diplomacy.ui.agreements.page import AgreementsPage
from qazvin_diplomacy.ui.common import TaskRunner
from qazvin_diplomacy.ui.i18n import strip_direction_mark
from qazvin_diplomacy.ui.modules import Hub, UiContext

TODAY = jalali.from_jalali(1404, 8, 3)  # Saturday 25 October 2025
S = AgreementStatus


@pytest.fixture
def world(countries, db) -> dict[str, int]:
    """Qazvin's governorate, the MFA office, Sughd region (Tajikistan), Moscow; people of each."""
    directory.ensure_reference_data(db)
    iran = directory.country_by_code(db, "IR")
    tajik = directory.country_by_code(db, "TJ")
    russia = directory.country_by_code(db, "RU")
    assert iran and tajik and russia

    def org(fa: str, en: str, country: int, kind: str) -> int:
        view = directory.save_organization(
            db, org=OrganizationInput(fa, en, kind=kind, country_id=country)
        )
        assert view.id is not None
        return view.id

    def person(fa: str, en: str, org_id: int | None, title: str) -> int:
        view = directory.save_person(
            db, person=PersonInput(fa, en, title_fa=title, organization_id=org_id)
        )
        assert view.id is not None
        return view.id

    gov = org("استانداری قزوین", "Governorate of Qazvin", iran.id, "governorate")
    sughd = org("ولایت سغد", "Sughd Region", tajik.id, "foreign_province")
    moscow = org("دولت شهر مسکو", "Moscow City Government", russia.id, "foreign_city")
    mfa = org("دفتر نمایندگی وزارت امور خارجه", "MFA office", iran.id, "mfa_office")
    return {
        "iran": iran.id,
        "tajik": tajik.id,
        "russia": russia.id,
        "gov": gov,
        "sughd": sughd,
        "moscow": moscow,
        "mfa": mfa,
        "governor": person("محمد نوذری", "Mohammad Nozari", gov, "استاندار قزوین"),
        "sughd_chair": person("رستم عبدالله‌زاده", "Rustam Abdullozoda", sughd, "رئیس ولایت"),
        "mayor": person("سرگئی سوبیانین", "Sergey Sobyanin", moscow, "شهردار مسکو"),
        "stranger": person("شخص بی‌سازمان", "Nobody", None, ""),
    }


def make_ctx(paths, db, settings, today: dt.date = TODAY) -> UiContext:
    return UiContext(
        paths=paths, db=db, settings=settings, runner=TaskRunner(), hub=Hub(), today=lambda: today
    )


@pytest.fixture
def page(app, qtbot, paths, db, settings, world) -> AgreementsPage:
    widget = AgreementsPage(make_ctx(paths, db, settings))
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.refresh()
    return widget


def agreement(w, **changes) -> AgreementInput:
    base = AgreementInput(
        title="نقشه راه همکاری استان قزوین و ولایت سغد",
        kind=AgreementKind.ROADMAP,
        signing_place="خجند",
        start_date=jalali.from_jalali(1404, 7, 1),
        duration_months=24,
        parties=(
            PartyEntry(w["gov"], PartySide.IRANIAN),
            PartyEntry(w["sughd"], PartySide.FOREIGN),
        ),
        signatories=(SignatoryEntry(w["governor"]), SignatoryEntry(w["sughd_chair"])),
        axes=(Axis.TOURISM,),
    )
    return replace(base, **changes)


def type_text(widget, text: str) -> None:
    """Type ``text`` key by key (QTest.keyClicks handles ASCII only; this sends Persian too)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def pick(picker, text: str) -> None:
    """Search as typed (Persian), then press Enter on the first match."""
    picker.line.setFocus()
    type_text(picker.line, text)
    assert picker.results.count() > 0, f"no match for {text}"
    QTest.keyClick(picker.line, Qt.Key.Key_Return)


def answer_transition(form: AgreementForm, remark: str, seen: dict[str, str]) -> None:
    """Fill the transition dialog when it opens; record the remark's error; cancel if refused."""

    def fill() -> None:
        dialog = form.transition_dialog
        assert dialog is not None and dialog.isVisible()
        seen["question"] = dialog.question.text()
        dialog.remark.setPlainText(remark)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        seen["remark_error"] = dialog.remark_error.text() if dialog.isVisible() else ""
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, fill)


# --- the form ---------------------------------------------------------------------------


def test_create_agreement_with_persian_input_through_the_form(page, qtbot, db, world) -> None:
    form = page.new_record()
    type_text(form.title_edit, "تفاهم‌نامه همکاری گردشگری قزوین و سغد")
    form.kind_combo.setCurrentIndex(form.kind_combo.findData(AgreementKind.MOU.value))
    type_text(form.reference_edit, "ق/۱۴۰۴/۲۳")
    form.start_date.setText("۱۴۰۴/۰۸/۰۱")
    form.validity_combo.setCurrentIndex(VALIDITY_DURATION)
    form.duration_spin.lineEdit().selectAll()
    type_text(form.duration_spin.lineEdit(), "۲۴")
    assert form.duration_spin.value() == 24
    # 24 Jalali months from 1 Aban 1404 end on 30 Mehr 1406: computed, shown, not typed
    assert "۱۴۰۶/۰۷/۳۰" in form.expiry_label.text()
    form.axis_checks[Axis.TOURISM].setChecked(True)
    form.axis_checks[Axis.CULTURE].setChecked(True)
    form.party_side.setCurrentIndex(form.party_side.findData(PartySide.IRANIAN.value))
    pick(form.org_picker, "استانداری")
    form.party_side.setCurrentIndex(form.party_side.findData(PartySide.FOREIGN.value))
    pick(form.org_picker, "سغد")
    form.parties.table.item(1, 3).setText("خجند")
    assert form.party_ids() == [world["gov"], world["sughd"]]
    pick(form.person_picker, "نوذری")
    pick(form.person_picker, "عبدالله")
    assert form.signatories.text(0, 2) == "استاندار قزوین"  # the directory's title
    row = form.add_obligation_row()
    form.obligations.table.item(row, 0).setText("تشکیل کارگروه مشترک گردشگری")
    form.obligations.table.item(row, 1).setText("اداره کل میراث فرهنگی")
    form.obligations.table.item(row, 2).setText("۱۴۰۴/۰۹/۰۱")
    _agreement, errors = form.collect()
    assert errors == {}
    with qtbot.waitSignal(form.saved, timeout=2000) as saved:
        form.save_button.click()
    detail = svc.get_agreement(db, agreement_id=saved.args[0], today=TODAY)
    assert detail.title == "تفاهم‌نامه همکاری گردشگری قزوین و سغد"
    assert detail.kind is AgreementKind.MOU
    assert detail.reference_number == "ق/۱۴۰۴/۲۳"
    assert detail.start_date == jalali.from_jalali(1404, 8, 1)
    assert detail.expires_on == jalali.from_jalali(1406, 7, 30)
    assert detail.axes == (Axis.TOURISM, Axis.CULTURE)
    assert [(p.organization_id, p.side, p.locality_fa) for p in detail.parties] == [
        (world["gov"], PartySide.IRANIAN, ""),
        (world["sughd"], PartySide.FOREIGN, "خجند"),
    ]
    assert [s.person_id for s in detail.signatories] == [world["governor"], world["sughd_chair"]]
    assert [(o.title, o.deadline) for o in detail.obligations] == [
        ("تشکیل کارگروه مشترک گردشگری", jalali.from_jalali(1404, 9, 1))
    ]
    assert detail.status is S.DRAFT
    # the form stays open on the stored record, with the draft's only way forward
    assert form.isVisible() and form.detail is not None and form.detail.id == detail.id
    assert set(form.transition_buttons) == {S.LEGAL_REVIEW}
    assert not form.is_modified()
    # and it is in the register
    texts = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    assert "تفاهم‌نامه همکاری گردشگری قزوین و سغد" in texts


def test_refusals_are_shown_at_their_fields_and_input_is_kept(page, db, world) -> None:
    form = page.new_record()
    form.title_edit.setText("موافقت‌نامه آزمایشی")
    form.start_date.setText("۱۴۰۴/۰۸/۱۰")
    form.validity_combo.setCurrentIndex(VALIDITY_END)
    form.end_date.setText("۱۴۰۴/۰۸/۰۱")
    form.add_party_row(world["gov"], PartySide.IRANIAN)
    form.add_party_row(world["sughd"], PartySide.FOREIGN)
    form.add_signatory_row(world["stranger"])
    assert form.save() is False
    assert "پیش از تاریخ آغاز" in form.error_text("end_date")
    assert svc.count_agreements(db) == 0  # nothing half-saved
    form.end_date.setText("۱۴۰۵/۰۸/۰۹")
    assert form.save() is False
    assert form.error_text("end_date") == ""
    assert "عضو هیچ‌یک از طرف‌های" in form.error_text("signatories.0.person_id")
    assert form.tabs.currentIndex() == SIGNATORIES_TAB
    assert form.title_edit.text() == "موافقت‌نامه آزمایشی"  # typed text never lost
    assert form.signatory_ids() == [world["stranger"]]
    assert svc.count_agreements(db) == 0
    form.signatories.table.setCurrentCell(0, 0)
    form.signatories.remove_current()
    form.add_signatory_row(world["governor"])
    assert form.signatory_ids() == [world["governor"]]
    assert form.save() is True, form.collect()
    assert form.error_text("signatories.0.person_id") == ""
    assert svc.count_agreements(db) == 1
    # an invalid Jalali date is refused at its field, the text stays as typed
    form.signing_date.setText("1404/12/30")
    assert form.save() is False
    assert form.error_text("signing_date")
    assert form.signing_date.text() == "1404/12/30"


def test_an_error_key_lands_under_its_declared_field(page, db, world) -> None:
    form = page.new_record()
    for spec in AgreementForm.FIELDS:
        form.tabs.setCurrentIndex(PARTIES_TAB)
        form.show_errors({spec.name: "پیام"})
        assert form.error_text(spec.name) == "پیام", spec.name
        assert form.tabs.currentIndex() == GENERAL_TAB and form.banner.isHidden()
    # the service's own refusal, an agreement without a title, lands under the title alone
    form = page.new_record()
    form.add_party_row(world["gov"], PartySide.IRANIAN)
    form.add_party_row(world["sughd"], PartySide.FOREIGN)
    form.tabs.setCurrentIndex(PARTIES_TAB)
    assert form.save() is False
    assert svc.count_agreements(db) == 0
    assert form.error_text("title") and form.tabs.currentIndex() == GENERAL_TAB
    shown = [s.name for s in AgreementForm.FIELDS if form.error_text(s.name)]
    assert shown == ["title"] and form.banner.isHidden()


def test_validity_fields_count_only_for_their_kind_of_term(page) -> None:
    form = page.new_record()
    form.title_edit.setText("سند آزمایشی")
    form.end_date.setText("1404/13/40")  # unreadable, but the term is open-ended
    form.duration_spin.setValue(30)
    form.renewal_spin.setValue(6)  # automatic renewal is off
    agreement, errors = form.collect()
    assert errors == {}
    assert (agreement.end_date, agreement.duration_months, agreement.renewal_months) == (
        None,
        None,
        None,
    )
    form.validity_combo.setCurrentIndex(VALIDITY_END)
    assert form.collect()[1]["end_date"]
    form.validity_combo.setCurrentIndex(VALIDITY_DURATION)
    form.auto_renew.setChecked(True)
    agreement, errors = form.collect()
    assert errors == {} and (agreement.duration_months, agreement.renewal_months) == (30, 6)


def test_workflow_offers_only_allowed_steps_and_keeps_history(page, qtbot, db, world) -> None:
    detail = svc.save_agreement(db, agreement=agreement(world), actor="کارشناس", today=TODAY)
    form = page.open_record(detail.id)
    assert form is not None
    assert set(form.transition_buttons) == {S.LEGAL_REVIEW}
    seen: dict[str, str] = {}
    answer_transition(form, "ارسال به دفتر نمایندگی", seen)
    with qtbot.waitSignal(form.changed, timeout=2000):
        form.transition_buttons[S.LEGAL_REVIEW].click()
    assert "«پیش‌نویس»" in seen["question"] and "«بررسی حقوقی»" in seen["question"]
    assert form.detail.status is S.LEGAL_REVIEW
    assert set(form.transition_buttons) == {S.DRAFT, S.APPROVED}
    # approval without a recorded legal opinion is refused next to the review fields
    assert form.transition(S.APPROVED, actor="کارشناس", remark="") is False
    assert "بررسی حقوقی" in form.error_text("legal_review")
    assert form.tabs.currentIndex() == HISTORY_TAB
    assert svc.get_agreement(db, agreement_id=detail.id).status is S.LEGAL_REVIEW
    # sending back to draft needs a reason: the dialog stays open and says so
    seen.clear()
    answer_transition(form, "", seen)
    form.transition_buttons[S.DRAFT].click()
    assert "دلیل" in seen["remark_error"]
    assert form.detail.status is S.LEGAL_REVIEW
    # the MFA office's opinion, typed in Persian
    form.reviewer_edit.setText("حسن گلیوند")
    form.review_date.setText("۱۴۰۴/۰۸/۰۲")
    form.verdict_combo.setCurrentIndex(form.verdict_combo.findData(LegalVerdict.FAVOURABLE.value))
    form.opinion_edit.setPlainText("متن از نظر حقوقی بلامانع است.")
    assert form.record_review() is True
    assert form.detail.legal_review.is_recorded
    assert form.transition(S.APPROVED, actor="کارشناس", remark="تأیید نهایی") is True
    assert set(form.transition_buttons) == {S.DRAFT, S.SIGNED}
    # signing needs the signing date: refused at the field
    assert form.transition(S.SIGNED, actor="استاندار", remark="") is False
    assert form.error_text("signing_date") == "تاریخ امضا را وارد کنید."
    form.signing_date.setText("۱۴۰۴/۰۸/۰۱")
    assert form.transition(S.SIGNED, actor="استاندار", remark="امضا در خجند") is True  # saved first
    assert form.transition(S.IN_FORCE, actor="کارشناس", remark="") is True
    assert set(form.transition_buttons) == {S.EXPIRED, S.TERMINATED}
    stored = svc.get_agreement(db, agreement_id=detail.id, today=TODAY)
    assert stored.status is S.IN_FORCE and stored.signing_date == jalali.from_jalali(1404, 8, 1)
    assert [(h.to_status, h.changed_by) for h in stored.history][-2:] == [
        (S.SIGNED, "استاندار"),
        (S.IN_FORCE, "کارشناس"),
    ]
    # the history tab lists each step with who and the remark
    rows = [
        [form.history.item(r, c).text() for c in range(4)] for r in range(form.history.rowCount())
    ]
    assert len(rows) == 5
    assert any(r[2] == "استاندار" and r[3] == "امضا در خجند" for r in rows)
    assert any("بررسی حقوقی" in r[1] and r[3] == "ارسال به دفتر نمایندگی" for r in rows)
    timeline = [form.timeline.item(r, 1).text() for r in range(form.timeline.rowCount())]
    assert "امضا" in timeline and "انقضا" in timeline
    # expiring early is refused with the expiry named
    assert form.transition(S.EXPIRED, actor="", remark="") is False
    assert "هنوز نرسیده" in form.workflow_error.text()


def test_attachments_stored_opened_and_refused_with_persian_messages(
    page, db, world, tmp_path
) -> None:
    detail = svc.save_agreement(db, agreement=agreement(world), today=TODAY)
    form = page.open_record(detail.id)
    assert form is not None
    opened: list[Path] = []
    form.opener = opened.append
    scan = tmp_path / "امضاشده.pdf"
    scan.write_bytes(b"%PDF-1.4 signed scan" + b"0" * 3000)
    form.attachment_limit = 2000
    assert form.add_file(scan) is False
    assert "حجم پرونده بیش از حد مجاز" in form.error_text("file")
    assert form.add_file(tmp_path / "missing.pdf") is False
    assert "پیدا نشد" in form.error_text("file")
    assert svc.list_agreement_attachments(db, agreement_id=detail.id) == []
    form.attachment_limit = 10_000
    form.attachment_description.setText("نسخه امضاشده")
    assert form.add_file(scan) is True
    assert form.error_text("file") == ""
    assert form.attachments.rowCount() == 1
    assert form.attachments.item(0, 0).text() == "امضاشده.pdf"
    assert form.attachments.item(0, 2).text() == "نسخه امضاشده"
    path = form.open_attachment(0)
    assert path is not None and opened == [path]
    assert path.name == "امضاشده.pdf" and path.read_bytes() == scan.read_bytes()
    form.tabs.setCurrentIndex(ATTACHMENTS_TAB)
    # a new, unsaved agreement cannot take files yet
    new = page.new_record()
    assert new.add_file(scan) is False
    assert "ابتدا" in new.error_text("file") or "first" in new.error_text("file")


# --- the list ---------------------------------------------------------------------------


def test_register_filters_by_country_year_text_and_sorts(
    page, db, world, qtmodeltester, monkeypatch
) -> None:
    moscow = replace(
        agreement(world),
        title="تفاهم‌نامه خدمات شهری با مسکو",
        kind=AgreementKind.MOU,
        parties=(
            PartyEntry(world["gov"], PartySide.IRANIAN),
            PartyEntry(world["moscow"], PartySide.FOREIGN),
        ),
        signatories=(SignatoryEntry(world["mayor"]),),
        signing_date=jalali.from_jalali(1402, 5, 1),
        axes=(Axis.URBAN_SERVICES,),
    )
    svc.save_agreement(db, agreement=moscow, today=TODAY)
    for i in range(5):
        svc.save_agreement(
            db,
            agreement=agreement(
                world,
                title=f"نقشه راه سغد شماره {i}",
                signing_date=jalali.from_jalali(1403 + i % 2, 2, 1 + i),
            ),
            today=TODAY,
        )
    page.refresh()
    bar = page.filter_bar
    assert page.model.rowCount() == 6
    bar.country.setCurrentIndex(bar.country.findData(world["tajik"]))
    assert page.model.rowCount() == 5
    assert all("سغد" in page.model.index(r, 3).data() for r in range(5))
    assert page.model.index(0, 4).data() == "تاجیکستان"
    assert page.count_label.text() == "۵ agreements" or "۵" in page.count_label.text()
    bar.set_year(bar.year_from, 1404)
    assert page.model.rowCount() == 2  # signed in 1404 only
    bar.clear()
    assert page.model.rowCount() == 6
    bar.kind.setCurrentIndex(bar.kind.findData(AgreementKind.MOU.value))
    assert page.model.rowCount() == 1
    bar.clear()
    bar.axis.setCurrentIndex(bar.axis.findData(Axis.URBAN_SERVICES.value))
    assert page.model.rowCount() == 1
    bar.clear()
    bar.text.setText("مسکو")
    page.apply_filters()  # the text filter waits for typing to pause
    assert [page.model.index(r, 1).data() for r in range(page.model.rowCount())] == [
        "تفاهم‌نامه خدمات شهری با مسکو"
    ]
    bar.clear()
    page.show_organization(world["moscow"])
    assert page.model.rowCount() == 1 and bar.organization_label.isVisible()
    bar.organization_clear.click()
    assert page.model.rowCount() == 6
    # sorting in SQL: signing date ascending puts the 1402 MoU first
    page.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
    assert page.model.index(0, 5).data() == "۱۴۰۲/۰۵/۰۱"
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    titles = [page.model.agreement(r).title for r in range(6)]
    assert titles == sorted(titles)
    # the model under the tester, with tiny pages
    monkeypatch.setattr(AgreementTableModel, "PAGE", 2)
    monkeypatch.setattr(AgreementTableModel, "MAX_PAGES", 2)
    checked = AgreementTableModel(db, today=lambda: TODAY)
    qtmodeltester.check(checked)
    assert checked.loaded_pages() != [] and len(checked.loaded_pages()) <= 2
    assert checked.index(5, 1).data() is not None  # the last page read on demand
    checked.sort(7, Qt.SortOrder.DescendingOrder)
    checked.set_filters(AgreementFilter(country_id=world["russia"]))
    assert checked.rowCount() == 1
    qtmodeltester.check(checked)


def test_archive_and_restore_from_the_page(page, db, world) -> None:
    detail = svc.save_agreement(db, agreement=agreement(world), today=TODAY)
    page.refresh()
    form = page.open_record(detail.id)
    assert form is not None
    form.confirm = lambda _t, _x: True
    assert form.archive() is True
    assert page.model.rowCount() == 0
    page.views.setCurrentIndex(1)
    assert page.archive_model.rowCount() == 1
    page.archive_table.setCurrentIndex(page.archive_model.index(0, 0))
    assert page.restore_selected() is True
    assert page.model.rowCount() == 1 and page.archive_model.rowCount() == 0


# --- dashboard --------------------------------------------------------------------------


def test_dashboard_cards_show_expiring_overdue_and_stalled(
    app, qtbot, paths, db, settings, world
) -> None:
    later = today_local() + dt.timedelta(days=40)  # reviews entered today are 40 days old then
    signed = later - dt.timedelta(days=300)
    expiring = svc.save_agreement(
        db,
        agreement=agreement(
            world,
            title="تفاهم‌نامه رو به انقضا",
            signing_date=signed,
            start_date=signed,
            duration_months=None,
            end_date=later + dt.timedelta(days=30),
            obligations=(FollowUpInput("گزارش شش‌ماهه", deadline=later - dt.timedelta(days=5)),),
        ),
        today=later,
    )
    d = svc.change_status(
        db, agreement_id=expiring.id, version=expiring.version, status=S.LEGAL_REVIEW, today=later
    )
    d = svc.record_legal_review(
        db,
        agreement_id=d.id,
        version=d.version,
        today=later,
        review=LegalReview(None, "کارشناس", signed, LegalVerdict.FAVOURABLE, "بلامانع"),
    )
    for step in (S.APPROVED, S.SIGNED, S.IN_FORCE):
        d = svc.change_status(db, agreement_id=d.id, version=d.version, status=step, today=later)
    waiting = svc.save_agreement(db, agreement=agreement(world, title="پیش‌نویس منتظر"), today=later)
    svc.change_status(
        db, agreement_id=waiting.id, version=waiting.version, status=S.LEGAL_REVIEW, today=later
    )
    ctx = make_ctx(paths, db, settings, later)
    cards = [ExpiringAgreementsCard(ctx), OverdueObligationsCard(ctx), StalledReviewsCard(ctx)]
    for card in cards:
        qtbot.addWidget(card)
        card.refresh()
        assert card.is_relevant()
    exp, overdue, stalled = cards
    assert len(exp.texts()) == 1 and "تفاهم‌نامه رو به انقضا" in exp.texts()[0]
    assert "۳۰" in exp.texts()[0] and "(۱)" in exp.title.text()
    assert "گزارش شش‌ماهه" in overdue.texts()[0] and "۵" in overdue.texts()[0]
    assert "پیش‌نویس منتظر" in stalled.texts()[0]
    opened: list[tuple[str, int]] = []
    ctx.hub.openRecord.connect(lambda key, rid: opened.append((key, rid)))
    exp.list.itemDoubleClicked.emit(exp.list.item(0))
    assert opened == [("agreements", expiring.id)]
    # nothing to say 91 days before: the cards hide themselves
    quiet = make_ctx(paths, db, settings, signed)
    card = ExpiringAgreementsCard(quiet)
    qtbot.addWidget(card)
    card.refresh()
    assert not card.is_relevant()


def test_dashboard_page_shows_agreement_cards_and_opens_the_form(
    app, qtbot, paths, db, settings, world
) -> None:
    from qazvin_diplomacy.ui.dashboard import DashboardPage

    detail = svc.save_agreement(db, agreement=agreement(world), today=today_local())
    svc.change_status(db, agreement_id=detail.id, version=detail.version, status=S.LEGAL_REVIEW)
    ctx = make_ctx(paths, db, settings, today_local() + dt.timedelta(days=31))
    dash = DashboardPage(ctx)
    qtbot.addWidget(dash)
    dash.show()
    page = AgreementsPage(ctx)
    qtbot.addWidget(page)
    ctx.hub.openRecord.connect(
        lambda key, rid: page.open_record(rid) if key == "agreements" else None
    )
    dash.refresh()
    dash.wait_read()
    card = dash.cards["agreements_reviews"]
    assert card.isVisible()
    assert not dash.cards["agreements_expiring"].isVisible()  # nothing to say: hidden
    assert any("نقشه راه همکاری" in strip_direction_mark(t) for t in card.texts())
    card.list.itemDoubleClicked.emit(card.list.item(0))
    assert page.forms and page.forms[-1].detail.id == detail.id


# --- printing ---------------------------------------------------------------------------


def test_print_register_with_filters_and_sheet_open_pdfs(page, qtbot, db, world, monkeypatch):
    svc.save_agreement(
        db, agreement=agreement(world, signing_date=jalali.from_jalali(1404, 2, 1)), today=TODAY
    )
    calls: list[tuple[str, dict]] = []
    real = printing.PdfPrinter.print_report

    def spy(self, kind, options, out=None):
        calls.append((kind, dict(options)))
        return real(self, kind, options, out)

    monkeypatch.setattr(printing.PdfPrinter, "print_report", spy)
    opened: list[Path] = []
    page.printer.opener = opened.append
    bar = page.filter_bar
    bar.country.setCurrentIndex(bar.country.findData(world["tajik"]))
    bar.status.setCurrentIndex(bar.status.findData(S.DRAFT.value))
    bar.set_year(bar.year_from, 1404)
    bar.kind.setCurrentIndex(bar.kind.findData(AgreementKind.ROADMAP.value))
    bar.axis.setCurrentIndex(bar.axis.findData(Axis.TOURISM.value))
    bar.text.setText("سغد")
    with qtbot.waitSignal(page.printer.done, timeout=30000) as done:
        page.print_button.click()
    assert calls[-1] == (
        "agreements-register",
        {
            "status": "draft",
            "country": "TJ",
            "date_from": jalali.from_jalali(1404, 1, 1),
            "agreement_kind": "roadmap",
            "axis": "tourism",
            "text": "سغد",
        },
    )
    pdf = done.args[0]
    assert opened == [pdf] and pdf.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    assert len(PdfReader(str(pdf)).pages) == 1
    form = page.open_record(svc.list_agreements(db)[0].id)
    assert form is not None
    form.opener = opened.append
    with qtbot.waitSignal(form.printer.done, timeout=30000) as done:
        form.print_button.click()
    assert calls[-1][0] == "agreement-sheet" and opened[-1] == done.args[0]
    assert done.args[0].read_bytes().startswith(b"%PDF")
    page.ctx.runner.wait()


def test_cancelled_print_leaves_no_file(page, qtbot, db, world, tmp_path) -> None:
    opened: list[Path] = []
    page.printer.opener = opened.append
    out = tmp_path / "register.pdf"
    with qtbot.waitSignal(page.printer.cancelled, timeout=30000):
        page.printer.print_report("agreements-register", {}, out)
        progress = page.printer.progress
        assert progress is not None
        progress.findChild(QPushButton).click()  # the dialog's Cancel button
    assert opened == [] and not out.exists()


def test_language_switch_retranslates_an_open_form(app, page, db, world) -> None:
    from qazvin_diplomacy.ui.application import apply_language

    detail = svc.save_agreement(db, agreement=agreement(world), today=TODAY)
    page.refresh()
    form = page.open_record(detail.id)
    assert form is not None
    assert form.tabs.tabText(1) == "طرف‌ها"
    assert page.model.index(0, 5).data() == "—"
    assert not form.is_modified()
    apply_language(app, "en")
    assert form.tabs.tabText(1) == "Parties"
    assert not form.is_modified()  # the same dates and parties, shown in English
    assert form.parties.combo(1, 0).currentText() == "Foreign party"
    assert form.status_label.text() == "Status: Draft"
    assert page.heading.text() == "Agreements"
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Title"
    apply_language(app, "fa")
    assert form.parties.combo(1, 0).currentText() == "طرف خارجی"
    assert "۱۴۰۶/۰۶/۳۱" in form.expiry_label.text()  # 24 months from 1404/07/01, Persian digits


def test_export_button_writes_the_register_as_filtered_and_sorted(
    page, qtbot, db, world, tmp_path
) -> None:
    """Export to Excel/CSV…: the rows the register shows (status filter, title order), RTL sheet."""
    from openpyxl import load_workbook

    for i, kind in enumerate((AgreementKind.MOU, AgreementKind.ROADMAP, AgreementKind.MOU)):
        svc.save_agreement(
            db,
            agreement=agreement(
                world,
                title=f"موافقت‌نامه {'ابجد'[i]} همکاری",
                kind=kind,
                signing_date=jalali.from_jalali(1403, 1 + i, 1),
            ),
            today=TODAY,
        )
    svc.save_agreement(db, agreement=agreement(world, title="پیش‌نویس بدون امضا"), today=TODAY)
    page.refresh()
    bar = page.filter_bar
    bar.kind.setCurrentIndex(bar.kind.findData(AgreementKind.MOU.value))
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # title, Z to A
    shown = [page.model.agreement(r).title for r in range(page.model.rowCount())]
    assert shown == ["موافقت‌نامه ج همکاری", "موافقت‌نامه ا همکاری"]
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "register.xlsx"
    asked: list[str] = []
    page.ask_export_path = lambda suggested: asked.append(suggested) or target  # type: ignore[method-assign]
    assert page.export_button.text() == "خروجی اکسل / CSV…"
    page.export_button.click()
    page.ctx.runner.wait()
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert asked == ["agreements.xlsx"]
    sheet = load_workbook(target).active
    assert sheet.sheet_view.rightToLeft and sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == shown
    assert rows[0][3] == "تفاهم‌نامه" and rows[0][10] == "۱۴۰۳/۰۳/۰۱" and rows[0][11] == "2024-05-21"
    assert list(folder.iterdir()) == [target]  # no temporary file left behind


def test_cancelled_export_leaves_no_file(page, qtbot, db, world, tmp_path, monkeypatch) -> None:
    """Cancel while the register is being read: the dialog ends cancelled and nothing is written."""
    import threading

    from qazvin_diplomacy.services.export import sheets
    from qazvin_diplomacy.services.export import tables as export_service

    for i in range(3):
        svc.save_agreement(db, agreement=agreement(world, title=f"سند {i}"), today=TODAY)
    monkeypatch.setattr(sheets, "EXPORT_PAGE", 1)
    go = threading.Event()
    real = export_service.list_agreements
    pages: list[int] = []

    def slow(*args, **kwargs):
        assert go.wait(10)  # hold the worker until Cancel was pressed
        pages.append(kwargs["offset"])
        return real(*args, **kwargs)

    monkeypatch.setattr(export_service, "list_agreements", slow)
    page.refresh()
    folder = tmp_path / "out"
    folder.mkdir()
    task = page.export_list(folder / "never.xlsx")
    assert task is not None
    cancel = task.findChild(QPushButton)
    assert cancel is not None and cancel.text() == task.tr("Cancel")
    cancel.click()
    go.set()
    page.ctx.runner.wait()
    qtbot.waitUntil(lambda: task.outcome != "", timeout=10_000)
    assert task.outcome == "cancelled"
    assert len(pages) <= 1  # stopped at the first page, not after all three
    assert list(folder.iterdir()) == []
