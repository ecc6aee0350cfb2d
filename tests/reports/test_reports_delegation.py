"""The trade delegation briefing: PDF and Word read back; the outcome part once recorded."""

from __future__ import annotations

from datetime import date

import docx
import pytest

from qazvin_diplomacy.core.agreements import AgreementInput
from qazvin_diplomacy.core.delegations import DelegationInput, DelegationMember, ProgrammeItem
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.followups import FollowUpInput
from qazvin_diplomacy.core.markets import CompanyInput, MarketInput
from qazvin_diplomacy.reports.catalog import render_report
from qazvin_diplomacy.services import delegations as dg
from qazvin_diplomacy.services import directory
from qazvin_diplomacy.services import markets as m
from qazvin_diplomacy.services.agreements import save_agreement


@pytest.fixture
def tajik(db):
    tj = directory.country_by_code(db, "TJ").id  # type: ignore[union-attr]
    company = m.save_company(db, company=CompanyInput("صنایع غذایی نگین دشت", sector="food")).id
    market = m.save_market(db, market=MarketInput(country_id=tj, sector="food")).id
    d = DelegationInput(
        title="اعزام تیم تجاری به تاجیکستان", country_id=tj, city="دوشنبه",
        start_date=date(2025, 10, 4), end_date=date(2025, 10, 8), head_text="محمدرضا صفی‌خانی",
        objectives="شناسایی شرکای تجاری",
        members=(DelegationMember(kind="company", role="trader", company_id=company),),
        market_ids=(market,),
        programme=(ProgrammeItem(date(2025, 10, 5), "۱۰:۰۰", "اتاق بازرگانی", "همایش تجاری"),),
    )  # fmt: skip
    return db, dg.save_delegation(db, delegation=d), d


def _text(pdf_reader, path) -> str:
    return "\n".join(" ".join(b.logical for b in line) for line in pdf_reader(path))


def _has(text: str, expected: str) -> bool:
    return expected.replace("\u200c", "") in text


def test_the_briefing_pdf_reads_back_without_the_outcome_part(tajik, tmp_path, pdf_reader) -> None:
    db, saved, _d = tajik
    text = _text(
        pdf_reader, render_report("delegation", db, tmp_path / "b.pdf", delegation=str(saved.id))
    )
    for expected in (
        "اعزام تیم تجاری به تاجیکستان", "اعزامی", "مقصد: تاجیکستان — دوشنبه",
        "۱۲ مهر ۱۴۰۴", "محمدرضا صفی‌خانی", "صنایع غذایی نگین دشت", "فعال اقتصادی",
        "شناسایی شرکای تجاری", "همایش تجاری", "۱۴۰۴/۰۷/۱۳",
    ):  # fmt: skip
        assert _has(text, expected), expected
    assert not _has(text, "گزارش نتایج")


def test_the_outcome_and_agreements_print_once_recorded(tajik, tmp_path) -> None:
    db, saved, d = tajik
    agreement = save_agreement(db, agreement=AgreementInput(title="نقشه راه همکاری با سغد")).id
    dg.save_delegation(
        db,
        delegation=DelegationInput(
            **{**d.__dict__, "id": saved.id, "version": saved.version,
               "outcome": "فهرست نیازهای بازار تکمیل شد.", "agreement_ids": (agreement,),
               "followups": (FollowUpInput("ارسال نمونه‌ها به دوشنبه", owner_text="اتاق بازرگانی"),)}
        ),
    )  # fmt: skip
    out = render_report("delegation", db, tmp_path / "b.docx", delegation=saved.id)
    document = docx.Document(str(out))
    everything = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for row in t.rows for c in row.cells]
    )
    for expected in ("گزارش نتایج", "فهرست نیازهای بازار تکمیل شد.", "نقشه راه همکاری با سغد",
                     "پیگیری‌ها", "ارسال نمونه‌ها به دوشنبه", "اتاق بازرگانی"):  # fmt: skip
        assert expected in everything, expected


def test_an_unknown_delegation_is_refused_and_nothing_is_written(db, tmp_path) -> None:
    with pytest.raises(KnownError):
        render_report("delegation", db, tmp_path / "x.pdf", delegation="99")
    assert not (tmp_path / "x.pdf").exists()
