"""Write a report story to a PDF file, atomically.

``build_pdf`` lays the story out on the office's page template and writes it to a temporary
file in the destination folder, then moves it into place (``services.files.atomic_write``): the
destination is either the complete new PDF or untouched, never a partial file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TypedDict, Unpack

from reportlab.platypus.flowables import Flowable, Spacer

from qazvin_diplomacy.reports.page import Furniture, Language, ReportDocTemplate, TotalPagesCanvas
from qazvin_diplomacy.services.files import atomic_write


class PageSetup(TypedDict, total=False):
    """How ``build_pdf`` lays the pages out (see there; ``ReportDocTemplate`` gives the
    defaults)."""

    landscape: bool
    classification: str | None
    language: Language
    printed_at: dt.datetime | None
    furniture: Furniture


def build_pdf(
    path: str | os.PathLike[str],
    story: Sequence[Flowable],
    *,
    title: str,
    **setup: Unpack[PageSetup],
) -> int:
    """Render ``story`` to ``path`` (A4, portrait unless ``landscape``); return the page count.

    ``classification`` is 'normal'/'confidential' or the Persian word (عادی / محرمانه);
    ``language="en"`` uses the English header and "Page 2 of 10"; ``printed_at`` (local time)
    defaults to now; ``furniture`` chooses the page header and footer (``page.Furniture``).
    """
    target = Path(path)
    with atomic_write(target) as tmp:
        doc = ReportDocTemplate(str(tmp), title=title, **setup)
        holder: dict[str, TotalPagesCanvas] = {}

        def make_canvas(*args: object, **kwargs: object) -> TotalPagesCanvas:
            canvas = TotalPagesCanvas(*args, **kwargs)  # type: ignore[arg-type]
            holder["canvas"] = canvas
            return canvas

        flowables = list(story)
        while flowables and isinstance(flowables[-1], Spacer):
            flowables.pop()  # a closing gap that does not fit would start a blank last page
        doc.build(flowables, canvasmaker=make_canvas)
        pages = holder["canvas"].pages_shown
    return pages
