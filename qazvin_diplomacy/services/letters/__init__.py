"""Outgoing letters: the register (numbers, search, printed copies) and the office's letter settings.

A letter gets its number from ``register_letter`` (the next of its Jalali year, formatted by
the office's pattern; a letter printed again for the same ``source_key`` keeps its number);
``keep_printed_copy`` keeps the printed file with the attachments (``owner_kind=
"outgoing_letter"``).  The office's pattern, letterhead, signatory and emblem are read with
``get_office_settings`` and written with ``save_office_settings`` / ``set_emblem``.
"""

from __future__ import annotations

from qazvin_diplomacy.services.letters.register import (
    OWNER_KIND,
    SORTS,
    ReadOnlyRegisterError,
    count_letters,
    find_letter,
    get_letter,
    keep_printed_copy,
    list_letters,
    printed_copies,
    register_letter,
    update_letter,
)
from qazvin_diplomacy.services.letters.settings import (
    EMBLEM_OWNER_KIND,
    emblem_path,
    get_office_settings,
    save_office_settings,
    set_emblem,
)

__all__ = [
    "EMBLEM_OWNER_KIND",
    "OWNER_KIND",
    "SORTS",
    "ReadOnlyRegisterError",
    "count_letters",
    "emblem_path",
    "find_letter",
    "get_letter",
    "get_office_settings",
    "keep_printed_copy",
    "list_letters",
    "printed_copies",
    "register_letter",
    "save_office_settings",
    "set_emblem",
    "update_letter",
]
