"""Page template of every report: A4 portrait or landscape with header and footer.

The header carries the governorate heading (right), the report title (centre), the Jalali
print date and time (left) and an optional classification stamp (عادی / محرمانه); the footer
carries «صفحه ۲ از ۱۰».  The total page count is only known at the end, so each page draws a
reference to a PDF form XObject that the canvas fills in once, just before saving
(``TotalPagesCanvas``): one layout pass, no second build.  ``language="en"`` mirrors the
layout for English reports ("Page 2 of 10").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal

import jdatetime
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as landscape_size
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from qazvin_diplomacy.core.clock import now_local
from qazvin_diplomacy.core.text import to_persian_digits
from qazvin_diplomacy.reports.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from qazvin_diplomacy.reports.rtl import text_width
from qazvin_diplomacy.reports.rtl_draw import draw_text
from qazvin_diplomacy.reports.styles import CONFIDENTIAL_COLOR, GRID_COLOR, MUTED_COLOR, TEXT_COLOR

Language = Literal["fa", "en"]
#: What is drawn around the story on every page: ``report`` — the office heading, print
#: time, title, page «۲ از ۱۰» and footer; ``letter`` — a letterhead only (the office
#: heading and the title: a letter to a guest carries no print time or page count);
#: ``none`` — nothing (cards and badges to be cut out).  A classification mark is drawn in
#: every case.
Furniture = Literal["report", "letter", "none"]

#: Printed where a title is empty: a heading is never blank.
UNTITLED_FA = "(بدون عنوان)"
UNTITLED_EN = "(untitled)"

HEADING_FA = "استانداری قزوین — دفتر امور بین‌الملل"
HEADING_EN = "Qazvin Governorate — International Affairs Office"

#: Classification marks: key → (Persian, English, is it restricted?).
CLASSIFICATIONS: dict[str, tuple[str, str, bool]] = {
    "normal": ("عادی", "Unclassified", False),
    "confidential": ("محرمانه", "Confidential", True),
}
_CLASSIFICATION_ALIASES = {"عادی": "normal", "محرمانه": "confidential"}

TOTAL_PAGES_FORM = "qd_total_pages"

MARGIN_X = 1.6 * cm
MARGIN_TOP = 2.6 * cm
MARGIN_BOTTOM = 1.7 * cm


def classification_key(value: str | None) -> str | None:
    """Normalise a classification given as key ('confidential') or Persian word ('محرمانه')."""
    if value is None or value == "":
        return None
    key = _CLASSIFICATION_ALIASES.get(value, value)
    if key not in CLASSIFICATIONS:
        raise ValueError(f"unknown classification {value!r}; use one of {sorted(CLASSIFICATIONS)}")
    return key


def format_print_time(moment: dt.datetime, language: Language = "fa") -> str:
    """Format the print moment: «۱۴۰۵/۰۹/۰۳ ساعت ۱۰:۳۰» (fa) or '2026-11-24 10:30 (1405/09/03)' (en)."""
    jalali = jdatetime.datetime.fromgregorian(datetime=moment)
    if language == "fa":
        return to_persian_digits(f"{jalali:%Y/%m/%d} ساعت {moment:%H:%M}")
    return f"{moment:%Y-%m-%d %H:%M} ({jalali:%Y/%m/%d})"


def page_label(page: int, total: int | None, language: Language = "fa") -> str:
    """Return «صفحه ۲ از ۱۰» / 'Page 2 of 10' (without the total when it is ``None``)."""
    if language == "fa":
        text = f"صفحه {page}" + (f" از {total}" if total is not None else "")
        return to_persian_digits(text)
    return f"Page {page}" + (f" of {total}" if total is not None else "")


class TotalPagesCanvas(Canvas):
    """A canvas that, when saved, fills the 'total pages' form referenced by every page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # No stray, unembedded Helvetica resource: platypus passes initialFontName=None.
        register_fonts()
        if not kwargs.get("initialFontName"):
            kwargs["initialFontName"] = FONT_REGULAR
        super().__init__(*args, **kwargs)
        self.pages_shown = 0
        self.total_pages_drawer: Callable[[Canvas, int], None] | None = None

    def showPage(self) -> None:  # ReportLab API
        """Count the page, then emit it (Canvas.showPage)."""
        self.pages_shown += 1
        super().showPage()

    def save(self) -> None:
        """Define the total-pages form, then write the file (Canvas.save)."""
        if self._code:
            self.showPage()
        if self.total_pages_drawer is not None:
            w, h = self._pagesize
            self.beginForm(TOTAL_PAGES_FORM, lowerx=-w, lowery=-h, upperx=w, uppery=h)
            self.total_pages_drawer(self, self.pages_shown)
            self.endForm()
        super().save()


class ReportDocTemplate(BaseDocTemplate):
    """A4 document with the office's header and footer on every page."""

    def __init__(
        self,
        filename: Any,
        *,
        title: str,
        landscape: bool = False,
        classification: str | None = None,
        language: Language = "fa",
        printed_at: dt.datetime | None = None,
        furniture: Furniture = "report",
        **kwargs: Any,
    ) -> None:
        register_fonts()
        self.furniture: Furniture = furniture
        pagesize = landscape_size(A4) if landscape else A4
        self.report_title = title.strip() or (UNTITLED_EN if language == "en" else UNTITLED_FA)
        self.language: Language = language
        self.classification = classification_key(classification)
        self.printed_at = printed_at or now_local()
        super().__init__(
            filename,
            pagesize=pagesize,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=HEADING_EN if language == "en" else HEADING_FA,
            creator="Qazvin Diplomacy Desk",
            **kwargs,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="report", frames=[frame], onPage=self._decorate)])

    # -- header / footer -----------------------------------------------------------------

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        page_w, page_h = self.pagesize
        left, right = self.leftMargin, page_w - self.rightMargin
        fa = self.language == "fa"
        direction = "rtl" if fa else "ltr"
        start, end = (right, left) if fa else (left, right)
        start_align, end_align = ("right", "left") if fa else ("left", "right")
        top = page_h - 1.1 * cm
        footer_y = MARGIN_BOTTOM - 0.9 * cm

        if self.furniture != "none":  # the heading: office, print time (reports), title, rule
            canvas.setFillColor(TEXT_COLOR)
            draw_text(
                canvas, HEADING_FA if fa else HEADING_EN, start, top,
                font_name=FONT_BOLD, font_size=10.5, align=start_align, direction=direction,
            )  # fmt: skip
            if self.furniture == "report":
                printed = format_print_time(self.printed_at, self.language)
                canvas.setFillColor(MUTED_COLOR)
                draw_text(
                    canvas, ("تاریخ چاپ: " if fa else "Printed: ") + printed, end, top,
                    font_name=FONT_REGULAR, font_size=8.5, align=end_align, direction=direction,
                )  # fmt: skip
            canvas.setFillColor(TEXT_COLOR)
            draw_text(
                canvas, self.report_title, page_w / 2, top - 0.75 * cm,
                font_name=FONT_BOLD, font_size=13, align="center", direction=direction,
            )  # fmt: skip
            canvas.setStrokeColor(GRID_COLOR)
            canvas.setLineWidth(0.8)
            rule_y = page_h - MARGIN_TOP + 0.35 * cm
            canvas.line(left, rule_y, right, rule_y)

        if self.furniture == "report":  # the foot: rule, «صفحه ۲ از ۱۰», title
            canvas.setStrokeColor(GRID_COLOR)
            canvas.line(left, footer_y + 0.45 * cm, right, footer_y + 0.45 * cm)
            canvas.setFillColor(TEXT_COLOR)
            self._draw_page_number(canvas, start, footer_y, canvas.getPageNumber())
            canvas.setFillColor(MUTED_COLOR)
            draw_text(
                canvas, self.report_title, end, footer_y,
                font_name=FONT_REGULAR, font_size=8, align=end_align, direction=direction,
            )  # fmt: skip

        if self.classification is not None:  # on every page, whatever the furniture
            self._draw_stamp(canvas, page_w / 2, top + 0.05 * cm, direction)
            label_fa, label_en, restricted = CLASSIFICATIONS[self.classification]
            canvas.setFillColor(CONFIDENTIAL_COLOR if restricted else MUTED_COLOR)
            draw_text(
                canvas, label_fa if fa else label_en, page_w / 2, footer_y,
                font_name=FONT_BOLD, font_size=9, align="center", direction=direction,
            )  # fmt: skip
        canvas.restoreState()
        if isinstance(canvas, TotalPagesCanvas) and canvas.total_pages_drawer is None:
            canvas.total_pages_drawer = self._draw_total_pages

    def _draw_stamp(self, canvas: Canvas, x_center: float, y: float, direction: str) -> None:
        """The classification mark, boxed; red for restricted marks."""
        assert self.classification is not None
        label_fa, label_en, restricted = CLASSIFICATIONS[self.classification]
        label = label_fa if self.language == "fa" else label_en
        size = 13
        width = text_width(label, FONT_BOLD, size, persian_digits=False)
        color = CONFIDENTIAL_COLOR if restricted else MUTED_COLOR
        canvas.setStrokeColor(color)
        canvas.setFillColor(color)
        canvas.setLineWidth(1.4 if restricted else 0.8)
        pad = 0.25 * cm
        canvas.roundRect(
            x_center - width / 2 - pad,
            y - 0.22 * cm,
            width + 2 * pad,
            0.72 * cm,
            3,
            stroke=1,
            fill=0,
        )
        draw_text(
            canvas, label, x_center, y, font_name=FONT_BOLD, font_size=size,
            align="center", direction="rtl" if direction == "rtl" else "ltr",
        )  # fmt: skip

    def _draw_page_number(self, canvas: Canvas, x: float, y: float, page: int) -> None:
        """Draw «صفحه ۲ از » now; the total is a form reference filled in at save time."""
        size = 9
        if self.language == "fa":
            # Visual order, right to left: «صفحه» «۲» «از» then the total at the far left.
            used = draw_text(canvas, page_label(page, None, "fa") + " از", x, y,
                             font_name=FONT_REGULAR, font_size=size, align="right")  # fmt: skip
            gap = stringWidth(" ", FONT_REGULAR, size)
            anchor_x = x - used - gap
        else:
            used = draw_text(canvas, page_label(page, None, "en") + " of", x, y,
                             font_name=FONT_REGULAR, font_size=size, align="left", direction="ltr")  # fmt: skip
            anchor_x = x + used + stringWidth(" ", FONT_REGULAR, size)
        canvas.saveState()
        canvas.translate(anchor_x, y)
        canvas.doForm(TOTAL_PAGES_FORM)
        canvas.restoreState()

    def _draw_total_pages(self, canvas: Canvas, total: int) -> None:
        """Body of the total-pages form: the number, anchored at the form's origin."""
        canvas.setFillColor(TEXT_COLOR)
        if self.language == "fa":
            draw_text(canvas, str(total), 0, 0, font_name=FONT_REGULAR, font_size=9, align="right")
        else:
            draw_text(canvas, str(total), 0, 0, font_name=FONT_REGULAR, font_size=9,
                      align="left", direction="ltr", persian_digits=False)  # fmt: skip
