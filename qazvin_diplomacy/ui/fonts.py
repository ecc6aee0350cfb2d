"""Fonts: register the bundled Vazirmatn, or fall back to a system font that has Persian."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from qazvin_diplomacy.paths import resources_dir

log = logging.getLogger(__name__)

BUNDLED_FAMILY = "Vazirmatn"
FONT_FILES = ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf")
#: System fonts known to cover Persian, tried in order when the bundled font fails.
FALLBACK_FAMILIES = (
    "Vazirmatn",
    "Vazir",
    "B Nazanin",
    "Tahoma",
    "Segoe UI",
    "Noto Sans Arabic",
    "DejaVu Sans",
    "Arial",
)


def register_fonts(font_dir: Path | None = None) -> str:
    """Register the bundled fonts and return the family to use for the UI.

    If none of the files load, log a warning and return the first installed family from
    :data:`FALLBACK_FAMILIES` that can write Persian (or the default family).
    """
    font_dir = font_dir or resources_dir() / "fonts"
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(font_dir / name))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if families:
        return BUNDLED_FAMILY if BUNDLED_FAMILY in families else families[0]
    fallback = system_persian_family()
    log.warning(
        "bundled font Vazirmatn could not be loaded from %s; using system font %r",
        font_dir,
        fallback,
    )
    return fallback


def system_persian_family() -> str:
    """The first installed family from the fallback list that supports the Arabic script."""
    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.Arabic))
    for family in FALLBACK_FAMILIES:
        if family in installed:
            return family
    if installed:
        return sorted(installed)[0]
    return QFont().defaultFamily()


def ui_font(family: str, point_size: int = 10) -> QFont:
    """The application font for ``family``."""
    font = QFont(family, point_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
