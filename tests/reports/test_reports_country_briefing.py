"""The country briefing and the atlas map on paper: read back in Persian, the map drawn."""

from __future__ import annotations

import docx
import pytest
from reportlab.pdfgen.canvas import Canvas

from qazvin_diplomacy.core import atlas
from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.reports.catalog import render_report
from qazvin_diplomacy.reports.markets_map import export_legend
from qazvin_diplomacy.reports.world_map import (
    MapLegend,
    MapPicture,
    WorldMapFlowable,
    country_box,
    world_box,
)


def _text(pdf_reader, path) -> str:
    return "\n".join(" ".join(b.logical for b in line) for line in pdf_reader(path))


def _has(text: str, expected: str) -> bool:
    return expected.replace("\u200c", "") in text.replace("\u200c", "")


def test_the_briefing_pdf_reads_back_in_persian(db, iraq_on_record, tmp_path, pdf_reader) -> None:
    text = _text(pdf_reader, render_report("country-briefing", db, tmp_path / "b.pdf",
                                           country="IQ"))  # fmt: skip
    for expected in (
        "گزارش توجیهی کشور: عراق", "سفارت جمهوری عراق در تهران", "نصیر عبدالمحسن",
        "تقاضای پایدار برای شوینده", "اقلیم کردستان عراق", "صنایع شوینده نیلوفرپاک",
        "۲٬۵۰۰٬۰۰۰", "دیدار سفیر عراق با استاندار", "پیگیری گشایش نمایشگاه در اربیل",
        "اعزام هیئت تجاری به اربیل", "هیئت‌های تجاری", "ایران",
    ):  # fmt: skip
        assert _has(text, expected), expected
    assert not _has(text, "ارسال فهرست شرکت‌ها")  # done
    assert not _has(text, "تعمیر سالن همایش")  # not about Iraq


def test_the_briefing_of_a_region_and_in_word(db, iraq_on_record, tmp_path) -> None:
    out = render_report("country-briefing", db, tmp_path / "b.docx", country="عراق",
                        region=str(iraq_on_record["basra"]))  # fmt: skip
    document = docx.Document(str(out))
    everything = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for row in t.rows for c in row.cells]
    )
    assert "گزارش توجیهی کشور: عراق — جنوب عراق" in everything
    assert "نیاز به رب گوجه‌فرنگی" in everything
    assert "تقاضای پایدار برای شوینده" not in everything  # Kurdistan's market
    assert len(document.inline_shapes) == 1  # the map
    assert "■ عراق" in everything  # its key


def test_a_region_of_another_country_leaves_no_file(db, iraq_on_record, tmp_path) -> None:
    out = tmp_path / "b.pdf"
    with pytest.raises(KnownError):
        render_report("country-briefing", db, out, country="IQ", region=iraq_on_record["sughd"])
    assert not out.exists()


def test_the_atlas_has_both_maps_and_the_country_table(db, iraq_on_record, tmp_path,
                                                      pdf_reader) -> None:  # fmt: skip
    text = _text(pdf_reader, render_report("markets-map", db, tmp_path / "a.pdf", year="۱۴۰۴"))
    for expected in (
        "اطلس بازارهای هدف", "کشورها بر پایهٔ اولویت بازارهای هدف",
        "کشورها بر پایهٔ صادرات ثبت‌شده در سال ۱۴۰۴", "اولویت ۱ (بالا)", "۱ میلیون تا ۵ میلیون دلار",
        "فهرست کشورها", "عراق", "۲٬۵۰۰٬۰۰۰",
    ):  # fmt: skip
        assert _has(text, expected), expected


class _Recorder(Canvas):
    """A canvas that remembers the fill colour of each path drawn."""

    def __init__(self, path) -> None:
        super().__init__(str(path))
        self.fills: list[str] = []

    def drawPath(self, path, *args, **kwargs):
        fill = kwargs.get("fill", 1)
        if fill:
            self.fills.append(self._fillColorObj.hexval().replace("0x", "#"))
        return super().drawPath(path, *args, **kwargs)


def test_a_focused_map_draws_the_neighbourhood_only_in_its_colours(tmp_path) -> None:
    box = country_box("IQ")
    assert box is not None and country_box("XX") is None
    x0, y0, x1, y1 = box
    assert abs((x1 - x0) / (y1 - y0) - 1.6) < 1e-6
    assert x0 < 39 < 48 < x1  # Iraq's longitudes inside
    picture = MapPicture(fills={"IQ": "#c0392b"}, focus=box, outlined=frozenset({"IQ"}))
    flowable = WorldMapFlowable(picture, 400, 250)
    drawn = {c.iso2 for c in flowable.drawn_countries()}
    assert {"IQ", "IR", "TR", "SY"} <= drawn and not drawn & {"BR", "US", "AU"}
    canvas = _Recorder(tmp_path / "m.pdf")
    flowable.wrapOn(canvas, 500, 500)
    flowable.drawOn(canvas, 0, 0)
    assert "#c0392b" in canvas.fills  # Iraq
    assert atlas.IRAN_FILL in canvas.fills  # Iran, home
    assert atlas.LAND in canvas.fills  # the neighbours
    png, width = flowable.word_image(dpi=72)
    assert png.startswith(b"\x89PNG") and width == 400


def test_the_whole_world_and_a_legend_that_wraps_right_to_left(tmp_path) -> None:
    x0, y0, x1, y1 = world_box()
    assert x0 < -170 and x1 > 170 and y0 > -58 * 1.2 - 1  # Antarctica left out
    legend = MapLegend(export_legend())
    _w, one_line = legend.wrap(600, 100)
    _w, narrow = legend.wrap(150, 100)
    assert narrow > one_line  # more lines in a narrow frame
    assert legend.word_lines()[0].startswith("■ ۰ تا ۱۰۰ هزار دلار")
