"""Agreement services on a real, migrated temporary database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

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
    SignatoryView,
)
from qazvin_diplomacy.core.directory import OrganizationInput, PersonInput
from qazvin_diplomacy.core.errors import (
    KnownError,
    NotFoundError,
    StaleRecordError,
    ValidationError,
)
from qazvin_diplomacy.core.followups import FollowUpInput, FollowUpStatus
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.services import agreements as svc
from qazvin_diplomacy.services import followups as followup_service
from qazvin_diplomacy.services.directory import country_by_code, save_organization, save_person

TODAY = from_jalali(1404, 8, 3)  # Saturday 25 October 2025
ACTOR = "کارشناس امور بین‌الملل"


@pytest.fixture
def world(db):
    """Qazvin's governorate and university, Sughd region and a Tajik university, with people."""
    iran = country_by_code(db, "IR")
    tajik = country_by_code(db, "TJ")
    russia = country_by_code(db, "RU")
    assert iran and tajik and russia

    def org(name_fa: str, name_en: str, country: int, kind: str = "other", parent=None) -> int:
        view = save_organization(
            db,
            org=OrganizationInput(
                name_fa, name_en, kind=kind, country_id=country, parent_id=parent
            ),
        )
        assert view.id is not None
        return view.id

    def person(name_fa: str, org_id: int | None, title_fa: str = "", country=None) -> int:
        view = save_person(
            db,
            person=PersonInput(
                name_fa, title_fa=title_fa, organization_id=org_id, country_id=country
            ),
        )
        assert view.id is not None
        return view.id

    gov = org("استانداری قزوین", "Governorate of Qazvin", iran.id, "governorate")
    gov_intl = org("اداره کل امور بین‌الملل", "Intl affairs", iran.id, "governorate", gov)
    ikiu = org("دانشگاه بین‌المللی امام خمینی (ره)", "IKIU", iran.id, "university")
    mfa = org("دفتر نمایندگی وزارت امور خارجه در قزوین", "MFA office", iran.id, "mfa_office")
    sughd = org("ولایت سغد", "Sughd Region", tajik.id, "foreign_province")
    tnu = org("دانشگاه ملی تاجیکستان", "Tajik National University", tajik.id, "university")
    moscow = org("دولت شهر مسکو", "Moscow City Government", russia.id, "foreign_city")
    return {
        "db": db,
        "iran": iran.id,
        "tajik": tajik.id,
        "russia": russia.id,
        "gov": gov,
        "ikiu": ikiu,
        "mfa": mfa,
        "sughd": sughd,
        "tnu": tnu,
        "moscow": moscow,
        "governor": person("محمد نوذری", gov, "استاندار قزوین", iran.id),
        "intl_head": person("مریم سلطانی‌نژاد", gov_intl, "مدیرکل امور بین‌الملل", iran.id),
        "rector": person("عباس رضوانی‌فر", ikiu, "رئیس دانشگاه", iran.id),
        "reviewer": person("حسن گلیوند", mfa, "رئیس دفتر نمایندگی", iran.id),
        "sughd_chair": person("رستم عبدالله‌زاده", sughd, "رئیس ولایت سغد", tajik.id),
        "tnu_rector": person("رئیس دانشگاه ملی", tnu, "رئیس دانشگاه", tajik.id),
        "stranger": person("شخص بی‌سازمان", None),
    }


def roadmap(w, **changes) -> AgreementInput:
    a = AgreementInput(
        title="نقشه راه همکاری استان قزوین و ولایت سغد",
        title_en="Roadmap of cooperation between Qazvin and Sughd",
        kind=AgreementKind.ROADMAP,
        reference_number="ق/۱۴۰۴/۱۲",
        signing_place="خجند",
        start_date=from_jalali(1404, 7, 1),
        duration_months=24,
        summary="همکاری در چهار محور اقتصاد، خدمات شهری، گردشگری و علم و فناوری",
        parties=(
            PartyEntry(w["gov"], PartySide.IRANIAN),
            PartyEntry(w["sughd"], PartySide.FOREIGN, locality_fa="خجند", locality_en="Khujand"),
        ),
        signatories=(SignatoryEntry(w["governor"]), SignatoryEntry(w["sughd_chair"])),
        axes=(Axis.TOURISM, Axis.ECONOMY_TRADE, Axis.URBAN_SERVICES, Axis.SCIENCE_TECHNOLOGY),
        obligations=(
            FollowUpInput(
                "تشکیل کارگروه مشترک گردشگری",
                owner_text="طرف ایرانی",
                deadline=from_jalali(1404, 9, 1),
            ),
        ),
    )
    return replace(a, **changes)


def save(w, a: AgreementInput):
    return svc.save_agreement(w["db"], agreement=a, actor=ACTOR, today=TODAY)


def table_count(db, table: str) -> int:
    with db.engine.connect() as conn:  # a connection of its own, on either database
        return conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()


def counts(db) -> tuple[int, ...]:
    tables = (
        "agreement",
        "agreement_party",
        "agreement_signatory",
        "agreement_axis",
        "agreement_status_change",
        "follow_up_task",
        "attachment",
    )
    return tuple(table_count(db, t) for t in tables)


def approve(w, detail, *, sign_on: date | None = None):
    db = w["db"]
    d = svc.change_status(
        db,
        agreement_id=detail.id,
        version=detail.version,
        status=AgreementStatus.LEGAL_REVIEW,
        actor=ACTOR,
        today=TODAY,
    )
    review = LegalReview(
        w["reviewer"],
        review_date=TODAY,
        verdict=LegalVerdict.FAVOURABLE,
        opinion="متن از نظر حقوقی بلامانع است.",
    )
    d = svc.record_legal_review(
        db, agreement_id=d.id, version=d.version, review=review, today=TODAY
    )
    d = svc.change_status(
        db,
        agreement_id=d.id,
        version=d.version,
        status=AgreementStatus.APPROVED,
        actor=ACTOR,
        today=TODAY,
    )
    if sign_on is None:
        return d
    d = save(w, replace(d, signing_date=sign_on))
    return svc.change_status(
        db,
        agreement_id=d.id,
        version=d.version,
        status=AgreementStatus.SIGNED,
        actor="استاندار",
        today=TODAY,
    )


# --- saving and reading ------------------------------------------------------------------


def test_new_agreement_is_a_draft_with_computed_expiry_and_history(world):
    d = save(world, roadmap(world))
    assert d.status is AgreementStatus.DRAFT
    assert d.expires_on == from_jalali(1406, 6, 31)  # 24 Jalali months from 1404/07/01
    assert [(h.from_status, h.to_status, h.changed_by) for h in d.history] == [
        (None, AgreementStatus.DRAFT, ACTOR)
    ]
    assert [p.organization_name_fa for p in d.parties] == ["استانداری قزوین", "ولایت سغد"]
    assert d.parties[1].country_id == world["tajik"]  # taken from the organization
    assert d.parties[1].display() == "ولایت سغد (خجند، تاجیکستان)"
    sig = d.signatories_of(PartySide.FOREIGN)
    assert [s.name_fa for s in sig] == ["رستم عبدالله‌زاده"]
    assert sig[0].title_fa == "رئیس ولایت سغد"  # the directory title when none is typed
    assert d.axes == (
        Axis.ECONOMY_TRADE,
        Axis.TOURISM,
        Axis.SCIENCE_TECHNOLOGY,
        Axis.URBAN_SERVICES,
    )
    assert [o.title for o in d.obligations] == ["تشکیل کارگروه مشترک گردشگری"]
    again = svc.get_agreement(world["db"], agreement_id=d.id, today=TODAY)
    assert again == d


def test_signatory_of_a_child_organization_signs_for_the_parent_party(world):
    a = roadmap(world, signatories=(SignatoryEntry(world["intl_head"], title_fa="به نمایندگی"),))
    d = save(world, a)
    assert isinstance(d.signatories[0], SignatoryView)
    assert d.signatories[0].party_organization_id == world["gov"]
    assert d.signatories[0].title_fa == "به نمایندگی"


def test_editing_replaces_children_and_moves_the_version(world):
    d = save(world, roadmap(world))
    edited = replace(
        d,
        parties=(*d.parties, PartyEntry(world["ikiu"], PartySide.IRANIAN)),
        signatories=(*d.signatories, SignatoryEntry(world["rector"])),
        axes=(Axis.CULTURE,),
        obligations=(),
    )
    e = save(world, edited)
    assert e.version > d.version
    assert len(e.parties) == 3 and len(e.signatories) == 3
    assert e.axes == (Axis.CULTURE,)
    assert e.obligations == ()  # left out: archived
    assert (
        followup_service.list_followups(world["db"], source_kind="agreement", source_id=d.id) == []
    )


def test_stale_copy_is_refused(world):
    d = save(world, roadmap(world))
    save(world, replace(d, summary="ویرایش اول"))
    with pytest.raises(StaleRecordError):
        save(world, replace(d, summary="ویرایش از نسخه کهنه"))
    with pytest.raises(StaleRecordError):
        svc.change_status(
            world["db"],
            agreement_id=d.id,
            version=d.version,
            status=AgreementStatus.LEGAL_REVIEW,
            today=TODAY,
        )


# --- bad input: refused, nothing half-saved ----------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"title": "  "}, "title", "عنوان"),
        ({"end_date": from_jalali(1404, 6, 1), "duration_months": None}, "end_date", "پیش از"),
        ({"end_date": from_jalali(1405, 6, 1)}, "duration_months", "نه هر دو"),
        ({"duration_months": 0}, "duration_months", "مدت"),
        ({"renewal_months": -1}, "renewal_months", "تمدید"),
        ({"title": "ن" * 301}, "title", "۳۰۰"),
        ({"auto_renew": True, "duration_months": None}, "auto_renew", "تمدید خودکار"),
    ],
)
def test_bad_form_is_refused_with_a_persian_message(world, changes, field, words):
    before = counts(world["db"])
    with pytest.raises(ValidationError) as caught:
        save(world, roadmap(world, **changes))
    assert words in caught.value.errors[field]
    assert counts(world["db"]) == before


def test_signatory_not_of_a_party_is_refused_and_nothing_saved(world):
    before = counts(world["db"])
    for person in ("tnu_rector", "stranger"):
        a = roadmap(
            world, signatories=(SignatoryEntry(world["governor"]), SignatoryEntry(world[person]))
        )
        with pytest.raises(ValidationError) as caught:
            save(world, a)
        assert (
            "امضاکننده باید از یکی از طرف‌ها باشد" in caught.value.errors["signatories.1.person_id"]
        )
    assert counts(world["db"]) == before


def test_edit_with_a_bad_signatory_leaves_the_stored_agreement_alone(world):
    d = save(world, roadmap(world))
    before = counts(world["db"])
    bad = replace(d, title="عنوان تازه", signatories=(SignatoryEntry(world["tnu_rector"]),))
    with pytest.raises(ValidationError):
        save(world, bad)
    assert counts(world["db"]) == before
    assert svc.get_agreement(world["db"], agreement_id=d.id, today=TODAY) == d


def test_parties_on_the_wrong_side_and_duplicate_reference_are_refused(world):
    with pytest.raises(ValidationError) as caught:
        save(
            world,
            roadmap(
                world,
                parties=(
                    PartyEntry(world["gov"], PartySide.FOREIGN),
                    PartyEntry(world["sughd"], PartySide.IRANIAN),
                ),
                signatories=(),
            ),
        )
    assert "طرف ایرانی قرار دهید" in caught.value.errors["parties.0.side"]
    assert "طرف خارجی قرار دهید" in caught.value.errors["parties.1.side"]
    save(world, roadmap(world))
    with pytest.raises(ValidationError) as caught:
        save(world, roadmap(world, title="سند دیگر"))
    assert "پیش‌تر" in caught.value.errors["reference_number"]


def test_unknown_visit_and_unknown_id(world):
    with pytest.raises(ValidationError) as caught:
        save(world, roadmap(world, visit_id=999))
    assert "visit_id" in caught.value.errors
    with pytest.raises(NotFoundError):
        svc.get_agreement(world["db"], agreement_id=12345)


# --- workflow ----------------------------------------------------------------------------


def test_draft_to_signed_to_in_force_with_history(world):
    db = world["db"]
    d = approve(world, save(world, roadmap(world)), sign_on=TODAY - timedelta(days=2))
    assert d.status is AgreementStatus.SIGNED
    d = svc.change_status(
        db,
        agreement_id=d.id,
        version=d.version,
        status=AgreementStatus.IN_FORCE,
        actor=ACTOR,
        remark="ابلاغ شد",
        today=TODAY,
    )
    steps = [(h.from_status, h.to_status) for h in d.history]
    assert steps == [
        (None, AgreementStatus.DRAFT),
        (AgreementStatus.DRAFT, AgreementStatus.LEGAL_REVIEW),
        (AgreementStatus.LEGAL_REVIEW, AgreementStatus.APPROVED),
        (AgreementStatus.APPROVED, AgreementStatus.SIGNED),
        (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE),
    ]
    assert d.history[3].changed_by == "استاندار"
    assert d.history[-1].remark == "ابلاغ شد"
    assert d.legal_review.verdict is LegalVerdict.FAVOURABLE
    assert d.legal_reviewer_name_fa == "حسن گلیوند"
    timeline = svc.agreement_timeline(db, agreement_id=d.id, today=TODAY)
    kinds = [t.kind for t in timeline]
    assert kinds.index("signing") < kinds.index("expiry")
    assert timeline[-1].kind == "expiry" and timeline[-1].future


def test_transition_not_allowed_names_both_statuses_and_changes_nothing(world):
    d = save(world, roadmap(world))
    before = counts(world["db"])
    with pytest.raises(ValidationError) as caught:
        svc.change_status(
            world["db"],
            agreement_id=d.id,
            version=d.version,
            status=AgreementStatus.SIGNED,
            today=TODAY,
        )
    message = caught.value.errors["status"]
    assert "«پیش‌نویس»" in message and "«امضاشده»" in message
    assert counts(world["db"]) == before
    assert svc.get_agreement(world["db"], agreement_id=d.id).status is AgreementStatus.DRAFT


def test_approval_needs_a_favourable_legal_opinion(world):
    db = world["db"]
    d = save(world, roadmap(world))
    d = svc.change_status(
        db, agreement_id=d.id, version=d.version, status=AgreementStatus.LEGAL_REVIEW, today=TODAY
    )
    with pytest.raises(ValidationError) as caught:
        svc.change_status(
            db, agreement_id=d.id, version=d.version, status=AgreementStatus.APPROVED, today=TODAY
        )
    assert "بررسی حقوقی" in caught.value.errors["legal_review"]
    review = LegalReview(
        w_reviewer := world["reviewer"],
        review_date=TODAY,
        verdict=LegalVerdict.UNFAVOURABLE,
        opinion="بند ۴ مغایر قانون است.",
    )
    assert w_reviewer
    d = svc.record_legal_review(
        db, agreement_id=d.id, version=d.version, review=review, today=TODAY
    )
    with pytest.raises(ValidationError) as caught:
        svc.change_status(
            db, agreement_id=d.id, version=d.version, status=AgreementStatus.APPROVED, today=TODAY
        )
    assert "مخالف" in caught.value.errors["legal_review"]
    with pytest.raises(ValidationError) as caught:  # back to draft needs a reason
        svc.change_status(
            db, agreement_id=d.id, version=d.version, status=AgreementStatus.DRAFT, today=TODAY
        )
    assert "remark" in caught.value.errors
    d = svc.change_status(
        db,
        agreement_id=d.id,
        version=d.version,
        status=AgreementStatus.DRAFT,
        remark="اصلاح بند ۴",
        today=TODAY,
    )
    assert d.status is AgreementStatus.DRAFT


def test_signing_needs_a_date_not_in_the_future(world):
    db = world["db"]
    d = approve(world, save(world, roadmap(world)))
    with pytest.raises(ValidationError) as caught:
        svc.change_status(
            db, agreement_id=d.id, version=d.version, status=AgreementStatus.SIGNED, today=TODAY
        )
    assert "signing_date" in caught.value.errors
    d = save(world, replace(d, signing_date=TODAY + timedelta(days=3)))
    with pytest.raises(ValidationError) as caught:
        svc.change_status(
            db, agreement_id=d.id, version=d.version, status=AgreementStatus.SIGNED, today=TODAY
        )
    assert "آینده" in caught.value.errors["signing_date"]


def test_termination_needs_a_reason_and_is_undone_only_with_one(world):
    db = world["db"]
    d = approve(world, save(world, roadmap(world)), sign_on=TODAY)
    with pytest.raises(ValidationError):
        svc.change_status(
            db, agreement_id=d.id, version=d.version, status=AgreementStatus.TERMINATED, today=TODAY
        )
    d = svc.change_status(
        db,
        agreement_id=d.id,
        version=d.version,
        status=AgreementStatus.TERMINATED,
        remark="به درخواست طرف خارجی",
        today=TODAY,
    )
    # terminated from "signed": the form offers only the way back to "signed"
    assert d.allowed_transitions() == (AgreementStatus.SIGNED,)
    with pytest.raises(ValidationError) as caught:  # no reason: refused, nothing stored
        svc.change_status(
            db, agreement_id=d.id, version=d.version, status=AgreementStatus.SIGNED, today=TODAY
        )
    assert "دلیل لغو «فسخ»" in caught.value.errors["remark"]
    with pytest.raises(ValidationError) as caught:  # it was terminated from "signed"
        svc.change_status(
            db,
            agreement_id=d.id,
            version=d.version,
            status=AgreementStatus.IN_FORCE,
            remark="اشتباه",
            today=TODAY,
        )
    assert "تنها به «امضاشده»" in caught.value.errors["status"]
    assert (
        svc.get_agreement(db, agreement_id=d.id, today=TODAY).status is AgreementStatus.TERMINATED
    )
    d = svc.change_status(
        db,
        agreement_id=d.id,
        version=d.version,
        status=AgreementStatus.SIGNED,
        actor="کارشناس",
        remark="فسخ به اشتباه ثبت شده بود",
        today=TODAY,
    )
    assert d.status is AgreementStatus.SIGNED
    last = d.history[-1]
    assert (last.from_status, last.to_status) == (
        AgreementStatus.TERMINATED,
        AgreementStatus.SIGNED,
    )
    assert last.remark == "فسخ به اشتباه ثبت شده بود"
    assert any(h.remark == "به درخواست طرف خارجی" for h in d.history)  # the earlier reason kept


def test_in_force_past_expiry_is_shown_expired_and_expire_due_records_it(world):
    db = world["db"]
    a = roadmap(world, start_date=from_jalali(1402, 7, 1), duration_months=12, reference_number="")
    d = approve(world, save(world, a), sign_on=from_jalali(1402, 7, 1))
    d = svc.change_status(
        db, agreement_id=d.id, version=d.version, status=AgreementStatus.IN_FORCE, today=TODAY
    )
    assert d.status is AgreementStatus.IN_FORCE
    assert d.shown_status is AgreementStatus.EXPIRED
    assert svc.expire_due(db, today=TODAY, actor="سامانه") == [d.id]
    d = svc.get_agreement(db, agreement_id=d.id, today=TODAY)
    assert d.status is AgreementStatus.EXPIRED
    assert d.history[-1].remark == "انقضای خودکار در ۱۴۰۳/۰۶/۳۱"
    assert svc.expire_due(db, today=TODAY) == []


def test_auto_renewal_rolls_the_term_forward(world):
    a = roadmap(
        world,
        start_date=from_jalali(1400, 1, 1),
        duration_months=12,
        auto_renew=True,
        reference_number="",
    )
    d = save(world, a)
    assert d.expires_on == from_jalali(1400, 12, 29)
    assert d.current_expiry == from_jalali(1404, 12, 29)
    assert d.shown_status is AgreementStatus.DRAFT


# --- attachments -------------------------------------------------------------------------


def test_attachment_is_stored_and_bad_files_refused(world, tmp_path: Path, monkeypatch):
    db = world["db"]
    d = save(world, roadmap(world))
    scan = tmp_path / "scan-signed.pdf"
    scan.write_bytes(b"%PDF-1.4 signed scan")
    view = svc.add_agreement_attachment(
        db, agreement_id=d.id, source=scan, description="نسخه امضاشده"
    )
    assert view.owner_kind == "agreement" and view.owner_id == d.id
    before = counts(db)
    big = tmp_path / "big.pdf"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(ValidationError) as caught:
        svc.add_agreement_attachment(db, agreement_id=d.id, source=big, limit=1024)
    assert "حجم" in caught.value.errors["file"]
    with pytest.raises(ValidationError) as caught:
        svc.add_agreement_attachment(db, agreement_id=d.id, source=tmp_path / "missing.pdf")
    assert "پیدا نشد" in caught.value.errors["file"]
    unreadable = tmp_path / "locked.pdf"
    unreadable.write_bytes(b"secret")
    real_open = Path.open

    def refusing_open(self, *args, **kwargs):
        if self.name == "locked.pdf":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    with pytest.raises(ValidationError) as caught:
        svc.add_agreement_attachment(db, agreement_id=d.id, source=unreadable)
    assert "خوانده نشد" in caught.value.errors["file"]
    monkeypatch.undo()
    assert counts(db) == before
    names = [a.original_name for a in svc.get_agreement(db, agreement_id=d.id).attachments]
    assert names == ["scan-signed.pdf"]
    leftovers = [p for p in db.attachments_dir.rglob("*") if p.is_file()]
    assert len(leftovers) == 1  # only the stored scan: no partial copies


def test_attachment_to_unknown_or_archived_agreement_is_refused(world, tmp_path: Path):
    db = world["db"]
    f = tmp_path / "a.pdf"
    f.write_bytes(b"x")
    with pytest.raises(NotFoundError):
        svc.add_agreement_attachment(db, agreement_id=999, source=f)
    d = save(world, roadmap(world))
    svc.archive_agreement(db, agreement_id=d.id, version=d.version)
    with pytest.raises(KnownError):
        svc.add_agreement_attachment(db, agreement_id=d.id, source=f)
    assert table_count(db, "attachment") == 0


# --- list, filters, alerts ---------------------------------------------------------------


@pytest.fixture
def register(world):
    """Three agreements: the Sughd roadmap (signed 1403), an MoU with TNU (signed 1404) and a
    sister-city draft with Moscow."""
    db = world["db"]
    r = approve(world, save(world, roadmap(world)), sign_on=from_jalali(1403, 11, 20))
    mou = roadmap(
        world,
        title="تفاهم‌نامه همکاری علمی دانشگاه بین‌المللی امام خمینی و دانشگاه ملی تاجیکستان",
        kind=AgreementKind.MOU,
        reference_number="د/۷۷",
        start_date=None,
        duration_months=36,
        title_en="MoU IKIU - TNU",
        summary="تبادل استاد و دانشجو",
        parties=(
            PartyEntry(world["ikiu"], PartySide.IRANIAN),
            PartyEntry(world["tnu"], PartySide.FOREIGN),
        ),
        signatories=(SignatoryEntry(world["rector"]), SignatoryEntry(world["tnu_rector"])),
        axes=(Axis.SCIENCE_TECHNOLOGY,),
        obligations=(),
    )
    m = approve(world, save(world, mou), sign_on=from_jalali(1404, 2, 10))
    sister = roadmap(
        world,
        title="خواهرخواندگی قزوین و مسکو",
        kind=AgreementKind.SISTERHOOD,
        title_en="",
        summary="",
        reference_number="",
        parties=(
            PartyEntry(world["gov"], PartySide.IRANIAN),
            PartyEntry(world["moscow"], PartySide.FOREIGN),
        ),
        signatories=(),
        axes=(Axis.CULTURE, Axis.TOURISM),
        obligations=(),
    )
    s = save(world, sister)
    return {"db": db, "roadmap": r.id, "mou": m.id, "sister": s.id}


def ids(rows) -> list[int]:
    return [r.id for r in rows]


def test_filters(world, register):
    db, r, m, s = register["db"], register["roadmap"], register["mou"], register["sister"]

    def find(**kw):
        return ids(
            svc.list_agreements(
                db, filters=AgreementFilter(**kw), sort="title", descending=False, today=TODAY
            )
        )

    assert set(find()) == {r, m, s}
    assert find(kind=AgreementKind.MOU) == [m]
    assert set(find(status=AgreementStatus.SIGNED)) == {r, m}
    assert set(find(country_id=world["tajik"])) == {r, m}
    assert find(country_id=world["russia"]) == [s]
    assert set(find(axis=Axis.SCIENCE_TECHNOLOGY)) == {r, m}
    assert find(axis=Axis.CULTURE) == [s]
    assert find(year_from=1404) == [m]
    assert find(year_from=1403, year_to=1403) == [r]
    assert find(organization_id=world["ikiu"]) == [m]
    assert svc.count_agreements(db, filters=AgreementFilter(country_id=world["tajik"])) == 2


@pytest.mark.parametrize(
    "query",
    [
        "سغد",
        "ولايت سغد",  # Arabic Yeh
        "نقشه‌راه",  # ZWNJ instead of space
        "نقشه راه سغد",
        "Sughd",
        "ق/۱۴۰۴/۱۲",
        "1404/12",  # Latin digits of the reference
        "عبدالله زاده",  # the signatory, space instead of ZWNJ
    ],
)
def test_free_text_with_persian_variants(register, query):
    found = svc.list_agreements(register["db"], filters=AgreementFilter(text=query), today=TODAY)
    assert ids(found) == [register["roadmap"]]


def test_free_text_finds_a_renamed_party(world, register):
    db = world["db"]
    save_organization(
        db,
        org=OrganizationInput(
            "دانشگاه دولتی ملی تاجیکستان",
            "TNU",
            kind="university",
            country_id=world["tajik"],
            id=world["tnu"],
            version=1,
        ),
    )
    found = svc.list_agreements(db, filters=AgreementFilter(text="دولتی"), today=TODAY)
    assert ids(found) == [register["mou"]]


def test_sorting_and_paging(register):
    db = register["db"]
    by_date = ids(svc.list_agreements(db, sort="signing_date", descending=True, today=TODAY))
    assert by_date == [register["mou"], register["roadmap"], register["sister"]]
    by_kind = ids(svc.list_agreements(db, sort="kind", descending=False, today=TODAY))
    assert by_kind == [register["mou"], register["roadmap"], register["sister"]]
    pages = [
        ids(svc.list_agreements(db, sort="title", offset=i, limit=1, today=TODAY)) for i in range(3)
    ]
    assert sorted(sum(pages, [])) == sorted(by_date)
    with pytest.raises(ValueError):
        svc.list_agreements(db, sort="nonsense")


def test_agreements_with_country_and_of_organization(world, register):
    db = world["db"]
    assert set(ids(svc.agreements_with_country(db, country_id=world["tajik"], today=TODAY))) == {
        register["roadmap"],
        register["mou"],
    }
    only_signed = svc.agreements_with_country(db, country_id=world["russia"], include_drafts=False)
    assert only_signed == []
    rows = svc.agreements_of_organization(db, organization_id=world["gov"], today=TODAY)
    assert set(ids(rows)) == {register["roadmap"], register["sister"]}
    roadmap_row = next(r for r in rows if r.id == register["roadmap"])
    assert roadmap_row.foreign_parties == ("ولایت سغد",)
    assert roadmap_row.countries_fa == ("تاجیکستان",)


def test_alerts(world, register):
    db = world["db"]
    r = svc.get_agreement(db, agreement_id=register["roadmap"], today=TODAY)
    # The roadmap ends 89 days from today; the MoU (36 months from 1404/02/10) much later.
    r = svc.save_agreement(
        db,
        agreement=replace(r, duration_months=None, end_date=TODAY + timedelta(days=89)),
        today=TODAY,
    )
    alerts = svc.agreement_alerts(db, today=TODAY)
    assert [(e.agreement.id, e.days_left) for e in alerts.expiring] == [(register["roadmap"], 89)]
    later = svc.agreement_alerts(db, today=TODAY - timedelta(days=2))
    assert later.expiring == ()  # 91 days ahead: outside the window
    # The roadmap's obligation (deadline 1404/09/01) is overdue a day after.
    after = from_jalali(1404, 9, 2)
    overdue = svc.agreement_alerts(db, today=after).overdue_obligations
    assert [(o.agreement_id, o.days_overdue) for o in overdue] == [(register["roadmap"], 1)]
    task = overdue[0].obligation
    followup_service.save_followup(db, task=replace(task, status=FollowUpStatus.DONE.value))
    assert svc.agreement_alerts(db, today=after).overdue_obligations == ()


def test_legal_review_waiting_longer_than_30_days(world, register):
    db = world["db"]
    s = svc.get_agreement(db, agreement_id=register["sister"])
    svc.change_status(
        db, agreement_id=s.id, version=s.version, status=AgreementStatus.LEGAL_REVIEW, today=TODAY
    )
    entered = svc.get_agreement(db, agreement_id=s.id).status_changed_at
    assert entered is not None
    day = entered.date()
    assert svc.agreement_alerts(db, today=day + timedelta(days=30)).stalled_reviews == ()
    stalled = svc.agreement_alerts(db, today=day + timedelta(days=31)).stalled_reviews
    assert [(x.agreement.id, x.days_waiting) for x in stalled] == [(s.id, 31)]


def test_counts_by_shown_status(world, register):
    counts_now = svc.agreement_counts(world["db"], today=TODAY)
    assert counts_now.by_status[AgreementStatus.SIGNED] == 2
    assert counts_now.by_status[AgreementStatus.DRAFT] == 1
    far = svc.agreement_counts(world["db"], today=from_jalali(1420, 1, 1))
    assert far.by_status[AgreementStatus.EXPIRED] == 2
    assert far.by_status[AgreementStatus.SIGNED] == 0
    assert far.total == 3


def test_archive_hides_from_the_register(world, register):
    db = world["db"]
    s = svc.get_agreement(db, agreement_id=register["sister"])
    svc.archive_agreement(db, agreement_id=s.id, version=s.version)
    assert register["sister"] not in ids(svc.list_agreements(db))
    assert ids(svc.list_agreements(db, filters=AgreementFilter(archived_only=True))) == [s.id]
    with pytest.raises(KnownError):
        save(world, replace(svc.get_agreement(db, agreement_id=s.id), summary="x"))
    archived = svc.get_agreement(db, agreement_id=s.id)
    svc.restore_agreement(db, agreement_id=s.id, version=archived.version)
    assert register["sister"] in ids(svc.list_agreements(db))


def test_register_report_query(world, register):
    db = world["db"]
    data = svc.agreements_register(db, country_id=world["tajik"], today=TODAY)
    assert [r.id for r in data.rows] == [register["roadmap"], register["mou"]]
    assert data.country_name_fa == "تاجیکستان"
    ranged = svc.agreements_register(
        db, date_from=from_jalali(1404, 1, 1), date_to=from_jalali(1404, 12, 29), today=TODAY
    )
    assert [r.id for r in ranged.rows] == [register["mou"]]
    with pytest.raises(ValidationError):
        svc.agreements_register(db, date_from=TODAY, date_to=TODAY - timedelta(days=1))
    assert svc.find_agreement_status("نافذ") is AgreementStatus.IN_FORCE
    assert svc.find_agreement_status("in-force") is AgreementStatus.IN_FORCE
    with pytest.raises(KnownError):
        svc.find_agreement_status("نامعلوم")


def test_an_expired_agreement_comes_back_only_once_its_validity_is_corrected(world):
    db = world["db"]
    a = roadmap(world, start_date=from_jalali(1402, 7, 1), duration_months=12, reference_number="")
    d = approve(world, save(world, a), sign_on=from_jalali(1402, 7, 1))
    d = svc.change_status(
        db, agreement_id=d.id, version=d.version, status=AgreementStatus.IN_FORCE, today=TODAY
    )
    svc.expire_due(db, today=TODAY)
    d = svc.get_agreement(db, agreement_id=d.id, today=TODAY)
    with pytest.raises(ValidationError) as caught:  # its expiry has passed
        svc.change_status(
            db,
            agreement_id=d.id,
            version=d.version,
            status=AgreementStatus.IN_FORCE,
            remark="تمدید شد",
            today=TODAY,
        )
    assert "گذشته است" in caught.value.errors["status"]
    assert svc.get_agreement(db, agreement_id=d.id, today=TODAY).status is AgreementStatus.EXPIRED
