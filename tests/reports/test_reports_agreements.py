"""The agreements register and agreement sheet, rendered to PDF and read back."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.jalali import from_jalali
from qazvin_diplomacy.reports import agreement_sheet, agreements_register, dossier_sections
from qazvin_diplomacy.reports.catalog import ReportSpec, parse_options
from qazvin_diplomacy.reports.document import build_pdf
from qazvin_diplomacy.reports.rtl import FORMAT_CHARS
from qazvin_diplomacy.services import agreements as svc
from qazvin_diplomacy.services.demo import load_demo
from qazvin_diplomacy.services.visit_reports import visit_dossier

TODAY = from_jalali(1404, 8, 3)


@pytest.fixture
def demo_db(seeded):
    """The demo data (loaded once a session, see ``seeded``)."""
    return seeded(_load_demo)[0]


def _load_demo(db) -> None:
    load_demo(db, scale=0, today=TODAY)


def render(db, spec: ReportSpec, out: Path, **options) -> Path:
    content = spec.make(db, parse_options(spec, db, options))
    build_pdf(out, content.story, title=content.title, landscape=content.landscape)
    return out


def page_texts(pdf_reader, path: Path) -> list[str]:
    return ["\n".join(b.logical for b in page) for page in pdf_reader(path)]


def drawn_form(text: str) -> str:
    """``text`` without the zero-width characters that are never drawn (as conftest does)."""
    return text.translate(dict.fromkeys(map(ord, FORMAT_CHARS)))


def has(text: str, phrase: str) -> bool:
    """``phrase`` occurs in the read-back text, ignoring what is never drawn (ZWNJ …).

    White space is ignored too: a table cell wraps a phrase over several lines.
    """
    return "".join(drawn_form(phrase).split()) in "".join(text.split())


def agreement_id(db, title_part: str) -> int:
    rows = svc.list_agreements(db, limit=1000, today=TODAY)
    return next(r.id for r in rows if title_part in r.title)


def test_register_reads_back_with_filters(demo_db, tmp_path, pdf_reader):
    pdf = render(
        demo_db, agreements_register.SPEC, tmp_path / "r.pdf", status="in_force", country="TJ"
    )
    pages = page_texts(pdf_reader, pdf)
    text = "\n".join(pages)
    assert has(text, "دفتر ثبت موافقت‌نامه‌ها")
    assert has(text, "کشور: تاجیکستان")
    assert has(text, "وضعیت: نافذ")
    assert has(text, "۱ سند")
    assert has(text, "ولایت سغد")
    assert has(text, "خدمات شهری")
    assert not has(text, "مینسک")  # Belarus: filtered out


def test_register_landscape_lists_every_article_agreement(demo_db, tmp_path, pdf_reader):
    content = agreements_register.SPEC.make(
        demo_db, parse_options(agreements_register.SPEC, demo_db, {})
    )
    assert content.landscape
    pdf = render(demo_db, agreements_register.SPEC, tmp_path / "all.pdf")
    text = "\n".join(page_texts(pdf_reader, pdf))
    for word in ("سغد", "سن پترزبورگ", "مینسک", "کردستان", "بصره", "هرات", "مسکو", "ختلان"):
        assert has(text, word), word
    # the Persian status label and the auto-renewal mark
    # (one word each: a wrapped cell interleaves with its neighbours on a baseline)
    assert has(text, "تمدید خودکار") and has(text, "حقوقی") and has(text, "منقضی")


def test_register_signing_date_range(demo_db, tmp_path, pdf_reader):
    data = svc.agreements_register(
        demo_db, date_from=TODAY - (TODAY - date(2025, 9, 1)), date_to=TODAY, today=TODAY
    )
    titles = [r.title for r in data.rows]
    assert any("سن پترزبورگ" in t for t in titles) and any("هرات" in t for t in titles)
    assert not any("سغد" in t for t in titles)  # signed 200 days ago
    pdf = render(
        demo_db,
        agreements_register.SPEC,
        tmp_path / "range.pdf",
        date_from="۱۴۰۴/۰۶/۱۰",
        date_to="1404/08/03",
    )
    text = "\n".join(page_texts(pdf_reader, pdf))
    assert has(text, "امضا از ۱۴۰۴/۰۶/۱۰ تا ۱۴۰۴/۰۸/۰۳")


def test_register_prints_the_lists_kind_axis_and_text_filters(demo_db, tmp_path, pdf_reader):
    # Roadmaps on urban services: Sughd and Moscow, not the Basra roadmap (economy) nor MoUs.
    pdf = render(
        demo_db,
        agreements_register.SPEC,
        tmp_path / "kind-axis.pdf",
        agreement_kind="roadmap",
        axis="urban_services",
    )
    text = "\n".join(page_texts(pdf_reader, pdf))
    assert has(text, "نوع: نقشه راه") and has(text, "محور: خدمات شهری") and has(text, "۲ سند")
    assert has(text, "سغد") and has(text, "مسکو")
    assert not has(text, "بصره") and not has(text, "هرات")
    # The list's text box (Arabic Yeh typed) and a Persian label for the kind.
    pdf = render(
        demo_db,
        agreements_register.SPEC,
        tmp_path / "text.pdf",
        text="مينسک",
        agreement_kind="خواهرخواندگی",
    )
    text = "\n".join(page_texts(pdf_reader, pdf))
    assert has(text, "مینسک") and has(text, "۱ سند") and not has(text, "سغد")
    with pytest.raises(KnownError):
        parse_options(agreements_register.SPEC, demo_db, {"axis": "space"})


def test_register_by_organization_party(demo_db):
    detail = svc.get_agreement(demo_db, agreement_id=agreement_id(demo_db, "مینسک"), today=TODAY)
    party = next(p for p in detail.parties if p.organization_id is not None)
    data = svc.agreements_register(demo_db, organization_id=party.organization_id, today=TODAY)
    assert data.organization_name_fa and any("مینسک" in r.title for r in data.rows)
    assert len(data.rows) < len(svc.agreements_register(demo_db, today=TODAY).rows)


def test_register_bad_status_is_refused(demo_db):
    with pytest.raises(KnownError):
        parse_options(agreements_register.SPEC, demo_db, {"status": "lost"})
    opts = parse_options(agreements_register.SPEC, demo_db, {"status": "نافذ"})
    assert agreements_register.SPEC.make(demo_db, opts).title == "دفتر ثبت موافقت‌نامه‌ها"


def test_sheet_reads_back_parties_signatories_obligations_history(demo_db, tmp_path, pdf_reader):
    aid = agreement_id(demo_db, "سغد")
    pdf = render(demo_db, agreement_sheet.SPEC, tmp_path / "s.pdf", agreement=str(aid))
    text = "\n".join(page_texts(pdf_reader, pdf))
    for phrase in (
        "نقشه راه همکاری‌های استان قزوین و ولایت سغد تاجیکستان",
        "طرف‌ها",
        "امضاکنندگان",
        "محمد نوذری",
        "رستم عبدالله‌زاده",
        "رئیس ولایت سغد",
        "تعهدات",
        "تشکیل کارگروه مشترک تجارت",
        "سابقهٔ وضعیت",
        "ارسال به دفتر نمایندگی وزارت امور خارجه",
        "بررسی حقوقی (دفتر نمایندگی وزارت امور خارجه)",
        "۳۶ ماه از",
    ):
        assert has(text, phrase), phrase
    english = "\n".join(b.logical_ltr for page in pdf_reader(pdf) for b in page)
    assert "Roadmap of cooperation between Qazvin Province" in english


def test_sheet_of_unknown_agreement(demo_db):
    with pytest.raises(KnownError):
        agreement_sheet.SPEC.make(
            demo_db, parse_options(agreement_sheet.SPEC, demo_db, {"agreement": "9999"})
        )


def test_visit_dossier_lists_the_countrys_agreements(demo_db):
    from qazvin_diplomacy.services.visits import list_visits

    visit = next(v for v in list_visits(demo_db, limit=1000) if "هرات" in v.title)
    dossier = visit_dossier(
        demo_db, visit_id=visit.id, country_sections=dossier_sections.COUNTRY_SECTIONS
    )
    assert dossier.country is not None
    section = next(s for s in dossier.country.sections if "موافقت‌نامه" in s.title)
    assert any("هرات" in row[0] for row in section.rows)


def test_printed_visit_dossier_has_the_agreements_section(demo_db, tmp_path, pdf_reader):
    from qazvin_diplomacy.reports import visit_dossier as dossier_report
    from qazvin_diplomacy.services.visits import list_visits

    visit = next(v for v in list_visits(demo_db, limit=1000) if "هرات" in v.title)
    herat = next(r for r in svc.list_agreements(demo_db, limit=1000) if "هرات" in r.title)
    pdf = render(demo_db, dossier_report.SPEC, tmp_path / "dossier.pdf", visit=str(visit.id))
    text = "\n".join(page_texts(pdf_reader, pdf))
    assert has(text, "موافقت‌نامه‌ها با این کشور")
    assert has(text, herat.title)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler not installed")
def test_reports_render_to_png(demo_db, tmp_path):
    aid = agreement_id(demo_db, "سغد")
    for name, spec, options in (
        ("register", agreements_register.SPEC, {}),
        ("sheet", agreement_sheet.SPEC, {"agreement": aid}),
    ):
        pdf = render(demo_db, spec, tmp_path / f"{name}.pdf", **options)
        subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(tmp_path / name)], check=True)
        pngs = sorted(tmp_path.glob(f"{name}-*.png"))
        assert pngs and all(p.stat().st_size > 5000 for p in pngs)
