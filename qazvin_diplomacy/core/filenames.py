"""File names that are safe on Windows, whatever the user typed."""

from __future__ import annotations

import re
import unicodedata

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_NAME = 150


def safe_filename(name: str, default: str = "file") -> str:
    """Return ``name`` usable as a Windows file name (Persian letters and ZWNJ kept).

    Forbidden characters become ``_``, trailing dots and spaces go, reserved device names
    (CON, PRN, COM1 …) get a leading ``_``, and the result is at most 150 characters.
    """
    name = unicodedata.normalize("NFC", name or "")
    name = _FORBIDDEN.sub("_", name).strip().rstrip(". ")
    if not name:
        name = default
    stem, dot, ext = name.rpartition(".")
    base = stem if dot else name
    if base.upper() in _RESERVED:
        name = "_" + name
    if len(name) > MAX_NAME:
        if dot and len(ext) <= 10:
            name = name[: MAX_NAME - len(ext) - 1].rstrip(". ") + "." + ext
        else:
            name = name[:MAX_NAME].rstrip(". ")
    return name
