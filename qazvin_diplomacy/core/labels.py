"""Enumerations whose members carry a code, a Persian label and an English label.

Every enum of the application is declared the same way, labels next to the code::

    class GiftDirection(LabelledEnum):
        GIVEN = "given", "اهدایی", "Given"
        RECEIVED = "received", "دریافتی", "Received"

``GiftDirection("given")`` finds a member by its code (the stored value), ``.label(lang)``
names it, :meth:`~_Labels.find` / :meth:`~_Labels.parse` read what a person typed (the code,
``in-force`` for ``in_force``, or either label; spelling variants ignored) and
:meth:`~_Labels.label_of` names a stored code that may be unknown.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum
from functools import cache
from typing import Any, Self

from qazvin_diplomacy.core.errors import KnownError
from qazvin_diplomacy.core.text import compact_key

__all__ = ["LabelledEnum", "LabelledIntEnum"]


class _Labels:
    """The label behaviour shared by :class:`LabelledEnum` and :class:`LabelledIntEnum`."""

    _label_fa: str
    _label_en: str
    value: Any

    @property
    def code(self) -> Any:
        """The stored value."""
        return self.value

    @property
    def label_fa(self) -> str:
        """Persian label (the office's words, see DOMAIN.md)."""
        return self._label_fa

    @property
    def label_en(self) -> str:
        """English label."""
        return self._label_en

    def label(self, lang: str = "fa") -> str:
        """Label in ``lang`` ("fa" or "en")."""
        return self._label_en if lang == "en" else self._label_fa

    @property
    def order(self) -> int:
        """Position among the members (display and sort order)."""
        return _positions(type(self))[self]

    @classmethod
    def find(cls, text: str | None) -> Self | None:
        """The member whose code (``in_force``, ``in-force``) or Persian/English label is ``text``.

        Spelling variants (case, spaces, ZWNJ, punctuation, Arabic Yeh/Kaf) are ignored; None
        when nothing matches.
        """
        exact = cls._value2member_map_.get(text)  # type: ignore[attr-defined]
        if exact is not None:  # a stored code, as read back: no key to compute
            return exact  # type: ignore[no-any-return]
        key = compact_key(text)
        if not key:
            return None
        return _names(cls).get(key)  # type: ignore[return-value]

    @classmethod
    def parse(cls, text: str, what_fa: str, what_en: str) -> Self:
        """:meth:`find`, or ``KnownError`` naming ``what`` and listing the codes with their labels."""
        found = cls.find(text)
        if found is not None:
            return found
        members = list(cls)  # type: ignore[call-overload]
        allowed = "، ".join(f"{m.value} ({m.label_fa})" for m in members)
        raise KnownError(
            f"{what_fa} «{text}» شناخته نشد؛ یکی از: {allowed}.",
            f"Unknown {what_en} '{text}'; use one of: " + ", ".join(str(m.value) for m in members),
        )

    @classmethod
    def label_of(cls, code: Any, lang: str = "fa") -> str:
        """The label in ``lang`` of a stored ``code``; '' for none, an unknown code as is."""
        if code is None:
            return ""
        try:
            member = cls(code)  # type: ignore[call-arg]
        except ValueError:
            return str(code)
        return member.label(lang)  # type: ignore[no-any-return]


@cache
def _positions(enum: type) -> dict[Any, int]:
    """``{member: position}`` of an enum (its members never change)."""
    return {member: i for i, member in enumerate(enum)}


@cache
def _names(enum: type) -> dict[str, Any]:
    """``{compact key of a code or label: member}`` of an enum, the first member winning."""
    found: dict[str, Any] = {}
    for member in enum:
        for name in (str(member.value), member.label_fa, member.label_en):
            found.setdefault(compact_key(name), member)
    return found


class LabelledEnum(_Labels, StrEnum):
    """A string enum; each member is declared as ``NAME = code, label_fa, label_en``."""

    def __new__(cls, code: str, label_fa: str, label_en: str) -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member._label_fa = label_fa
        member._label_en = label_en
        return member


class LabelledIntEnum(_Labels, IntEnum):
    """An integer enum; each member is declared as ``NAME = number, label_fa, label_en``."""

    def __new__(cls, number: int, label_fa: str, label_en: str) -> Self:
        member = int.__new__(cls, number)
        member._value_ = number
        member._label_fa = label_fa
        member._label_en = label_en
        return member
