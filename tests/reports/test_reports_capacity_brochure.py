"""The capacity brochure read back: publishable items only, Persian right to left, English
left to right, no Persian in the English-only brochure."""

from __future__ import annotations

import re

import pytest

from qazvin_diplomacy.core.capacities import CapacityInput
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.reports.catalog import render_report
from qazvin_diplomacy.services.capacities import save_capacity
from qazvin_diplomacy.storage.directory import Organization

PERSIAN = re.compile("[\u0600-\u06ff]")


@pytest.fixture
def catalogue(db):
    with db.session() as session:
        heritage = Organization(name_fa="اداره کل میراث فرهنگی قزوین", name_en="")  # no English
        session.add(heritage)
        session.commit()
        heritage_id = heritage.id
    for values in (
        {
            "title": "گردشگری دره الموت",
            "title_en": "Alamut valley",
            "axis": "tourism",
            "county": "qazvin",
            "description": "اقامتگاه‌های بوم‌گردی و قلعه‌های تاریخی.",
            "description_en": "Eco-lodges and historic castles.",
            "area": 120.0,
            "jobs": 350,
            "investment": 18_000_000,
            "contact_org_id": heritage_id,
            "publishable": True,
        },
        {
            "title": "کشمش تاکستان",
            "title_en": "Takestan raisins",
            "axis": "agriculture",
            "county": "takestan",
            "description": "قطب تولید کشمش.",  # no English description
            "publishable": True,
        },
        {"title": "طرح محرمانه آوج", "axis": "investment", "county": "avaj"},
    ):
        save_capacity(db, capacity=CapacityInput(**values))
    return db


def _lines(pdf_reader, path, *, rtl: bool) -> list[str]:
    """Every text box of every page, in reading order (``read_pdf`` gives boxes per page)."""
    return [b.logical if rtl else b.logical_ltr for page in pdf_reader(path) for b in page]


def test_persian_brochure_reads_back_in_order(catalogue, tmp_path, pdf_reader) -> None:
    out = render_report("capacity-brochure", catalogue, tmp_path / "fa.pdf", lang="fa")
    text = "\n".join(_lines(pdf_reader, out, rtl=True)).replace("\u200c", "")
    for expected in (
        "ظرفیتهای استان قزوین",
        "گردشگری دره الموت",
        "شهرستان: قزوین",
        "مساحت: ۱۲۰ هکتار",
        "اشتغال: ۳۵۰",
        "سرمایهٔ لازم: ۱۸٬۰۰۰٬۰۰۰ دلار آمریکا",
        "کشمش تاکستان",
    ):
        assert expected.replace("\u200c", "") in text, expected
    assert "طرح محرمانه" not in text  # not publishable
    # The facts separated as Persian punctuation is: no space before «؛».
    assert "قزوین؛ وضعیت:" in text and " ؛" not in text
    # Tourism comes before agriculture (the axes' order).
    assert text.index("گردشگری دره الموت") < text.index("کشمش تاکستان")


def test_english_brochure_has_no_persian(catalogue, tmp_path, pdf_reader) -> None:
    out = render_report("capacity-brochure", catalogue, tmp_path / "en.pdf", lang="en")
    lines = _lines(pdf_reader, out, rtl=False)
    text = "\n".join(lines)
    for expected in (
        "Alamut valley",
        "County: Qazvin · Status: Under study · Area: 120 ha · Jobs: 350 · Investment needed: "
        "18,000,000 USD",
        "Eco-lodges and historic castles.",
        "Takestan raisins",
        "Agriculture",
    ):
        assert expected in text, expected
    persian = [line for line in lines if PERSIAN.search(line)]
    # The page furniture prints the Jalali date in Latin digits only; nothing else is Persian.
    assert persian == [], persian
    assert "Contact" not in text  # the contact body has no English name: left out


def test_bilingual_brochure_gives_each_item_both_blocks(catalogue, tmp_path, pdf_reader) -> None:
    out = render_report("capacity-brochure", catalogue, tmp_path / "both.pdf", lang="both")
    rtl = "\n".join(_lines(pdf_reader, out, rtl=True)).replace("\u200c", "")
    ltr = "\n".join(_lines(pdf_reader, out, rtl=False))
    assert "گردشگری دره الموت" in rtl and "کشمش تاکستان" in rtl
    assert "Alamut valley" in ltr and "Eco-lodges and historic castles." in ltr
    assert rtl.index("گردشگری دره الموت") < rtl.index("کشمش تاکستان")


def test_one_axis_and_a_bad_axis(catalogue, tmp_path, pdf_reader) -> None:
    out = render_report(
        "capacity-brochure", catalogue, tmp_path / "a.pdf", lang="en", axis="agriculture"
    )
    text = "\n".join(_lines(pdf_reader, out, rtl=False))
    assert "Takestan raisins" in text and "Alamut valley" not in text
    target = tmp_path / "bad.pdf"
    with pytest.raises(KnownError):
        render_report("capacity-brochure", catalogue, target, lang="en", axis="mining")
    assert not target.exists()


def test_a_photo_prints_and_a_damaged_one_is_left_out(catalogue, tmp_path) -> None:
    from PIL import Image as PILImage
    from pypdf import PdfReader

    from qazvin_diplomacy.services.attachments import stored_path
    from qazvin_diplomacy.services.capacities import (
        add_capacity_photo,
        brochure_photos,
        list_capacities,
    )

    alamut = next(c for c in list_capacities(catalogue) if c.title_en == "Alamut valley")
    picture = tmp_path / "alamut.png"
    PILImage.new("RGB", (300, 200), (40, 90, 140)).save(picture)
    added = add_capacity_photo(catalogue, capacity_id=alamut.id, source=picture)
    assert brochure_photos(catalogue, capacity_ids=[alamut.id]) == {
        alamut.id: stored_path(catalogue, added.sha256)
    }
    out = render_report("capacity-brochure", catalogue, tmp_path / "p.pdf", lang="en")
    images = [img for page in PdfReader(out).pages for img in page.images]
    assert len(images) == 1
    # The stored copy damaged: the brochure is still written, without the picture.
    stored_path(catalogue, added.sha256).write_bytes(b"not a picture")
    assert brochure_photos(catalogue, capacity_ids=[alamut.id]) == {}
    out = render_report("capacity-brochure", catalogue, tmp_path / "q.pdf", lang="en")
    assert [img for page in PdfReader(out).pages for img in page.images] == []
