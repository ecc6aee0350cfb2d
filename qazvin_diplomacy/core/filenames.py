"""File names that are safe on Windows, whatever the user typed."""

from __future__ import annotations

import re
import unicodedata

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
# Windows device names; ¹ ² ³ count as digits there, and COM0/LPT0 are reserved too.
_PORT_DIGITS = "0123456789\u00b9\u00b2\u00b3"
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    "CONIN$",
    "CONOUT$",
    *(f"{port}{digit}" for port in ("COM", "LPT") for digit in _PORT_DIGITS),
}
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
    if is_reserved_name(name):
        name = "_" + name
    stem, dot, ext = name.rpartition(".")
    if len(name) > MAX_NAME:
        if dot and len(ext) <= 10:
            name = name[: MAX_NAME - len(ext) - 1].rstrip(". ") + "." + ext
        else:
            name = name[:MAX_NAME].rstrip(". ")
    return name


def is_reserved_name(name: str) -> bool:
    """Whether Windows takes ``name`` for a device: ``NUL.tar.gz``, ``AUX .scan.pdf``, ``COM¹``.

    Windows looks at the part before the *first* dot, with trailing spaces ignored.
    """
    base = name.split(".", 1)[0].rstrip(" ")
    return base.upper() in _RESERVED
