"""Errors shared by every layer, split by cause.

``KnownError`` subclasses describe conditions a user can understand and act on; each
carries a Persian message (``message``) and an English one (``message_en``).  Anything
else that escapes is a bug.
"""

from __future__ import annotations


class KnownError(Exception):
    """An error caused by the environment or the user's input, not by a bug."""

    def __init__(self, message: str, message_en: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class OperationCancelled(KnownError):
    """The user pressed Cancel on long work; whatever it had started was undone."""

    def __init__(
        self,
        message: str = "کار لغو شد؛ هیچ تغییری ثبت نشد.",
        message_en: str = "Cancelled; nothing was changed.",
    ) -> None:
        super().__init__(message, message_en)


class ValidationError(KnownError):
    """Input refused; ``errors`` maps a field name to its Persian message."""

    def __init__(self, errors: dict[str, str] | str, message_en: str = "") -> None:
        if isinstance(errors, str):
            errors = {"": errors}
        self.errors: dict[str, str] = dict(errors)
        super().__init__("؛ ".join(self.errors.values()), message_en)

    @property
    def field(self) -> str:
        """The first field in error ('' when the error is about the whole record)."""
        return next(iter(self.errors))


class NotFoundError(KnownError):
    """A record asked for by id does not exist (or is archived)."""


class StaleRecordError(KnownError):
    """Optimistic locking: the record was changed by someone else since it was read."""

    def __init__(self, what: str = "رکورد", *, entity: str = "", entity_id: str = "") -> None:
        super().__init__(
            f"کاربر دیگری این {what} را در این فاصله تغییر داده است؛ "
            "لطفاً آن را دوباره باز کنید و تغییرات خود را دوباره اعمال کنید.",
            "This record was changed by someone else in the meantime; reopen it and apply your changes again.",
        )
        #: The table and id of the changed row when known (its audit trail says who and when).
        self.entity = entity
        self.entity_id = entity_id


class DatabaseRefusedError(KnownError):
    """A database file that cannot be opened safely; it is left untouched."""
